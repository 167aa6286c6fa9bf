"""What task handlers read about an order (its variables, its URL) and the history entries they leave."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from server import settings
from server.domain.variables import order_variables
from server.models import HistoryEntry, Order
from server.services.errors import NotFound


def order_url(order_id: UUID | str) -> str:
    """The order's page in the web UI."""
    return f"{settings.PUBLIC_URL.rstrip('/')}/orders/{order_id}"


async def load_order(order_id: UUID) -> Order:
    order = await Order.get_or_none(id=order_id).select_related("space")
    if order is None:
        raise NotFound(f"Order {order_id} does not exist.")
    return order


async def variables_of(order_id: UUID) -> dict[str, Any]:
    """The placeholder variables of an order (DESIGN §4.3)."""
    order = await load_order(order_id)
    return order_variables(
        order_id=str(order.id),
        order_name=order.name,
        order_url=order_url(order.id),
        space_key=order.space.key,
        status=str(order.status),
        value=order.value,
        deadline=order.deadline,
        data=order.data if isinstance(order.data, dict) else {},
    )


async def record_event(
    order_id: UUID, kind: str, message: str, data: dict[str, Any] | None = None, actor: str = "system"
) -> HistoryEntry:
    """One entry in the order's history."""
    return await HistoryEntry.create(
        order_id=order_id, kind=kind, message=message, data=data or {}, actor=actor
    )


async def warn_missing(order_id: UUID, task_key: str, missing: tuple[str, ...]) -> None:
    """The warning left when placeholders of a task's payload resolved to nothing."""
    if not missing:
        return
    names = ", ".join(f"{{{name}}}" for name in missing)
    await record_event(
        order_id,
        "warning",
        f"Task {task_key}: {names} had no value and stayed empty.",
        {"task": task_key, "missingPlaceholders": list(missing)},
    )
