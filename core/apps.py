from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The site-wide machinery: caches, purges, security headers, share cards."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from core import database_statistics, signal_handlers

        signal_handlers.connect()
        # Sent once per app with models after every migrate; one is enough.
        post_migrate.connect(
            database_statistics.refresh_after_migrate,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="database_statistics",
        )
