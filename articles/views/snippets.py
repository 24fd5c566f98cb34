from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import Contributor, Topic


class ContributorViewSet(SnippetViewSet):
    """Authors and medical reviewers, reused across articles."""

    model = Contributor
    icon = "user"
    menu_label = "Contributors"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "credentials", "role"]
    search_fields = ["name", "credentials"]


class TopicViewSet(SnippetViewSet):
    """The subjects readers browse by; each has a page under every articles section."""

    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]
