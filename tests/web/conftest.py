"""Fixtures of the web UI tests: signed-in browsers-as-clients for an admin and an operator."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from server.domain.actors import Actor
from server.domain.statuses import Role
from server.services import auth
from tests.e2e.support import until  # noqa: F401

# Shared with the flow tests (fixtures and helpers the web tests use too).
from tests.flows.conftest import MakeFlow, MakeOrder, jobs, make_flow, make_order, stage, task  # noqa: F401
from web.rate_limit import throttle

PASSWORD = "correct horse battery"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')

SignIn = Callable[[str, str], Awaitable["WebClient"]]


class WebClient:
    """An httpx client that keeps the session cookie and knows the session's CSRF token."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.http = client
        self.csrf = ""

    async def get(self, url: str, **kwargs: object) -> httpx.Response:
        response = await self.http.get(url, **kwargs)  # type: ignore[arg-type]
        self._remember(response)
        return response

    async def post(self, url: str, data: dict[str, object] | None = None, **kwargs: object) -> httpx.Response:
        headers = {"X-CSRF-Token": self.csrf, **dict(kwargs.pop("headers", {}) or {})}  # type: ignore[call-overload]
        response = await self.http.post(url, data=data or {}, headers=headers, **kwargs)  # type: ignore[arg-type]
        self._remember(response)
        return response

    def _remember(self, response: httpx.Response) -> None:
        found = (
            CSRF_FIELD.search(response.text)
            if "text/html" in response.headers.get("content-type", "")
            else None
        )
        if found:
            self.csrf = found.group(1)


async def sign_in_client(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> WebClient:
    web = WebClient(client)
    await web.get("/login")
    response = await client.post(
        "/login", data={"email": email, "password": password, "csrf_token": web.csrf, "next": "/orders"}
    )
    assert response.status_code == 303, response.text
    await web.get("/orders")
    return web


@pytest.fixture(autouse=True)
def fresh_throttle() -> None:
    throttle._failures.clear()


@pytest.fixture
async def operator(admin: Actor) -> Actor:
    user = await auth.create_user(admin, "op@example.com", PASSWORD, role=Role.OPERATOR, tags=["eyewear"])
    return auth.actor_for_user(user)


@pytest.fixture
async def admin_web(app, admin: Actor) -> AsyncIterator[WebClient]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield await sign_in_client(http, "admin@example.com")


@pytest.fixture
async def operator_web(app, operator: Actor) -> AsyncIterator[WebClient]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield await sign_in_client(http, "op@example.com")
