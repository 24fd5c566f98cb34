from wagtail.snippets.models import register_snippet

from articles.views import ContributorViewSet

register_snippet(ContributorViewSet)
