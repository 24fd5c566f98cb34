"""Shared pytest set-up.

Some tests need a real service (PostgreSQL, Redis) that a fresh machine may
not have. They skip when it is not configured, unless REQUIRE_SERVICES=1
(set by .ci/run), in which case a missing service is a failure.

Hypothesis profiles, chosen with HYPOTHESIS_PROFILE (default "ci").

- ci: what `make test` and CI run: the same examples on every run
  (derandomized), so a failure is reproducible and CI stays deterministic.
  300 per test: the same examples on every run add little after the first,
  so the breadth is left to the soak profile (700 cost about 45 s more of a
  two-core `make test`).
- soak: `make soak`: five times as many, fresh each run, failures kept in
  .hypothesis/ and replayed first next time.
- dev: a quick look while editing.

Property tests take ``max_examples`` from the profile (each vote-endpoint
test runs it in full; slower tests, such as imports, a share of it).
"""

import os

import pytest
from hypothesis import HealthCheck, settings


def require_service(env_var, what):
    """Skip (or, in CI, fail) unless ``env_var`` names the service."""
    if os.environ.get(env_var):
        return os.environ[env_var]
    message = f"{what} not configured: set {env_var} to run this test"
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(message)
    pytest.skip(message)


COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile(
    "ci", max_examples=300, derandomize=True, database=None, **COMMON
)
settings.register_profile("soak", max_examples=3500, **COMMON)
settings.register_profile("dev", max_examples=50, **COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
