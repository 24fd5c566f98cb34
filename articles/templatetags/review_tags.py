"""The Clinical review's approval form, with the approving user's defaults."""

from django import template

from articles.review_approval import bound_or_defaults

register = template.Library()


@register.simple_tag
def review_approval_form(form, page, user):
    """``{% review_approval_form form object request.user as form %}``"""
    return bound_or_defaults(form, page, user)
