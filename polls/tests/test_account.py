"""The digest opt-out saves on its own, whatever else the account page lacks."""

from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from polls.models import DigestPreference
from polls.testing import make_user

URL = "wagtailadmin_account"
PERMISSIONS = ["wagtailadmin.access_admin", "polls.view_results"]


class DigestOptOutTests(WagtailTestUtils, TestCase):
    def post(self, user, receive, **profile):
        self.client.force_login(user)
        data = {
            "name_email-first_name": profile.get("first_name", user.first_name),
            "name_email-last_name": profile.get("last_name", user.last_name),
            "name_email-email": user.email,
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        }
        if receive:
            data["polls_digest-receive_digest"] = "on"
        return self.client.post(reverse(URL), data, follow=True)

    def receives(self, user):
        preference = DigestPreference.objects.filter(user=user).first()
        return preference is None or preference.receive_digest

    def test_a_user_without_names_turns_the_digest_off_and_is_told(self):
        user = make_user("nameless", permissions=PERMISSIONS)
        user.first_name = user.last_name = ""
        user.save()
        response = self.post(user, receive=False)
        self.assertFalse(self.receives(user))
        self.assertContains(
            response, "Saved: you will not get the weekly reader feedback digest."
        )
        self.assertContains(response, "Other settings on this page were not")

        response = self.client.get(reverse(URL))
        self.assertNotContains(response, "Other settings on this page were not")
        self.assertNotContains(response, 'name="polls_digest-receive_digest" checked')

    def test_a_user_with_names_saves_everything_and_hears_it_once(self):
        user = make_user("named", permissions=PERMISSIONS)
        response = self.post(user, receive=False)
        self.assertFalse(self.receives(user))
        self.assertContains(
            response, "Your account settings have been changed successfully!"
        )
        self.assertContains(response, "you will not get the weekly")
        self.assertNotContains(response, "Other settings on this page were not")

        response = self.post(user, receive=False)
        self.assertNotContains(response, "you will not get the weekly")
        response = self.post(user, receive=True)
        self.assertTrue(self.receives(user))
        self.assertContains(response, "Saved: you will get the weekly")
