from wagtail.admin.menu import MenuItem

from polls.admin.permissions import can_view_results


class ResultsMenuItem(MenuItem):
    """A menu item only users who may see poll results are shown."""

    def is_shown(self, request):
        return can_view_results(request.user)
