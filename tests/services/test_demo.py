"""The demo: its order generator (pure) and the service that stores it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from server import settings
from server.demo.catalog import EYEWEAR, HISTORY_DAYS, LIGHTING, OPEN_STATUSES, demo_orders
from server.demo.loader import ADMIN_EMAIL, LIVE_ORDERS, STATUS_EVENT, make_demo_orders, prepare_demo
from server.domain.order_input import OrderInput, parse_order_input
from server.domain.statuses import OrderStatus
from server.models import Asset, AssetVersion, Flow, FlowRun, HistoryEntry, Order, Part, Product, Space, User
from server.services import assets

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def walk_items(items: list[dict[str, Any]], depth: int = 1) -> list[tuple[int, dict[str, Any]]]:
    found = []
    for item in items:
        found.append((depth, item))
        found.extend(walk_items(item["items"], depth + 1))
    return found


def all_items(payload: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    return [found for line in payload["orderLines"] for found in walk_items(line["items"])]


# --- the generator -----------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_orders() -> None:
    first = demo_orders(40, seed=11, now=NOW)
    again = demo_orders(40, seed=11, now=NOW)
    other = demo_orders(40, seed=12, now=NOW)
    assert json.dumps([o.payload for o in first]) == json.dumps([o.payload for o in again])
    assert [(o.status, o.created_at, o.tags) for o in first] == [
        (o.status, o.created_at, o.tags) for o in again
    ]
    assert json.dumps([o.payload for o in first]) != json.dumps([o.payload for o in other])


def test_orders_spread_over_both_spaces_the_statuses_and_90_days() -> None:
    orders = demo_orders(300, seed=1, now=NOW)
    spaces = Counter(o.payload["spaceKey"] for o in orders)
    statuses = Counter(o.status for o in orders)
    assert set(spaces) == {EYEWEAR, LIGHTING}
    assert set(statuses) == set(OrderStatus)
    assert statuses[OrderStatus.SUCCESS] + statuses[OrderStatus.IN_PROGRESS] > 0.6 * len(orders)
    assert all(NOW - timedelta(days=HISTORY_DAYS) <= o.created_at <= NOW for o in orders)
    assert {tag for o in orders for tag in o.tags} == {"rush", "b2b", "sls"}


def test_order_ids_are_unique_per_space_and_count_up_with_time() -> None:
    orders = demo_orders(100, seed=3, now=NOW)
    for space in (EYEWEAR, LIGHTING):
        ids = [o.payload["thirdPartyOrderId"] for o in orders if o.payload["spaceKey"] == space]
        assert len(set(ids)) == len(ids)
        assert ids == sorted(ids)


def test_orders_are_full_trees_with_customers_parts_and_versioned_assets() -> None:
    orders = demo_orders(60, seed=7, now=NOW)
    for order in orders:
        payload = order.payload
        assert {"name", "email", "phone", "message"} <= set(payload["data"]["customerInfo"])
        assert payload["addresses"][0]["addressType"] == "shipping"
        for line in payload["orderLines"]:
            assert line["amountOfUnits"] >= 1 and line["valuePerUnit"] > 0
            assert datetime.fromisoformat(line["deadline"]) > order.created_at
    items = [found for order in orders for found in all_items(order.payload)]
    files = [file for order in orders for file in order.files]
    assert max(depth for depth, _ in items) == 2
    assert all(item["assets"] == [] for _, item in items)  # files are made by the loader, not linked
    assert {len(file.dates) for file in files} == {1, 2, 3}
    assert {file.name.rpartition(".")[2] for file in files} == {"stl", "svg"}
    assert all(order.created_at < file.dates[0] for order in orders for file in order.files)


def test_deadlines_come_after_creation_and_open_orders_are_not_overdue() -> None:
    orders = demo_orders(300, seed=2026, now=NOW)
    fresh = demo_orders(6, seed=2027, now=NOW, history_days=0)

    deadlines = [
        (order, datetime.fromisoformat(line["deadline"]))
        for order in orders + fresh
        for line in order.payload["orderLines"]
    ]
    assert all(deadline > order.created_at for order, deadline in deadlines)
    assert all(deadline > NOW for order, deadline in deadlines if order.status in OPEN_STATUSES)
    assert any(deadline < NOW for order, deadline in deadlines if order.status not in OPEN_STATUSES)
    assert all(order.created_at == NOW for order in fresh)


def test_every_payload_passes_the_order_intake() -> None:
    for order in demo_orders(80, seed=9, now=NOW):
        parsed = parse_order_input(order.payload)

        assert isinstance(parsed, OrderInput), (order.payload["thirdPartyOrderId"], parsed)
        assert parsed.name == order.payload["thirdPartyOrderId"]
        assert len(parsed.lines) == len(order.payload["orderLines"])


# --- the service -------------------------------------------------------------------------------------


async def test_prepare_demo_makes_the_admin_spaces_and_a_key(clean_db: str) -> None:
    # when
    access = await prepare_demo()
    # then
    assert access.admin_password and len(access.admin_password) >= 10
    assert access.api_key.startswith("ffk_")
    assert set(access.spaces_created) == {EYEWEAR, LIGHTING}
    assert await User.filter(email=ADMIN_EMAIL, role="admin").exists()
    assert {s.name for s in await Space.all()} == {"Eyewear", "Lighting"}


async def test_prepare_demo_again_keeps_the_password_and_makes_a_new_key(clean_db: str) -> None:
    # given
    first = await prepare_demo()
    # when
    second = await prepare_demo()
    # then
    assert second.admin_password is None
    assert second.spaces_created == []
    assert second.api_key != first.api_key


async def test_demo_orders_get_their_planned_status_tags_dates_and_history(clean_db: str) -> None:
    # given
    await prepare_demo()
    plan = {o.payload["thirdPartyOrderId"]: o for o in demo_orders(11, seed=4, now=NOW)}
    # when
    made = await make_demo_orders(12, seed=4, now=NOW)
    # then
    assert (made.created, made.existing, made.live) == (12, 0, 1)
    orders = await Order.exclude(name__startswith="LIVE-")
    assert all(o.flow_tags == [] for o in orders)  # the tags were sent with the orders
    assert {o.name: (o.status, o.tags, o.created_at) for o in orders} == {
        name: (o.status, o.tags, o.created_at) for name, o in plan.items()
    }
    products = await Product.all().select_related("order")
    assert all(p.created_at == p.order.created_at for p in products)
    assert await Part.filter(parent_id__isnull=False).exists()


async def test_demo_files_are_stored_here_and_every_order_has_a_preview(
    clean_db: str, tmp_path: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(settings, "ASSET_DIR", tmp_path)
    await prepare_demo()

    made_at = datetime.now(UTC)  # the live orders are stamped by the intake's clock
    await make_demo_orders(20, seed=6, now=made_at)

    local = settings.PUBLIC_URL.rstrip("/") + "/assets/"
    urls = [a.url for a in await Asset.all()] + [v.url for v in await AssetVersion.all()]
    assert urls and all(url.startswith(local) for url in urls)
    for url in urls:
        key = assets.key_of(url)
        assert key is not None and assets.file_path(key).is_file()
    orders = await Order.all()
    assert all(order.thumbnail_url and order.thumbnail_url.startswith(local) for order in orders)
    thumbnail = assets.file_path(str(assets.key_of(str(orders[0].thumbnail_url))))
    assert thumbnail.read_bytes().startswith(b"<svg")
    assert all(o.deadline and o.deadline > o.created_at for o in orders)
    assert all(o.deadline and o.deadline > made_at for o in orders if o.status in OPEN_STATUSES)


async def test_every_status_change_is_in_the_history(clean_db: str) -> None:
    # given
    await prepare_demo()
    # when
    await make_demo_orders(30, seed=8, now=NOW)
    # then
    for order in await Order.exclude(name__startswith="LIVE-"):
        events = await HistoryEntry.filter(order_id=order.id, kind=STATUS_EVENT).order_by("created_at")
        statuses = [e.data["status"] for e in events]
        if order.status is OrderStatus.CREATED:
            assert statuses == []
            continue
        assert statuses[0] == OrderStatus.IN_PROGRESS
        assert statuses[-1] == order.status
        assert events[0].message == "Status changed from Created to In progress"
        assert all(order.created_at < e.created_at <= NOW and e.actor == "system" for e in events)


async def test_demo_orders_are_not_made_twice(clean_db: str) -> None:
    # given
    await prepare_demo()
    await make_demo_orders(5, seed=1, now=NOW)
    # when
    again = await make_demo_orders(5, seed=2, now=NOW)
    # then
    assert (again.created, again.existing) == (0, 5)
    assert await Order.all().count() == 5


async def test_the_demo_has_a_flow_per_space_and_live_orders_running_it(clean_db: str) -> None:
    # given
    await prepare_demo()
    # when
    await make_demo_orders(60, seed=5, now=NOW)
    # then
    flows = {(flow.space.key, flow.key) for flow in await Flow.all().select_related("space")}
    assert flows == {(EYEWEAR, "standard-production"), (LIGHTING, "lamp-shade-production")}
    live = await Order.filter(name__startswith="LIVE-")
    assert len(live) == LIVE_ORDERS
    assert all(order.status is OrderStatus.IN_PROGRESS for order in live)
    assert await FlowRun.filter(order_id__in=[order.id for order in live]).count() == LIVE_ORDERS


async def test_with_a_slicer_the_lamp_flow_slices_and_quotes_the_shade(clean_db: str) -> None:
    from server.demo.flows import LAMPS, lamp_flow
    from server.models import Flow, FlowVersion, Space
    from tests.handlers.slicing_support import need_engine

    need_engine("prusa")
    await prepare_demo()

    flow = await Flow.get(space__key=LIGHTING, key="lamp-shade-production")
    definition = (await FlowVersion.get(flow_id=flow.id, number=1)).definition
    tasks = {task["key"]: task for task in definition["stages"][0]["taskDefinitions"]}
    assert [n["taskDefinitionKey"] for n in tasks["generate"]["next"]] == ["slice", "tell-production"]
    assert tasks["slice"]["payload"]["engine"] == "prusa" and tasks["quote"]["handlerKey"] == "quote"
    assert [n["taskDefinitionKey"] for n in tasks["quote"]["next"]] == ["review", "tell-production"]
    assert (await Space.get(key=LIGHTING)).settings["quoteRates"]["perKg"] == "28.00"
    assert lamp_flow(None) is LAMPS
