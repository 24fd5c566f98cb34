"""Admin users for the site's tests, named as Wagtail's account form requires."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "pw"


def make_user(username, *groups, **fields):
    """A user in the named groups, with a first and a last name and an address.

    Wagtail's account settings require a first and a last name; a user
    without them cannot save any other setting there.
    """
    fields.setdefault("first_name", username.capitalize())
    fields.setdefault("last_name", "Tester")
    fields.setdefault("email", f"{username}@example.com")
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, **fields
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user
