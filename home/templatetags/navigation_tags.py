from django import template
from wagtail.models import Site

from home.models import StandardPage

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


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title=None):
    """The trail from the home page to here, as (title, url) pairs.

    Page ancestors come from one query. Views that are not pages (search, a
    topic route) add their own last step: ``current_title`` for a page of
    their own, or ``extra_crumbs`` in the context. The last step has no URL;
    the home page on its own gets no trail at all.
    """
    request = context.get("request")
    page = context.get("page")
    site = Site.find_for_request(request) if request else None
    crumbs = [("Home", "/")]
    if page is not None and site is not None:
        ancestors = page.get_ancestors(inclusive=True).filter(
            depth__gt=site.root_page.depth
        )
        crumbs += [(item.title, item.get_url(request)) for item in ancestors]
    crumbs += context.get("extra_crumbs", [])
    if current_title:
        crumbs.append((current_title, None))
    *trail, (last_title, _) = crumbs
    return {"trail": trail, "current": last_title, "show": bool(trail)}


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The live standard pages marked "Show in footer", in the tree's order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(
        StandardPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .filter(show_in_footer=True)
        .order_by("path")
    )
