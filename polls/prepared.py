"""A cursor for the statements every vote runs, prepared once per connection.

A vote runs the same few statements each time (the lookup of its page and
choice, the insert that counts it). Django binds values on the client: it
sends each statement as new text, and PostgreSQL parses and plans it again,
about half of the server's work for a vote. With psycopg 3 the values can be
bound on the server and the statement kept prepared for the life of the
connection, so each later vote only executes it (see README "Performance").

Only the vote path's statements are prepared: the rest of the site keeps
Django's client-side binding, which never prepares. Django turns psycopg's
preparing off unless the database's ``OPTIONS`` set ``prepare_threshold``;
without it these statements are only bound on the server. Statements
prepared on a connection stay with it, so a pooler in front of PostgreSQL
must keep sessions (PgBouncer in transaction mode needs
``max_prepared_statements``).

On SQLite, Python's sqlite3 already keeps compiled statements per
connection, keyed by their text; Django's cursor rewrites each statement's
``%s`` into ``?`` with a regular expression on every call, so this cursor
remembers the rewritten text instead. On other databases this is Django's
cursor.
"""

import contextlib
import functools

from django.db import DEFAULT_DB_ALIAS, connections


@contextlib.contextmanager
def cursor(using=DEFAULT_DB_ALIAS):
    """A cursor that prepares what it runs, where the database allows."""
    connection = connections[using]
    cursor_class = _cursor_class(connection.vendor)
    if cursor_class is None:
        with connection.cursor() as plain:
            yield plain
        return
    # What ``connection.cursor()`` does, with this cursor class.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        raw = cursor_class(connection.connection)
    if connection.queries_logged:
        wrapped = connection.make_debug_cursor(raw)
    else:
        wrapped = connection.make_cursor(raw)
    with wrapped:
        yield wrapped


@functools.cache
def _cursor_class(vendor):
    if vendor == "sqlite":
        return _converting_once_cursor_class()
    if vendor != "postgresql":
        return None
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    if not is_psycopg3:
        return None
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):
        """Binds values on the server and prepares each statement it runs."""

        def execute(self, query, params=None, *, prepare=True, **kwargs):
            return super().execute(query, params, prepare=prepare, **kwargs)

    return PreparingCursor


def _converting_once_cursor_class():
    from django.db.backends.sqlite3.base import SQLiteCursorWrapper

    class ConvertingOnceCursor(SQLiteCursorWrapper):
        """Rewrites each statement's placeholders once per process."""

        def convert_query(self, query, *, param_names=None):
            if param_names is not None:
                return super().convert_query(query, param_names=param_names)
            return _qmark_query(query)

    return ConvertingOnceCursor


@functools.lru_cache(maxsize=64)
def _qmark_query(query):
    from django.db.backends.sqlite3.base import SQLiteCursorWrapper

    # Django's own rewrite, which reads nothing from the cursor.
    return SQLiteCursorWrapper.convert_query(None, query)
