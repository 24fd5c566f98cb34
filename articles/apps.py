from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles import signal_handlers  # noqa: F401
        from core import registry
        from polls.voting import reader_state

        # Articles show their contributors, topics and poll; a page showing
        # the reader's own answer (?answered=…) is theirs alone.
        registry.show_on_pages(
            "articles.Contributor",
            "articles.Topic",
            "polls.Poll",
            "polls.Choice",
            "polls.PollSettings",
        )
        registry.keep_private(reader_state.is_requested)
