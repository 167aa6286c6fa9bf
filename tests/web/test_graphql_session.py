"""The GraphQL API with the web session: same-origin calls act as the signed-in user."""

from __future__ import annotations

import pytest

from server.domain.actors import Actor
from server.services import auth
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


CREATE_SPACE = {
    "query": 'mutation { createSpace(key: "from-the-web", name: "W") { space { key } errors { code } } }'
}


async def _spaces() -> list[str]:
    from server.models import Space

    return [space.key for space in await Space.all()]


async def test_a_session_mutation_without_origin_is_refused(admin_web: WebClient) -> None:
    response = await admin_web.http.post("/graphql", json=CREATE_SPACE)

    assert response.status_code == 403
    body = response.json()
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "CROSS_SITE"
    assert "comes from this site" in body["errors"][0]["message"]
    assert "from-the-web" not in await _spaces()


async def test_a_session_mutation_from_another_site_is_refused(admin_web: WebClient) -> None:
    response = await admin_web.http.post(
        "/graphql", json=CREATE_SPACE, headers={"Origin": "https://evil.example"}
    )

    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "CROSS_SITE"
    assert "from-the-web" not in await _spaces()


async def test_a_session_mutation_with_a_foreign_referer_is_refused(admin_web: WebClient) -> None:
    headers = {"Referer": "https://evil.example/page", "X-CSRF-Token": admin_web.csrf}
    response = await admin_web.http.post("/graphql", json=CREATE_SPACE, headers=headers)

    assert response.status_code == 403 and "from-the-web" not in await _spaces()


@pytest.mark.parametrize(
    "proof",
    [{"Origin": "http://testserver"}, {"Referer": "http://testserver/orders"}, {"X-CSRF-Token": "<session>"}],
    ids=["origin", "referer", "csrf-header"],
)
async def test_a_session_mutation_from_this_site_runs(admin_web: WebClient, proof: dict[str, str]) -> None:
    headers = {name: admin_web.csrf if value == "<session>" else value for name, value in proof.items()}
    response = await admin_web.http.post("/graphql", json=CREATE_SPACE, headers=headers)

    assert response.status_code == 200
    assert response.json()["data"]["createSpace"] == {"space": {"key": "from-the-web"}, "errors": []}


async def test_a_wrong_csrf_header_is_no_proof(admin_web: WebClient) -> None:
    response = await admin_web.http.post("/graphql", json=CREATE_SPACE, headers={"X-CSRF-Token": "guess"})

    assert response.status_code == 403 and "from-the-web" not in await _spaces()


async def test_a_session_query_without_origin_still_reads(admin_web: WebClient) -> None:
    response = await admin_web.http.post("/graphql", json=ME)

    assert response.status_code == 200 and response.json()["data"]["me"]["role"] == "ADMIN"


async def test_a_token_needs_no_origin(admin_web: WebClient, admin: Actor) -> None:
    token = (await auth.create_user_token(admin, "script")).secret
    admin_web.http.cookies.clear()

    response = await admin_web.http.post(
        "/graphql", json=CREATE_SPACE, headers={"Authorization": f"Bearer {token}"}
    )

    assert response.status_code == 200
    assert response.json()["data"]["createSpace"]["space"] == {"key": "from-the-web"}


async def test_the_rest_intake_refuses_the_session_without_origin(admin_web: WebClient) -> None:
    response = await admin_web.http.post("/api/v1/orders", json={"order": {}})

    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "cross_site"
