from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase


class EnsureAdminTests(TestCase):
    def run_command(self):
        out = StringIO()
        call_command("ensure_admin", stdout=out)
        return out.getvalue()

    def test_creates_a_superuser_once_and_prints_its_password_once(self):
        first = self.run_command()
        password = first.split("Password: ")[1].split()[0]
        user = get_user_model().objects.get()
        self.assertTrue(user.is_superuser)
        # An address, so the demo's digest (--dry-run) has someone to go to.
        self.assertEqual(user.email, "admin@example.com")
        # Names, which Wagtail's account settings require.
        self.assertEqual((user.first_name, user.last_name), ("Site", "Administrator"))
        self.assertTrue(user.check_password(password))

        second = self.run_command()
        self.assertNotIn(password, second)
        self.assertIn("changepassword", second)
        self.assertEqual(get_user_model().objects.count(), 1)
