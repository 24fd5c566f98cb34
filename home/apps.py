from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from core import registry
        from home.models import SiteSettings

        # Every page shows the site settings (tagline, social links, ...), and
        # shares their default image when it has none of its own.
        registry.show_on_pages("home.SiteSettings")
        registry.set_default_share_image(
            lambda request: SiteSettings.for_request(request).default_share_image
        )
