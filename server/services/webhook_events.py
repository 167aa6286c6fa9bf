"""The webhook event catalogue and the one serializer of each event's `data` (DESIGN §9).

`status_change_data` is also what the `orderStatusChanged` subscription yields (its order comes on the
event bus, made by `order_data`), and `run_data` what `flowRunUpdated` yields, so a webhook and a
subscription never disagree on a shape (tests/e2e/test_webhook_shapes.py compares them).
Values are JSON-ready: ids as text, moments in ISO 8601, statuses by name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from server.models import Asset, AssetVersion, FlowRun, ManualTask, Order, TaskRun, WebhookEndpoint
from server.services.orders.context import order_url
from server.services.run_sql import OrderRow, RunRow, TaskRow

Json = dict[str, Any]
ALL = "*"


@dataclass(frozen=True)
class EventType:
    name: str
    description: str


CATALOGUE: tuple[EventType, ...] = (
    EventType("order.created", "An order was stored (by the API, REST intake or the web)."),
    EventType("order.status_changed", "An order's status changed."),
    EventType("flow_run.started", "A flow run started for an order."),
    EventType("flow_run.finished", "A flow run ended: succeeded, failed or was cancelled."),
    EventType("task.succeeded", "A task of a flow run succeeded."),
    EventType("task.failed", "A task of a flow run failed."),
    EventType("task.timed_out", "A task's timeout passed (handled by a next entry or not)."),
    EventType("task.feedback_received", "A connector sent feedback for a task."),
    EventType("manual_task.created", "A manual task is waiting for someone."),
    EventType("manual_task.completed", "A manual task was completed or rejected."),
    EventType("asset.version_added", "A new version of an asset was stored (the current one now)."),
    EventType(
        "webhook_endpoint.disabled",
        "Another endpoint of the space was disabled (it answered 410, or failed for too long).",
    ),
    EventType("webhook.test", "Sent by sendTestWebhook only; no endpoint subscribes to it."),
)
NAMES = frozenset(event.name for event in CATALOGUE if event.name != "webhook.test")
# What the order's updateUrl receives, without subscribing.
UPDATE_URL_EVENTS = frozenset({"order.status_changed", "task.feedback_received"})


def subscribes(events: Iterable[str], event_type: str) -> bool:
    wanted = set(events)
    return event_type in wanted or (ALL in wanted and event_type in NAMES)


def unknown_names(events: Iterable[str]) -> list[str]:
    return [name for name in events if name != ALL and name not in NAMES]


def moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def order_data(order: Order | OrderRow) -> Json:
    value = order.value if isinstance(order.value, Decimal) else Decimal(str(order.value))
    return {
        "id": str(order.id),
        "name": order.name,
        "status": str(order.status),
        "value": str(value.quantize(Decimal("0.01"))),
        "deadline": moment(order.deadline),
        "url": order_url(order.id),
        "tags": list(order.tags or []),
    }


def order_ref(order: Order | OrderRow) -> Json:
    return {"id": str(order.id), "name": order.name}


def order_status_data(order: Order | OrderRow, previous_status: str | None, at: datetime) -> Json:
    """`order.status_changed` and `order.created`: the `orderStatusChanged` shape."""
    return status_change_data(order_data(order), previous_status, str(order.status), at)


def status_change_data(order: Json, previous_status: str | None, status: str, at: datetime) -> Json:
    """The `orderStatusChanged` payload, from `order_data` of the order (carried on the event bus)."""
    return {"order": order, "previousStatus": previous_status, "status": status, "at": at.isoformat()}


def task_run_data(task: TaskRun | TaskRow) -> Json:
    return {
        "id": str(task.id),
        "key": task.key,
        "handlerKey": task.handler_key,
        "status": str(task.state),
        "outcome": task.outcome,
        "attempts": task.attempts,
        "startedAt": moment(task.started_at),
        "endedAt": moment(task.ended_at),
    }


def run_data(
    run: FlowRun | RunRow,
    tasks: Iterable[TaskRun | TaskRow],
    flow_key: str,
    flow_version: int,
    order: Order | OrderRow,
    at: datetime,
) -> Json:
    """`flow_run.started` and `flow_run.finished`: the `flowRunUpdated` shape, with the flow and order."""
    return {
        "run": {
            "id": str(run.id),
            "status": str(run.status),
            "flow": {"key": flow_key, "version": flow_version},
            "taskRuns": [task_run_data(task) for task in tasks],
        },
        "order": order_ref(order),
        "at": at.isoformat(),
    }


def task_data(
    task: TaskRun | TaskRow, order: Order | OrderRow, at: datetime, feedback: Json | None = None
) -> Json:
    data: Json = {
        "task": {
            "key": task.key,
            "handlerKey": task.handler_key,
            "status": str(task.state),
            "outcome": task.outcome,
            "attempts": task.attempts,
            "reason": task.error,
        },
        "run": {"id": str(task.run_id)},  # type: ignore[union-attr]
        "order": order_ref(order),
        "at": at.isoformat(),
    }
    if feedback is not None:
        data["feedback"] = {
            "status": feedback.get("status"),
            "message": feedback.get("message", ""),
            "data": feedback.get("data") or {},
            "assets": feedback.get("assets") or [],
        }
    return data


def manual_task_data(task: ManualTask, order: Order, at: datetime) -> Json:
    return {
        "manualTask": {
            "id": str(task.id),
            "title": task.title,
            "status": str(task.status),
            "by": task.resolved_by,
            "comment": task.comment,
        },
        "order": order_ref(order),
        "at": at.isoformat(),
    }


def asset_version_data(asset: Asset, version: AssetVersion, order: Order, at: datetime) -> Json:
    return {
        "asset": {
            "id": str(asset.id),
            "clientId": asset.client_id,
            "name": asset.name,
            "kind": str(asset.kind),
        },
        "version": {"url": version.url, "date": version.date.isoformat()},
        "order": order_ref(order),
        "at": at.isoformat(),
    }


def endpoint_disabled_data(endpoint: WebhookEndpoint, reason: str, at: datetime) -> Json:
    return {
        "endpoint": {
            "id": str(endpoint.id),
            "url": endpoint.url,
            "description": endpoint.description,
            "disabledReason": reason,
        },
        "at": at.isoformat(),
    }


def envelope(
    event_type: str, message_id: str, at: datetime, space_key: str, sequence: int, data: Json
) -> str:
    """The body of a delivery, fixed when the delivery is made."""
    body = {
        "type": event_type,
        "id": message_id,
        "timestamp": at.isoformat(),
        "spaceKey": space_key,
        "sequence": sequence,
        "data": data,
    }
    return json.dumps(body, separators=(",", ":"))
