"""A real webhook receiver on 127.0.0.1 for the webhook tests: it keeps every call it received."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from server import settings

FAST_SCHEDULE = [0, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]


@dataclass(frozen=True)
class Call:
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes


class Receiver:
    """Answers `answer` (a status code) to every POST and keeps what it received."""

    def __init__(self) -> None:
        self.answer = 200
        self.answers: dict[str, list[int]] = {}  # per path: the next answers, in turn (then `answer`)
        self.calls: list[Call] = []
        self.lock = threading.Lock()
        # Set: the next call is kept unanswered until `release` is set (or 10 s), then answered.
        self.hold_next = threading.Event()
        self.release = threading.Event()
        self.held = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                headers = {k.lower(): v for k, v in self.headers.items()}
                with receiver.lock:
                    receiver.calls.append(Call(self.path, headers, body))
                    queued = receiver.answers.get(self.path)
                    answer = queued.pop(0) if queued else receiver.answer
                    holding = receiver.hold_next.is_set()
                    receiver.hold_next.clear()
                if holding:
                    receiver.held.set()
                    receiver.release.wait(10)
                try:
                    self.send_response(answer)
                    self.send_header("content-length", "0")
                    self.end_headers()
                except OSError:  # the caller went away (a worker killed while it waited)
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.base + "/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def received(self) -> list[tuple[dict[str, str], bytes]]:
        with self.lock:
            return [(call.headers, call.body) for call in self.calls]

    def at(self, path: str) -> list[Call]:
        with self.lock:
            return [call for call in self.calls if call.path == path]


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> Iterator[Receiver]:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["127.0.0.1"])
    monkeypatch.setattr(settings, "WEBHOOK_RETRY_SCHEDULE", FAST_SCHEDULE)
    found = Receiver()
    yield found
    found.server.shutdown()
