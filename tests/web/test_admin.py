"""Admin pages: users, secret keys, spaces; refused to operators."""

from __future__ import annotations

import re

import pytest

from server.domain.actors import Actor
from server.models import ApiKey, User
from server.services.auth import actor_for_token
from tests.web.conftest import PASSWORD, WebClient


@pytest.mark.parametrize("url", ["/admin/users", "/admin/keys", "/admin/spaces"])
async def test_operators_get_a_403_page_on_admin_pages(operator_web: WebClient, url: str) -> None:
    response = await operator_web.get(url)

    assert response.status_code == 403
    assert "Admins only" in response.text


async def test_operators_cannot_post_to_admin_pages(operator_web: WebClient) -> None:
    response = await operator_web.post("/admin/spaces", {"key": "sneaky", "name": "x"})

    assert response.status_code == 403


async def test_an_admin_creates_a_user_with_tags(admin_web: WebClient) -> None:
    response = await admin_web.post(
        "/admin/users",
        {
            "email": "Ada@Example.com",
            "password": PASSWORD,
            "role": "operator",
            "tags": "Eyewear, rush ,eyewear",
        },
    )

    assert response.status_code == 200
    assert "ada@example.com can now sign in." in response.text
    user = await User.get(email="ada@example.com")
    assert user.tags == ["eyewear", "rush"] and user.role == "operator"


async def test_a_short_password_is_explained(admin_web: WebClient) -> None:
    response = await admin_web.post("/admin/users", {"email": "bob@example.com", "password": "short"})

    assert response.status_code == 400
    assert "at least 10 characters" in response.text
    assert 'value="bob@example.com"' in response.text


async def test_an_admin_changes_role_and_tags_and_deactivates(admin_web: WebClient, operator: Actor) -> None:
    user_id = operator.user_id

    await admin_web.post(f"/admin/users/{user_id}", {"role": "admin", "tags": "lamps, rush"})
    changed = await User.get(id=user_id)
    await admin_web.post(f"/admin/users/{user_id}", {"role": "admin", "tags": "lamps", "active": "0"})
    deactivated = await User.get(id=user_id)

    assert changed.role == "admin" and changed.tags == ["lamps", "rush"]
    assert deactivated.is_active is False


async def test_the_last_admin_cannot_stop_being_one(admin_web: WebClient, admin: Actor) -> None:
    response = await admin_web.post(f"/admin/users/{admin.user_id}", {"role": "operator", "tags": ""})

    assert response.status_code == 400
    assert "The last admin cannot stop being an admin." in response.text
    assert (await User.get(id=admin.user_id)).role == "admin"


async def test_a_new_key_is_shown_once_and_works(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    response = await admin_web.post("/admin/keys", {"space": "demo-eyewear", "name": "shop"})

    secret = re.search(r'<code id="new-secret">([^<]+)</code>', response.text)
    assert secret is not None and secret.group(1).startswith("ffk_")
    assert response.headers["cache-control"] == "no-store"
    assert await actor_for_token(secret.group(1)) is not None
    listing = await admin_web.get("/admin/keys")
    assert secret.group(1) not in listing.text
    key = await ApiKey.get(name="shop")
    assert f"{key.prefix}…" in listing.text


async def test_a_revoked_key_stops_working(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    key = await ApiKey.get(name="tests")

    response = await admin_web.post(f"/admin/keys/{key.id}/revoke")

    assert response.status_code == 200 and "is revoked" in response.text
    assert await actor_for_token(space_key[1]) is None


async def test_an_admin_creates_a_space_and_a_bad_key_is_explained(admin_web: WebClient) -> None:
    created = await admin_web.post("/admin/spaces", {"key": "lamps", "name": "Lamps"})
    refused = await admin_web.post("/admin/spaces", {"key": "Bad Key!", "name": "x"})

    assert "Space lamps is ready." in created.text
    assert refused.status_code == 400 and "lower-case letters" in refused.text
