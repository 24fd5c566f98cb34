"""Shared pytest set-up.

Some tests need a real service (PostgreSQL, Redis) that a fresh machine may
not have. They skip when it is not configured, unless REQUIRE_SERVICES=1
(set by .ci/run), in which case a missing service is a failure.
"""

import os

import pytest


def require_service(env_var, what):
    """Skip (or, in CI, fail) unless ``env_var`` names the service."""
    if os.environ.get(env_var):
        return os.environ[env_var]
    message = f"{what} not configured: set {env_var} to run this test"
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(message)
    pytest.skip(message)
