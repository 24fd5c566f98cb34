"""The cache tags of what article pages show (see ``core.cache_tags``).

Core tags every served page with itself and its ancestors. Articles add:

- ``topic:<id>``: a topic's name, slug and description, wherever shown;
- ``filed:<id>``: which articles are published under a topic, which the
  topic's pages list and the related articles of every article filed there
  are chosen from (a part of the article's page of its own, so the article
  itself is not dropped: ``articles.views.related``);
- ``contributor:<id>``: an author or reviewer, on the articles they sign;
- ``poll:<id>``: a poll's question and choices, on the pages showing it
  (``poll:default`` for pages showing their site's default poll);
- ``articles:newest``: the newest articles, on the home page, the feed and
  a related-articles list that had to be filled with them;
- ``articles:topics``: which topics have published articles, on every
  listing's topic filter and the sitemap;
- ``polls:settings``: the site's poll settings (default poll, what readers
  are told about comments), on every page showing a poll.

``articles.signal_handlers`` bumps them when what they name changes.
"""

from core import cache_tags as core_tags

NEWEST = "articles:newest"
TOPIC_LIST = "articles:topics"
POLL_SETTINGS = "polls:settings"


def topic(pk):
    return f"topic:{pk}"


def filed(pk):
    return f"filed:{pk}"


def contributor(pk):
    return f"contributor:{pk}"


def poll(pk):
    """A poll by id, or ``None`` for whichever poll is a site's default."""
    return f"poll:{pk or 'default'}"


def for_article(article):
    """What an article shows besides itself and its topics: people and polls.

    Read from the page's own columns and body, so tagging costs no query.
    """
    people = {contributor(pk) for pk in (article.author_id, article.reviewer_id) if pk}
    polls = {
        poll(block["value"].get("poll"))
        for block in article.body.raw_data
        if block["type"] == "poll"
    }
    if article.show_poll:
        polls.add(poll(article.poll_id))
    if polls:
        polls.add(POLL_SETTINGS)
    return people | polls


def for_topics(topics):
    """An article's topic links."""
    return {topic(item.pk) for item in topics}


def for_related(related, topics, limit):
    """A related list: the articles it shows, the articles filed under the
    topics it is chosen from, and the newest articles if it had to use them."""
    tags = {core_tags.page(item.pk) for item in related}
    tags |= {filed(item.pk) for item in topics}
    if len(related) < limit or any(not item.shared_topics for item in related):
        tags.add(NEWEST)
    return tags
