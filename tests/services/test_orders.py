"""Order intake: the whole tree in one transaction, idempotent per (space, thirdPartyOrderId), and out."""

from __future__ import annotations

import asyncio
import copy
import json
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError

from server.domain.actors import SYSTEM, Actor
from server.domain.order_input import OrderInput, intake_hash, parse_order_input
from server.domain.statuses import AssetKind, OrderStatus, Role
from server.models import (
    Address,
    Asset,
    AssetVersion,
    HistoryEntry,
    Order,
    Organization,
    Part,
    Product,
    Space,
    User,
)
from server.services import auth
from server.services.errors import Conflict, NotFound, ValidationFailed
from server.services.orders.intake import connector_json, create_order
from server.services.orders.lists import ListFilter, PageRequest, Sort, list_order_summaries, list_orders
from server.services.orders.rows import OrderRow, OrderSummaryRow, column_names
from server.services.orders.writes import name_taken
from server.services.sql_count import count_statements
from tests.conftest import EXAMPLES_DIR

Json = dict[str, Any]
TREE_TABLES = (Order, Address, Product, Part, Asset, AssetVersion)


def eyewear() -> Json:
    return json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())  # type: ignore[no-any-return]


async def row_counts() -> dict[str, int]:
    """Rows of the order tree, and intake events (a flowKey may add flow events after the commit)."""
    counts = {model.__name__: await model.all().count() for model in TREE_TABLES}
    counts["HistoryEntry"] = await HistoryEntry.filter(kind="order.created").count()
    return counts


async def nothing_stored() -> bool:
    return sum((await row_counts()).values()) == 0 and not await HistoryEntry.exists()


@pytest.fixture
async def key_actor(space_key: tuple[str, str]) -> Actor:
    actor = await auth.actor_for_token(space_key[1])
    assert actor is not None
    return actor


@pytest.fixture
async def other_space(admin: Actor, space_key: tuple[str, str]) -> Space:
    return await auth.create_space(admin, "demo-lighting", "Lighting")


def order_of_size(name: str, parts: int) -> Json:
    """A one-line order with `parts` parts, each with one asset of one version."""
    items = [
        {
            "id": f"part-{index}",
            "data": {"name": f"Part {index}"},
            "assets": [
                {
                    "id": "mesh",
                    "url": f"https://cdn.example.com/{name}/{index}.stl",
                    "versions": [
                        {"url": f"https://cdn.example.com/{name}/{index}-v1.stl", "date": "2026-11-20"}
                    ],
                }
            ],
        }
        for index in range(parts)
    ]
    line = {"title": "Lamp", "deadline": "2026-12-01", "amountOfUnits": 1, "valuePerUnit": 10, "items": items}
    return {"spaceKey": "demo-eyewear", "thirdPartyOrderId": name, "orderLines": [line]}


# --- the tree goes in --------------------------------------------------------------------------------


async def test_the_eyewear_example_is_stored_as_a_whole_tree(key_actor: Actor) -> None:
    result = await create_order(key_actor, eyewear())

    assert result.created is True
    order = await Order.get(id=result.order.id).prefetch_related("space")
    assert (order.name, order.space.key, order.status) == (
        "WEB-2026-001842",
        "demo-eyewear",
        OrderStatus.CREATED,
    )
    assert (order.value, order.flow_key) == (Decimal("198.00"), "standard-production")
    assert order.deadline is not None and order.deadline.isoformat() == "2026-12-01T17:00:00+00:00"
    assert order.update_url == "https://shop.example.com/hooks/orders/WEB-2026-001842"
    assert order.thumbnail_url == "https://cdn.example.com/cfg-8f2a/front-v1.png"
    assert await row_counts() == {
        "Order": 1,
        "Address": 2,
        "Product": 2,
        "Part": 5,
        "Asset": 2,
        "AssetVersion": 3,
        "HistoryEntry": 1,
    }


async def test_parts_keep_their_nesting_names_and_order(key_actor: Actor) -> None:
    result = await create_order(key_actor, eyewear())

    parts = await Part.filter(order_id=result.order.id).order_by("product__position", "position")
    by_id = {part.id: part for part in parts}
    by_client_id = {part.client_id: part.id for part in parts}
    shape = sorted(
        (by_id[p.parent_id].client_id if p.parent_id else "", p.position, p.client_id, p.name)  # type: ignore[attr-defined]
        for p in parts
        if p.product_id == parts[0].product_id  # type: ignore[attr-defined]
    )
    assert shape == [
        ("", 0, "front", "Front"),
        ("", 1, "temples", "Temples"),
        ("front", 0, "hinge-left", "Hinge left"),
        ("front", 1, "hinge-right", "Hinge right"),
    ]
    stl = await Asset.get(client_id="temples-stl")
    versions = [v.url for v in await AssetVersion.filter(asset_id=stl.id).order_by("position")]
    assert (stl.kind, stl.name, stl.part_id) == (AssetKind.PRODUCTION, "temples.stl", by_client_id["temples"])  # type: ignore[attr-defined]
    assert [url.rsplit("/", 1)[1] for url in versions] == ["temples-v1.stl", "temples-v2.stl"]


async def test_the_history_says_who_created_the_order(key_actor: Actor) -> None:
    result = await create_order(key_actor, eyewear())

    (event,) = await HistoryEntry.filter(order_id=result.order.id, kind="order.created")
    assert event.kind == "order.created"
    assert event.actor == f"key:{key_actor.label}" and key_actor.label.startswith("ffk_")
    assert event.message == "Order WEB-2026-001842 received: 2 products, 5 parts"


async def test_the_order_is_found_by_the_names_and_ids_of_its_products_and_parts(key_actor: Actor) -> None:
    await create_order(key_actor, eyewear())
    await create_order(key_actor, order_of_size("OTHER-1", 2))

    for text, expected in (
        ("Hinge-RIGHT", ["WEB-2026-001842"]),
        ("aurora", ["WEB-2026-001842"]),
        ("part-1", ["OTHER-1"]),
    ):
        page = await list_orders(key_actor, ListFilter(search=text), Sort(), PageRequest())
        assert [row.name for row in page.rows] == expected, text


async def test_the_tables_summaries_are_the_orders_rows_without_their_data(key_actor: Actor) -> None:
    for index in range(3):
        await create_order(key_actor, order_of_size(f"SUMMARY-{index}", 1))
    shared = column_names(OrderSummaryRow)
    assert set(shared) < set(column_names(OrderRow))
    assert {"data", "quote", "flow_tags"}.isdisjoint(shared)

    for sort in (Sort(), Sort("DEADLINE", descending=False), Sort("NAME")):
        full = await list_orders(key_actor, ListFilter(), sort, PageRequest(first=2))
        summaries = await list_order_summaries(key_actor, ListFilter(), sort, PageRequest(first=2))
        assert [[getattr(r, name) for name in shared] for r in summaries.rows] == [
            [getattr(r, name) for name in shared] for r in full.rows
        ], sort
        assert list(summaries.cursors) == list(full.cursors)
        assert (summaries.has_next, summaries.total_count) == (full.has_next, full.total_count) == (True, 3)
        assert [type(r.status) for r in summaries.rows] == [OrderStatus, OrderStatus]


async def test_a_user_creates_orders_in_the_spaces_of_their_organization(
    admin: Actor, space_key: object
) -> None:
    user = await auth.create_user(admin, "op@example.com", "correct horse battery", role=Role.OPERATOR)
    operator = auth.actor_for_user(user)

    result = await create_order(operator, eyewear())

    assert result.created
    assert (
        await HistoryEntry.get(order_id=result.order.id, kind="order.created")
    ).actor == "user:op@example.com"


async def test_the_statement_count_does_not_grow_with_the_tree(key_actor: Actor) -> None:
    with count_statements() as small:
        await create_order(key_actor, order_of_size("SMALL", 2))
    with count_statements() as large:
        await create_order(key_actor, order_of_size("LARGE", 60))

    assert large.count == small.count <= 12, large.statements
    assert await Part.filter(order__name="LARGE").count() == 60


# --- the tree comes back out -------------------------------------------------------------------------


async def test_the_connector_json_is_the_order_that_went_in(key_actor: Actor) -> None:
    sent = eyewear()
    result = await create_order(key_actor, sent)

    body = await connector_json(result.order.id)

    assert list(body) == ["order"]
    assert parse_order_input(json.loads(json.dumps(body))) == parse_order_input(sent)
    assert body["order"]["orderLines"][1]["valuePerUnit"] == 4.5
    assert body["order"]["orderLines"][0]["items"][0]["items"][1]["id"] == "hinge-right"


async def test_the_connector_json_sent_back_in_is_the_same_order(key_actor: Actor) -> None:
    result = await create_order(key_actor, eyewear())

    again = await create_order(key_actor, await connector_json(result.order.id))

    assert (again.created, again.order.id) == (False, result.order.id)


async def test_the_connector_json_has_the_assets_added_later(key_actor: Actor) -> None:
    result = await create_order(key_actor, eyewear())
    product = await Product.get(order_id=result.order.id, position=1)
    generated = await Asset.create(
        order_id=result.order.id,
        product_id=product.id,
        position=0,
        client_id="cloth-stl",
        name="cloth.stl",
        url="https://files.example.com/cloth.stl",
        kind=AssetKind.PRODUCTION,
    )
    await AssetVersion.create(
        asset=generated, position=0, url="https://files.example.com/cloth-v1.stl", date=product.created_at
    )

    body = await connector_json(result.order.id)

    (asset,) = body["order"]["orderLines"][1]["assets"]
    assert (asset["id"], asset["kind"], len(asset["versions"])) == ("cloth-stl", "production", 1)
    assert body["order"]["assets"] == [] and body["order"]["orderLines"][0]["assets"] == []


async def test_the_connector_json_of_no_order_is_not_found(clean_db: str) -> None:
    with pytest.raises(NotFound):
        await connector_json(uuid.uuid4())


# --- idempotency and conflicts ----------------------------------------------------------------------


async def test_the_same_order_again_returns_the_stored_one(key_actor: Actor) -> None:
    first = await create_order(key_actor, eyewear())
    resent = eyewear()["order"]  # bare instead of wrapped, and written differently
    resent["orderLines"][1]["valuePerUnit"] = "4.50"
    resent["orderLines"][0]["deadline"] = "2026-12-05T18:00:00+01:00"

    again = await create_order(key_actor, resent)

    assert (again.created, again.order.id) == (False, first.order.id)
    assert (await row_counts())["Order"] == 1 and (await row_counts())["HistoryEntry"] == 1


async def test_a_different_body_under_the_same_id_is_a_conflict(key_actor: Actor) -> None:
    first = await create_order(key_actor, eyewear())
    changed = eyewear()
    changed["order"]["data"]["channel"] = "phone"

    with pytest.raises(Conflict) as caught:
        await create_order(key_actor, changed)

    assert [(e.field, e.code) for e in caught.value.errors] == [("thirdPartyOrderId", "conflict")]
    assert "WEB-2026-001842" in caught.value.message
    stored = await Order.get(id=first.order.id)
    original = parse_order_input(eyewear())
    assert isinstance(original, OrderInput)
    assert stored.data["channel"] == "webshop" and stored.intake_hash == intake_hash(original)


async def test_the_same_id_in_another_space_is_another_order(key_actor: Actor, other_space: Space) -> None:
    other = eyewear()
    other["order"]["spaceKey"] = "demo-lighting"
    other["order"]["data"]["channel"] = "phone"

    first = await create_order(SYSTEM, eyewear())
    second = await create_order(SYSTEM, other)

    assert first.created and second.created and first.order.id != second.order.id


async def test_two_identical_creates_at_once_make_one_order(key_actor: Actor) -> None:
    results = await asyncio.gather(*(create_order(key_actor, eyewear()) for _ in range(4)))

    assert sorted(result.created for result in results) == [False, False, False, True]
    assert len({result.order.id for result in results}) == 1
    assert await row_counts() == {
        "Order": 1, "Address": 2, "Product": 2, "Part": 5, "Asset": 2, "AssetVersion": 3, "HistoryEntry": 1,
    }  # fmt: skip


async def test_two_different_creates_at_once_make_one_order_and_one_conflict(key_actor: Actor) -> None:
    changed = eyewear()
    changed["order"]["data"]["channel"] = "phone"

    results = await asyncio.gather(
        create_order(key_actor, eyewear()), create_order(key_actor, changed), return_exceptions=True
    )

    assert sorted(type(result).__name__ for result in results) == ["Conflict", "CreateOrderResult"]
    assert (await row_counts())["Order"] == 1


# --- refusals ----------------------------------------------------------------------------------------


async def test_a_key_cannot_create_in_another_space_nor_learn_that_it_exists(
    key_actor: Actor, other_space: Space
) -> None:
    elsewhere, nowhere = eyewear(), eyewear()
    elsewhere["order"]["spaceKey"] = "demo-lighting"
    nowhere["order"]["spaceKey"] = "no-such-space"

    with pytest.raises(NotFound) as other:
        await create_order(key_actor, elsewhere)
    with pytest.raises(NotFound) as missing:
        await create_order(key_actor, nowhere)

    assert [(e.field, e.code) for e in other.value.errors] == [("spaceKey", "not_found")]
    assert [e.message for e in other.value.errors] == [e.message for e in missing.value.errors]
    assert await nothing_stored()


async def test_a_user_cannot_create_in_another_organizations_space(space_key: object) -> None:
    elsewhere = await Organization.create(name="Elsewhere")
    admin = await auth.create_user(SYSTEM, "boss@elsewhere.example", "correct horse battery", role=Role.ADMIN)
    await User.filter(id=admin.id).update(organization_id=elsewhere.id)
    admin = await User.get(id=admin.id)

    with pytest.raises(NotFound):
        await create_order(auth.actor_for_user(admin), eyewear())

    assert await Order.all().count() == 0


async def test_every_problem_of_the_documentation_sample_comes_back_and_nothing_is_stored(
    key_actor: Actor,
) -> None:
    body = json.loads((EXAMPLES_DIR / "fixed-003-connector-body.json").read_text())

    with pytest.raises(ValidationFailed) as caught:
        await create_order(key_actor, body)

    fields = [error.field for error in caught.value.errors]
    assert "updateUrl" in fields and "orderLines[0].items[0].items[0]" in fields
    assert "orderLines[0].items[0].assets[0].versions[0].url" in fields
    assert caught.value.message == f"The order has {len(fields)} problems."
    assert await nothing_stored()


async def test_a_duplicate_id_deep_in_the_last_line_stores_nothing(key_actor: Actor) -> None:
    body = order_of_size("DUP-1", 30)
    body["orderLines"].append(copy.deepcopy(body["orderLines"][0]))
    body["orderLines"][1]["items"][29]["items"] = [{"id": "part-3"}]

    with pytest.raises(ValidationFailed) as caught:
        await create_order(key_actor, body)

    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("orderLines[1].items[29].items[0].id", "duplicate")
    ]
    assert await nothing_stored()


@pytest.fixture
async def failing_last_insert(clean_db: str) -> AsyncIterator[None]:
    """Makes the database refuse the last insert of an intake (its history event), then repairs it."""
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres":
        await conn.execute_script(
            "CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'refused by test'; END $$;"
            "CREATE TRIGGER refuse_event BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION refuse_event();"
        )
    else:
        await conn.execute_script(
            "CREATE TRIGGER refuse_event BEFORE INSERT ON event "
            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;"
        )
    yield
    await conn.execute_script(
        "DROP TRIGGER refuse_event" + (" ON event" if conn.capabilities.dialect == "postgres" else "")
    )
    if conn.capabilities.dialect == "postgres":
        await conn.execute_script("DROP FUNCTION refuse_event()")


async def test_a_failure_at_the_last_insert_leaves_no_row_in_any_table(
    key_actor: Actor, failing_last_insert: None
) -> None:
    with pytest.raises(Exception, match="refused by test"):
        await create_order(key_actor, eyewear())

    assert await nothing_stored()


async def test_a_new_order_is_announced_once_on_the_event_bus_and_a_resend_is_not(
    key_actor: Actor, space_key: tuple[str, str]
) -> None:
    from server.events import get_bus
    from server.live_messages import OrderCreated, may_see

    async with get_bus().subscribe(lambda m: isinstance(m, OrderCreated)) as sub:
        first = await create_order(key_actor, eyewear())
        await create_order(key_actor, eyewear())
        announced = await asyncio.wait_for(sub.queue.get(), 5)
        later = sub.queue.qsize()

    space = await Space.get(key=space_key[0])
    assert isinstance(announced, OrderCreated) and later == 0
    assert (announced.order_id, announced.order_name) == (str(first.order.id), first.order.name)
    assert (announced.space_id, announced.space_key, announced.status) == (
        str(space.id),
        space.key,
        "CREATED",
    )
    assert may_see(key_actor, announced)


async def test_only_the_order_name_index_counts_as_a_resend(
    key_actor: Actor, space_key: tuple[str, str]
) -> None:
    # given a stored order in a space
    stored = await create_order(key_actor, eyewear())
    space = await Space.get(key=space_key[0])

    # when the same name is stored again in the space, and when another unique index refuses a row
    with pytest.raises(IntegrityError) as same_name:
        await Order.create(space_id=space.id, name=stored.order.name, intake_hash="x")
    with pytest.raises(IntegrityError) as other_index:
        await Space.create(
            organization_id=space.organization_id, key=space.key, name="again", signing_secret="s"
        )  # type: ignore[attr-defined]

    # then only the first is taken for a resend
    assert name_taken(same_name.value)
    assert not name_taken(other_index.value)
