"""The home page's featured-article chooser: published articles only.

Wagtail's page chooser browses the whole tree, drafts and articles in
moderation included, and a featured draft would silently not show. This
chooser lists only live articles, the newest first, and searches them.
"""

from wagtail.admin.viewsets.chooser import ChooserViewSet

from articles.models import ArticlePage


class LiveArticleChooserViewSet(ChooserViewSet):
    model = ArticlePage
    icon = "doc-full"
    choose_one_text = "Choose a published article"
    choose_another_text = "Choose another article"
    edit_item_text = "Edit this article"
    register_widget = False  # only the featured articles use it

    def get_object_list(self):
        return ArticlePage.objects.live().order_by("-first_published_at", "-pk")


live_article_chooser_viewset = LiveArticleChooserViewSet(
    "live_article_chooser", url_prefix="home/live-articles"
)
