"""The web UI as one ASGI app: pages, partials, the live stream and the static files.

Mounted by `server.app` under `/`, after the API routes. Its own middleware signs the
session cookie and adds the security headers of every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server import settings
from server.outage import DatabaseUnavailableMiddleware
from server.sessions import SESSION_COOKIE, SESSION_MAX_AGE, RememberingSigner

STATIC_DIR = Path(__file__).resolve().parent / "static"

# Scripts only from here (htmx runs without eval: `allowEval` is off); images may be the assets' own URLs.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


class Sessions(SessionMiddleware):
    """Starlette's session middleware, its cookie's signature checked once per cookie value
    (`server.sessions.RememberingSigner`)."""

    def __init__(
        self,
        app: ASGIApp,
        secret_key: str,
        session_cookie: str,
        max_age: int,
        same_site: Literal["lax", "strict", "none"],
        https_only: bool,
    ) -> None:
        super().__init__(app, secret_key, session_cookie, max_age, same_site=same_site, https_only=https_only)
        self.signer = RememberingSigner(secret_key)


async def home(request: Request) -> Response:
    return RedirectResponse("/orders", status_code=303)


def _routes() -> list[BaseRoute]:
    from web import (
        account,
        admin,
        details,
        export_jobs,
        flows,
        integrations,
        lists,
        live,
        login,
        outbox,
        tasks,
        webhooks,
    )

    return [
        Route("/", home),
        *login.routes,
        *account.routes,
        *lists.routes,
        *export_jobs.routes,
        *details.routes,
        *admin.routes,
        *integrations.routes,
        *flows.routes,
        *live.routes,
        *outbox.routes,
        *tasks.routes,
        *webhooks.routes,
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]


def make_web_app() -> Starlette:
    return Starlette(
        routes=_routes(),
        middleware=[
            Middleware(DatabaseUnavailableMiddleware),  # inside this app's own 500 handler
            Middleware(SecurityHeaders),
            Middleware(
                Sessions,
                secret_key=settings.secret_key(),
                session_cookie=SESSION_COOKIE,
                max_age=SESSION_MAX_AGE,
                same_site="lax",
                https_only=settings.PUBLIC_URL.startswith("https://"),
            ),
        ],
    )
