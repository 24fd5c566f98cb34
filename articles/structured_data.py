"""schema.org data for an article, for search engines (JSON-LD).

Built as a plain dict so it can be tested without HTML; ``json_ld`` turns it
into a script element that cannot break out of its tag.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# The characters json.dumps leaves alone that would let text close the script.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def medical_web_page(page, *, url, topics=(), image_url=None, publisher=None):
    """The article as a schema.org ``MedicalWebPage``; unknown fields are left out."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "headline": page.title,
        "name": page.title,
        "description": page.meta_description,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en-GB",
        "datePublished": page.first_published_at,
        "dateModified": page.last_published_at,
        # A review is claimed only with both a named reviewer and a date.
        "lastReviewed": page.last_reviewed if page.is_medically_reviewed else None,
        "reviewedBy": _person(page.reviewer) if page.is_medically_reviewed else None,
        "author": _person(page.author),
        "image": image_url,
        "about": [{"@type": "Thing", "name": topic.name} for topic in topics],
        "publisher": {"@type": "Organization", "name": publisher}
        if publisher
        else None,
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _person(contributor):
    if contributor is None:
        return None
    person = {"@type": "Person", "name": contributor.name}
    if contributor.credentials:
        person["honorificSuffix"] = contributor.credentials
    if contributor.role:
        person["jobTitle"] = contributor.role
    if contributor.profile:
        person["description"] = contributor.profile
    return person


def json_ld(data):
    """A ``<script type="application/ld+json">`` element holding ``data``."""
    text = json.dumps(data, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(text)
    )
