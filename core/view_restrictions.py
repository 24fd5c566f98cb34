"""A page served from a remembered route asks no query for its view restrictions.

Wagtail checks every page it serves against the view restrictions of the
page and its ancestors (``Page.get_view_restrictions``, called by its
``check_view_restrictions`` hook): two queries on every request, about a
quarter of an uncached article's time (docs/performance.md). The route
cache (``core.route_cache``) keeps, per URL, the page it leads to, fresh
until that page or an ancestor is published, moved or deleted or has a
view restriction saved or deleted (``core.signal_handlers``). It keeps the
ids of the restrictions that apply beside it, read with Wagtail's own
method when the route is stored, and gives them to the page it loads.

A page model with ``RememberedViewRestrictions`` answers from those ids:
no query when there are none, the restrictions themselves read afresh when
there are some. Any other page instance gets Wagtail's own answer, and so
does an alias or a page under one: Wagtail checks an alias against the
restrictions of the page it stands for, whose changes do not reach the
alias's cache tags.
"""

from wagtail.models import PageViewRestriction


class RememberedViewRestrictions:
    """For page models: the view restrictions the route cache remembered."""

    # The ids of the restrictions that apply, when core.route_cache loaded
    # this instance from a remembered route; None otherwise.
    remembered_view_restrictions = None

    def get_view_restrictions(self):
        ids = self.remembered_view_restrictions
        if ids is None:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(pk__in=ids)


def restriction_ids(page):
    """The ids of the view restrictions that apply to ``page``, as Wagtail
    finds them; None for an alias or a page under one (not remembered)."""
    if page.alias_of_id or page.get_ancestors().filter(alias_of__isnull=False).exists():
        return None
    return tuple(page.get_view_restrictions().values_list("pk", flat=True))
