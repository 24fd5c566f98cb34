"""WSGI entry point for gunicorn: ``gunicorn config.wsgi``.

The poll endpoints get a shorter middleware stack (``core.handlers``).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

from core.handlers import build_application  # noqa: E402

application = build_application()
