"""Subscriptions over a real websocket: authenticated in connection_init, scoped to the key's space."""

from __future__ import annotations

import asyncio
import json

import pytest
import websockets

from server.domain.actors import Actor
from server.events import get_bus
from server.models import Order, Space
from server.services import auth, flow_runs, flows
from tests.e2e.support import LiveServer, Subscriber, until
from tests.flows.conftest import MakeOrder

FLOW = {
    "stages": [
        {
            "key": "s",
            "taskDefinitions": [{"key": "check", "handlerKey": "manual-task", "payload": {"title": "Check"}}],
            "initialTaskDefinitionKeys": ["check"],
        }
    ]
}
STATUS = "subscription { orderStatusChanged { order { id name spaceKey } previousStatus status } }"
RUN = """
subscription($order: ID!) {
  flowRunUpdated(orderId: $order) { run { status taskRuns { key status } } taskKey }
}"""


async def test_a_subscriber_sees_its_spaces_changes_and_nothing_of_others(
    admin: Actor, space_key: tuple[str, str], make_order: MakeOrder
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Review flow", json.dumps(FLOW))
    await auth.create_space(admin, "other-space", "Other")
    other_key = (await auth.create_api_key(admin, "other-space")).secret
    order = await make_order("review-flow", name="LIVE-1")

    async with (
        LiveServer(run_jobs=True) as server,
        Subscriber(server.ws_url, space_key[1]) as mine,
        Subscriber(server.ws_url, other_key) as theirs,
    ):
        await mine.subscribe(STATUS, {})
        await mine.subscribe(RUN, {"order": str(order.id)})
        await theirs.subscribe(STATUS, {})
        await until(lambda: _subscribers(3))
        await flow_runs.start_order_flow(admin, order.id)

        seen = await mine.collect(lambda got: any("flowRunUpdated" in m and _waiting(m) for m in got))
        await flows.create_flow(admin, "other-space", "Review flow", json.dumps(FLOW))
        their_order = await _order_in("other-space", "THEIRS-1")
        await flow_runs.start_order_flow(admin, their_order.id)
        first_of_theirs = await theirs.next()

    assert first_of_theirs["orderStatusChanged"]["order"]["name"] == "THEIRS-1"  # nothing of mine before
    change = next(m["orderStatusChanged"] for m in seen if "orderStatusChanged" in m)
    assert change == {
        "order": {"id": str(order.id), "name": "LIVE-1", "spaceKey": "demo-eyewear"},
        "previousStatus": "CREATED",
        "status": "IN_PROGRESS",
    }


async def _order_in(space_key: str, name: str) -> Order:
    space = await Space.get(key=space_key)
    return await Order.create(space_id=space.id, name=name, flow_key="review-flow", intake_hash="-")


async def _subscribers(count: int) -> bool:
    return get_bus().subscriber_count >= count


def _waiting(message: dict[str, object]) -> bool:
    run = message["flowRunUpdated"]["run"]  # type: ignore[index]
    return run["taskRuns"] == [{"key": "check", "status": "WAITING"}]  # type: ignore[index,no-any-return]


@pytest.mark.parametrize("token", [None, "ffk_not-a-key"])
async def test_a_connection_without_a_valid_key_is_refused(token: str | None, clean_db: str) -> None:
    async with LiveServer() as server:
        socket = await websockets.connect(server.ws_url, subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(socket.recv(), timeout=5)
        await until(lambda: _closed(socket))
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403


async def _closed(socket: websockets.ClientConnection) -> bool:
    return socket.close_code is not None


async def test_a_user_of_another_organization_hears_only_its_own(
    admin: Actor, space_key: tuple[str, str], make_order: MakeOrder
) -> None:
    from server.domain.actors import ActorKind
    from server.domain.statuses import Role
    from server.models import Organization

    await flows.create_flow(admin, "demo-eyewear", "Review flow", json.dumps(FLOW))
    other_org = await Organization.create(name="Another workshop")
    other_admin = Actor(kind=ActorKind.SYSTEM, organization_id=other_org.id)
    stranger = await auth.create_user(
        other_admin, "stranger@example.com", "correct horse battery", Role.ADMIN
    )
    token = (await auth.create_user_token(auth.actor_for_user(stranger))).secret
    colleague = (await auth.create_user_token(admin)).secret
    order = await make_order("review-flow", name="LIVE-2")

    async with (
        LiveServer(run_jobs=True) as server,
        Subscriber(server.ws_url, colleague) as mine,
        Subscriber(server.ws_url, token) as theirs,
    ):
        await mine.subscribe(STATUS, {})
        await theirs.subscribe(STATUS, {})
        await until(lambda: _subscribers(2))
        await flow_runs.start_order_flow(admin, order.id)

        seen = await mine.next()
        await auth.create_space(other_admin, "their-space", "Theirs")
        await flows.create_flow(other_admin, "their-space", "Review flow", json.dumps(FLOW))
        their_order = await _order_in("their-space", "THEIRS-2")
        await flow_runs.start_order_flow(other_admin, their_order.id)
        first_of_theirs = await theirs.next()

    assert seen["orderStatusChanged"]["order"]["name"] == "LIVE-2"
    assert first_of_theirs["orderStatusChanged"]["order"]["name"] == "THEIRS-2"  # nothing of ours before
