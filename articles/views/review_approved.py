"""The confirmation after a moderator approves a Clinical review from the dashboard.

Wagtail's workflow-action view (the dashboard's "Approve") redirects back
without a message, and a task's ``on_action``, which has no request, can
only change where it redirects to. ``ClinicalReviewTask`` sends it here; this
says what was approved, from the moderator's own approval in the page's
history, and goes on to the dashboard.
"""

import datetime

from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from wagtail.admin import messages
from wagtail.models import Page, PageLogEntry

RECENT = datetime.timedelta(minutes=10)


class ReviewApprovedView(View):
    http_method_names = ["get"]

    def get(self, request, page_id):
        entry = (
            PageLogEntry.objects.filter(
                page_id=page_id,
                user=request.user,
                action="wagtail.workflow.approve",
                timestamp__gte=timezone.now() - RECENT,
            )
            .order_by("-timestamp")
            .first()
        )
        page = Page.objects.filter(pk=page_id).first()
        if entry and page:
            summary = (entry.data.get("comment") or "").split("\n\n")[0]
            buttons = [messages.button(page.get_url(request) or "", "View live")]
            messages.success(
                request,
                f"“{page.get_admin_display_title()}” approved and published. {summary}",
                buttons=buttons if page.live else [],
            )
        return redirect("wagtailadmin_home")
