from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", with the current section flagged."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    path = getattr(request, "path", "")
    items = [{"title": "Home", "url": "/", "current": _current(path, "/", exact=True)}]
    if site is not None:
        for page in site.root_page.get_children().live().in_menu():
            url = page.get_url(request)
            items.append(
                {"title": page.title, "url": url, "current": _current(path, url)}
            )
    return {"items": items}


def _current(path, url, exact=False):
    """The aria-current value: "page" for the page itself, "true" inside its section."""
    if path == url:
        return "page"
    if not exact and url and path.startswith(url):
        return "true"
    return ""
