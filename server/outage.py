"""A database that cannot be reached is a 503 with `Retry-After`, never a 500 and a traceback.

`server.db_errors.is_outage` recognises the connection errors wherever they were raised (the key
lookup, the GraphQL context, a resolver, a page). `DatabaseUnavailableMiddleware` turns them into
one short answer per kind of route: JSON for the API, `{"errors": [...]}` for GraphQL, a small HTML
page for the web UI.
"""

from __future__ import annotations

import html
import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.db_errors import DatabaseUnavailable, is_outage

__all__ = ["DatabaseUnavailable", "DatabaseUnavailableMiddleware", "is_outage", "quiet_outage_logs"]

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
MESSAGE = "The database is unavailable; try again shortly."


class DatabaseUnavailableMiddleware:
    """Answers 503 when a request fails because the database cannot be reached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception as exc:
            if not is_outage(exc):
                raise
            logger.warning(
                "database unavailable on %s %s: %s", scope.get("method"), scope.get("path"), _say(exc)
            )
            if not started:
                await _answer(scope, send)


def _say(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


async def _answer(scope: Scope, send: Send) -> None:
    path = str(scope.get("path", ""))
    accept = dict(scope.get("headers") or []).get(b"accept", b"").decode("latin-1")
    if path.startswith("/graphql"):
        body = json.dumps({"errors": [{"message": MESSAGE, "extensions": {"code": "UNAVAILABLE"}}]})
        kind = "application/json"
    elif path.startswith(("/api/", "/readyz", "/schemas/")) or "text/html" not in accept:
        body = json.dumps({"errors": [{"field": "", "message": MESSAGE, "code": "unavailable"}]})
        kind = "application/json"
    else:
        body = _PAGE.format(message=html.escape(MESSAGE), seconds=RETRY_AFTER_SECONDS)
        kind = "text/html; charset=utf-8"
    encoded = body.encode()
    headers = [
        (b"content-type", kind.encode()),
        (b"content-length", str(len(encoded)).encode()),
        (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
        (b"cache-control", b"no-store"),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": encoded})


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fabflow is unavailable</title>
<meta http-equiv="refresh" content="{seconds}"></head>
<body style="font-family: system-ui, sans-serif; margin: 4rem auto; max-width: 36rem">
<h1>Fabflow is unavailable</h1><p>{message} This page reloads by itself.</p></body></html>
"""


class OutageLogFilter(logging.Filter):
    """Drops a library's error record (with its traceback) of an outage the middleware answers."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        original = getattr(record.msg, "original_error", None)
        return not (is_outage(error) or is_outage(original))


class OutageOneLine(logging.Filter):
    """Keeps a library's record of an outage as one line: its message and the error, no traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and is_outage(error):
            record.msg = f"{record.getMessage()}: {_say(error)}"
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def quiet_outage_logs() -> None:
    """A database away is said once per request (the middleware), not as tracebacks of libraries."""
    for name, kind in (("strawberry.execution", OutageLogFilter), ("asyncpg.pool", OutageOneLine)):
        target = logging.getLogger(name)
        if not any(isinstance(existing, kind) for existing in target.filters):
            target.addFilter(kind())
