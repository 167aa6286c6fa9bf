"""Live status: `orderStatusChanged` and `flowRunUpdated`, fed by the event bus.

A subscriber sees only messages of spaces its actor may see (a secret key: its own space), through
a bounded queue: one that reads too slowly loses the oldest messages, never grows memory.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Any
from uuid import UUID

import strawberry
from strawberry import Info

from graphql_schema.errors import PublicError
from graphql_schema.flows.queries import parse_id
from graphql_schema.flows.types import FlowRunType
from graphql_schema.orders.types import OrderStatusEnum
from server.domain.actors import Actor
from server.domain.statuses import OrderStatus
from server.events import Message, get_bus
from server.services import flow_runs
from server.services.errors import ServiceError


@strawberry.type
class OrderRef:
    id: strawberry.ID
    name: str
    status: OrderStatusEnum  # type: ignore[valid-type]
    space_key: str


@strawberry.type
class OrderStatusChange:
    order: OrderRef
    previous_status: OrderStatusEnum  # type: ignore[valid-type]
    status: OrderStatusEnum  # type: ignore[valid-type]
    at: datetime


@strawberry.type
class FlowRunUpdate:
    run: FlowRunType
    task_key: str | None = strawberry.field(description="The task whose change caused this update, if any.")
    at: datetime


def _actor(info: Info) -> Actor:
    actor: Actor | None = info.context.actor
    if actor is None:
        raise PublicError("Authentication required: send the key in connection_init.", "UNAUTHENTICATED")
    return actor


def _visible(actor: Actor, message: Message) -> bool:
    """The message's space is one the actor may see: a key's own, or one of a user's organization."""
    if actor.space_id is not None:
        return message.get("spaceId") == str(actor.space_id)
    return actor.organization_id is None or message.get("organizationId") == str(actor.organization_id)


def _order_filter(actor: Actor, kind: str, space_key: str | None, order_id: str | None) -> Any:
    def accepts(message: Message) -> bool:
        return (
            message.get("type") == kind
            and _visible(actor, message)
            and (space_key is None or message.get("spaceKey") == space_key)
            and (order_id is None or message.get("orderId") == order_id)
        )

    return accepts


@strawberry.type
class FlowSubscriptions:
    @strawberry.subscription(description="Each change of an order's status, in the caller's spaces.")
    async def order_status_changed(
        self, info: Info, space_key: str | None = None, order_id: strawberry.ID | None = None
    ) -> AsyncGenerator[OrderStatusChange, None]:
        actor = _actor(info)
        wanted = str(parse_id(order_id, "orderId")) if order_id is not None else None
        async with get_bus().subscribe(_order_filter(actor, "order.status", space_key, wanted)) as queue:
            async for message in queue:
                yield _status_change(message)

    @strawberry.subscription(description="The order's flow run each time it or one of its tasks changes.")
    async def flow_run_updated(
        self, info: Info, order_id: strawberry.ID
    ) -> AsyncGenerator[FlowRunUpdate, None]:
        actor = _actor(info)
        wanted = str(parse_id(order_id, "orderId"))
        async with get_bus().subscribe(_order_filter(actor, "flow_run.updated", None, wanted)) as queue:
            async for message in queue:
                try:
                    run, tasks = await flow_runs.run_with_tasks(actor, UUID(message["runId"]))
                except ServiceError:
                    continue
                at = datetime.fromisoformat(message["at"])
                yield FlowRunUpdate(run=FlowRunType.of(run, tasks), task_key=message.get("taskKey"), at=at)


def _status_change(message: Message) -> OrderStatusChange:
    status = OrderStatus(message["status"])
    order = OrderRef(
        id=strawberry.ID(message["orderId"]),
        name=message.get("orderName", ""),
        status=status,
        space_key=message.get("spaceKey", ""),
    )
    return OrderStatusChange(
        order=order,
        previous_status=OrderStatus(message["previousStatus"]),
        status=status,
        at=datetime.fromisoformat(message["at"]),
    )
