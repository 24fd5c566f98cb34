"""Lighthouse scores the seed article at least 95 in every category, on a
phone and on a desktop. The scores are printed at the end of the run."""

import urllib.request

import pytest

from e2e.demo import SEED_PATH

MINIMUM = 95


@pytest.mark.parametrize("preset", ["mobile", "desktop"])
def test_the_seed_article_scores_well(site, lighthouse, preset, request):
    url = f"{site.url}{SEED_PATH}"
    urllib.request.urlopen(url).close()  # a read article is in the page cache
    scores, shortfalls = lighthouse(url, preset)

    line = f"{preset:>8}: " + ", ".join(
        f"{name} {score}" for name, score in scores.items()
    )
    if not hasattr(request.config, "lighthouse_scores"):
        request.config.lighthouse_scores = []
    request.config.lighthouse_scores.append(line)
    print(f"Lighthouse {line}")
    low = {name: score for name, score in scores.items() if score < MINIMUM}
    assert not low, f"below {MINIMUM}: {low}; audits that fell short: {shortfalls}"
