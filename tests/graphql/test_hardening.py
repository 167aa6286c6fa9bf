"""Depth, token and alias limits; introspection and GraphiQL only in development; masked errors."""

from __future__ import annotations

import httpx
import pytest
import strawberry
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from graphql_schema.app import make_graphql_app
from graphql_schema.errors import PublicError
from graphql_schema.schema import extensions
from server import settings
from tests.graphql.conftest import Gql

DEEP = "{ orders { edges { node { " + "products { order { " * 6 + "id" + " } }" * 6 + " } } } }"
ALIASES = "{ " + " ".join(f"a{i}: me {{ label }}" for i in range(settings.GRAPHQL_MAX_ALIASES + 1)) + " }"
MANY_TOKENS = "{ me { " + "label " * settings.GRAPHQL_MAX_TOKENS + "} }"
INTROSPECTION = "{ __schema { queryType { name } } }"
WITHIN_LIMITS = (
    "{ a: me { label } b: me { label } orders(first: 1) { edges { node { products { parts { id } } } } } }"
)


@pytest.mark.parametrize(
    ("document", "fragment"),
    [(DEEP, "exceeds maximum operation depth"), (ALIASES, "aliases found"), (MANY_TOKENS, "more than")],
)
async def test_limits_refuse_the_document_before_running_it(
    gql: Gql, space_key: tuple[str, str], document: str, fragment: str
) -> None:
    body = await gql(document, token=space_key[1])

    assert body.get("data") is None
    assert fragment in body["errors"][0]["message"]


async def test_a_document_within_limits_runs(gql: Gql, space_key: tuple[str, str]) -> None:
    body = await gql(WITHIN_LIMITS, token=space_key[1])
    assert "errors" not in body, body


async def _post(app: object, document: str, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:  # type: ignore[arg-type]
        return await client.post("/", json={"query": document}, headers=headers)


async def test_introspection_only_in_development(space_key: tuple[str, str]) -> None:
    production = await _post(make_graphql_app(development=False), INTROSPECTION, space_key[1])
    development = await _post(make_graphql_app(development=True), INTROSPECTION, space_key[1])

    assert "introspection" in production.json()["errors"][0]["message"].lower()
    assert development.json()["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_graphiql_only_in_development(clean_db: str) -> None:
    for development, expected in ((True, 200), (False, 404)):
        app = make_graphql_app(development=development)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            response = await client.get("/", headers={"Accept": "text/html"})
        assert response.status_code == expected
        if expected == 200:
            assert "graphiql" in response.text.lower()


def test_subscriptions_speak_graphql_transport_ws_only() -> None:
    assert tuple(make_graphql_app().protocols) == (GRAPHQL_TRANSPORT_WS_PROTOCOL,)


@strawberry.type
class Failing:
    @strawberry.field
    def crash(self) -> str:
        raise RuntimeError("password=hunter2 at line 42")

    @strawberry.field
    def refuse(self) -> str:
        raise PublicError("You may not.", "FORBIDDEN")


async def test_unexpected_errors_are_masked_and_ours_are_not() -> None:
    schema = strawberry.Schema(query=Failing, extensions=extensions(development=False, debug=False))

    crashed = await schema.execute("{ crash }")
    refused = await schema.execute("{ refuse }")

    assert crashed.errors and crashed.errors[0].message == "Unexpected error."
    assert refused.errors and refused.errors[0].message == "You may not."
    assert refused.errors[0].extensions == {"code": "FORBIDDEN"}


async def test_debug_shows_unexpected_errors() -> None:
    schema = strawberry.Schema(query=Failing, extensions=extensions(development=True, debug=True))
    crashed = await schema.execute("{ crash }")
    assert crashed.errors and "hunter2" in crashed.errors[0].message


async def test_syntax_errors_are_explained_not_masked(gql: Gql, space_key: tuple[str, str]) -> None:
    body = await gql("{ orders { ", token=space_key[1])
    assert "Syntax Error" in body["errors"][0]["message"]
