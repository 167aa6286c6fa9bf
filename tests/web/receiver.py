"""A real webhook receiver on 127.0.0.1 for the Webhooks UI and replay tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from server import settings

FAST_SCHEDULE = [0, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]


class Receiver:
    """Answers `answer` (a status code) with `reply` as the body, and keeps every call (headers, body)."""

    def __init__(self) -> None:
        self.answer = 200
        self.reply = b"thanks"
        self.lock = threading.Lock()
        self._calls: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                with receiver.lock:
                    receiver._calls.append(({k.lower(): v for k, v in self.headers.items()}, body))
                    answer, reply = receiver.answer, receiver.reply
                self.send_response(answer)
                self.send_header("content-length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def calls(self) -> list[tuple[dict[str, str], bytes]]:
        with self.lock:
            return list(self._calls)

    def ids(self) -> list[str]:
        return [headers["webhook-id"] for headers, _ in self.calls]


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> Iterator[Receiver]:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["127.0.0.1"])
    monkeypatch.setattr(settings, "WEBHOOK_RETRY_SCHEDULE", FAST_SCHEDULE)
    found = Receiver()
    yield found
    found.server.shutdown()
