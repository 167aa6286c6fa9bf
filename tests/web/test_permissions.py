"""The authorization tests, generated from the permission table.

Every Query, Mutation and Subscription field of the schema and every state-changing route of the
application must have a row in `server.services.permissions.TABLE` (a new one without a row fails
here). Each GraphQL field and each web route is then called as every kind of caller, and the answer
must be the one the table gives: refused callers get UNAUTHENTICATED, FORBIDDEN (queries), a
`forbidden` payload error (mutations), a 303 to the login page or a 403 page (web); allowed callers
get past the check (whatever their dummy arguments then earn: not found, invalid…).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)
from starlette.routing import BaseRoute, Mount, Route

from graphql_schema.schema import make_schema
from server.app import create_app
from server.domain.actors import Actor
from server.domain.statuses import Role
from server.services import auth, permissions
from server.services.permissions import Caller
from tests.web.conftest import PASSWORD, WebClient, sign_in_client

SCHEMA = make_schema(development=True, debug=True)._schema
ROOTS = {
    "Query": SCHEMA.query_type,
    "Mutation": SCHEMA.mutation_type,
    "Subscription": SCHEMA.subscription_type,
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
README = Path(__file__).resolve().parents[2] / "README.md"


def _fields(root: str) -> list[str]:
    kind = ROOTS[root]
    return sorted(kind.fields) if kind else []


def _routes(routes: list[BaseRoute], prefix: str = "") -> list[tuple[str, str, Any]]:
    """(method, path, endpoint) of every route of the app, mounts included."""
    found = []
    for route in routes:
        if isinstance(route, Mount):
            inner = route.routes or getattr(getattr(route, "app", None), "routes", [])
            found += _routes(list(inner), prefix + route.path)
        elif isinstance(route, Route):
            for method in sorted(route.methods or ()):
                found.append((method, prefix + route.path, route.endpoint))
    return found


APP_ROUTES = _routes(create_app(manage_database=False, run_jobs=False).routes)
STATE_CHANGING = [(m, p, e) for m, p, e in APP_ROUTES if m in UNSAFE and p != "/graphql"]
# Every page behind the web UI's guard; the live streams only end after half an hour.
WEB_PAGES = [
    (m, p, e) for m, p, e in APP_ROUTES if getattr(e, "guarded", False) and not p.startswith("/live/")
]


# --- the table covers everything -------------------------------------------------------------


@pytest.mark.parametrize("root", sorted(ROOTS))
def test_every_schema_field_has_a_row(root: str) -> None:
    missing = [name for name in _fields(root) if name not in permissions.TABLE]
    assert missing == [], f"{root} fields without a row in the permission table: {missing}"


@pytest.mark.parametrize(("method", "path"), [(m, p) for m, p, _ in STATE_CHANGING])
def test_every_state_changing_route_names_its_operations(method: str, path: str) -> None:
    endpoint = next(e for m, p, e in STATE_CHANGING if (m, p) == (method, path))
    operations = getattr(endpoint, "operations", None)
    assert operations, f"{method} {path} names no operation of the permission table"
    assert set(operations) <= set(permissions.TABLE), operations


def test_the_readme_shows_the_table() -> None:
    assert permissions.markdown_table() in README.read_text(encoding="utf-8")


def test_a_personal_token_never_does_more_than_its_user() -> None:
    for name, rule in permissions.TABLE.items():
        if Caller.PERSONAL_TOKEN in rule.callers:
            assert rule.callers & {Caller.OPERATOR, Caller.ADMIN}, name


def test_flows_are_changed_by_admins_only() -> None:
    for name in ("createFlow", "updateFlow", "setFlowEnabled"):
        assert permissions.TABLE[name].callers == {Caller.ADMIN, Caller.PERSONAL_TOKEN}
    for name in ("flows", "flow", "flowRun"):
        assert {Caller.SPACE_KEY, Caller.OPERATOR} <= permissions.TABLE[name].callers


# --- callers ------------------------------------------------------------------------------------


@dataclass
class Callers:
    """One client per kind of caller, each as the table sees it."""

    anonymous: httpx.AsyncClient
    key: str
    operator_token: str
    admin_token: str
    operator_web: WebClient
    admin_web: WebClient

    def graphql(self) -> list[tuple[str, frozenset[Caller], httpx.AsyncClient, dict[str, str]]]:
        """(label, the caller's columns, client, headers) for GraphQL."""
        same_site = {"Origin": "http://testserver"}
        bearer = {
            "space key": (frozenset({Caller.SPACE_KEY}), self.key),
            "operator token": (frozenset({Caller.OPERATOR, Caller.PERSONAL_TOKEN}), self.operator_token),
            "admin token": (frozenset({Caller.ADMIN, Caller.PERSONAL_TOKEN}), self.admin_token),
        }
        return [
            ("anonymous", frozenset({Caller.ANONYMOUS}), self.anonymous, {}),
            *(
                (label, columns, self.anonymous, {"Authorization": f"Bearer {secret}"})
                for label, (columns, secret) in bearer.items()
            ),
            ("operator session", frozenset({Caller.OPERATOR}), self.operator_web.http, same_site),
            ("admin session", frozenset({Caller.ADMIN}), self.admin_web.http, same_site),
        ]


@pytest.fixture
async def callers(app: Any, admin: Actor, space_key: tuple[str, str]) -> Any:
    operator = await auth.create_user(admin, "op@example.com", PASSWORD, role=Role.OPERATOR)
    operator_token = (await auth.create_user_token(auth.actor_for_user(operator), "t")).secret
    admin_token = (await auth.create_user_token(admin, "t")).secret
    transport = httpx.ASGITransport(app=app)
    base = "http://testserver"
    async with (
        httpx.AsyncClient(transport=transport, base_url=base) as anonymous,
        httpx.AsyncClient(transport=transport, base_url=base) as op_http,
        httpx.AsyncClient(transport=transport, base_url=base) as admin_http,
    ):
        yield Callers(
            anonymous=anonymous,
            key=space_key[1],
            operator_token=operator_token,
            admin_token=admin_token,
            operator_web=await sign_in_client(op_http, "op@example.com"),
            admin_web=await sign_in_client(admin_http, "admin@example.com"),
        )


# --- GraphQL: every field × every kind of caller --------------------------------------------------


def _dummy(kind: Any) -> str:
    """A GraphQL literal of the input type: well-formed, naming nothing that exists."""
    if isinstance(kind, GraphQLNonNull):
        return _dummy(kind.of_type)
    if isinstance(kind, GraphQLList):
        return "[]"
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLInputObjectType):
        required = {n: f for n, f in kind.fields.items() if isinstance(f.type, GraphQLNonNull)}
        return "{" + ", ".join(f"{n}: {_dummy(f.type)}" for n, f in required.items()) + "}"
    assert isinstance(kind, GraphQLScalarType)
    return {
        "ID": f'"{uuid.uuid4()}"',
        "String": '"{}"',
        "Boolean": "true",
        "Int": "1",
        "DateTime": '"2026-01-01T00:00:00+00:00"',
        "JSON": "{}",
    }.get(kind.name, '""')


def document(root: str, name: str) -> str:
    field = ROOTS[root].fields[name]  # type: ignore[union-attr]
    required = {a: arg for a, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)}
    args = [f"{a}: {_dummy(arg.type)}" for a, arg in required.items()]
    returned = get_named_type(field.type)
    selection = ""
    if isinstance(returned, GraphQLObjectType):
        selection = "{ __typename" + (" errors { code }" if "errors" in returned.fields else "") + " }"
    call = f"{name}({', '.join(args)})" if args else name
    return f"{root.lower()} {{ {call} {selection} }}"


def refusal_of(body: dict[str, Any], name: str) -> str | None:
    """The code by which the answer refuses the caller, or None when it got past the check."""
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code in ("UNAUTHENTICATED", "FORBIDDEN"):
            return str(code)
    payload = (body.get("data") or {}).get(name)
    if isinstance(payload, dict):
        for error in payload.get("errors") or []:
            if error["code"] == "forbidden":
                return "forbidden"
    return None


def expected_refusal(root: str, name: str, columns: frozenset[Caller]) -> str | None:
    if columns <= permissions.TABLE[name].callers:
        return None
    if columns == {Caller.ANONYMOUS}:
        return "UNAUTHENTICATED"
    return "forbidden" if root == "Mutation" else "FORBIDDEN"


GRAPHQL_FIELDS = [(root, name) for root in ("Query", "Mutation") for name in _fields(root)]


async def test_each_graphql_field_answers_each_caller_as_the_table_says(callers: Callers) -> None:
    """Every field × every caller in one test (signing callers in is the slow part); all mismatches
    are listed at once."""
    wrong = {}
    for root, name in GRAPHQL_FIELDS:
        query = document(root, name)
        for label, columns, client, headers in callers.graphql():
            response = await client.post("/graphql", json={"query": query}, headers=headers)
            assert response.status_code == 200, (label, response.text)
            seen, wanted = refusal_of(response.json(), name), expected_refusal(root, name, columns)
            if seen != wanted:
                wrong[f"{root}.{name} as {label}"] = (seen, wanted)
    assert wrong == {}


# --- the web UI: every guarded page × anonymous, operator, admin -----------------------------------


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)


async def test_each_web_page_answers_each_caller_as_the_table_says(callers: Callers) -> None:
    wrong = {}
    for method, path, endpoint in WEB_PAGES:
        if method == "HEAD":
            continue
        url = _concrete(path)
        anonymous = await callers.anonymous.request(method, url)
        if anonymous.status_code != 303 or not anonymous.headers["location"].startswith("/login"):
            wrong[f"{method} {path} as anonymous"] = anonymous.status_code
        for label, web, columns in (
            ("operator", callers.operator_web, {Caller.OPERATOR}),
            ("admin", callers.admin_web, {Caller.ADMIN}),
        ):
            allowed = all(columns <= permissions.TABLE[op].callers for op in endpoint.operations)
            response = await (web.get(url) if method == "GET" else web.post(url))
            if (response.status_code == 403) is allowed:
                wrong[f"{method} {path} as {label}"] = response.status_code
    assert wrong == {}
    assert len(WEB_PAGES) > 20  # the routes were found


def test_every_web_page_is_guarded_or_public() -> None:
    """A web route is either behind `page()` or names operations anyone may do (sign-in, links)."""
    for method, path, endpoint in STATE_CHANGING:
        if getattr(endpoint, "guarded", False):
            continue
        for operation in endpoint.operations:
            rule = permissions.TABLE[operation]
            assert Caller.ANONYMOUS in rule.callers or Caller.SPACE_KEY in rule.callers, (method, path)


# --- REST -------------------------------------------------------------------------------------------


async def test_the_rest_intake_answers_each_caller_as_the_table_says(callers: Callers) -> None:
    rule = permissions.TABLE["createOrder"]
    bearer = {
        Caller.SPACE_KEY: callers.key,
        Caller.OPERATOR: callers.operator_token,
        Caller.ADMIN: callers.admin_token,
    }
    anonymous = await callers.anonymous.post("/api/v1/orders", json={})
    assert (anonymous.status_code == 401) is (Caller.ANONYMOUS not in rule.callers)
    for column, secret in bearer.items():
        response = await callers.anonymous.post(
            "/api/v1/orders", json={}, headers={"Authorization": f"Bearer {secret}"}
        )
        assert (response.status_code in (401, 403)) is (column not in rule.callers), column
