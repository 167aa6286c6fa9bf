"""A webhook and the GraphQL subscription that carries the same event show the same `data`.

For every such event (`order.status_changed` ↔ `orderStatusChanged`, `flow_run.started` and
`flow_run.finished` ↔ `flowRunUpdated`), the subscription is asked for exactly the fields of the
webhook's `data` (a field it lacks would fail validation) and answers the same values.
"""

from __future__ import annotations

import json
from typing import Any

from server.domain.actors import Actor
from server.events import get_bus
from server.models import Order
from server.services import flow_runs, webhook_endpoints
from tests.e2e.support import LiveServer, Subscriber, until
from tests.flows.conftest import MakeFlow, MakeOrder, stage, task
from tests.webhook_support import Receiver, receiver

__all__ = ["receiver"]  # the fixture

FLOW = {"stages": [stage("prepare", [task("pause", "wait", {"duration": 1})], ["pause"])]}
MOMENTS = {"at"}  # when the change was seen: the commit for a subscription, the decision for a webhook


def selection(value: Any) -> str:
    """The GraphQL selection set of a JSON value: its keys, nested (a list: its first element's)."""
    if isinstance(value, list):
        return selection(value[0]) if value else ""
    if not isinstance(value, dict):
        return ""
    return "{ " + " ".join(f"{key} {selection(item)}".strip() for key, item in value.items()) + " }"


def shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return "·"


def without_moments(value: dict[str, Any]) -> dict[str, Any]:
    return {key: item for key, item in value.items() if key not in MOMENTS}


async def _run_and_collect(
    admin: Actor, order: Order, receiver: Receiver, types: set[str]
) -> dict[str, dict[str, Any]]:
    """Start the order's flow; its webhooks by type (the last of each), once all arrived."""
    await flow_runs.start_order_flow(admin, order.id)

    async def arrived() -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for _, body in receiver.received:
            payload = json.loads(body)
            if payload["data"].get("order", {}).get("id") == str(order.id):
                found.setdefault(payload["type"], payload["data"])
                if payload["type"] == "order.status_changed":
                    found["order.status_changed"] = payload["data"]  # the last: SUCCESS
        return found if types <= set(found) else {}

    return await until(arrived, timeout=30)  # type: ignore[no-any-return]


async def test_webhook_data_has_the_subscriptions_shape_and_values_for_every_shared_event(
    admin: Actor,
    space_key: tuple[str, str],
    make_flow: MakeFlow,
    make_order: MakeOrder,
    receiver: Receiver,
) -> None:
    await webhook_endpoints.create_endpoint(admin, space_key[0], receiver.url, ["*"])
    flow = await make_flow(FLOW)
    shared = {"order.status_changed", "flow_run.started", "flow_run.finished"}
    async with LiveServer(run_jobs=True) as server:
        first = await _run_and_collect(admin, await make_order(flow.flow.key), receiver, shared)
        status_query = "subscription ($order: ID!) { orderStatusChanged(orderId: $order) %s }"
        run_query = "subscription ($order: ID!) { flowRunUpdated(orderId: $order) %s }"
        order = await make_order(flow.flow.key)
        async with (
            Subscriber(server.ws_url, space_key[1]) as statuses,
            Subscriber(server.ws_url, space_key[1]) as runs,
        ):
            await statuses.subscribe(
                status_query % selection(first["order.status_changed"]), {"order": str(order.id)}
            )
            await runs.subscribe(run_query % selection(first["flow_run.finished"]), {"order": str(order.id)})
            await until(lambda: _subscribers(2))
            hooks = await _run_and_collect(admin, order, receiver, shared)
            heard_status = await statuses.collect(
                lambda got: any(m["orderStatusChanged"]["status"] == "SUCCESS" for m in got)
            )
            heard_runs = await runs.collect(
                lambda got: any(m["flowRunUpdated"]["run"]["status"] == "SUCCESS" for m in got)
            )

    last_status = heard_status[-1]["orderStatusChanged"]
    assert shape(last_status) == shape(hooks["order.status_changed"])
    assert without_moments(last_status) == without_moments(hooks["order.status_changed"])
    finished = next(
        m["flowRunUpdated"] for m in heard_runs if m["flowRunUpdated"]["run"]["status"] == "SUCCESS"
    )
    assert shape(finished) == shape(hooks["flow_run.finished"])
    assert without_moments(finished) == without_moments(hooks["flow_run.finished"])
    started = hooks["flow_run.started"]
    assert shape(started)["run"].keys() == shape(finished)["run"].keys()
    assert started["run"]["id"] == finished["run"]["id"] and started["order"] == finished["order"]
    assert started["run"]["flow"] == finished["run"]["flow"] == {"key": flow.flow.key, "version": 1}
    assert last_status["order"]["url"].endswith(f"/orders/{order.id}")


async def _subscribers(count: int) -> bool:
    return get_bus().subscriber_count >= count
