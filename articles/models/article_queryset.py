from datetime import timedelta

from django.db.models import Count, F, Q
from django.utils import timezone
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

REVIEW_WINDOW_DAYS = 30
# Related articles are chosen among the articles most recently filed under
# the same topics, and the newest.
RELATED_CANDIDATES = 100


class ArticlePageQuerySet(PageQuerySet):
    def reviews_due(self, *, today=None, within_days=REVIEW_WINDOW_DAYS):
        """Live articles whose next review is past, close, or was never set."""
        horizon = (today or timezone.localdate()) + timedelta(days=within_days)
        return (
            self.live()
            .filter(Q(next_review_due__lte=horizon) | Q(next_review_due__isnull=True))
            .select_related("reviewer")
            .order_by(F("next_review_due").asc(nulls_first=True), "title", "pk")
        )

    def newest(self, root, limit, *, exclude=()):
        """The ``limit`` newest published articles under ``root``, as a list.

        Their ids come from Wagtail's page table alone, ordered by its own
        columns and filtered by path (not ``descendant_of``, whose range of
        depths leads SQLite to read every page of those depths), so the
        database walks its index of publication dates and stops after
        ``limit`` rows; the articles are then read by id.
        """
        ids = list(
            Page.objects.live()
            .public()
            .type(self.model)
            .filter(path__startswith=root.path)
            .exclude(pk__in=[root.pk, *exclude])
            .order_by("-first_published_at", "-id")
            .values_list("id", flat=True)[:limit]
        )
        found = self.filter(pk__in=ids).in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def related_to(self, article, topics, *, limit=3):
        """Published articles sharing the most of ``topics``, then the newest.

        The candidates are the articles most recently filed under these
        topics and the newest articles: a bounded number, each list read in
        index order, so the cost does not grow with the articles a topic
        holds. The newest are asked of the page table, whose index of
        publication dates gives them without sorting every article.
        """
        topic_ids = [topic.pk for topic in topics]
        recently_filed = (
            self.model.topics.through.objects.filter(topic__in=topic_ids)
            .order_by("-pk")
            .values_list("articlepage_id", flat=True)[:RELATED_CANDIDATES]
        )
        newest = (
            Page.objects.live()
            .public()
            .type(self.model)
            .exclude(pk=article.pk)
            .order_by("-first_published_at", "-id")
            .values_list("id", flat=True)[: limit + 1]
        )
        candidates = {*recently_filed, *newest} - {article.pk}
        return (
            self.live()
            .public()
            .filter(pk__in=candidates)
            .annotate(
                shared_topics=Count(
                    "topics", filter=Q(topics__in=topic_ids), distinct=True
                )
            )
            .order_by("-shared_topics", "-first_published_at", "-pk")[:limit]
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
