"""Webhook deliveries written in the transaction of the change that causes them (an outbox).

`record` turns events about one order into delivery rows: one per subscribed enabled endpoint of the
order's space, and one to the order's `updateUrl` for its status changes and feedback. It costs
nothing while the space never had an endpoint (`Space.webhooks_version` is 0, read with the space
the caller holds already) and the order has no `updateUrl`; otherwise one cached read of the
space's endpoints, one statement that advances the order's `sequence`, and one bulk insert. After
the commit the delivery ids go to the dispatcher (`Effects.deliveries`); the sweep sends whatever
a lost message left pending.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

from server.domain.flows.engine import (
    Command,
    EndRun,
    EndTask,
    MarkTimedOut,
    RunEvent,
    RunStarted,
    SetOrderStatus,
)
from server.domain.statuses import TaskState
from server.models import FlowVersion, Order, Space, WebhookDelivery, WebhookEndpoint
from server.services import webhook_events as events
from server.services.effects import Effects, now
from server.services.run_sql import OrderRow, SpaceRow

if TYPE_CHECKING:
    from server.domain.flows.engine import RunState
    from server.services.run_store import LoadedRun

Json = dict[str, Any]


@dataclass(frozen=True)
class Receiver:
    endpoint_id: UUID
    url: str
    events: tuple[str, ...]


# Per process: the space's enabled endpoints as of its `webhooks_version` (bumped with every change).
_RECEIVERS: dict[UUID, tuple[int, list[Receiver]]] = {}
_FLOWS: dict[UUID, tuple[str, int]] = {}  # flow version -> (flow key, number); versions never change


async def receivers(space: Space | SpaceRow) -> list[Receiver]:
    if space.webhooks_version == 0:
        return []
    cached = _RECEIVERS.get(space.id)
    if cached is not None and cached[0] == space.webhooks_version:
        return cached[1]
    rows = await WebhookEndpoint.filter(space_id=space.id, enabled=True).order_by("created_at")
    found = [Receiver(row.id, row.url, tuple(row.events)) for row in rows]
    _RECEIVERS[space.id] = (space.webhooks_version, found)
    return found


def wanted(space: Space | SpaceRow, order: Order | OrderRow | None, event_type: str) -> bool:
    """Whether anyone may receive `event_type` here, without a statement (a cheap first filter)."""
    return space.webhooks_version != 0 or (
        order is not None and bool(order.update_url) and event_type in events.UPDATE_URL_EVENTS
    )


async def record(
    space: Space | SpaceRow,
    order: Order | OrderRow | None,
    changes: list[tuple[str, Json]],
    effects: Effects,
) -> list[UUID]:
    """Delivery rows for `changes` ((event type, data) about `order`, in the order they happened)."""
    changes = [change for change in changes if wanted(space, order, change[0])]
    if not changes:
        return []
    endpoints = await receivers(space)
    moment = now()
    planned: list[tuple[str, Json, list[tuple[UUID | None, str]]]] = []
    for event_type, data in changes:
        targets: list[tuple[UUID | None, str]] = [
            (r.endpoint_id, r.url) for r in endpoints if events.subscribes(r.events, event_type)
        ]
        if order is not None and order.update_url and event_type in events.UPDATE_URL_EVENTS:
            targets.append((None, order.update_url))
        if targets:
            planned.append((event_type, data, targets))
    if not planned:
        return []
    first = await _advance_sequence(order, len(planned)) if order is not None else 0
    rows: list[WebhookDelivery] = []
    for offset, (event_type, data, targets) in enumerate(planned):
        sequence = first + offset if order is not None else 0
        for endpoint_id, url in targets:
            rows.append(_row(space, order, endpoint_id, url, event_type, sequence, data, moment))
    await WebhookDelivery.bulk_create(rows)
    ids = [row.id for row in rows]
    effects.deliveries += ids
    return ids


def _row(
    space: Space | SpaceRow,
    order: Order | OrderRow | None,
    endpoint_id: UUID | None,
    url: str,
    event_type: str,
    sequence: int,
    data: Json,
    moment: datetime,
) -> WebhookDelivery:
    delivery_id = uuid4()
    body = events.envelope(event_type, str(delivery_id), moment, space.key, sequence, data)
    return WebhookDelivery(
        id=delivery_id,
        space_id=space.id,
        endpoint_id=endpoint_id,
        order_id=order.id if order is not None else None,
        url=url,
        event_type=event_type,
        sequence=sequence,
        body=body,
        state="pending",
        next_attempt_at=moment,
        created_at=moment,
    )


async def _advance_sequence(order: Order | OrderRow, count: int) -> int:
    """Add `count` to the order's counter in one statement; the first of the new numbers."""
    db = Order._meta.db
    mark = "$1" if db.capabilities.dialect == "postgres" else "?"
    second = "$2" if mark == "$1" else "?"
    sql = (
        f"UPDATE fab_order SET webhook_sequence = webhook_sequence + {mark} "
        f"WHERE id = {second} RETURNING webhook_sequence"
    )
    rows = await db.execute_query_dict(sql, [count, str(order.id)])
    last = int(rows[0]["webhook_sequence"])
    order.webhook_sequence = last
    return last - count + 1


# --------------------------------------------------------------------------------------------------
# From one engine step (called once in `run_store.decide`)


async def record_step(
    loaded: LoadedRun, before: RunState, event: RunEvent, commands: list[Command], effects: Effects
) -> None:
    """The webhook events of one engine step, in the order the step made them."""
    order, space = loaded.order, loaded.order.space
    if space.webhooks_version == 0 and not order.update_url:
        return
    moment = now()
    changes: list[tuple[str, Json]] = []
    previous = str(before.order_status)
    if isinstance(event, RunStarted) and wanted(space, order, "flow_run.started"):
        changes.append(("flow_run.started", await _run_data(loaded, moment)))
    for command in commands:
        match command:
            case SetOrderStatus(status):
                data = events.order_status_data(order, previous, moment)
                data["order"]["status"] = data["status"] = str(status)
                changes.append(("order.status_changed", data))
                previous = str(status)
            case EndTask(task_run_id, state, _, _) if state in _TASK_EVENTS:
                if wanted(space, order, _TASK_EVENTS[state]):
                    task = loaded.tasks[task_run_id]
                    changes.append((_TASK_EVENTS[state], events.task_data(task, order, moment)))
            case MarkTimedOut(task_run_id) if wanted(space, order, "task.timed_out"):
                changes.append(("task.timed_out", events.task_data(loaded.tasks[task_run_id], order, moment)))
            case EndRun() if wanted(space, order, "flow_run.finished"):
                changes.append(("flow_run.finished", await _run_data(loaded, moment)))
    await record(space, order, changes, effects)


_TASK_EVENTS = {
    TaskState.SUCCEEDED: "task.succeeded",
    TaskState.FAILED: "task.failed",
    TaskState.TIMED_OUT: "task.timed_out",
}


async def _run_data(loaded: LoadedRun, moment: datetime) -> Json:
    key, number = await flow_of(loaded.run.flow_version_id)  # type: ignore[attr-defined]
    return events.run_data(loaded.run, loaded.tasks.values(), key, number, loaded.order, moment)


async def flow_of(version_id: UUID) -> tuple[str, int]:
    """The flow key and version number of a flow version (cached: versions never change)."""
    if version_id not in _FLOWS:
        version = await FlowVersion.get(id=version_id).select_related("flow")
        _FLOWS[version_id] = (version.flow.key, version.number)
    return _FLOWS[version_id]


async def order_with_space(order_id: UUID) -> Order | None:
    return await Order.get_or_none(id=order_id).select_related("space")


async def record_for_order(
    order_id: UUID, event_type: str, build: Any, effects: Effects | None = None
) -> list[UUID]:
    """One event about an order outside the engine (manual tasks, feedback, assets).

    `build(order)` makes the `data`; called only when someone may receive the event. Without
    `effects`, the deliveries are handed to the dispatcher at once (the caller's write is committed,
    or the sweep sends them once it is).
    """
    order = await order_with_space(order_id)
    if order is None or not wanted(order.space, order, event_type):
        return []
    own = effects if effects is not None else Effects()
    ids = await record(order.space, order, [(event_type, build(order))], own)
    if effects is None:
        await own.carry_out()
    return ids
