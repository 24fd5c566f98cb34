"""A stand-in for the TLS-terminating proxy in front of production.

It does what the nginx example in docs/operations.md does: pass every request on to
gunicorn with ``X-Forwarded-Proto: https`` and the reader's address in
``X-Real-IP``. Chromium and Lighthouse talk to it as readers talk to nginx,
so every request (robots.txt, images, the poll's script) goes through it.
"""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# Headers about one connection, not the request (RFC 9110, 7.6.1).
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "content-length",
}


class ForwardingProxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, upstream):
        super().__init__(("127.0.0.1", 0), Forward)
        self.upstream = urlsplit(upstream)
        self.port = self.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


class Forward(BaseHTTPRequestHandler):
    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {
            name: value
            for name, value in self.headers.items()
            if name.lower() not in HOP_BY_HOP
        }
        headers["X-Forwarded-Proto"] = "https"
        headers["X-Real-IP"] = self.client_address[0]
        upstream = self.server.upstream
        connection = http.client.HTTPConnection(
            upstream.hostname, upstream.port, timeout=60
        )
        try:
            connection.request(self.command, self.path, body, headers)
            reply = connection.getresponse()
            content = reply.read()
        finally:
            connection.close()
        self.send_response_only(reply.status, reply.reason)
        for name, value in reply.getheaders():
            if name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = forward

    def log_message(self, format, *args):
        pass
