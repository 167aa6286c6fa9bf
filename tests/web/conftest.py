"""Fixtures of the web UI tests: signed-in browsers-as-clients for an admin and an operator."""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest

from jobs.runtime import Embedded, start_embedded
from server.domain.actors import Actor
from server.domain.statuses import Role
from server.models import Order, Space
from server.services import auth, flows
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


MakeFlow = Callable[[dict[str, Any]], Awaitable[flows.FlowDetail]]
MakeOrder = Callable[..., Awaitable[Order]]


def task(key: str, handler: str, payload: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"key": key, "handlerKey": handler, "payload": payload, "next": [], **extra}


def stage(key: str, tasks: list[dict[str, Any]], initial: list[str]) -> dict[str, Any]:
    return {"key": key, "taskDefinitions": tasks, "initialTaskDefinitionKeys": initial}


async def until(check: Callable[[], Awaitable[Any]], timeout: float = 10.0) -> Any:
    """Poll `check` until it returns something truthy; fail with its last value after `timeout` s."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        await asyncio.sleep(0.02)


@pytest.fixture
async def jobs(clean_db: str) -> AsyncIterator[Embedded]:
    """The embedded worker, running task runs on this loop."""
    embedded = await start_embedded(threads=2)
    yield embedded
    await embedded.stop()


@pytest.fixture
async def make_flow(admin: Actor, space_key: tuple[str, str]) -> MakeFlow:
    async def make(definition: dict[str, Any]) -> flows.FlowDetail:
        return await flows.create_flow(
            admin, space_key[0], f"Flow {uuid.uuid4().hex[:8]}", json.dumps(definition)
        )

    return make


@pytest.fixture
async def make_order(space_key: tuple[str, str]) -> MakeOrder:
    space = await Space.get(key=space_key[0])

    async def make(flow_key: str | None = None, name: str | None = None) -> Order:
        return await Order.create(
            space_id=space.id, name=name or f"ORD-{uuid.uuid4().hex[:8]}", flow_key=flow_key, intake_hash="-"
        )

    return make
