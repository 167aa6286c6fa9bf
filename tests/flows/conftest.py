"""Fixtures for running flows: an order, a flow made from a definition, the in-process worker."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from jobs.runtime import Embedded, start_embedded
from server.domain.actors import Actor
from server.models import Order, Space
from server.services import flows

MakeFlow = Callable[[dict[str, Any]], Awaitable[flows.FlowDetail]]
MakeOrder = Callable[..., Awaitable[Order]]


@pytest.fixture
async def jobs(clean_db: str) -> AsyncIterator[Embedded]:
    """The embedded worker (Dramatiq StubBroker and worker threads), running actors on this loop."""
    embedded = await start_embedded(threads=2)
    yield embedded
    await embedded.stop()


@pytest.fixture
async def make_flow(admin: Actor, space_key: tuple[str, str]) -> MakeFlow:
    async def make(definition: dict[str, Any]) -> flows.FlowDetail:
        name = f"Flow {uuid.uuid4().hex[:8]}"
        return await flows.create_flow(admin, space_key[0], name, json.dumps(definition))

    return make


@pytest.fixture
async def make_order(space_key: tuple[str, str]) -> MakeOrder:
    space = await Space.get(key=space_key[0])

    async def make(flow_key: str | None = None, name: str | None = None) -> Order:
        return await Order.create(
            space_id=space.id, name=name or f"ORD-{uuid.uuid4().hex[:8]}", flow_key=flow_key, intake_hash="-"
        )

    return make


def task(key: str, handler: str, payload: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"key": key, "handlerKey": handler, "payload": payload, **extra}


def stage(key: str, tasks: list[dict[str, Any]], initial: list[str]) -> dict[str, Any]:
    return {"key": key, "taskDefinitions": tasks, "initialTaskDefinitionKeys": initial}
