from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.urls import reverse
from wagtail.models import AbstractGroupApprovalTask

from articles.review_approval import ReviewApprovalForm, record_review

APPROVE, REJECT = "approve", "reject"


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """A group approval that is the medical review: approving records it.

    Approving always opens a form (who reviewed the article, the review date,
    the next review due) and saves those on the revision it publishes
    (``articles.review_approval``). Rejecting is Wagtail's "Request changes".
    """

    def get_actions(self, obj, user):
        if not super().get_actions(obj, user):
            return []
        return [(REJECT, "Request changes", True), (APPROVE, "Approve", True)]

    def get_form_for_action(self, action):
        if action == APPROVE:
            return ReviewApprovalForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == APPROVE:
            return "articles/workflow/approve_review.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != APPROVE:
            return super().on_action(task_state, user, action_name, **kwargs)
        form = ReviewApprovalForm.from_action_data(kwargs)
        if not form.is_valid():
            # The modal validated the same form: only a forged request gets here.
            raise SuspiciousOperation(
                f"Invalid review approval: {form.errors.as_text()}"
            )
        record_review(task_state, user, form.cleaned_data)
        # Where Wagtail's workflow-action view (the dashboard) goes next: a
        # confirmation it does not give itself. The editor ignores this.
        return reverse(
            "articles_admin:review_approved", args=[task_state.revision.object_id]
        )

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve the article and record its "
            "medical review: who reviewed it, when, and when it is next due."
        )

    class Meta:
        verbose_name = "Clinical review task"
        verbose_name_plural = "Clinical review tasks"
