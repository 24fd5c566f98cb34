"""An article's related articles, as a part of its page (``core.includes``).

Related articles change whenever an article is published on one of the
article's topics, far more often than the article itself. Served here, the
article's page stays cached through those publishes; this part is cached
(``{% cached_fragment %}``) and dropped on its own, by the tags of what it
lists.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from articles.models import ArticlePage
from core import cache_tags


@require_safe
@cache_control(public=True, max_age=settings.PAGE_MAX_AGE)
def related_articles(request, page_id):
    cache_tags.add(request, cache_tags.page(page_id))

    def listed():
        article = ArticlePage.objects.live().public().filter(pk=page_id).first()
        if article is None:
            return []
        topics = article.shown_topics(request)
        return article.related_articles(topics, request)

    return TemplateResponse(
        request,
        "articles/includes/related_part.html",
        {"related_articles": SimpleLazyObject(listed), "page_id": page_id},
    )
