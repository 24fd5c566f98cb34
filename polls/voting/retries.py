"""Answers that outlast a busy or briefly unreachable database.

A vote can meet the database at a bad moment: SQLite's write lock held by a
long admin transaction or a backup ("database is locked" once the busy
timeout has passed), a PostgreSQL backend killed under it, or the server
refusing connections for the few seconds it takes to restart.

``with_database_retries`` runs the work again on a fresh connection after a
short pause, as long as the failures come quickly. That is safe because
``polls.voting.services.record_vote`` is idempotent: a retried first vote finds the
reader's row (the unique constraint saw to it) and is "unchanged", a retried
change finds the answer already changed. When the database stays away, it
raises ``DatabaseUnavailable`` and the view answers 503 with ``Retry-After``:
never a 500, and never a 2xx for an answer that was not saved.
"""

import contextlib
import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

# Pauses before the second and third attempts. Retrying stops once the whole
# request has waited RETRY_BUDGET seconds: a "database is locked" from SQLite
# arrives only after its busy timeout has already waited.
PAUSES = (0.2, 0.6)
RETRY_BUDGET = 2.0
# How long a client is asked to wait before sending the answer again.
RETRY_AFTER = 5

UNAVAILABLE_MESSAGE = gettext_lazy(
    "The site is very busy and your answer was not saved. "
    "Please try again in a few seconds."
)


class DatabaseUnavailable(Exception):
    """The database failed every attempt; nothing is known to have been saved."""


def with_database_retries(work, *args, **kwargs):
    """Return ``work(*args, **kwargs)``, retried while the database is away."""
    started = time.monotonic()
    for pause in (*PAUSES, None):
        try:
            return work(*args, **kwargs)
        except (OperationalError, InterfaceError) as error:
            if connection.in_atomic_block:
                # Inside a caller's transaction, which the failure has broken:
                # only the caller can start again.
                raise DatabaseUnavailable(str(error)) from error
            _drop_connection()
            waited = time.monotonic() - started
            if pause is None or waited + pause > RETRY_BUDGET:
                logger.error("Database unavailable, giving up: %s", error)
                raise DatabaseUnavailable(str(error)) from error
            logger.warning("Database unavailable, retrying: %s", error)
            time.sleep(pause)


def _drop_connection():
    """Close the (possibly broken) connection; the next query opens a new one."""
    with contextlib.suppress(DatabaseError):
        connection.close()
