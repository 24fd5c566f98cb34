"""Behind a proxy: production insists on the header carrying the reader's address.

The nginx example in docs/operations.md is the tested one: the header it
sets is the one the same page tells production to read, and with it readers
behind the same proxy get their own vote rate limits.
"""

import re
from unittest import mock

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase, override_settings

from polls.models import Response
from polls.testing import SAME_ORIGIN, VoteTestCase
from testing.production import production_environment, production_settings

PROXY = "127.0.0.1"  # the address gunicorn sees for every request via nginx


def documented_example():
    """docs/operations.md's nginx server block, and the environment it goes with."""
    operations = (settings.BASE_DIR / "docs" / "operations.md").read_text()
    section = operations.split("\n## Behind a proxy\n", 1)[1]
    nginx = re.search(r"```nginx\n(.*?)```", section, re.S).group(1)
    env = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    headers = dict(re.findall(r"proxy_set_header\s+(\S+)\s+(\S+);", nginx))
    environment = dict(re.findall(r"^export (\w+)=(\S+)$", env, re.M))
    return headers, environment


def meta_name(header):
    return "HTTP_" + header.upper().replace("-", "_")


class ProductionRefusesToStartTests(SimpleTestCase):
    def test_a_proxy_in_front_without_the_client_address_header_is_refused(self):
        env = production_environment()
        del env["CLIENT_ADDRESS_HEADER"]
        with self.assertRaisesRegex(ImproperlyConfigured, "CLIENT_ADDRESS_HEADER"):
            production_settings(env)

    def test_gunicorn_facing_clients_itself_may_read_remote_addr(self):
        env = production_environment()
        del env["CLIENT_ADDRESS_HEADER"]
        production = production_settings({**env, "BEHIND_PROXY": "0"})
        self.assertIsNone(production.get("SECURE_PROXY_SSL_HEADER"))
        self.assertEqual(production["POLLS_CLIENT_ADDRESS_HEADER"], "REMOTE_ADDR")

    def test_the_documented_example_starts_and_every_limit_reads_its_header(self):
        headers, environment = documented_example()
        production = production_settings({**production_environment(), **environment})
        by_meta_name = {meta_name(name): value for name, value in headers.items()}
        proto, _ = production["SECURE_PROXY_SSL_HEADER"]
        self.assertEqual(by_meta_name[proto], "$scheme")
        address = environment["CLIENT_ADDRESS_HEADER"]
        self.assertEqual(production["POLLS_CLIENT_ADDRESS_HEADER"], address)
        self.assertEqual(production["AXES_IPWARE_META_PRECEDENCE_ORDER"], [address])
        carried = {
            meta_name(name)
            for name, value in headers.items()
            if value == "$remote_addr"
        }
        self.assertEqual(carried, {address})


@override_settings(POLLS_RATE_LIMITS={"reader": (10, 60), "network": (2, 60)})
class ReadersBehindTheProxyTests(VoteTestCase):
    """Requests as nginx passes them on: all from the proxy's address."""

    def vote_from(self, reader_address):
        headers, _ = documented_example()
        real_ip = next(n for n, v in headers.items() if v == "$remote_addr")
        self.client.cookies.clear()  # a new reader each time
        return self.vote(
            address=PROXY,
            headers={**SAME_ORIGIN, meta_name(real_ip): reader_address},
        )

    def statuses(self):
        # Mid-window, so the four land in one rate-limit window however slow.
        with mock.patch("polls.voting.ratelimit.time.time", return_value=1_000_030):
            return [
                self.vote_from(address).status_code
                for address in [
                    "203.0.113.1",
                    "203.0.113.2",
                    "203.0.113.3",
                    "198.51.100.7",
                ]
            ]

    def test_with_the_header_each_network_has_its_own_limit(self):
        _, environment = documented_example()
        with override_settings(
            POLLS_CLIENT_ADDRESS_HEADER=environment["CLIENT_ADDRESS_HEADER"]
        ):
            self.assertEqual(self.statuses(), [303, 303, 429, 303])
        self.assertEqual(Response.objects.count(), 3)

    def test_without_it_every_reader_shares_the_proxys_limit(self):
        with override_settings(POLLS_CLIENT_ADDRESS_HEADER="REMOTE_ADDR"):
            self.assertEqual(self.statuses(), [303, 303, 429, 429])
