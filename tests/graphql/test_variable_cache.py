"""Coerced variables are kept per (definitions, variables), and each request gets its own copy."""

from __future__ import annotations

from enum import Enum
from typing import Any

import pytest
import strawberry
from strawberry.scalars import JSON

from graphql_schema import variables
from graphql_schema.documents import DocumentCache


@strawberry.enum
class Size(Enum):
    SMALL = "small"
    LARGE = "large"


@strawberry.input
class Filter:
    sizes: list[Size]
    names: list[str] = strawberry.field(default_factory=list)


SEEN: list[Any] = []


@strawberry.type
class Query:
    @strawberry.field
    def echo(self, flt: Filter, data: JSON) -> str:
        SEEN.append((flt, data))
        flt.names.append("changed by the resolver")
        data["added"] = True
        return f"{[s.value for s in flt.sizes]} {sorted(flt.names)} {sorted(data)}"


DOCUMENT = "query ($flt: Filter!, $data: JSON!) { echo(flt: $flt, data: $data) }"


@pytest.fixture
def schema() -> strawberry.Schema:
    variables.install()
    variables.clear()
    SEEN.clear()
    return strawberry.Schema(Query, extensions=[DocumentCache])  # the same text, the same nodes


def coercions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    coerce = variables.get_variable_values

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return coerce(*args, **kwargs)

    monkeypatch.setattr(variables, "get_variable_values", counted)
    return calls


def sent() -> dict[str, Any]:
    """The variables as a request decodes them, new objects each time."""
    return {"flt": {"sizes": ["SMALL"], "names": ["a"]}, "data": {"k": 1}}


async def test_the_same_variables_are_coerced_once_and_each_request_gets_fresh_values(
    schema: strawberry.Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = coercions(monkeypatch)
    answers = [await schema.execute(DOCUMENT, variable_values=sent()) for _ in range(3)]
    assert [a.errors for a in answers] == [None] * 3
    # What the resolver changed in its arguments never reaches the next request.
    assert {a.data["echo"] for a in answers if a.data} == {
        "['small'] ['a', 'changed by the resolver'] ['added', 'k']"
    }
    assert len(calls) == 1
    first, second = SEEN[0][1], SEEN[1][1]
    assert first is not second


async def test_other_variables_are_coerced_and_bad_ones_are_reported_each_time(
    schema: strawberry.Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = coercions(monkeypatch)
    small = await schema.execute(DOCUMENT, variable_values={"flt": {"sizes": ["SMALL"]}, "data": {}})
    large = await schema.execute(DOCUMENT, variable_values={"flt": {"sizes": ["LARGE"]}, "data": {}})
    assert small.data == {"echo": "['small'] ['changed by the resolver'] ['added']"}
    assert large.data == {"echo": "['large'] ['changed by the resolver'] ['added']"}
    for _ in range(2):
        bad = await schema.execute(DOCUMENT, variable_values={"flt": {"sizes": ["HUGE"]}, "data": {}})
        assert bad.errors and "HUGE" in bad.errors[0].message
    assert len(calls) == 4


async def test_a_document_parsed_afresh_is_coerced_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    variables.install()
    calls = coercions(monkeypatch)
    schema = strawberry.Schema(Query)  # no document cache: new nodes for every request
    for _ in range(2):
        await schema.execute(DOCUMENT, variable_values={"flt": {"sizes": []}, "data": {}})
    assert len(calls) == 2


async def test_values_with_a_leaf_not_known_to_be_immutable_are_not_kept(
    schema: strawberry.Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = coercions(monkeypatch)
    sent = {"flt": {"sizes": []}, "data": {"set": ["JSON decoded elsewhere"]}}
    monkeypatch.setattr(variables, "IMMUTABLE", frozenset({bool}))  # not even text
    for _ in range(2):
        assert (await schema.execute(DOCUMENT, variable_values=sent)).errors is None
    assert len(calls) == 2
    assert len(variables._cache) == 0


def test_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    schema = strawberry.Schema(Query, extensions=[DocumentCache])
    variables.install()
    variables.clear()
    monkeypatch.setattr(variables._cache, "size", 3)
    for n in range(10):
        schema.execute_sync(DOCUMENT, variable_values={"flt": {"sizes": []}, "data": {"n": n}})
    assert len(variables._cache) == 3
