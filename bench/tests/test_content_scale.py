import pytest

from bench import content_pages, content_scale
from testing.bulk import add_articles
from testing.demo import load_demo


def row(ms, queries):
    return {"path": "/", "ms": ms, "queries": queries}


def test_each_page_gives_both_times_their_ratio_and_both_query_counts():
    sites = {
        "1k": {"home": row(20.0, 14), "search": row(50.0, 17)},
        "100k": {"home": row(25.0, 14), "search": row(90.0, 18)},
    }
    home, search = content_scale.page_rows("SQLite", sites)[2:]
    assert home.split() == ["home", "20.0", "25.0", "1.25x", "14", "/", "14"]
    assert search.endswith("<-")  # 1.8x and one more query: not flat
    assert "1.80x" in search


def test_a_sitemap_file_is_held_to_its_time_not_its_ratio():
    sites = {
        "1k": {"sitemap file": row(25.0, 5)},
        "100k": {"sitemap file": row(400.0, 5)},
    }
    (line,) = content_scale.page_rows("SQLite", sites)[2:]
    assert "16.00x" in line
    assert not line.endswith("<-")  # 400 ms is within its second
    sites["100k"]["sitemap file"] = row(1200.0, 5)
    (line,) = content_scale.page_rows("SQLite", sites)[2:]
    assert line.endswith("<-")


def test_the_newsroom_and_import_lines_say_their_goals():
    results = {
        "SQLite": {"1k": {"home": row(20.0, 14)}, "100k": {"home": row(21.0, 14)}},
        "newsroom": {
            "requests": 10_000,
            "articles": 1_000,
            "global": {"hit_rate": 0.52, "publishes": 60},
            "targeted": {"hit_rate": 0.953, "publishes": 60, "parts_rendered": 1200},
        },
        "import_s": 95.0,
    }
    text = "\n".join(content_scale.lines(results))
    assert "52.0% with one generation, 95.3% with cache tags (goal 95%)" in text
    assert "parts rendered 1,200 times" in text
    assert "1,000 files in 95 s, 10.5 articles a second (goal: 120 s)" in text
    assert "PostgreSQL" not in text


@pytest.mark.django_db
def test_the_pages_keep_their_names_whatever_the_number_of_articles():
    """page_rows pairs the two sizes' rows by name."""
    load_demo()
    add_articles(10, topic_count=5)
    small = [name for name, _, _ in content_pages.page_list()]
    add_articles(60, topic_count=5)
    large = content_pages.page_list()
    assert [name for name, _, _ in large] == small
    deep = {name: path for name, path, _ in large}["index, deep page"]
    assert deep.endswith("?page=2")  # the seed and 12 of the 60 here, 10 a page
