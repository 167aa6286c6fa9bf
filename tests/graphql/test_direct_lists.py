"""The order, product and part lists answer the same through `graphql_schema.direct` as through
Strawberry's resolver wrapping: data, errors (permissions, bad arguments, bad cursors) and tenancy.

Each case runs on two schemas, one with the direct list resolvers and one without, for callers
of two spaces, an admin and nobody; twice, the second time from the kept converted arguments.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, datetime, timedelta, timezone
from enum import Enum
from typing import Any

import pytest
import strawberry

from graphql_schema import direct
from graphql_schema.context import Context, Loaders
from graphql_schema.direct import MAX_KEPT_TEXT, argument_key
from graphql_schema.orders.queries import ORDERS
from graphql_schema.schema import make_schema
from server.domain.actors import Actor
from server.services import auth
from server.services.orders.tree import TreeLoader
from tests.graphql.conftest import OTHER_SPACE
from tests.graphql.seed import seed_orders

PAGE = """
query ($first: Int, $after: String, $filter: OrderFilter, $orderBy: OrderSortInput) {
  orders(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount totalCountIsExact
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name status value space { key } } }
  }
}
"""
TWO_PAGES = """
{
  a: orders(first: 2, filter: {status: [CREATED]}) { totalCount edges { node { name } } }
  b: orders(first: 1, orderBy: {field: NAME, direction: DESC}) { edges { node { name } } }
  products(filter: {search: "MINE"}) { totalCount edges { node { order { name } } } }
  parts(first: 3, orderBy: {field: CREATED_AT, direction: ASC}) { edges { node { name } } }
}
"""
BAD_ID = '{ products(filter: {orderId: "not-an-id"}) { totalCount } }'
BAD_PART_ID = '{ parts(filter: {productId: "nope"}) { edges { node { name } } } }'
BAD_CURSOR = '{ orders(after: "garbage") { edges { node { name } } } }'
OTHER_SPACE_FILTER = '{ orders(filter: {spaceKey: "demo-lighting"}) { totalCount edges { node { name } } } }'
BAD_ENUM = "{ orders(filter: {status: [NOT_A_STATUS]}) { totalCount } }"
PARTIAL = "{ me { kind } orders(first: 1) { totalCount } }"

CASES: list[tuple[str, dict[str, Any]]] = [
    (PAGE, {}),
    (PAGE, {"first": 2, "orderBy": {"field": "NAME", "direction": "ASC"}}),
    (PAGE, {"first": 1, "filter": {"status": ["CREATED", "SUCCESS"], "search": "MINE"}}),
    (PAGE, {"filter": {"createdFrom": "2026-03-01T12:00:00+00:00", "createdTo": "2026-03-09T00:00:00Z"}}),
    (PAGE, {"filter": {"createdFrom": "2026-03-01T13:00:00+01:00"}}),
    (PAGE, {"filter": {"tags": ["urgent"], "spaceKey": "demo-eyewear"}}),
    (PAGE, {"filter": {"spaceKey": OTHER_SPACE}}),
    (PAGE, {"first": -1}),
    (PAGE, {"filter": {"search": "x" * (MAX_KEPT_TEXT + 10)}}),
    (TWO_PAGES, {}),
    (BAD_ID, {}),
    (BAD_PART_ID, {}),
    (BAD_CURSOR, {}),
    (OTHER_SPACE_FILTER, {}),
    (BAD_ENUM, {}),
    (PARTIAL, {}),
]


@pytest.fixture
async def callers(admin: Actor, space_key: tuple[str, str], other_key: str) -> dict[str, Actor | None]:
    await seed_orders("demo-eyewear", 3, prefix="MINE")
    await seed_orders(OTHER_SPACE, 2, prefix="THEIRS")
    return {
        "mine": await auth.actor_for_token(space_key[1]),
        "theirs": await auth.actor_for_token(other_key),
        "admin": admin,
        "nobody": None,
    }


async def _answer(schema: strawberry.Schema, document: str, variables: dict[str, Any], actor: Any) -> Any:
    tree = TreeLoader()
    context = Context(request=None, response=None, actor=actor, tree=tree, loaders=Loaders(tree))  # type: ignore[arg-type]
    result = await schema.execute(document, variable_values=variables, context_value=context)
    return result.data, [error.formatted for error in result.errors or ()]


async def test_the_direct_lists_answer_as_strawberrys_resolvers_do(callers: dict[str, Actor | None]) -> None:
    direct_schema = make_schema(development=False, debug=False)
    wrapped_schema = make_schema(development=False, debug=False, direct_lists=False)
    for name in ("orders", "products", "parts"):
        resolver = direct_schema._schema.query_type.fields[name].resolve  # type: ignore[union-attr]
        assert resolver.__qualname__.startswith("direct_list")  # type: ignore[union-attr]
        assert wrapped_schema._schema.query_type.fields[name].resolve is not resolver  # type: ignore[union-attr]

    for document, variables in CASES:
        for who, actor in callers.items():
            expected = await _answer(wrapped_schema, document, variables, actor)
            for attempt in ("first", "again"):
                got = await _answer(direct_schema, document, variables, actor)
                assert got == expected, (document, variables, who, attempt)


async def test_the_answers_tell_apart_what_they_should(callers: dict[str, Actor | None]) -> None:
    """The comparison above means something: the cases meet rows, tenancy and every kind of error."""
    schema = make_schema(development=False, debug=False)
    mine, errors = await _answer(schema, PAGE, {}, callers["mine"])
    assert not errors and {e["node"]["name"] for e in mine["orders"]["edges"]} == {
        "MINE-0000",
        "MINE-0001",
        "MINE-0002",
    }
    theirs, _ = await _answer(schema, PAGE, {}, callers["theirs"])
    assert {e["node"]["space"]["key"] for e in theirs["orders"]["edges"]} == {OTHER_SPACE}
    across, _ = await _answer(schema, OTHER_SPACE_FILTER, {}, callers["mine"])
    assert across == {"orders": {"totalCount": 0, "edges": []}}
    _, refused = await _answer(schema, PAGE, {}, None)
    assert refused[0]["extensions"]["code"] == "UNAUTHENTICATED"
    _, bad_id = await _answer(schema, BAD_ID, {}, callers["mine"])
    assert bad_id[0]["extensions"]["code"] == "INVALID" and bad_id[0]["path"] == ["products"]
    _, bad_cursor = await _answer(schema, BAD_CURSOR, {}, callers["mine"])
    assert bad_cursor and bad_cursor[0]["path"] == ["orders"]


async def test_converted_arguments_are_kept_and_not_shared_across_values(
    callers: dict[str, Actor | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    conversions: list[dict[str, Any]] = []
    convert = direct.convert_arguments

    def counted(arguments: dict[str, Any], *rest: Any) -> Any:
        conversions.append(arguments)
        return convert(arguments, *rest)

    monkeypatch.setattr(direct, "convert_arguments", counted)
    schema = make_schema(development=False, debug=False)
    created = {"filter": {"status": ["CREATED"]}}
    first, _ = await _answer(schema, PAGE, created, callers["mine"])
    again, _ = await _answer(schema, PAGE, created, callers["mine"])
    other_caller, _ = await _answer(schema, PAGE, created, callers["theirs"])
    assert first == again and len(conversions) == 1  # the same values: converted once
    assert {e["node"]["space"]["key"] for e in other_caller["orders"]["edges"]} <= {OTHER_SPACE}

    succeeded, _ = await _answer(schema, PAGE, {"filter": {"status": ["SUCCESS"]}}, callers["mine"])
    assert len(conversions) == 2 and succeeded != first
    await _answer(schema, BAD_ID, {}, callers["mine"])
    await _answer(schema, BAD_ID, {}, callers["mine"])
    assert len(conversions) == 4  # a conversion that failed is not kept
    long_search = {"filter": {"search": "y" * (MAX_KEPT_TEXT + 1)}}
    await _answer(schema, PAGE, long_search, callers["mine"])
    await _answer(schema, PAGE, long_search, callers["mine"])
    assert len(conversions) == 6  # nor one of a long text


class Colour(Enum):
    RED = 1


def test_argument_keys_tell_apart_values_that_convert_differently() -> None:
    at = datetime(2026, 3, 1, 12, tzinfo=UTC)
    same_instant = at.astimezone(timezone(timedelta(hours=1)))
    assert argument_key({"a": at}) != argument_key({"a": same_instant})
    assert argument_key({"a": 1}) != argument_key({"a": True})
    assert argument_key({"a": 1}) != argument_key({"a": 1.0})
    assert argument_key({"a": Colour.RED}) != argument_key({"a": 1})
    assert argument_key({"a": [1, 2]}) != argument_key({"a": [2, 1]})
    assert argument_key({"a": {"b": None}}) != argument_key({"a": {}})
    assert argument_key({"a": ["x"], "b": None}) == argument_key({"b": None, "a": ["x"]})
    for unkept in ("z" * (MAX_KEPT_TEXT + 1), object(), b"bytes"):
        with pytest.raises(direct._Unkeyable):
            argument_key({"a": unkept})


def test_what_the_lists_keep_is_immutable() -> None:
    flt, sort = ORDERS.convert({"filter": None, "order_by": None})
    with pytest.raises(FrozenInstanceError):
        flt.search = "changed"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        sort.field = "NAME"  # type: ignore[misc]
    assert isinstance(flt.statuses, tuple) and isinstance(flt.tags, tuple)
