from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Contributor


class ContributorViewSet(SnippetViewSet):
    """Authors and medical reviewers, reused across articles."""

    model = Contributor
    icon = "user"
    menu_label = "Contributors"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "credentials", "role"]
    search_fields = ["name", "credentials"]
