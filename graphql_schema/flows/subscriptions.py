"""Live status: `orderStatusChanged` and `flowRunUpdated`, fed by the event bus.

A subscriber sees only messages its actor may see (`live_messages.may_see`; a secret key: its own
space), through a bounded queue: one that reads too slowly loses the oldest messages, never grows
memory. When the bus was down and is back (`BusResumed`), a subscriber that watches one order reads
it again and is sent its current state, if it differs from what it was last sent.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import strawberry
from strawberry import Info

from graphql_schema.errors import PublicError
from graphql_schema.flows.queries import parse_id
from graphql_schema.flows.types import RunStatusEnum, TaskStateEnum
from graphql_schema.orders.types import OrderStatusEnum
from server.domain.actors import Actor
from server.domain.statuses import OrderStatus, RunStatus, TaskState
from server.events import get_bus
from server.live_messages import (
    BusMessage,
    BusResumed,
    FlowRunUpdated,
    OrderMessage,
    OrderStatusChanged,
    TaskUpdated,
    may_see,
)
from server.services import flow_runs, webhook_events
from server.services.errors import ServiceError

Json = dict[str, Any]


@strawberry.type
class OrderRef:
    id: strawberry.ID
    name: str
    status: OrderStatusEnum  # type: ignore[valid-type]
    value: Decimal
    deadline: datetime | None
    url: str = strawberry.field(description="The order's page.")
    tags: list[str]
    space_key: str


@strawberry.type
class OrderStatusChange:
    """Built from `webhook_events.status_change_data`: the `order.status_changed` webhook's `data`."""

    order: OrderRef
    previous_status: OrderStatusEnum  # type: ignore[valid-type]
    status: OrderStatusEnum  # type: ignore[valid-type]
    at: datetime

    @classmethod
    def of(cls, data: Json, space_key: str, at: datetime) -> OrderStatusChange:
        order = data["order"]
        ref = OrderRef(
            id=strawberry.ID(order["id"]),
            name=order["name"],
            status=OrderStatus(order["status"]),
            value=Decimal(order["value"]),
            deadline=datetime.fromisoformat(order["deadline"]) if order["deadline"] else None,
            url=order["url"],
            tags=list(order["tags"]),
            space_key=space_key,
        )
        previous = OrderStatus(data["previousStatus"] or data["status"])
        return cls(order=ref, previous_status=previous, status=OrderStatus(data["status"]), at=at)


@strawberry.type
class FlowRef:
    key: str
    version: int


@strawberry.type
class LiveTaskRun:
    id: strawberry.ID
    key: str
    handler_key: str
    status: TaskStateEnum  # type: ignore[valid-type]
    outcome: str | None
    attempts: int
    started_at: datetime | None
    ended_at: datetime | None


@strawberry.type
class LiveRun:
    id: strawberry.ID
    status: RunStatusEnum  # type: ignore[valid-type]
    flow: FlowRef
    task_runs: list[LiveTaskRun] = strawberry.field(description="In the order they started.")


@strawberry.type
class RunOrder:
    id: strawberry.ID
    name: str


@strawberry.type
class FlowRunUpdate:
    """Built from `webhook_events.run_data`: the `flow_run.*` webhooks' `data`, and the causing task."""

    run: LiveRun
    order: RunOrder
    task_key: str | None = strawberry.field(description="The task whose change caused this update, if any.")
    at: datetime

    @classmethod
    def of(cls, data: Json, task_key: str | None, at: datetime) -> FlowRunUpdate:
        run = data["run"]
        tasks = [
            LiveTaskRun(
                id=strawberry.ID(task["id"]),
                key=task["key"],
                handler_key=task["handlerKey"],
                status=TaskState(task["status"]),
                outcome=task["outcome"],
                attempts=task["attempts"],
                started_at=_moment(task["startedAt"]),
                ended_at=_moment(task["endedAt"]),
            )
            for task in run["taskRuns"]
        ]
        live = LiveRun(
            id=strawberry.ID(run["id"]),
            status=RunStatus(run["status"]),
            flow=FlowRef(key=run["flow"]["key"], version=run["flow"]["version"]),
            task_runs=tasks,
        )
        order = RunOrder(id=strawberry.ID(data["order"]["id"]), name=data["order"]["name"])
        return cls(run=live, order=order, task_key=task_key, at=at)


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _actor(info: Info) -> Actor:
    actor: Actor | None = info.context.actor
    if actor is None:
        raise PublicError("Authentication required: send the key in connection_init.", "UNAUTHENTICATED")
    return actor


def _order_filter(
    actor: Actor, kinds: tuple[type[OrderMessage], ...], space_key: str | None, order_id: str | None
) -> Callable[[BusMessage], bool]:
    def accepts(message: BusMessage) -> bool:
        return (
            isinstance(message, kinds)
            and may_see(actor, message)
            and (space_key is None or message.space_key == space_key)
            and (order_id is None or message.order_id == order_id)
        )

    return accepts


@strawberry.type
class FlowSubscriptions:
    @strawberry.subscription(description="Each change of an order's status, in the caller's spaces.")
    async def order_status_changed(
        self, info: Info, space_key: str | None = None, order_id: strawberry.ID | None = None
    ) -> AsyncGenerator[OrderStatusChange, None]:
        actor = _actor(info)
        wanted = parse_id(order_id, "orderId") if order_id is not None else None
        accepts = _order_filter(actor, (OrderStatusChanged,), space_key, str(wanted) if wanted else None)
        async with get_bus().subscribe(accepts) as queue:
            last = await _current_status(actor, wanted, space_key)
            async for message in queue:
                if isinstance(message, OrderStatusChanged):
                    change = _status_change(message)
                elif wanted is not None:
                    snapshot = await _status_snapshot(actor, wanted, space_key, last)
                    if snapshot is None:
                        continue
                    change = snapshot
                else:
                    continue
                last = change.status
                yield change

    @strawberry.subscription(description="The order's flow run each time it or one of its tasks changes.")
    async def flow_run_updated(
        self, info: Info, order_id: strawberry.ID
    ) -> AsyncGenerator[FlowRunUpdate, None]:
        actor = _actor(info)
        wanted = parse_id(order_id, "orderId")
        accepts = _order_filter(actor, (FlowRunUpdated, TaskUpdated), None, str(wanted))
        async with get_bus().subscribe(accepts) as queue:
            last = _run_signature(await _latest_run(actor, wanted))
            async for message in queue:
                if isinstance(message, BusResumed):
                    update = await _latest_run(actor, wanted)
                    task_key = None
                elif isinstance(message, FlowRunUpdated | TaskUpdated):
                    update = await _run(actor, UUID(message.run_id))
                    task_key = message.task_key if isinstance(message, TaskUpdated) else None
                else:
                    continue
                if update is None or (isinstance(message, BusResumed) and _run_signature(update) == last):
                    continue
                last = _run_signature(update)
                yield FlowRunUpdate.of(update, task_key, message.at)


def _status_change(message: OrderStatusChanged) -> OrderStatusChange:
    data = webhook_events.status_change_data(
        message.order, message.previous_status, message.status, message.at
    )
    return OrderStatusChange.of(data, message.space_key, message.at)


async def _current_status(actor: Actor, order_id: UUID | None, space_key: str | None) -> OrderStatus | None:
    if order_id is None:
        return None
    try:
        order = await flow_runs.visible_order(actor, order_id)
    except ServiceError:
        return None
    if space_key is not None and order.space.key != space_key:
        return None
    return OrderStatus(order.status)


async def _status_snapshot(
    actor: Actor, order_id: UUID, space_key: str | None, last: OrderStatus | None
) -> OrderStatusChange | None:
    """The order as it is now, if its status is not the one last sent (changed while the bus was down)."""
    try:
        order = await flow_runs.visible_order(actor, order_id)
    except ServiceError:
        return None
    status = OrderStatus(order.status)
    if status == last or (space_key is not None and order.space.key != space_key):
        return None
    at = datetime.now(UTC)
    data = webhook_events.order_status_data(order, str(last or status), at)
    return OrderStatusChange.of(data, order.space.key, at)


async def _run(actor: Actor, run_id: UUID) -> Json | None:
    try:
        return await flow_runs.live_run_data(actor, run_id, datetime.now(UTC))
    except ServiceError:
        return None


async def _latest_run(actor: Actor, order_id: UUID) -> Json | None:
    latest = (await flow_runs.latest_runs([order_id])).get(order_id)
    return await _run(actor, latest[0].id) if latest else None


def _run_signature(update: Json | None) -> object:
    """What a subscriber sees of a run, to tell whether a re-read shows anything new."""
    if update is None:
        return None
    run = update["run"]
    tasks = tuple((t["key"], t["status"], t["attempts"], t["outcome"]) for t in run["taskRuns"])
    return (run["id"], run["status"], tasks)
