"""The GraphQL API with the web session: same-origin calls act as the signed-in user."""

from __future__ import annotations

from tests.web.conftest import WebClient

ME = {"query": "{ me { kind label role } }"}


async def test_the_session_user_calls_graphql(admin_web: WebClient) -> None:
    response = await admin_web.http.post("/graphql", json=ME)

    assert response.json()["data"]["me"] == {"kind": "USER", "label": "admin@example.com", "role": "ADMIN"}


async def test_another_sites_page_cannot_use_the_session(admin_web: WebClient) -> None:
    response = await admin_web.http.post("/graphql", json=ME, headers={"Origin": "https://evil.example"})

    assert response.json()["data"]["me"] is None


async def test_a_forged_cookie_is_ignored(admin_web: WebClient) -> None:
    admin_web.http.cookies.set("fabflow_session", "eyJ1aWQiOiAieCJ9.forged.signature")

    response = await admin_web.http.post("/graphql", json=ME)

    assert response.json()["data"]["me"] is None
