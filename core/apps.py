from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The site-wide machinery: caches, purges, security headers, share cards."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import signal_handlers

        signal_handlers.connect()
