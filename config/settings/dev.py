"""Local development: debug on, a secret key generated once and kept on disk."""

import os
import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, env_list

DEBUG = True


def _local_secret_key():
    key_file = BASE_DIR / ".secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
if not os.environ.get("EMAIL_URL"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

try:
    from .local import *  # noqa: F403
except ImportError:
    pass
