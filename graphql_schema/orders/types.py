"""The order tree as GraphQL types.

Every type resolves from a plain row of `server.services.orders.rows`; scalar fields
are read straight off the row. A relation returns the row's slot when the root
resolver preloaded it (the usual case, synchronous), else a per-request DataLoader.

Money (`value`, `valuePerUnit`) is a `Decimal`: exact, sent as a string ("189.00").
Date-times are ISO 8601 with their offset (UTC).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry
from strawberry import Info
from strawberry.scalars import JSON

from graphql_schema.execution import preloaded
from graphql_schema.flows.types import FlowRunType
from graphql_schema.pagination import Connection
from graphql_schema.permissions import Permitted
from graphql_schema.webhooks.schema import WebhookDeliveryType, order_delivery_page
from server.domain.statuses import AssetKind, ManualTaskStatus, OrderStatus
from server.services.orders.rows import AssetRow, AssetVersionRow, OrderRow, PartRow, ProductRow

OrderStatusEnum = strawberry.enum(OrderStatus, name="OrderStatus")
AssetKindEnum = strawberry.enum(AssetKind, name="AssetKind")
ManualTaskStatusEnum = strawberry.enum(ManualTaskStatus, name="ManualTaskStatus")


def _slot(root: Any, info: Info, slot: str) -> Any:
    """The preloaded relation, or (when the root resolver did not look that far) a DataLoader's future."""
    value = getattr(root, slot)
    if value is not None:
        return value
    return info.context.loaders.load(root, slot)


@strawberry.type(name="Space")
class SpaceType:
    id: strawberry.ID
    key: str
    name: str


@strawberry.type(name="AssetVersion")
class AssetVersionType:
    url: str
    date: datetime


@strawberry.type(name="Asset")
class AssetType:
    id: strawberry.ID
    client_id: str
    name: str
    url: str
    is_public: bool
    kind: AssetKindEnum  # type: ignore[valid-type]
    created_at: datetime

    @strawberry.field(metadata=preloaded("versions"))
    def versions(self, root: strawberry.Parent[AssetRow], info: Info) -> list[AssetVersionType]:
        return _slot(root, info, "versions")  # type: ignore[no-any-return]

    @strawberry.field(
        description="The newest version (by date).", metadata=preloaded("versions", "current_version")
    )
    def current_version(self, root: strawberry.Parent[AssetRow], info: Info) -> AssetVersionType | None:
        if root.versions is not None:
            return root.current_version  # type: ignore[return-value]
        return _current_later(root, info)  # type: ignore[return-value]


async def _current_later(root: AssetRow, info: Info) -> AssetVersionRow | None:
    await info.context.loaders.load(root, "versions")
    return root.current_version


@strawberry.type(name="Address")
class AddressType:
    address_type: str
    purpose: str
    data: JSON


@strawberry.type(name="Event")
class EventType:
    id: strawberry.ID
    kind: str
    message: str
    data: JSON
    actor: str = strawberry.field(description="Who did it: `user:<email>`, `key:<prefix>` or `system`.")
    created_at: datetime


@strawberry.type(name="ManualTask")
class ManualTaskType:
    id: strawberry.ID
    title: str
    description: str
    assignee_tags: list[str]
    status: ManualTaskStatusEnum  # type: ignore[valid-type]
    resolved_by: str
    resolved_at: datetime | None
    comment: str
    created_at: datetime


@strawberry.type(name="Part")
class PartType:
    id: strawberry.ID
    client_id: str
    name: str
    data: JSON
    tags: list[str]
    is_asset: bool
    manufacturing_data: JSON | None
    created_at: datetime

    @strawberry.field(metadata=preloaded("children"))
    def children(self, root: strawberry.Parent[PartRow], info: Info) -> list[PartType]:
        return _slot(root, info, "children")  # type: ignore[no-any-return]

    @strawberry.field(metadata=preloaded("assets"))
    def assets(self, root: strawberry.Parent[PartRow], info: Info) -> list[AssetType]:
        return _slot(root, info, "assets")  # type: ignore[no-any-return]

    @strawberry.field(metadata=preloaded("product"))
    def product(self, root: strawberry.Parent[PartRow], info: Info) -> ProductType:
        return _slot(root, info, "product")  # type: ignore[no-any-return]

    @strawberry.field(metadata=preloaded("order"))
    def order(self, root: strawberry.Parent[PartRow], info: Info) -> OrderType:
        return _slot(root, info, "order")  # type: ignore[no-any-return]


@strawberry.type(name="Product")
class ProductType:
    id: strawberry.ID
    client_id: str | None
    title: str
    data: JSON
    amount_of_units: int
    value_per_unit: Decimal
    deadline: datetime | None
    thumbnail_url: str | None
    created_at: datetime

    @strawberry.field(
        description="Top-level parts; nested parts are their `children`.", metadata=preloaded("parts")
    )
    def parts(self, root: strawberry.Parent[ProductRow], info: Info) -> list[PartType]:
        return _slot(root, info, "parts")  # type: ignore[no-any-return]

    @strawberry.field(metadata=preloaded("assets"))
    def assets(self, root: strawberry.Parent[ProductRow], info: Info) -> list[AssetType]:
        return _slot(root, info, "assets")  # type: ignore[no-any-return]

    @strawberry.field(metadata=preloaded("order"))
    def order(self, root: strawberry.Parent[ProductRow], info: Info) -> OrderType:
        return _slot(root, info, "order")  # type: ignore[no-any-return]


@strawberry.type(name="QuoteLine")
class QuoteLineType:
    part_id: strawberry.ID
    name: str
    price: Decimal
    units: int
    mass_grams: float
    print_seconds: int


@strawberry.type(name="QuoteRates")
class QuoteRatesType:
    per_kg: Decimal = strawberry.field(description="EUR per kg of material.")
    per_hour: Decimal = strawberry.field(description="EUR per hour of printing.")
    setup: Decimal = strawberry.field(description="EUR per part printed.")


@strawberry.type(name="Quote")
class QuoteType:
    currency: str
    total: Decimal = strawberry.field(description="Σ part price × its product's units.")
    parts: list[QuoteLineType]
    rates: QuoteRatesType
    at: datetime

    @classmethod
    def of(cls, data: dict[str, Any]) -> QuoteType:
        rates = data.get("rates") or {}
        return cls(
            currency=str(data.get("currency", "EUR")),
            total=Decimal(str(data.get("total", "0"))),
            parts=[
                QuoteLineType(
                    part_id=strawberry.ID(str(line["partId"])),
                    name=str(line.get("name", "")),
                    price=Decimal(str(line["price"])),
                    units=int(line.get("units", 1)),
                    mass_grams=float(line.get("massGrams", 0)),
                    print_seconds=int(line.get("printSeconds", 0)),
                )
                for line in data.get("parts") or []
            ],
            rates=QuoteRatesType(
                per_kg=Decimal(str(rates.get("perKg", "0"))),
                per_hour=Decimal(str(rates.get("perHour", "0"))),
                setup=Decimal(str(rates.get("setup", "0"))),
            ),
            at=datetime.fromisoformat(str(data["at"])),
        )


@strawberry.type(name="Order")
class OrderType:
    id: strawberry.ID
    name: str = strawberry.field(description="The client's thirdPartyOrderId.")
    status: OrderStatusEnum  # type: ignore[valid-type]
    value: Decimal
    deadline: datetime | None
    tags: list[str]
    flow_tags: list[str] = strawberry.field(
        description="Those of `tags` that its flows added when a run started."
    )
    data: JSON
    flow_key: str | None
    thumbnail_url: str | None
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="The price of its sliced parts from the latest `quote` task; null before.")
    def quote(self, root: strawberry.Parent[OrderRow]) -> QuoteType | None:
        return QuoteType.of(root.quote) if root.quote else None

    @strawberry.field(metadata=preloaded("products"))
    def products(self, root: strawberry.Parent[OrderRow], info: Info) -> list[ProductType]:
        return _slot(root, info, "products")  # type: ignore[no-any-return]

    @strawberry.field(
        description="The order's own files (not those of its products or parts).",
        metadata=preloaded("assets"),
    )
    def assets(self, root: strawberry.Parent[OrderRow], info: Info) -> list[AssetType]:
        return _slot(root, info, "assets")  # type: ignore[no-any-return]

    @strawberry.field(metadata=preloaded("addresses"))
    def addresses(self, root: strawberry.Parent[OrderRow], info: Info) -> list[AddressType]:
        return _slot(root, info, "addresses")  # type: ignore[no-any-return]

    @strawberry.field(description="The order's history, oldest first.", metadata=preloaded("events"))
    def events(self, root: strawberry.Parent[OrderRow], info: Info) -> list[EventType]:
        return _slot(root, info, "events")  # type: ignore[no-any-return]

    @strawberry.field(description="The order's latest flow run and its task runs; null before any flow.")
    async def flow_run(self, root: strawberry.Parent[OrderRow], info: Info) -> FlowRunType | None:
        return await info.context.latest_runs.load(root.id)  # type: ignore[no-any-return]

    @strawberry.field(metadata=preloaded("manual_tasks"))
    def manual_tasks(self, root: strawberry.Parent[OrderRow], info: Info) -> list[ManualTaskType]:
        return _slot(root, info, "manual_tasks")  # type: ignore[no-any-return]

    @strawberry.field(metadata=preloaded("space"))
    def space(self, root: strawberry.Parent[OrderRow], info: Info) -> SpaceType:
        return _slot(root, info, "space")  # type: ignore[no-any-return]

    @strawberry.field(
        description="Webhooks sent about the order (its updateUrl, the endpoints), newest first.",
        permission_classes=[Permitted],
    )
    async def webhook_deliveries(
        self, root: strawberry.Parent[OrderRow], info: Info, first: int = 20, after: str | None = None
    ) -> Connection[WebhookDeliveryType]:
        return await order_delivery_page(info, root.id, first, after)
