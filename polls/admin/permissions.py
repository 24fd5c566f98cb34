"""Who may see poll results and triage reader comments.

Everything in the polls admin (reports, exports, the per-page view, the
comment listing, the dashboard panel, the page listing summary) asks this
policy, so one permission, ``polls.view_results``, opens or closes all of it.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from polls.models import Response

VIEW_RESULTS = "view_results"


class ResultsPermissionPolicy(ModelPermissionPolicy):
    """``view_results`` for reading; triage also needs ``change_response``.

    Responses are written by readers, through ``polls.voting.services``, never
    typed in or deleted in the admin, so "add" and "delete" are refused to
    everyone, superusers included.
    """

    def user_has_permission(self, user, action):
        if not (user.is_active and user.has_perm(f"polls.{VIEW_RESULTS}")):
            return False
        if action in (VIEW_RESULTS, "view"):
            return True
        if action == "change":
            return super().user_has_permission(user, "change")
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_permission_for(self, user, action):
        if self.user_has_permission(user, action):
            return self.model.objects.all()
        return self.model.objects.none()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model.objects.all()
        return self.model.objects.none()


results_permission_policy = ResultsPermissionPolicy(Response)


def can_view_results(user):
    return results_permission_policy.user_has_permission(user, VIEW_RESULTS)
