import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure a local superuser exists. The first time, create one with a "
        "random password and print it; afterwards, say how to reset it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--email",
            default="admin@example.com",
            help="Its address (the weekly digest goes to users who have one).",
        )
        # Wagtail's account settings require both names: without them the
        # account cannot save any of its settings.
        parser.add_argument("--first-name", default="Site")
        parser.add_argument("--last-name", default="Administrator")

    def handle(self, *args, username, email, first_name, last_name, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin login: the superuser you already have (forgot the password? "
                f"`.venv/bin/python manage.py changepassword {username}`)"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username,
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        self.stdout.write(
            f"Created the admin account. Username: {username}  Password: {password}\n"
            "This is the only time the password is shown; keep it."
        )
