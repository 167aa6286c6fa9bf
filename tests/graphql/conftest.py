"""Fixtures of the GraphQL tests: a caller per kind of actor, and a second space."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from server.domain.actors import Actor
from server.domain.statuses import Role
from server.services import auth

Gql = Callable[..., Awaitable[dict[str, Any]]]
OTHER_SPACE = "demo-lighting"


@pytest.fixture
def gql(client: httpx.AsyncClient) -> Gql:
    """POST a document to /graphql as `token` (or anonymously); the decoded JSON body."""

    async def run(
        document: str, variables: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = await client.post(
            "/graphql", json={"query": document, "variables": variables or {}}, headers=headers
        )
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    return run


@pytest.fixture
async def admin_token(admin: Actor) -> str:
    return (await auth.create_user_token(admin, "tests")).secret


@pytest.fixture
async def operator_token(admin: Actor) -> str:
    user = await auth.create_user(admin, "op@example.com", "correct horse battery", role=Role.OPERATOR)
    return (await auth.create_user_token(auth.actor_for_user(user), "tests")).secret


@pytest.fixture
async def other_key(admin: Actor, space_key: tuple[str, str]) -> str:
    """A secret key of a second space, `demo-lighting`."""
    await auth.create_space(admin, OTHER_SPACE, "Lighting")
    return (await auth.create_api_key(admin, OTHER_SPACE, "other")).secret
