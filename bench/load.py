"""Raw HTTP/1.1 requests over asyncio for the soak's readers (bench/soak.py).

Each request goes on a new connection and its whole answer is read, so the
soak knows exactly which votes were acknowledged. (make bench drives every
row with wrk.)
"""

import asyncio
from dataclasses import dataclass


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
