"""A small asyncio HTTP/1.1 load generator for loopback servers.

wrk measures the GET scenarios; this client drives the POST scenarios,
where every request must be accounted for exactly: each client sends a
bounded number of requests (and stops at a deadline), and every answer is
recorded, so "acknowledged" means a 2xx the client actually read.
"""

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    sent: int = 0
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    latencies: list = field(default_factory=list)
    elapsed: float = 0.0
    acknowledged: list = field(default_factory=list)

    @property
    def ok(self):
        return sum(n for status, n in self.statuses.items() if 200 <= status < 300)

    @property
    def rate(self):
        return self.ok / self.elapsed if self.elapsed else 0.0

    def percentile(self, fraction):
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


@dataclass
class Reply:
    status: int
    headers: dict  # lower-cased names; a repeated header keeps its last value
    body: bytes


def http_request(method, path, host, headers, body=""):
    """One HTTP/1.1 request as bytes; a body is sent as a urlencoded form."""
    data = body.encode()
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    if data:
        lines += [
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(data)}",
        ]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + data


def form_post(path, host, body, headers):
    return http_request("POST", path, host, headers, body)


async def send(port, payload, timeout=30):
    """Send one request on a new connection and read the whole reply."""
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection("127.0.0.1", port), timeout
    )
    try:
        writer.write(payload)
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(-1), timeout)
    finally:
        writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Reply(int(status_line.split(" ", 2)[1]), headers, body)


async def exchange(port, payload, timeout=30):
    """Send one request on a new connection; return (status, body)."""
    reply = await send(port, payload, timeout)
    return reply.status, reply.body


async def _client(port, requests, deadline, result, tag):
    for payload in requests:
        if time.monotonic() >= deadline:
            return
        result.sent += 1
        started = time.perf_counter()
        try:
            status, _ = await exchange(port, payload)
        except (TimeoutError, OSError, IndexError, ValueError) as error:
            result.errors[type(error).__name__] += 1
            continue
        result.latencies.append(time.perf_counter() - started)
        result.statuses[status] += 1
        if 200 <= status < 300:
            result.acknowledged.append(tag(payload))


def run_clients(port, request_lists, duration, tag=lambda payload: payload):
    """Run one client per list of requests until done or ``duration`` seconds."""
    result = LoadResult()

    async def main():
        deadline = time.monotonic() + duration
        started = time.perf_counter()
        await asyncio.gather(
            *(
                _client(port, requests, deadline, result, tag)
                for requests in request_lists
            )
        )
        result.elapsed = time.perf_counter() - started

    asyncio.run(main())
    return result
