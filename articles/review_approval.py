"""What approving the Clinical review asks for, and what it records.

The approving moderator says who reviewed the article, when, and when it is
next due; approving saves those on a new revision of the article and
publishes that revision, so the live page says "Medically reviewed by … on
…" and its JSON-LD follows. The approval's comment in the page's history
says the same, with who approved it and when.
"""

import calendar

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Page

from articles.models.contributor import Contributor
from articles.models.review_settings import ReviewSettings

DEFAULT_INTERVAL_MONTHS = 12


def add_months(day, months):
    """``day`` moved ``months`` on; the 31st becomes the month's last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def review_defaults(page, user, today=None):
    """The form's first values: the contributor linked to ``user``, today, and
    the next review the site's settings propose (12 months by default)."""
    today = today or timezone.localdate()
    site = page.get_site()
    months = (
        ReviewSettings.for_site(site).review_interval_months
        if site
        else DEFAULT_INTERVAL_MONTHS
    )
    return {
        "reviewer": Contributor.objects.filter(user=user)
        .values_list("pk", flat=True)
        .first(),
        "last_reviewed": today,
        "next_review_due": add_months(today, months),
    }


class DateInput(forms.DateInput):
    """The browser's own date picker: no script, and the same in a modal."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ReviewApprovalForm(forms.Form):
    """The approval modal's form.

    Its cleaned data must survive JSON (Wagtail sends it back with the edit
    form when a moderator approves from the editor), so the reviewer is kept
    as the contributor's id.
    """

    reviewer = forms.ModelChoiceField(
        queryset=Contributor.objects.all(),
        label="Medically reviewed by",
        help_text=(
            "The clinician who checked the article. Add them under Contributors "
            "if they are missing."
        ),
    )
    last_reviewed = forms.DateField(label="Review date", widget=DateInput())
    next_review_due = forms.DateField(
        label="Next review due",
        widget=DateInput(),
        help_text="When the article must be checked again.",
    )
    comment = forms.CharField(
        label="Comment", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean_reviewer(self):
        return self.cleaned_data["reviewer"].pk

    def clean_last_reviewed(self):
        day = self.cleaned_data["last_reviewed"]
        if day > timezone.localdate():
            raise forms.ValidationError("The review date cannot be in the future.")
        return day

    def clean(self):
        cleaned_data = super().clean()
        last, due = (
            cleaned_data.get("last_reviewed"),
            cleaned_data.get("next_review_due"),
        )
        if last and due and due <= last:
            self.add_error(
                "next_review_due", "The next review must come after the review date."
            )
        return cleaned_data

    @classmethod
    def from_action_data(cls, data):
        """The form bound to what reached ``Task.on_action``: cleaned values
        from the modal, or the same values back from JSON."""
        return cls(
            data={
                name: value.isoformat() if hasattr(value, "isoformat") else value
                for name, value in data.items()
            }
        )


def review_comment(reviewer, last_reviewed, next_review_due, comment=""):
    """The approval's comment in the page's history."""
    summary = (
        f"Medically reviewed by {reviewer} on {date_format(last_reviewed)}. "
        f"Next review due {date_format(next_review_due)}."
    )
    return f"{summary}\n\n{comment}" if comment else summary


def record_review(task_state, user, cleaned_data):
    """Save the review on a new revision of the page and approve the task,
    which publishes that revision."""
    reviewer = Contributor.objects.get(pk=cleaned_data["reviewer"])
    page = Page.objects.get(pk=task_state.revision.object_id).specific
    draft = page.get_latest_revision_as_object()
    draft.reviewer = reviewer
    draft.last_reviewed = cleaned_data["last_reviewed"]
    draft.next_review_due = cleaned_data["next_review_due"]
    # Validated when submitted (and by this form); the approval's log entry
    # and the publish say what changed, so this save logs nothing itself.
    draft.save_revision(user=user, log_action=False, clean=False)
    task_state.approve(
        user=user,
        comment=review_comment(
            reviewer,
            cleaned_data["last_reviewed"],
            cleaned_data["next_review_due"],
            cleaned_data.get("comment", ""),
        ),
    )


def bound_or_defaults(form, page, user):
    """``form`` if it was posted, else a fresh one with ``review_defaults``.

    Wagtail builds the modal's form from a class alone
    (``Task.get_form_for_action``), without the user; the modal's template
    has the user, and asks for this form (``review_tags``).
    """
    if form.is_bound:
        return form
    return type(form)(initial=review_defaults(page, user))
