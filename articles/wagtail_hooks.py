from wagtail.snippets.models import register_snippet

from articles.views.snippets import ContributorViewSet, TopicViewSet

register_snippet(ContributorViewSet)
register_snippet(TopicViewSet)
