"""Time the editors' views in-process: python -m bench.reports (prints JSON)."""

import json
import statistics
import time

import django


def timed(call, repeat=7):
    """Median milliseconds of ``repeat`` calls, after one warm-up call."""
    call()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def edited_article():
    """A benchmark article with one published edit 45 days ago (made once)."""
    import datetime

    from django.utils import timezone
    from wagtail.models import Page, PageLogEntry

    page = Page.objects.filter(title__startswith="Bench ").order_by("pk").first()
    publishes = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
    if publishes.count() < 2:
        page.specific.save_revision().publish()
        PageLogEntry.objects.filter(pk=publishes.latest("pk").pk).update(
            timestamp=timezone.now() - datetime.timedelta(days=45)
        )
        publishes.exclude(pk=publishes.latest("pk").pk).update(
            timestamp=timezone.now() - datetime.timedelta(days=400)
        )
    return page.pk


def digest_for(user):
    """The weekly digest built and one mail rendered (``--dry-run``'s work)."""
    from polls.admin.digest_mail import message
    from polls.insight.digest import build_digest

    message(build_digest(), user, {}).message().as_string()


def main():
    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client, RequestFactory, override_settings
    from django.urls import reverse

    from polls.admin.components import HelpfulnessDashboardPanel

    article = edited_article()

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    report_url = reverse("polls_admin:helpfulness")

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    def uncached(url):
        """The first view of the hour: the CUSUM computed, not remembered."""
        with override_settings(POLLS_ATTENTION_CACHE_SECONDS=0):
            get(url)

    request = RequestFactory(HTTP_HOST="127.0.0.1").get("/admin/")
    request.user = user
    panel = HelpfulnessDashboardPanel()

    print(
        json.dumps(
            {
                "report": timed(lambda: get(report_url)),
                "dashboard": timed(lambda: get(reverse("wagtailadmin_home"))),
                "panel": timed(lambda: panel.render_html({"request": request})),
                "comparison": timed(
                    lambda: get(
                        reverse("polls_admin:edit_effects_export", args=[article])
                        + "?export=csv"
                    )
                ),
                "attention": timed(lambda: get(reverse("polls_admin:attention"))),
                "digest": timed(lambda: digest_for(user)),
                "attention_cold": timed(
                    lambda: uncached(reverse("polls_admin:attention"))
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
