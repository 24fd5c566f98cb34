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

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Admin login: the superuser you already have (forgot the password? "
                f"`.venv/bin/python manage.py changepassword {username}`)"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(
            f"Created the admin account. Username: {username}  Password: {password}\n"
            "This is the only time the password is shown; keep it."
        )
