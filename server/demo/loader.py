"""The demo: an admin, two spaces with a flow each, a secret key and realistic orders to look at.

Orders go in through the same intake as a connector's (`create_order`), tags
included, so the demo shows what real orders look like. Their statuses and
creation dates are then set in one transaction, each status change with its
history event, as if their flows had run over the past 90 days. Their files
(previews and meshes) are made here and kept in the asset store: the demo names
no outside host, so no preview is a broken image.
"""

from __future__ import annotations

import copy
import json
import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from uuid import UUID, uuid4

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from server import settings
from server.demo import pictures
from server.demo.catalog import EYEWEAR, LIGHTING, DemoFile, DemoOrder, demo_orders
from server.demo.flows import DEMO_FLOWS, DEMO_QUOTE_RATES, FLOW_KEYS, LAMPS, lamp_flow
from server.domain.actors import SYSTEM
from server.domain.order_input import kind_of_file
from server.domain.statuses import AssetKind, OrderStatus
from server.models import Asset, AssetVersion, Flow, HistoryEntry, Order, Part, Product, Space, User
from server.services import assets
from server.services.auth import create_admin, create_api_key, create_space, default_organization
from server.services.flows import create_flow
from server.services.manufacturing import set_space_settings
from server.services.orders.intake import create_order

ADMIN_EMAIL = "admin@fabflow.local"
SPACES = {EYEWEAR: "Eyewear", LIGHTING: "Lighting"}
DEFAULT_ORDERS = 300
DEFAULT_SEED = 2026
# At most this many of the demo's orders (one in ten) are fresh and run their flow once the server
# (and its worker) starts; the others have a made-up past.
LIVE_ORDERS = 6
STATUS_EVENT = "order.status"
# Tables whose rows `create_order` stamps with the time of the call; the demo moves them to the order's date.
BACKDATED_TABLES = ("product", "part", "asset", "event")


@dataclass(frozen=True)
class DemoAccess:
    """What a person needs to look at the demo."""

    organization: str
    admin_email: str
    admin_password: str | None  # None when the user existed already
    spaces_created: list[str]
    api_key: str  # a fresh secret key of demo-eyewear, shown once


@dataclass(frozen=True)
class DemoOrders:
    created: int
    existing: int  # orders the demo spaces held before; when any, none are made
    live: int = 0  # of those created, fresh orders whose flows have started


async def prepare_demo() -> DemoAccess:
    """Make whatever is missing of the organization, the admin and the spaces, and a fresh key.

    Kept apart from the orders so a caller can show the password before the longer part runs.
    """
    organization = await default_organization()
    password = await _ensure_admin()
    spaces_created = await _ensure_spaces()
    await _ensure_flows()
    key = await create_api_key(SYSTEM, EYEWEAR, "demo")
    return DemoAccess(
        organization=organization.name,
        admin_email=ADMIN_EMAIL,
        admin_password=password,
        spaces_created=spaces_created,
        api_key=key.secret,
    )


async def make_demo_orders(
    count: int = DEFAULT_ORDERS, seed: int = DEFAULT_SEED, now: datetime | None = None
) -> DemoOrders:
    """`count` orders over the demo spaces, unless they hold orders already."""
    existing = await Order.filter(space__key__in=list(SPACES)).count()
    if existing or count <= 0:
        return DemoOrders(created=0, existing=existing)
    now = now or datetime.now(UTC)
    live_count = min(LIVE_ORDERS, count // 10)
    created = await _create_orders(demo_orders(count - live_count, seed, now), now)
    live = await _create_live_orders(demo_orders(live_count, seed + 1, now, history_days=0))
    return DemoOrders(created=created + live, existing=0, live=live)


async def _ensure_admin() -> str | None:
    if await User.exists(email=ADMIN_EMAIL):
        return None
    password = secrets.token_urlsafe(12)
    await create_admin(ADMIN_EMAIL, password)
    return password


async def _ensure_spaces() -> list[str]:
    created = []
    for key, name in SPACES.items():
        if not await Space.exists(key=key):
            await create_space(SYSTEM, key, name)
            created.append(key)
    return created


async def _ensure_flows() -> None:
    engine = _slicing_engine()
    for space_key, name, definition in DEMO_FLOWS:
        chosen = lamp_flow(engine) if definition is LAMPS else definition
        if not await Flow.exists(space__key=space_key, name=name):
            await create_flow(SYSTEM, space_key, name, json.dumps(chosen, indent=2))
    lighting = await Space.get(key=LIGHTING)
    if "quoteRates" not in (lighting.settings or {}):
        await set_space_settings(lighting.id, quoteRates=DEMO_QUOTE_RATES)


def _slicing_engine() -> str | None:
    """The slicer the demo's lamp shades use: PrusaSlicer, else CuraEngine, else none (no slicing)."""
    if shutil.which("prusa-slicer"):
        return "prusa"
    if shutil.which("CuraEngine") and (settings.CURA_DIR / "definitions" / "ultimaker_s5.def.json").is_file():
        return "cura"
    return None


async def _create_live_orders(plan: list[DemoOrder]) -> int:
    """New orders whose flows run: the server's worker takes them up when it starts."""
    stored: list[tuple[Order, DemoOrder]] = []
    for demo in plan:
        order = copy.deepcopy(demo.payload)
        order["thirdPartyOrderId"] = "LIVE-" + order["thirdPartyOrderId"]
        order["flowKey"] = FLOW_KEYS[order["spaceKey"]]
        stored.append(((await create_order(SYSTEM, order)).order, demo))
    async with in_transaction() as conn:
        await store_files(stored, conn)
    return len(plan)


async def _create_orders(plan: list[DemoOrder], now: datetime) -> int:
    stored: list[tuple[Order, DemoOrder]] = []
    for demo in plan:
        result = await create_order(SYSTEM, demo.payload)
        stored.append((result.order, demo))
    async with in_transaction() as conn:
        await _set_history(stored, now, conn)
    return len(stored)


async def _set_history(stored: list[tuple[Order, DemoOrder]], now: datetime, conn: BaseDBAsyncClient) -> None:
    """Statuses and dates as planned, one event per status change; the parts' files."""
    for order, demo in stored:
        order.status = demo.status
        order.created_at = demo.created_at
    await Order.bulk_update(
        [order for order, _ in stored], fields=["status", "created_at"], batch_size=200, using_db=conn
    )
    await store_files(stored, conn)
    await _backdate_tree(conn)
    events = [event for order, demo in stored for event in status_events(order.id, demo, now)]
    await HistoryEntry.bulk_create(events, batch_size=500, using_db=conn)


async def _backdate_tree(conn: BaseDBAsyncClient) -> None:
    """Give products, parts, assets and intake events the creation date of their order."""
    demo_orders_sql = (
        "SELECT o.id FROM fab_order o JOIN space s ON s.id = o.space_id "
        f"WHERE s.key IN ({', '.join(repr(key) for key in SPACES)})"
    )
    for table in BACKDATED_TABLES:
        await conn.execute_script(
            f"UPDATE {table} SET created_at = "
            f"(SELECT o.created_at FROM fab_order o WHERE o.id = {table}.order_id) "
            f"WHERE order_id IN ({demo_orders_sql})"
        )


async def store_files(stored: list[tuple[Order, DemoOrder]], conn: BaseDBAsyncClient) -> None:
    """Make each planned file (a version: one stored file), its asset rows, and the thumbnails:
    a product's is its first preview, an order's its first product's."""
    order_ids = [order.id for order, _ in stored]
    products = (
        await Product.filter(order_id__in=order_ids).using_db(conn).values("id", "order_id", "position")
    )
    product_at = {(p["order_id"], p["position"]): p["id"] for p in products}
    parts = await Part.filter(order_id__in=order_ids).using_db(conn).values("id", "product_id", "client_id")
    part_of = {(p["product_id"], p["client_id"]): p["id"] for p in parts}
    made = _Made()
    for order, demo in stored:
        for file in demo.files:
            product_id = product_at[(order.id, file.line)]
            made.add(order.id, product_id, part_of[(product_id, file.part)], file)
    await Asset.bulk_create(made.assets, batch_size=500, using_db=conn)
    await AssetVersion.bulk_create(made.versions, batch_size=500, using_db=conn)
    await _set_thumbnails(made.thumbnails, order_ids, conn)


class _Made:
    """The asset rows of the demo's files, and the first preview of each product."""

    def __init__(self) -> None:
        self.assets: list[Asset] = []
        self.versions: list[AssetVersion] = []
        self.thumbnails: dict[UUID, str] = {}  # product id → URL of its first preview
        self._positions: dict[UUID, int] = {}

    def add(self, order_id: UUID, product_id: UUID, part_id: UUID, file: DemoFile) -> None:
        stem, _, extension = file.name.rpartition(".")
        asset_id = uuid4()
        urls = []
        for number, date in enumerate(file.dates, start=1):
            stored = assets.store(order_id, f"{stem}-v{number}.{extension}", _content(file, number))
            self.versions.append(
                AssetVersion(id=uuid4(), asset_id=asset_id, position=number - 1, url=stored.url, date=date)
            )
            urls.append(stored.url)
        kind = kind_of_file(file.name)
        position = self._positions.get(part_id, 0)
        self._positions[part_id] = position + 1
        self.assets.append(
            Asset(
                id=asset_id,
                order_id=order_id,
                product_id=product_id,
                part_id=part_id,
                position=position,
                client_id=file.client_id,
                name=file.name,
                url=urls[-1],
                is_public=file.is_public,
                kind=kind,
            )
        )
        if kind is AssetKind.PREVIEW:
            self.thumbnails.setdefault(product_id, urls[-1])


def _content(file: DemoFile, version: int) -> bytes:
    if file.name.endswith(".svg"):
        return pictures.preview_svg(file.shape, file.colour, f"{file.part} · v{version}")
    return pictures.box_stl(file.part, file.size_mm)


async def _set_thumbnails(
    thumbnails: dict[UUID, str], order_ids: list[UUID], conn: BaseDBAsyncClient
) -> None:
    for product_id, url in thumbnails.items():
        await Product.filter(id=product_id).using_db(conn).update(thumbnail_url=url)
    products = (
        await Product.filter(order_id__in=order_ids)
        .using_db(conn)
        .order_by("position")
        .values("order_id", "id")
    )
    first: dict[UUID, str] = {}
    for product in products:
        if product["id"] in thumbnails:
            first.setdefault(product["order_id"], thumbnails[product["id"]])
    for order_id, url in first.items():
        await Order.filter(id=order_id).using_db(conn).update(thumbnail_url=url)


def status_events(order_id: UUID, demo: DemoOrder, now: datetime) -> list[HistoryEntry]:
    """CREATED → IN_PROGRESS, then on to the planned status, a few hours apart (never after `now`)."""
    path = [OrderStatus.CREATED]
    if demo.status is not OrderStatus.CREATED:
        path.append(OrderStatus.IN_PROGRESS)
    if demo.status not in path:
        path.append(demo.status)
    at = demo.created_at
    events = []
    for previous, status in pairwise(path):
        at = min(now, at + (timedelta(minutes=2) if previous is OrderStatus.CREATED else _duration(demo)))
        events.append(
            HistoryEntry(
                order_id=order_id,
                kind=STATUS_EVENT,
                message=f"Status changed from {previous.label} to {status.label}",
                data={"previousStatus": previous.value, "status": status.value},
                actor=SYSTEM.event_actor,
                created_at=at,
            )
        )
    return events


def _duration(demo: DemoOrder) -> timedelta:
    """How long the made-up flow ran: 4 to 72 hours, fixed per order."""
    return timedelta(hours=4 + int(demo.created_at.timestamp()) % 68)
