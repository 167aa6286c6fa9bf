"""Personal tokens people manage themselves; the signing secret admins read and rotate (GraphQL)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from server.domain.actors import Actor
from server.models import ApiKey, Space
from server.services import auth, key_cache
from server.services.secrets import digest
from server.services.webhooks import signature_headers, signing_secrets, verify
from tests.graphql.conftest import Gql
from tests.web.conftest import WebClient, sign_in_client

CREATE = """
mutation ($name: String!, $expiresAt: DateTime) {
  createPersonalToken(name: $name, expiresAt: $expiresAt) {
    token { id name prefix expiresAt state } secret errors { field message code }
  }
}
"""
LIST = "{ personalTokens { id name prefix createdAt lastUsedAt expiresAt revokedAt state } }"
REVOKE = (
    "mutation ($id: ID!) { revokePersonalToken(id: $id) { token { state revokedAt } errors { field code } } }"
)
ME = "{ me { label } }"
SECRET = """
query ($space: String!) {
  spaceSigningSecret(spaceKey: $space) { spaceKey secret previousSecret previousSignsUntil rotatedAt }
}
"""
ROTATE = """
mutation ($space: String!) {
  rotateSigningSecret(spaceKey: $space) { signingSecret { secret previousSecret } errors { field code } }
}
"""


async def _session_gql(web: WebClient, document: str, variables: dict[str, Any] | None = None) -> Any:
    response = await web.http.post(
        "/graphql",
        json={"query": document, "variables": variables or {}},
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_user_makes_lists_uses_and_revokes_a_token(
    client: httpx.AsyncClient, gql: Gql, admin: Actor
) -> None:
    web = await sign_in_client(client, "admin@example.com")
    expires = (datetime.now(UTC) + timedelta(days=30)).replace(microsecond=0)
    made = (await _session_gql(web, CREATE, {"name": "nightly", "expiresAt": expires.isoformat()}))["data"]
    payload = made["createPersonalToken"]
    assert payload["errors"] == []
    secret = payload["secret"]
    assert (
        secret.startswith("ffu_") and payload["token"]["prefix"] == secret[: len(payload["token"]["prefix"])]
    )
    assert payload["token"]["state"] == "active"
    assert datetime.fromisoformat(payload["token"]["expiresAt"]) == expires

    assert (await gql(ME, token=secret))["data"]["me"]["label"] == "admin@example.com"
    listed = (await gql(LIST, token=secret))["data"]["personalTokens"]
    assert [(t["name"], t["state"]) for t in listed] == [("nightly", "active")]
    assert secret not in str(listed)

    revoked = (await gql(REVOKE, {"id": payload["token"]["id"]}, secret))["data"]["revokePersonalToken"]
    assert revoked["errors"] == [] and revoked["token"]["state"] == "revoked"
    refused = await gql(ME, token=secret)
    assert refused["data"]["me"] is None  # the cached entry went with the revocation


async def test_a_token_cannot_make_another_and_the_past_is_no_expiry(
    client: httpx.AsyncClient, gql: Gql, admin_token: str
) -> None:
    by_token = (await gql(CREATE, {"name": "x"}, admin_token))["data"]["createPersonalToken"]
    assert by_token["secret"] is None and by_token["errors"][0]["code"] == "forbidden"
    web = await sign_in_client(client, "admin@example.com")
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    errors = (await _session_gql(web, CREATE, {"name": "x", "expiresAt": past}))["data"][
        "createPersonalToken"
    ]
    assert [(e["field"], e["message"]) for e in errors["errors"]] == [("expiresAt", "lies in the past")]


async def test_an_expired_token_is_refused_like_a_revoked_one_cached_or_not(
    client: httpx.AsyncClient, gql: Gql, admin: Actor
) -> None:
    soon = datetime.now(UTC) + timedelta(hours=1)
    created = await auth.create_user_token(admin, "short", soon)
    assert (await gql(ME, token=created.secret))["data"]["me"]["label"] == "admin@example.com"

    # The entry in the key cache carries the token's expiry: once it passed, the cache refuses it.
    hashed = digest(created.secret)
    entry = key_cache.get(hashed)
    assert entry is not None and entry.token_expires_at == soon
    past = datetime.now(UTC) - timedelta(seconds=1)
    key_cache._entries[hashed] = dataclasses.replace(entry, token_expires_at=past)
    assert (await gql(ME, token=created.secret))["data"]["me"] is None

    # And read from the database (no entry), an expired token is refused too.
    await ApiKey.filter(id=created.key.id).update(expires_at=past)
    key_cache.clear()
    body = await gql("{ orders { totalCount } }", token=created.secret)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    rest = await client.post("/api/v1/orders", json={}, headers={"Authorization": f"Bearer {created.secret}"})
    assert rest.status_code == 401
    listed = await auth.list_own_tokens(admin)
    assert [(k.name, auth.is_expired(k)) for k in listed] == [("short", True)]


async def test_nobody_revokes_or_lists_another_users_token(
    gql: Gql, admin: Actor, admin_token: str, operator_token: str
) -> None:
    mine = await auth.create_user_token(admin, "admin's")
    listed = (await gql(LIST, token=operator_token))["data"]["personalTokens"]
    assert [t["name"] for t in listed] == ["tests"]  # the operator's own only
    attempt = (await gql(REVOKE, {"id": str(mine.key.id)}, operator_token))["data"]["revokePersonalToken"]
    assert [(e["field"], e["code"]) for e in attempt["errors"]] == [("id", "not_found")]
    assert (await gql(ME, token=mine.secret))["data"]["me"]["label"] == "admin@example.com"


async def test_admins_read_and_rotate_the_signing_secret_the_old_one_keeps_signing(
    gql: Gql, space_key: tuple[str, str], admin_token: str, operator_token: str
) -> None:
    space, key = space_key
    shown = (await gql(SECRET, {"space": space}, admin_token))["data"]["spaceSigningSecret"]
    stored = await Space.get(key=space)
    assert shown["secret"] == stored.signing_secret and shown["previousSecret"] is None
    for refused in (operator_token, key):
        body = await gql(SECRET, {"space": space}, refused)
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    missing = await gql(SECRET, {"space": "no-such-space"}, admin_token)
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"

    rotated = (await gql(ROTATE, {"space": space}, admin_token))["data"]["rotateSigningSecret"]
    assert rotated["errors"] == []
    new = rotated["signingSecret"]
    assert new["previousSecret"] == shown["secret"] and new["secret"] != shown["secret"]
    after = (await gql(SECRET, {"space": space}, admin_token))["data"]["spaceSigningSecret"]
    assert after["secret"] == new["secret"] and after["previousSignsUntil"]
    assert await signing_secrets(stored.id) == [new["secret"], shown["secret"]]
    by_operator = (await gql(ROTATE, {"space": space}, operator_token))["data"]["rotateSigningSecret"]
    assert by_operator["errors"][0]["code"] == "forbidden"
    # A receiver holding either secret verifies a call signed with both.
    headers = signature_headers([new["secret"], shown["secret"]], "msg_1", b"{}")
    assert verify(shown["secret"], headers, b"{}") and verify(new["secret"], headers, b"{}")
