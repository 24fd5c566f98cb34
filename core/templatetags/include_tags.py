"""``{% include_view "app:name" arg ... %}``: a part served by its own view.

See ``core.includes``: the page carries a signed marker, and the middleware
puts the view's output in its place on the way out.
"""

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from core.includes import marker

register = template.Library()


@register.simple_tag
def include_view(name, *args):
    return mark_safe(marker(reverse(name, args=args)))  # noqa: S308 - our own marker
