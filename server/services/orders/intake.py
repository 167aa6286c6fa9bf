"""Order intake: the create-order JSON (DESIGN §3) into the order tree, and the tree back out.

`create_order` checks the whole body first (every problem named by its path), then writes the tree
in one transaction, one bulk insert per table: a failure anywhere leaves nothing behind.

It is idempotent on (space, `thirdPartyOrderId`): the same order sent again, however it is written
(wrapped or bare, keys in any order, `4.5` or `"4.50"`), returns the stored order with
`created=False`; a different body under the same id is a `Conflict`. Nothing is read first: the
unique (space, name) index refuses the order's row of a resend (or of the loser of two creates
racing each other), and the stored order is read then, to answer as a resend.

After the commit, an `order.created` message goes out on the event bus. With a `flowKey`, the
order's flow starts right after the commit (`flow_runs.start_for_new_order`); if that fails, or the
space has no such flow yet, the order stays CREATED and the sweep tries again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.domain.actors import Actor
from server.domain.order_input import InvalidInput, OrderInput, intake_hash, parse_order_input
from server.live_messages import OrderCreated
from server.models import Order, Space
from server.services import assets, webhook_outbox
from server.services.auth import space_by_key
from server.services.connector_body import stored_order_input
from server.services.effects import Effects, now
from server.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from server.services.flow_runs import start_for_new_order
from server.services.orders.writes import insert_tree, name_taken, tree_rows
from server.services.webhook_events import order_status_data

Json = dict[str, Any]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CreateOrderResult:
    order: Order
    created: bool  # False when the same order had been sent before


async def create_order(actor: Actor, payload: object) -> CreateOrderResult:
    """Store the order of `payload` (bare or `{"order": …}`) in the space its `spaceKey` names.

    Raises ValidationFailed (field errors by path), NotFound (a space the actor may not use, told
    apart from no space at all by nothing), or Conflict (the id exists with another body).
    """
    order = parse_or_raise(payload)
    if foreign := assets.foreign_stored_files(assets.input_urls(order), None):
        raise ValidationFailed("The order names files stored for other orders.", foreign)
    digest = intake_hash(order)
    effects = Effects()
    try:
        async with in_transaction() as conn:  # the space is read on the connection of the inserts
            space = await space_by_key(actor, order.space_key, "createOrder")
            rows = tree_rows(order, space.id, digest, actor.event_actor, datetime.now(UTC))
            await insert_tree(rows, conn)
            created = order_status_data(rows.order, None, rows.order.created_at or now())
            await webhook_outbox.record(space, rows.order, [("order.created", created)], effects)
    except IntegrityError as error:
        # Stored before (a resend or a conflict), or meanwhile by a racing request; others stand.
        existing = await Order.get_or_none(space_id=space.id, name=order.name) if name_taken(error) else None
        if existing is None:
            raise
        return _resent(existing, digest)
    effects.messages.append(created_message(rows.order, space))
    await effects.carry_out()
    if rows.order.flow_key:
        await _start_flow(rows.order)
    return CreateOrderResult(rows.order, created=True)


def created_message(order: Order, space: Space) -> OrderCreated:
    """Told after the commit, before the flow starts: listeners hear of the order before its changes."""
    return OrderCreated(
        organization_id=str(space.organization_id),  # type: ignore[attr-defined]
        space_id=str(space.id),
        space_key=space.key,
        order_id=str(order.id),
        order_name=order.name,
        status=str(order.status),
        at=now(),
    )


async def _start_flow(order: Order) -> None:
    """After the commit: the order's flow starts now; if this fails, the sweep starts it later.

    When it started, the order is re-read so callers answer with its new status.
    """
    try:
        run = await start_for_new_order(order.id)
    except Exception:
        logger.exception("could not start the flow of order %s; the sweep will", order.id)
        return
    if run is not None:
        await order.refresh_from_db(fields=["status", "updated_at"])


async def connector_json(order_id: UUID) -> Json:
    """The body a connector receives: `{"order": …}` in the format of DESIGN §3, assets as they are now."""
    order = await stored_order_input(order_id)
    if order is None:
        raise NotFound("No such order.", [FieldError("orderId", "names no order", "not_found")])
    return {"order": order.to_json()}


def parse_or_raise(payload: object) -> OrderInput:
    parsed = parse_order_input(payload)
    if isinstance(parsed, InvalidInput):
        errors = [FieldError(problem.path, problem.message, problem.code) for problem in parsed.problems]
        count = len(errors)
        raise ValidationFailed(f"The order has {count} problem{'' if count == 1 else 's'}.", errors)
    return parsed


def _resent(existing: Order, digest: str) -> CreateOrderResult:
    if existing.intake_hash == digest:
        return CreateOrderResult(existing, created=False)
    message = (
        f"An order '{existing.name}' exists in this space with different content; "
        "send it under a new thirdPartyOrderId, or send the same body as before."
    )
    raise Conflict(message, [FieldError("thirdPartyOrderId", message, "conflict")])
