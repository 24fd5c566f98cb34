"""The weekly helpfulness digest: what needs attention, changed verdicts, totals.

``send_helpfulness_digest`` (run weekly from cron) mails every active user
who may view poll results and has not opted out in their account settings.
A user gets at most one digest a week (``DigestSent``), so a second run in
the same week sends nothing. Nothing is marked as sent unless the mail
server took every message. Its figures come from the counters, never from
the responses (see ``polls.insight.attention`` and ``polls.insight.edit_effects``).
"""

import datetime
import functools
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from polls import conf
from polls.admin.permissions import VIEW_RESULTS
from polls.insight import edit_effects, periods
from polls.insight.attention import listed, needs_attention
from polls.models import DigestSent, PollSettings, SiteDailyCount
from polls.models.counters import RECENT_DAYS

WEEK_DAYS = 7
ATTENTION_LIMIT = 20


def week_of(day):
    """The Monday of ``day``'s week: a digest's key."""
    return day - datetime.timedelta(days=day.weekday())


def absolute(path):
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def recipients(week):
    """Active users with the results permission and an address, not opted out,
    not yet sent this week's digest."""
    permission = Permission.objects.filter(
        content_type__app_label="polls", codename=VIEW_RESULTS
    )
    users = (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .distinct()
    )
    already = DigestSent.objects.filter(week=week).values("user")
    return (
        users.filter(is_active=True)
        .exclude(email="")
        .exclude(pk__in=already)
        .exclude(poll_digest_preference__receive_digest=False)
        .order_by("pk")
    )


def recent_comparisons(minimum, today):
    """Every edit whose windows may still be growing, tested together (BH)."""
    since = timezone.now() - datetime.timedelta(days=2 * edit_effects.MAX_WINDOW_DAYS)
    edited = (
        PageLogEntry.objects.filter(action="wagtail.publish")
        .order_by()
        .values("page")
        .annotate(publishes=Count("pk"), last=Max("timestamp"))
        .filter(publishes__gte=2, last__gte=since)
        .values("page")
    )
    pages = Page.objects.filter(pk__in=edited).order_by("pk")
    site_totals = functools.cache(edit_effects.site_totals_for)
    comparisons = []
    for page in pages:
        for comparison in edit_effects.compare_edits(
            page, minimum, today=today, site_totals=site_totals
        ):
            comparison.page = page
            comparisons.append(comparison)
    edit_effects.judge(comparisons, minimum)
    return comparisons


@dataclass
class Digest:
    week: datetime.date
    attention: list
    comparisons: list
    totals: dict
    today: datetime.date = None

    @property
    def totals_period(self):
        """The last 7 complete days, as "Last 7 days" means everywhere."""
        return periods.last_days(WEEK_DAYS, self.today)

    @property
    def attention_period(self):
        return periods.last_days(RECENT_DAYS, self.today)

    @property
    def verdicts(self):
        return {str(c.revision_id): c.verdict for c in self.comparisons}

    def changed_for(self, previous):
        """Edits whose verdict differs from ``previous`` ({revision: verdict})."""
        return [
            c
            for c in self.comparisons
            if c.verdict != edit_effects.TOO_FEW
            and previous.get(str(c.revision_id)) != c.verdict
        ]

    def message(self, user, previous, from_email=None):
        context = {
            "user": user,
            "week": self.week,
            "attention": [
                {
                    "entry": entry,
                    "url": absolute(entry.url),
                    "triggers": [
                        (trigger.figure, absolute(trigger.url) if trigger.url else "")
                        for trigger in entry.triggers
                    ],
                }
                for entry in self.attention[:ATTENTION_LIMIT]
            ],
            "attention_more": max(0, len(self.attention) - ATTENTION_LIMIT),
            "changed": [
                {
                    "comparison": c,
                    "url": absolute(
                        reverse("polls_admin:page_helpfulness", args=[c.page.pk])
                    ),
                }
                for c in self.changed_for(previous)
            ],
            "totals": self.totals,
            "totals_period": self.totals_period,
            "attention_period": self.attention_period,
            "method_url": conf.get("POLLS_METHOD_URL"),
            "percent": (
                round(100 * self.totals["positive"] / self.totals["responses"])
                if self.totals["responses"]
                else None
            ),
            "report_url": absolute(reverse("polls_admin:attention")),
            "settings_url": absolute(reverse("wagtailadmin_account")),
        }
        subject = f"Reader feedback: week of {self.week:%-d %B %Y}"
        text = render_to_string("polls/email/digest.txt", context)
        html = render_to_string("polls/email/digest.html", context)
        message = EmailMultiAlternatives(subject, text, from_email, [user.email])
        message.attach_alternative(html, "text/html")
        return message


def build_digest(today=None):
    today = today or timezone.localdate()
    minimum = (
        PollSettings.objects.order_by("pk")
        .values_list("minimum_per_side", flat=True)
        .first()
        or edit_effects.DEFAULT_MINIMUM
    )
    week = periods.last_days(WEEK_DAYS, today)
    totals = SiteDailyCount.objects.filter(
        date__gte=week.start, date__lte=week.end
    ).totals()
    attention = needs_attention(minimum, today=today)
    listed(attention[:ATTENTION_LIMIT])  # the ones the mail lists
    return Digest(
        week=week_of(today),
        attention=attention,
        comparisons=recent_comparisons(minimum, today),
        totals=totals,
        today=today,
    )


def previous_verdicts(user):
    last = DigestSent.objects.filter(user=user).order_by("-week").first()
    return last.verdicts if last else {}


def send_digest(digest, users, connection=None):
    """Send each user their digest; record them only if all were accepted.

    Raises whatever the mail backend raises (e.g. ``OSError`` when the server
    cannot be reached); then nothing is recorded.
    """
    messages = [digest.message(user, previous_verdicts(user)) for user in users]
    if not messages:
        return 0
    connection = connection or get_connection(fail_silently=False)
    connection.send_messages(messages)
    with transaction.atomic():
        DigestSent.objects.bulk_create(
            [
                DigestSent(user=user, week=digest.week, verdicts=digest.verdicts)
                for user in users
            ],
            ignore_conflicts=True,
        )
    return len(messages)
