"""Planned execution answers exactly as graphql-core's field-by-field execution does.

Each document runs on two schemas of the same types: one with `PlannedExecutionContext`,
one with Strawberry's default execution. Data and errors must be the same, whether the
plan completes the tree, gives up on part of it, or meets a null where none may be.
And once an operation's result is built, the rows it loaded are let go; plans are kept
for a document sent again, per values of the variables `@include` and `@skip` read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
import strawberry
from strawberry.types import ExecutionResult

from graphql_schema import execution
from graphql_schema import schema as schema_module
from graphql_schema.context import Context, Loaders
from graphql_schema.documents import DocumentCache
from graphql_schema.execution import PlannedExecutionContext, preloaded
from graphql_schema.renderers import Attribute, Field, Slot, compile_render
from graphql_schema.schema import make_schema
from server.domain.actors import Actor
from server.services.orders.tree import TreeLoader
from tests.graphql.seed import seed_orders

RESOLVED: list[str] = []  # which relation resolvers ran


@dataclass(slots=True, eq=False)
class VersionRow:
    url: str | None
    date: datetime


@dataclass(slots=True, eq=False)
class FileRow:
    id: str
    name: str
    size: Decimal
    versions: list[VersionRow] | None = None


@dataclass(slots=True, eq=False)
class BoxRow:
    label: str
    kind: str
    files: list[FileRow] | None = field(default=None)


@strawberry.enum
class Kind(Enum):
    SMALL = "small"
    LARGE = "large"


@strawberry.type
class Version:
    url: str
    date: datetime


@strawberry.type
class File:
    id: strawberry.ID
    name: str
    size: Decimal

    @strawberry.field(metadata=preloaded("versions"))
    def versions(self, root: strawberry.Parent[FileRow]) -> list[Version]:
        RESOLVED.append("versions")
        if root.versions is None:
            return [VersionRow(url=f"{root.name}?late", date=datetime(2026, 1, 1, tzinfo=UTC))]  # type: ignore[list-item]
        return root.versions  # type: ignore[return-value]

    @strawberry.field
    def shout(self, root: strawberry.Parent[FileRow]) -> str:
        RESOLVED.append("shout")
        return root.name.upper()


@strawberry.type
class Box:
    label: str
    kind: Kind

    @strawberry.field(metadata=preloaded("files"))
    def files(self, root: strawberry.Parent[BoxRow]) -> list[File]:
        RESOLVED.append("files")
        return root.files or []  # type: ignore[return-value]


def _box(versions: list[VersionRow] | None) -> BoxRow:
    files = [FileRow(id=f"f{i}", name=f"file-{i}", size=Decimal("1.50"), versions=versions) for i in range(2)]
    return BoxRow(label="box", kind=Kind.LARGE.value, files=files)


BOXES: list[BoxRow] = []


@strawberry.type
class Query:
    @strawberry.field
    def boxes(self) -> list[Box]:
        return BOXES  # type: ignore[return-value]


PLANNED = strawberry.Schema(query=Query, execution_context_class=PlannedExecutionContext)
PLAIN = strawberry.Schema(query=Query)

TREE = """
query { boxes { __typename label kind
  files { id name size ...V again: versions { when: date } } } }
fragment V on File { versions { url date } }
"""


async def _both(document: str) -> tuple[ExecutionResult, ExecutionResult]:
    RESOLVED.clear()
    planned = await PLANNED.execute(document)
    resolved_when_planned = list(RESOLVED)
    RESOLVED.clear()
    plain = await PLAIN.execute(document)
    RESOLVED[:] = resolved_when_planned
    return planned, plain


def _shape(result: ExecutionResult) -> dict[str, Any]:
    errors = [{"message": e.message, "path": e.path} for e in result.errors or []]
    return {"data": result.data, "errors": errors}


@pytest.fixture(autouse=True)
def _no_boxes() -> None:
    BOXES.clear()


async def test_a_preloaded_tree_completes_from_the_plan_without_calling_relation_resolvers() -> None:
    # given boxes whose files and versions are loaded
    BOXES[:] = [_box([VersionRow("a", datetime(2026, 3, 1, 12, tzinfo=UTC))]), _box([])]

    # when the tree is asked for with fragments, aliases and __typename
    planned, plain = await _both(TREE)

    # then the answer is the plain execution's, and no relation resolver ran
    assert _shape(planned) == _shape(plain)
    assert planned.errors is None
    assert planned.data["boxes"][0]["files"][0] == {  # type: ignore[index]
        "id": "f0",
        "name": "file-0",
        "size": "1.50",
        "versions": [{"url": "a", "date": "2026-03-01T12:00:00+00:00"}],
        "again": [{"when": "2026-03-01T12:00:00+00:00"}],
    }
    assert planned.data["boxes"][0]["__typename"] == "Box"  # type: ignore[index]
    assert planned.data["boxes"][0]["kind"] == "LARGE"  # type: ignore[index]
    assert RESOLVED == []


async def test_a_relation_not_loaded_goes_through_its_resolver() -> None:
    BOXES[:] = [_box(None)]

    planned, plain = await _both("{ boxes { files { name versions { url } } } }")

    assert _shape(planned) == _shape(plain)
    files = planned.data["boxes"][0]["files"]  # type: ignore[index]
    assert [f["versions"] for f in files] == [[{"url": "file-0?late"}], [{"url": "file-1?late"}]]
    assert RESOLVED.count("versions") == 2


async def test_fields_with_their_own_resolver_still_run_it() -> None:
    BOXES[:] = [_box([])]

    planned, plain = await _both("{ boxes { files { shout } } }")

    assert _shape(planned) == _shape(plain)
    assert RESOLVED.count("shout") == 2


async def test_a_null_where_none_may_be_is_the_same_located_error() -> None:
    # given a version without the url its type promises
    BOXES[:] = [_box([VersionRow(None, datetime(2026, 3, 1, tzinfo=UTC))])]

    planned, plain = await _both("{ boxes { label files { versions { url } } } }")

    assert _shape(planned) == _shape(plain)
    assert (
        planned.errors
        and "Cannot return null for non-nullable field Version.url" in planned.errors[0].message
    )
    assert planned.errors[0].path == ["boxes", 0, "files", 0, "versions", 0, "url"]


async def test_a_value_its_scalar_cannot_coerce_is_the_same_error() -> None:
    BOXES[:] = [BoxRow(label="box", kind="medium", files=[])]

    planned, plain = await _both("{ boxes { label kind } }")

    assert _shape(planned) == _shape(plain)
    assert planned.errors and planned.errors[0].path == ["boxes", 0, "kind"]


RELEASED_TREE = "{ orders(first: 10) { edges { node { name products { title parts { name } } } } } }"


async def test_the_rows_of_an_operation_are_released_once_its_result_is_built(
    admin: Actor, space_key: tuple[str, str]
) -> None:
    # given orders in a space, and the context a request would have
    await seed_orders(space_key[0], 2)
    tree = TreeLoader()
    context = Context(request=None, response=None, actor=admin, tree=tree, loaders=Loaders(tree))  # type: ignore[arg-type]

    # when the tree is asked for
    result = await make_schema(development=False, debug=False).execute(RELEASED_TREE, context_value=context)

    # then the answer is whole, and the loader no longer holds its rows
    assert result.errors is None
    assert [len(e["node"]["products"]) for e in result.data["orders"]["edges"]] == [2, 2]  # type: ignore[index]
    assert not tree.orders and not tree.products and not tree.parts


# ---------------------------------------------------------------- plans kept across requests


def _cached_schema() -> strawberry.Schema:
    """The test types with documents cached per text, as the app's schema has them."""
    return strawberry.Schema(
        query=Query, execution_context_class=PlannedExecutionContext, extensions=[DocumentCache]
    )


def _count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    compiled: list[str] = []
    compile_plan = PlannedExecutionContext._compile

    def counted(self: PlannedExecutionContext, object_type: Any, fields: Any) -> Any:
        compiled.append(object_type.name)
        return compile_plan(self, object_type, fields)

    monkeypatch.setattr(PlannedExecutionContext, "_compile", counted)
    return compiled


async def test_a_document_sent_again_reuses_its_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    BOXES[:] = [_box([VersionRow("a", datetime(2026, 3, 1, 12, tzinfo=UTC))])]
    schema = _cached_schema()
    compiled = _count_compiles(monkeypatch)
    RESOLVED.clear()

    first = await schema.execute(TREE)
    compiled_once = len(compiled)
    second = await schema.execute(TREE)

    assert compiled_once > 0 and len(compiled) == compiled_once
    assert RESOLVED == []  # both from the plan
    assert _shape(first) == _shape(second) == _shape(await PLAIN.execute(TREE))


INCLUDED = """
query ($files: Boolean!, $terse: Boolean!) {
  boxes { label kind @skip(if: $terse) files @include(if: $files) { name } }
}
"""


async def test_include_and_skip_follow_the_variables_of_each_request() -> None:
    BOXES[:] = [_box([])]
    schema = _cached_schema()

    for files, terse in ((True, False), (False, True), (True, True), (True, False)):
        variables = {"files": files, "terse": terse}
        planned = await schema.execute(INCLUDED, variable_values=variables)
        plain = await PLAIN.execute(INCLUDED, variable_values=variables)

        assert _shape(planned) == _shape(plain)
        box = planned.data["boxes"][0]  # type: ignore[index]
        assert ("files" in box, "kind" in box) == (files, not terse)


async def test_the_plans_kept_for_a_schema_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(execution, "MAX_PLANS", 2)
    BOXES[:] = [_box([])]
    schema = _cached_schema()
    documents = ["{ boxes { label } }", "{ boxes { kind } }", "{ boxes { label kind } }"]

    for document in documents * 2:
        planned = await schema.execute(document)
        assert _shape(planned) == _shape(await PLAIN.execute(document))

    assert len(execution.plans_of(schema._schema)) == 2


def test_a_name_that_is_not_safe_in_source_gets_no_renderer() -> None:
    label = Field("label", Attribute("label"), None)

    assert compile_render("Box", (label,)) is not None
    assert compile_render("Box", (Field("label", Attribute("label)\nimport os"), None),)) is None
    assert compile_render("Box", (Field("la'bel", Attribute("label"), None),)) is None
    assert compile_render("Box", (Field("label", Slot("files", "class"), None),)) is None
    assert compile_render("Box(); x", (label,)) is None


async def test_the_order_tree_answers_the_same_with_and_without_plans(
    admin: Actor, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # given orders whose trees hold ids, date-times, decimals, enums and JSON
    await seed_orders(space_key[0], 2)
    rendered: list[str] = []
    compile_render_of = execution.compile_render

    def counted_render(type_name: str, fields: Any) -> Any:
        render = compile_render_of(type_name, fields)
        return render and (lambda row: rendered.append(type_name) or render(row))

    monkeypatch.setattr(execution, "compile_render", counted_render)
    planned_schema = make_schema(development=False, debug=False)
    plain_schema = strawberry.Schema(query=schema_module.Query)

    results = []
    for schema in (planned_schema, plain_schema):
        tree = TreeLoader()
        context = Context(request=None, response=None, actor=admin, tree=tree, loaders=Loaders(tree))  # type: ignore[arg-type]
        results.append(await schema.execute(ORDER_TREE, context_value=context))

    planned, plain = results
    assert planned.errors is None and plain.errors is None
    assert planned.data == plain.data
    order = planned.data["orders"]["edges"][0]["node"]  # type: ignore[index]
    assert order["products"][0]["parts"][0]["assets"][0]["versions"]
    assert {"Order", "Product", "Part", "Asset", "AssetVersion"} <= set(rendered)  # from the plans


ORDER_TREE = """
{ orders(first: 10, orderBy: {field: NAME, direction: ASC}) { edges { node {
  __typename id name status value deadline createdAt updatedAt tags data flowKey thumbnailUrl
  addresses { addressType purpose data }
  products { id clientId title data amountOfUnits valuePerUnit deadline createdAt
    parts { id clientId name data tags isAsset manufacturingData createdAt
      assets { id clientId name url isPublic kind createdAt versions { url date } currentVersion { url } }
      children { id name assets { kind versions { date } } } } } } } } }
"""
