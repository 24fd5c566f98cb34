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


def main():
    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client, RequestFactory
    from django.urls import reverse

    from polls.components import HelpfulnessDashboardPanel

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    report_url = reverse("polls_admin:helpfulness")

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    request = RequestFactory(HTTP_HOST="127.0.0.1").get("/admin/")
    request.user = user
    panel = HelpfulnessDashboardPanel()

    print(
        json.dumps(
            {
                "report": timed(lambda: get(report_url)),
                "dashboard": timed(lambda: get(reverse("wagtailadmin_home"))),
                "panel": timed(lambda: panel.render_html({"request": request})),
            }
        )
    )


if __name__ == "__main__":
    main()
