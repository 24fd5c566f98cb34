"""Django's PostgreSQL backend, with a health check that costs no round trip.

With ``CONN_HEALTH_CHECKS`` Django checks a persistent connection before the
first query of each request, and its PostgreSQL backend does it with
``SELECT 1``: one more round trip on every request, a vote's included.
Turning the checks off instead would let the first request after a database
restart fail on the dead connection, and where that happens outside a view
(the route cache reads the page in ``process_view``) it is a 500, not the 503
the outage middleware gives.

A server that ends a session (a restart, ``pg_terminate_backend``, an idle
timeout) sends its reason and closes the socket, so an idle connection has
something to read only once it is over. ``is_usable`` therefore asks psycopg
whether it already knows the connection is broken, then polls the socket
without waiting: readable, or in a failed transaction, means a new connection.
Like ``SELECT 1``, it cannot see a server that vanished without a word (a
cable pulled); the vote endpoints retry on a fresh connection either way.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq

USABLE = (pq.TransactionStatus.IDLE, pq.TransactionStatus.INTRANS)


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status not in USABLE:
            return False
        try:
            poller = select.poll()
            poller.register(connection.fileno(), select.POLLIN)
            return not poller.poll(0)
        except (OSError, ValueError):
            return False
