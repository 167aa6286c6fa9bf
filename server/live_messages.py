"""What the event bus carries: a small family of typed messages, and who may see each.

Every message names the order it is about and the space and organization the order belongs to,
so one rule (`may_see`) decides for SSE streams, GraphQL subscriptions and webhooks alike. A
message is serialized once when it is published (`encode`) and parsed once per process when it
arrives (`decode`); on the wire it is one JSON object in camelCase with a `type` (flat, but for the
order a status change carries as webhooks show it).

`BusResumed` never travels: each process's bus hands it to every local subscriber when its
connection came back after an outage, so that a subscriber re-reads what it may have missed.

Pure Python on purpose: it only needs the standard library and the domain's `Actor`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from typing import Any, ClassVar, TypeVar

from server.domain.actors import Actor, ActorKind


@dataclass(frozen=True, kw_only=True)
class OrderMessage:
    """About one order: where it lives, and when the change committed."""

    type: ClassVar[str]
    organization_id: str
    space_id: str
    space_key: str
    order_id: str
    at: datetime


@dataclass(frozen=True, kw_only=True)
class OrderCreated(OrderMessage):
    """A new order was stored (the intake committed)."""

    type: ClassVar[str] = "order.created"
    order_name: str
    status: str


@dataclass(frozen=True, kw_only=True)
class OrderStatusChanged(OrderMessage):
    """The order's status changed; `order` is the order as webhooks and subscriptions show it."""

    type: ClassVar[str] = "order.status"
    order_name: str
    previous_status: str
    status: str
    order: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class OrderTagsChanged(OrderMessage):
    """The order's tags changed (its flow added some, or an operator added or removed some)."""

    type: ClassVar[str] = "order.tags"
    order_name: str


@dataclass(frozen=True, kw_only=True)
class FlowRunUpdated(OrderMessage):
    """The order's run changed as a whole (started, ended, restarted, cancelled)."""

    type: ClassVar[str] = "flow_run.updated"
    run_id: str
    run_status: str


@dataclass(frozen=True, kw_only=True)
class TaskUpdated(OrderMessage):
    """One task of the order's run changed; the run is carried too, as it may have changed with it."""

    type: ClassVar[str] = "task.updated"
    run_id: str
    run_status: str
    task_run_id: str
    task_key: str
    task_state: str


@dataclass(frozen=True, kw_only=True)
class BusResumed:
    """Local only: the bus was down and is back; what came meanwhile was lost and must be re-read."""

    type: ClassVar[str] = "bus.resumed"
    at: datetime


BusMessage = OrderMessage | BusResumed  # OrderMessage: one of the five kinds above
RunChange = FlowRunUpdated | TaskUpdated
WIRE_TYPES: dict[str, type[OrderMessage]] = {
    cls.type: cls for cls in (OrderCreated, OrderStatusChanged, OrderTagsChanged, FlowRunUpdated, TaskUpdated)
}
M = TypeVar("M", bound=OrderMessage)


def may_see(actor: Actor, message: BusMessage) -> bool:
    """The one visibility rule: a key sees its own space, a user its organization's, the system all.

    `BusResumed` says nothing about any order, so everyone may hear it.
    """
    if isinstance(message, BusResumed):
        return True
    if actor.kind is ActorKind.SPACE_KEY:
        return actor.space_id is not None and message.space_id == str(actor.space_id)
    if actor.organization_id is None:
        return actor.kind is ActorKind.SYSTEM
    return message.organization_id == str(actor.organization_id)


def stamped(message: M, at: datetime) -> M:
    """The same message, dated `at` (a change happens when it commits)."""
    return replace(message, at=at)


def encode(message: OrderMessage) -> str:
    """The wire form: one flat JSON object, camelCase keys, `at` in ISO 8601."""
    body: dict[str, Any] = {"type": message.type}
    for item in fields(message):
        value = getattr(message, item.name)
        body[_camel(item.name)] = value.isoformat() if isinstance(value, datetime) else value
    return json.dumps(body, separators=(",", ":"))


def decode(raw: str | bytes) -> OrderMessage:
    """The message of a wire form; ValueError when it is not one this process knows."""
    try:
        body = json.loads(raw)
        cls = WIRE_TYPES[body["type"]]
        values = {item.name: body[_camel(item.name)] for item in fields(cls)}
        values["at"] = _moment(values["at"])
        return cls(**values)
    except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a bus message: {exc}") from exc


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.title() for word in rest)
