"""An order's tags: sent with the order, added by its flow when a run starts, or by an operator.

`Order.tags` holds them all (what filters, the highlight and *My orders* read); `Order.flow_tags`
remembers which of them a flow added, so the order page can say so. Each change is a history entry
(`order.tags`) naming who made it, and a live message after the commit.

Decisions: tags are trimmed and lower-cased, like users' tags, so the two always compare equal; a
flow adds only tags the order does not have (a tag sent with the order stays the order's own);
removing a tag removes it whoever added it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from uuid import UUID

from tortoise.transactions import in_transaction

from server.domain.actors import Actor
from server.domain.order_input import MAX_ORDER_TAGS, TAG_LENGTH
from server.live_messages import OrderTagsChanged
from server.models import HistoryEntry, Order, Space
from server.services.effects import Effects, now
from server.services.errors import FieldError, NotFound, ValidationFailed
from server.services.orders.lists import get_order
from server.services.permissions import require

TAGS_EVENT = "order.tags"


@dataclass(frozen=True)
class TagChange:
    added: list[str]
    removed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed)


def clean(tags: Iterable[str]) -> list[str]:
    """Trimmed, lower-cased, each once, in the order given; empty ones dropped."""
    return list(dict.fromkeys(cleaned for tag in tags if (cleaned := tag.strip().lower())))


async def change_tags(
    actor: Actor, order_id: UUID, add: Sequence[str] = (), remove: Sequence[str] = ()
) -> TagChange:
    """Add and remove tags of an order the actor may see; a history entry says who did it.

    ValidationFailed for a tag that is too long, or too many tags; NotFound for an order the
    actor may not see.
    """
    require(actor, "tagOrder")
    wanted, unwanted = clean(add), set(clean(remove))
    if long := [tag for tag in wanted if len(tag) > TAG_LENGTH]:
        raise ValidationFailed(
            "A tag is too long.",
            [FieldError("tags", f"{long[0][:20]}… is longer than {TAG_LENGTH} characters")],
        )
    if await get_order(actor, order_id) is None:
        raise NotFound("No such order, or it is not yours to see.", [FieldError("orderId", "names no order")])
    effects = Effects()
    async with in_transaction():
        order = await Order.filter(id=order_id).select_for_update().get()
        change = TagChange(
            added=[tag for tag in wanted if tag not in order.tags and tag not in unwanted],
            removed=[tag for tag in order.tags if tag in unwanted],
        )
        if not change:
            return change
        tags = [tag for tag in order.tags if tag not in unwanted] + change.added
        if len(tags) > MAX_ORDER_TAGS:
            raise ValidationFailed(
                "Too many tags.", [FieldError("tags", f"an order has at most {MAX_ORDER_TAGS} tags")]
            )
        order.tags = tags
        order.flow_tags = [tag for tag in order.flow_tags if tag not in unwanted]
        await order.save(update_fields=["tags", "flow_tags", "updated_at"])
        await _record(order, change, actor.event_actor, effects)
    await effects.carry_out()
    return change


async def add_flow_tags(
    order: Order, flow_name: str, tags: Iterable[str], actor: str, effects: Effects
) -> None:
    """Inside the caller's transaction (the order locked): the flow's tags the order lacks are added."""
    current = list(order.tags or [])
    added = [tag for tag in clean(tags) if tag not in current][: max(0, MAX_ORDER_TAGS - len(current))]
    if not added:
        return
    order.tags = current + added
    order.flow_tags = list(dict.fromkeys([*(order.flow_tags or []), *added]))
    await Order.filter(id=order.id).update(tags=order.tags, flow_tags=order.flow_tags)
    await _record(order, TagChange(added, []), actor, effects, flow_name)


async def _record(
    order: Order, change: TagChange, actor: str, effects: Effects, flow_name: str | None = None
) -> None:
    parts = []
    if change.added:
        parts.append(f"{', '.join(change.added)} added")
    if change.removed:
        parts.append(f"{', '.join(change.removed)} removed")
    by_flow = f' by flow "{flow_name}"' if flow_name is not None else ""
    await HistoryEntry.create(
        order_id=order.id,
        kind=TAGS_EVENT,
        message=f"Tags {' and '.join(parts)}{by_flow}.",
        data={"added": change.added, "removed": change.removed, "fromFlow": flow_name is not None},
        actor=actor,
    )
    space = await Space.get(id=order.space_id)  # type: ignore[attr-defined]
    effects.messages.append(
        OrderTagsChanged(
            organization_id=str(space.organization_id),  # type: ignore[attr-defined]
            space_id=str(space.id),
            space_key=space.key,
            order_id=str(order.id),
            order_name=order.name,
            at=now(),
        )
    )
