"""The weekly helpfulness digest as mail: who gets it, what it says, sending it.

``send_helpfulness_digest`` (run weekly from cron) mails every active user
who may view poll results and has not opted out in their account settings.
A user gets at most one digest a week (``DigestSent``), so a second run in
the same week sends nothing. Nothing is marked as sent unless the mail
server took every message. The figures are ``polls.insight.digest``'s.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from polls import conf
from polls.admin.permissions import VIEW_RESULTS
from polls.insight.digest import ATTENTION_LIMIT
from polls.models import DigestSent


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


def message(digest, user, previous, from_email=None):
    """``digest`` as ``user``'s mail, its changed verdicts measured against
    ``previous`` ({revision: verdict}, from their last digest)."""
    context = {
        "user": user,
        "week": digest.week,
        "attention": [
            {
                "entry": entry,
                "url": absolute(entry.url),
                "triggers": [
                    (trigger.figure, absolute(trigger.url) if trigger.url else "")
                    for trigger in entry.triggers
                ],
            }
            for entry in digest.attention[:ATTENTION_LIMIT]
        ],
        "attention_more": max(0, len(digest.attention) - ATTENTION_LIMIT),
        "changed": [
            {
                "comparison": c,
                "url": absolute(
                    reverse("polls_admin:page_helpfulness", args=[c.page.pk])
                ),
            }
            for c in digest.changed_for(previous)
        ],
        "totals": digest.totals,
        "totals_period": digest.totals_period,
        "attention_period": digest.attention_period,
        "method_url": conf.get("POLLS_METHOD_URL"),
        "percent": (
            round(100 * digest.totals["positive"] / digest.totals["responses"])
            if digest.totals["responses"]
            else None
        ),
        "report_url": absolute(reverse("polls_admin:attention")),
        "settings_url": absolute(reverse("wagtailadmin_account")),
    }
    subject = f"Reader feedback: week of {digest.week:%-d %B %Y}"
    text = render_to_string("polls/email/digest.txt", context)
    html = render_to_string("polls/email/digest.html", context)
    mail = EmailMultiAlternatives(subject, text, from_email, [user.email])
    mail.attach_alternative(html, "text/html")
    return mail


def previous_verdicts(user):
    last = DigestSent.objects.filter(user=user).order_by("-week").first()
    return last.verdicts if last else {}


def send_digest(digest, users, connection=None):
    """Send each user their digest; record them only if all were accepted.

    Raises whatever the mail backend raises (e.g. ``OSError`` when the server
    cannot be reached); then nothing is recorded.
    """
    messages = [message(digest, user, previous_verdicts(user)) for user in users]
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
