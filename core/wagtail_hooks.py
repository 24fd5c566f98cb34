from wagtail import hooks

from core import cache_tags


@hooks.register("before_serve_page")
def register_served_page_cache_tags(page, request, serve_args, serve_kwargs):
    """A served page shows itself and, in its breadcrumbs, its ancestors."""
    cache_tags.add(request, *cache_tags.for_page(page))
