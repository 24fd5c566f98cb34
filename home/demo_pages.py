"""The demo's general pages (About, Contact, Privacy and cookies, ...).

Each says only what the site really does: the privacy page takes the poll's
cookie name and lifetime from the polls settings, and the editorial policy
describes the workflow set up in ``articles.governance``. A page that exists
already is left alone, so editors' changes survive ``load_demo``.
"""

from django.apps import apps
from wagtail.rich_text import RichText

from home.governance import govern_standard_pages
from home.models import StandardPage
from polls import conf as polls_conf

COMMENT_RETENTION_DAYS = 365


def _p(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def _about():
    return (
        "About us",
        "about",
        "Health Answers explains everyday health questions in plain words.",
        [
            *_p(
                "Each article answers one question that people ask about their "
                "health, such as why a leg goes numb during a run.",
                "We give general information, not a diagnosis. Every article "
                "says who wrote it and whether a clinician has reviewed it yet.",
            ),
            ("heading", "Who writes the articles"),
            *_p(
                "The Health Answers editorial team. Our editorial policy says "
                "how articles are written and reviewed."
            ),
        ],
    )


def _contact():
    return (
        "Contact us",
        "contact",
        "How to reach the editors, and where to get medical help instead.",
        [
            (
                "callout",
                {
                    "level": "urgent",
                    "text": RichText(
                        "<p>We cannot answer medical questions. If you are worried "
                        "about a symptom, contact your GP or call 111. In an "
                        "emergency, call 999.</p>"
                    ),
                },
            ),
            ("heading", "About an article"),
            *_p(
                "Use the “Was this article helpful?” box at the end of the "
                "article. Answers and comments go to the editors' reports, which "
                "show them which articles to improve. We do not reply to comments."
            ),
        ],
    )


def _privacy():
    cookie = polls_conf.get("POLLS_READER_COOKIE")
    cookie_days = polls_conf.get("POLLS_READER_COOKIE_MAX_AGE") // 86400
    lifetime = "one year" if cookie_days == 365 else f"{cookie_days} days"
    return (
        "Privacy and cookies",
        "privacy",
        "What we store when you read and answer, and for how long.",
        [
            ("heading", "Cookies"),
            *_p(
                f"Reading the site sets no cookies. When you answer “Was this "
                f"article helpful?”, we set one cookie, “{cookie}”, "
                f"which lasts {lifetime}. It holds a random number so the page can "
                f"show your answer again and let you change it. It is not used "
                f"to follow you around the site or anywhere else.",
                "Editors who sign in to the site's admin also get Django's session "
                "and security cookies (“sessionid” and “csrftoken”).",
            ),
            ("heading", "Your answers and comments"),
            *_p(
                "We store your answer, the reasons you tick and any comment you "
                "write, with the page and the time. We store a scrambled "
                "(hashed) form of the cookie's number, not your IP address.",
                f"Comments are deleted {COMMENT_RETENTION_DAYS} days after they "
                f"were last changed. Answers and reasons stay, without the "
                f"comment, so the counts in our reports do not change.",
                "Please do not write your name, contact details or details of "
                "your health in a comment.",
            ),
            ("heading", "Third parties"),
            *_p(
                "Pages load nothing from other websites: no analytics, "
                "advertising or social media trackers."
            ),
        ],
    )


def _accessibility():
    return (
        "Accessibility statement",
        "accessibility",
        "How accessible this site is, how we test it, and how to tell us "
        "about a problem.",
        [
            *_p(
                "We aim to meet the Web Content Accessibility Guidelines (WCAG) "
                "2.2 at level AA."
            ),
            ("heading", "How we test"),
            *_p(
                "Every change is tested in a browser with the axe accessibility "
                "checker and the Nu HTML Checker, at phone and desktop widths, "
                "at 200% zoom and with the keyboard alone. Every page works "
                "without JavaScript, and articles print without the menus."
            ),
            ("heading", "Tell us about a problem"),
            *_p(
                "If something is hard to read or use, tell us through the box at "
                "the end of any article, saying which page and what happened."
            ),
        ],
    )


def _editorial_policy():
    return (
        "Editorial policy",
        "editorial-policy",
        "How our articles are written, reviewed and kept up to date.",
        [
            ("heading", "Writing"),
            *_p(
                "Editors write each article and list the sources behind its "
                "claims under References. Each article names its author."
            ),
            ("heading", "Clinical review"),
            *_p(
                "Before an article is published, an editor submits it for "
                "clinical review. A moderator checks it and either publishes it "
                "or sends it back with the changes needed.",
                "An article shows “Medically reviewed by” only when a named "
                "reviewer has checked it, with the date of that review. Until "
                "then it says that it has not yet been medically reviewed.",
            ),
            ("heading", "Keeping articles up to date"),
            *_p(
                "Each reviewed article has a date by which it must be checked "
                "again, usually within a year; the editors' “Reviews due” "
                "report lists the articles whose date is near or past. Every "
                "change is kept as a revision, so we can see what changed and "
                "when.",
                "Readers' answers to “Was this article helpful?” show the editors "
                "which articles to improve first.",
            ),
        ],
    )


DEMO_PAGES = [_about, _contact, _privacy, _accessibility, _editorial_policy]


def load_standard_pages(home):
    """Create the footer pages that are missing, and let Moderators edit them."""
    pages = []
    for build in DEMO_PAGES:
        title, slug, introduction, body = build()
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = StandardPage(
                title=title,
                slug=slug,
                introduction=introduction,
                body=body,
                show_in_footer=True,
                live=False,
            )
            home.add_child(instance=page)
            page.save_revision(log_action=True).publish()
            yield f"Created the “{title}” page at {page.url_path}"
        pages.append(page)
    govern_standard_pages(apps, pages)
