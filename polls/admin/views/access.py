"""Refuse users without a report's permission with a real 403.

Wagtail's admin turns a raised ``PermissionDenied`` into a redirect to the
dashboard. For reports, exports and triage a plain 403 is more honest: a
download link or a script gets a refusal, not an HTML page that looks like
success. The site's own reports (articles' "Reviews due") refuse the same way.
"""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from polls.admin.permissions import VIEW_RESULTS, results_permission_policy


def forbidden(request):
    return TemplateResponse(
        request,
        "polls/admin/permission_denied.html",
        {
            "page_title": _("Permission denied"),
            "header_icon": "warning",
            "breadcrumbs_items": [],
        },
        status=403,
    )


class ResultsPermissionMixin:
    permission_policy = results_permission_policy
    permission_required = VIEW_RESULTS
    any_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        policy, user = self.permission_policy, request.user
        allowed = (
            self.permission_required is None
            or policy.user_has_permission(user, self.permission_required)
        ) and (
            self.any_permission_required is None
            or policy.user_has_any_permission(user, self.any_permission_required)
        )
        if not allowed:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)
