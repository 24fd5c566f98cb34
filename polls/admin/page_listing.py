"""The page explorer shows each page's helpfulness at a glance.

``annotate_helpfulness`` (a ``construct_explorer_page_queryset`` hook) adds
two correlated subqueries over the page's ``PageTotal`` rows (one per
choice) to the listing's query, so the figures arrive with the pages: the
database computes them only for the rows on screen, through the (page,
choice) unique index, and no query runs per row. The button hook then reads
those annotations; where they are missing (another listing, or a user who
may not see results) it shows nothing rather than query.
"""

from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import ListingButton

from polls.admin.permissions import can_view_results
from polls.insight.stats import Helpfulness
from polls.models import PageTotal
from polls.models.counters import POSITIVE


def _page_total(*filters):
    return Coalesce(
        Subquery(
            PageTotal.objects.filter(*filters, page=OuterRef("pk"))
            .order_by()
            .values("page")
            .annotate(sum=Sum("total"))
            .values("sum"),
            output_field=IntegerField(),
        ),
        0,
    )


def annotate_helpfulness(parent_page, pages, request):
    if not can_view_results(request.user):
        return pages
    return pages.annotate(
        polls_responses=_page_total(),
        polls_positive=_page_total(POSITIVE),
    )


def helpfulness_listing_buttons(page, user, next_url=None):
    responses = getattr(page, "polls_responses", None)
    if not responses or not can_view_results(user):
        return
    summary = Helpfulness(responses=responses, positive=page.polls_positive).summary()
    yield ListingButton(
        _("%(summary)s, all time") % {"summary": summary},
        url=reverse("polls_admin:page_helpfulness", args=[page.pk]),
        icon_name="help",
        priority=40,
        attrs={
            "title": _("Reader feedback on this page, all time: open its report"),
        },
    )
