"""Admin accounts: password guessing is cut off, weak passwords are refused."""

import datetime
from http import HTTPStatus

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")
PASSWORD = "a long passphrase nobody guesses"


@override_settings(AXES_ENABLED=True)
class PasswordGuessingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        get_user_model().objects.create_superuser(
            "editor",
            "editor@example.com",
            PASSWORD,
            first_name="Eddie",
            last_name="Editor",
        )

    def sign_in(self, password, address="203.0.113.9", username="editor"):
        return self.client.post(
            LOGIN,
            {"username": username, "password": password},
            REMOTE_ADDR=address,
        )

    def assertSignedIn(self, response):
        self.assertRedirects(response, HOME, fetch_redirect_response=False)
        self.client.logout()

    def test_five_wrong_passwords_pause_that_username_from_that_address(self):
        for attempt in range(4):
            with self.subTest(attempt=attempt):
                response = self.sign_in("guess")
                self.assertEqual(response.status_code, HTTPStatus.OK)
                self.assertContains(response, "password didn&#x27;t match")
        for password in ["guess", PASSWORD]:  # the fifth, then even the right one
            with self.subTest(password=password):
                locked = self.sign_in(password)
                self.assertContains(locked, "Too many failed sign-ins", status_code=429)
                self.assertContains(locked, "paused for 15 minutes", status_code=429)
                self.assertNotIn("_auth_user_id", self.client.session)

    def test_the_pause_is_for_that_username_and_address_only(self):
        for _ in range(5):
            self.sign_in("guess")
        self.assertSignedIn(self.sign_in(PASSWORD, address="198.51.100.7"))
        get_user_model().objects.create_superuser(
            "other", "o@example.com", PASSWORD, first_name="Otto", last_name="Other"
        )
        self.assertSignedIn(self.sign_in(PASSWORD, username="other"))

    def test_the_pause_ends_after_fifteen_minutes(self):
        for _ in range(5):
            self.sign_in("guess")
        self.assertEqual(self.sign_in(PASSWORD).status_code, 429)
        AccessAttempt.objects.update(
            attempt_time=F("attempt_time") - datetime.timedelta(minutes=16)
        )
        self.assertSignedIn(self.sign_in(PASSWORD))

    def test_signing_in_clears_the_count(self):
        for _ in range(4):
            self.sign_in("guess")
        self.assertSignedIn(self.sign_in(PASSWORD))
        for _ in range(4):
            self.sign_in("guess")
        self.assertSignedIn(self.sign_in(PASSWORD))


class PasswordValidationTests(WagtailTestUtils, TestCase):
    def test_the_admin_refuses_weak_passwords_for_new_users(self):
        self.login()
        weak = {
            "too common": "password123",
            "too short": "Zq9!",
            "all digits": "73920481736",
            "like the username": "newcomer2026",
        }
        for name, password in weak.items():
            with self.subTest(name):
                response = self.client.post(
                    reverse("wagtailusers_users:add"),
                    {
                        "username": "newcomer2026",
                        "email": "newcomer@example.com",
                        "first_name": "New",
                        "last_name": "Comer",
                        "password1": password,
                        "password2": password,
                    },
                )
                self.assertEqual(response.status_code, HTTPStatus.OK)
                self.assertTrue(response.context["form"].errors["password2"])
        self.assertFalse(get_user_model().objects.filter(username="newcomer2026"))
