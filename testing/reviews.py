"""The Clinical review's approval, as a moderator sends it."""

import datetime

from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from articles.governance import EDITORS, MODERATORS, govern_article_sections
from articles.models import Contributor
from testing.pages import make_index
from testing.users import make_user


def reviewed_section():
    """An articles section under the Clinical review: (section, editor, moderator)."""
    section = make_index()
    govern_article_sections(apps, [section])
    return section, make_user("editor", EDITORS), make_user("maya", MODERATORS)


def make_clinician(user=None, name="Dr Asha Rao", credentials="MBBS, MRCGP"):
    return Contributor.objects.create(
        name=name, credentials=credentials, role="General practitioner", user=user
    )


def review_data(reviewer, reviewed=None, due=None, comment=""):
    """The approval form's fields: ``reviewed`` defaults to today, ``due`` to a
    year after it."""
    reviewed = reviewed or timezone.localdate()
    due = due or reviewed + datetime.timedelta(days=365)
    return {
        "reviewer": reviewer.pk,
        "last_reviewed": reviewed.isoformat(),
        "next_review_due": due.isoformat(),
        "comment": comment,
    }


def approval_url(page, action="approve"):
    """The modal's URL (the dashboard's Approve button posts to it too)."""
    state = page.current_workflow_task_state
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk]
    )
