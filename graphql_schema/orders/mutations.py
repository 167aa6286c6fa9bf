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
from server.services import order_queries
from server.services.errors import ServiceError


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
        from server.services.orders import create_order  # written alongside; imported when used

        actor = info.context.actor
        try:
            result = await create_order(actor, input)
        except ServiceError as exc:
            return CreateOrderPayload(order=None, created=False, errors=user_errors(exc))
        row = await order_queries.get_order(actor, result.order.id)
        if row is not None:
            rows = info.context.tree.adopt_orders([row])
            await expand_orders(info.context.tree, rows, _order_selection(info))
        return CreateOrderPayload(order=row, created=result.created, errors=[])  # type: ignore[arg-type]


def _order_selection(info: Info) -> dict[str, Any]:
    return selection_of(info.selected_fields[0].selections).get("order", {})
