"""Who is answering, known only pseudonymously.

A reader is a random first-party cookie. The database stores an HMAC of it
(``reader_key``), so a stored response cannot be tied back to a browser
without the server's secret, and never to a person. The client's network
is hashed the same way for rate limiting and only ever lives in the cache.
"""

import functools
import ipaddress
import re
import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac

from polls import conf

COOKIE_VALUE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def existing_reader_cookie(request):
    value = request.COOKIES.get(conf.get("POLLS_READER_COOKIE"), "")
    return value if COOKIE_VALUE.match(value) else None


def reader_cookie(request):
    """The reader's cookie value and whether it is new (and must be set)."""
    value = existing_reader_cookie(request)
    if value:
        return value, False
    return secrets.token_urlsafe(32), True


def reader_key(cookie_value):
    return salted_hmac("polls.reader", cookie_value, algorithm="sha256").hexdigest()


def network_key(request):
    """An HMAC of the client's /24 (IPv4) or /64 (IPv6) network."""
    address = request.META.get(conf.get("POLLS_CLIENT_ADDRESS_HEADER"), "")
    return _network_key(address.split(",")[0].strip(), settings.SECRET_KEY)


@functools.lru_cache(maxsize=4096)
def _network_key(address, secret):
    """Remembered per worker: the same few networks send most requests."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        network = "unknown"
    else:
        prefix = 24 if ip.version == 4 else 64
        network = str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))
    return salted_hmac(
        "polls.network", network, secret=secret, algorithm="sha256"
    ).hexdigest()[:32]


def set_reader_cookie(response, request, value):
    response.set_cookie(
        conf.get("POLLS_READER_COOKIE"),
        value,
        max_age=conf.get("POLLS_READER_COOKIE_MAX_AGE"),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
