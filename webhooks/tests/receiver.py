"""A partner's webhook receiver on 127.0.0.1: it checks each signature with the Standard
Webhooks reference library (not our code), processes each `webhook-id` once, and can
fail a share of requests at random, as a flaky endpoint does."""

import json
import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook


class Receiver:
    def __init__(self, secret="", *, fail_share=0.0, seed=23):
        self.secret, self.fail_share = secret, fail_share
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.requests = []  # every request: (webhook-id, status answered)
        self.processed = []  # each event once, in the order it was first accepted
        self.seen = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_port}/hooks"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def events(self, type=None):
        return [e for e in self.processed if type is None or e["type"] == type]

    def _answer(self, headers, body):
        message_id = headers.get("webhook-id", "")
        with self.lock:
            if self.random.random() < self.fail_share:
                self.requests.append((message_id, 503))
                return 503
            try:
                Webhook(self.secret).verify(body, dict(headers))
            except Exception:
                self.requests.append((message_id, 401))
                return 401
            self.requests.append((message_id, 204))
            if message_id not in self.seen:  # a repeat of a processed event: ignored
                self.seen.add(message_id)
                self.processed.append({**json.loads(body), "webhook-id": message_id})
            return 204

    def _handler(receiver):  # the handler class closes over the receiver
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                self.send_response(receiver._answer(headers, body))
                self.end_headers()

            def log_message(self, *args):
                pass

        return Handler
