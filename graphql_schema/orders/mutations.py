"""`createOrder`: the connector JSON in, the stored order (and any field errors) out."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import Info
from strawberry.scalars import JSON

from graphql_schema.errors import UserError, user_errors
from graphql_schema.orders.lookahead import expand_orders, selection_of
from graphql_schema.orders.types import OrderType
from graphql_schema.permissions import Permitted
from server.services.errors import ServiceError
from server.services.orders import lists as order_lists
from server.services.orders.intake import create_order


@strawberry.type
class CreateOrderPayload:
    order: OrderType | None
    created: bool = strawberry.field(description="False when the same order had been sent before.")
    errors: list[UserError]


@strawberry.type
class OrderMutations:
    @strawberry.mutation(
        permission_classes=[Permitted],
        description="Create an order from the connector JSON (bare or as `{order: …}`); idempotent.",
    )
    async def create_order(self, info: Info, input: JSON) -> CreateOrderPayload:
        actor = info.context.actor
        try:
            result = await create_order(actor, input)
        except ServiceError as exc:
            return CreateOrderPayload(order=None, created=False, errors=user_errors(exc))
        row = await order_lists.get_order(actor, result.order.id)
        if row is not None:
            rows = info.context.tree.adopt_orders([row])
            await expand_orders(info.context.tree, rows, _order_selection(info))
        return CreateOrderPayload(order=row, created=result.created, errors=[])  # type: ignore[arg-type]


def _order_selection(info: Info) -> dict[str, Any]:
    return selection_of(info.selected_fields[0].selections).get("order", {})
