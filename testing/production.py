"""Production's settings, read as a server started with them would read them."""

import os
import runpy
import secrets
import sys
from unittest import mock


def production_environment():
    """A realistic production environment: no loopback shortcuts."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECURE_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="testserver,health.example",
        CLIENT_ADDRESS_HEADER="HTTP_X_REAL_IP",
    )
    return env


def production_settings(env):
    """production.py's settings for ``env``, the modules it builds on re-read too."""
    with mock.patch.dict(os.environ, env, clear=True), mock.patch.dict(sys.modules):
        for name in [
            name for name in sys.modules if name.startswith("config.settings.")
        ]:
            del sys.modules[name]
        return runpy.run_module("config.settings.production")
