"""Signing in and out, redirects of anonymous visitors, CSRF, and the failed sign-in limit."""

from __future__ import annotations

import httpx
import pytest

from server.domain.actors import Actor
from server.domain.statuses import Role
from server.services import key_cache, user_cache, users
from tests.web.conftest import PASSWORD, WebClient, sign_in_client


async def test_an_anonymous_visitor_is_sent_to_the_login_page_with_next(client: httpx.AsyncClient) -> None:
    response = await client.get("/orders?status=SUCCESS")

    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Forders%3Fstatus%3DSUCCESS"


async def test_an_htmx_request_without_a_session_gets_an_hx_redirect(client: httpx.AsyncClient) -> None:
    response = await client.get("/orders", headers={"HX-Request": "true"})

    assert response.status_code == 204
    assert response.headers["HX-Redirect"].startswith("/login?next=")


async def test_signing_in_sets_an_httponly_lax_cookie_and_goes_to_next(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    web = WebClient(client)
    await web.get("/login")

    response = await client.post(
        "/login",
        data={"email": "Admin@Example.com", "password": PASSWORD, "csrf_token": web.csrf, "next": "/parts"},
    )

    assert response.status_code == 303
    assert response.headers["location"] == "/parts"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert (await client.get("/parts")).status_code == 200


async def test_next_never_leaves_the_site(client: httpx.AsyncClient, admin: Actor) -> None:
    web = WebClient(client)
    await web.get("/login")

    response = await client.post(
        "/login",
        data={
            "email": "admin@example.com",
            "password": PASSWORD,
            "csrf_token": web.csrf,
            "next": "//evil.example",
        },
    )

    assert response.headers["location"] == "/"


async def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(
    client: httpx.AsyncClient, admin: Actor
) -> None:
    web = WebClient(client)
    await web.get("/login")

    response = await client.post(
        "/login", data={"email": "admin@example.com", "password": "nope", "csrf_token": web.csrf}
    )

    assert response.status_code == 400
    assert "The e-mail or the password is wrong." in response.text


async def test_a_login_without_the_csrf_token_is_refused(client: httpx.AsyncClient, admin: Actor) -> None:
    await client.get("/login")

    response = await client.post("/login", data={"email": "admin@example.com", "password": PASSWORD})

    assert response.status_code == 403


async def test_failed_sign_ins_are_limited_per_email(client: httpx.AsyncClient, admin: Actor) -> None:
    web = WebClient(client)
    await web.get("/login")
    for _ in range(5):
        await client.post(
            "/login", data={"email": "admin@example.com", "password": "wrong", "csrf_token": web.csrf}
        )

    response = await client.post(
        "/login", data={"email": "admin@example.com", "password": PASSWORD, "csrf_token": web.csrf}
    )

    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.text


async def test_state_changing_requests_need_the_csrf_token(admin_web: WebClient) -> None:
    response = await admin_web.http.post("/orders/columns", data={"column": "name"})

    assert response.status_code == 403


async def test_signing_out_ends_the_session(admin_web: WebClient) -> None:
    response = await admin_web.post("/logout", {"csrf_token": admin_web.csrf})

    assert response.status_code == 303
    assert (await admin_web.http.get("/orders")).status_code == 303


async def test_a_deactivated_user_is_signed_out_at_once(
    client: httpx.AsyncClient, admin: Actor, operator: Actor
) -> None:
    web = await sign_in_client(client, "op@example.com")
    assert (await web.http.get("/orders")).status_code == 200  # the user is cached now
    assert operator.user_id is not None

    await users.set_user_active(admin, operator.user_id, False)

    assert (await web.http.get("/orders")).status_code == 303


async def test_a_role_change_takes_effect_at_once(
    client: httpx.AsyncClient, admin: Actor, operator: Actor
) -> None:
    web = await sign_in_client(client, "op@example.com")
    assert (await web.http.get("/admin/users")).status_code == 403
    assert operator.user_id is not None

    await users.set_user_role(admin, operator.user_id, Role.ADMIN)

    assert (await web.http.get("/admin/users")).status_code == 200


async def test_a_change_made_elsewhere_takes_effect_once_the_cached_user_expires(
    client: httpx.AsyncClient, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from server.models import User

    now = [1000.0]
    monkeypatch.setattr(user_cache, "_clock", lambda: now[0])
    web = await sign_in_client(client, "admin@example.com")
    assert (await web.http.get("/orders")).status_code == 200
    await User.filter(email="admin@example.com").update(is_active=False)  # as another process would

    now[0] += key_cache.TTL / 2
    assert (await web.http.get("/orders")).status_code == 200  # still within the bound
    now[0] += key_cache.TTL
    assert (await web.http.get("/orders")).status_code == 303


async def test_pages_carry_security_headers(admin_web: WebClient) -> None:
    response = await admin_web.get("/orders")

    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_a_new_password_ends_the_other_sessions(app, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as one,
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as other,
    ):
        here = await sign_in_client(one, "admin@example.com")
        elsewhere = await sign_in_client(other, "admin@example.com")

        wrong = await here.post(
            "/account/password", {"current": "nope", "password": "x" * 12, "again": "x" * 12}
        )
        changed = await here.post(
            "/account/password",
            {"current": PASSWORD, "password": "a new long one", "again": "a new long one"},
        )

        assert wrong.status_code == 400 and "The current password is wrong." in wrong.text
        assert changed.status_code == 200 and "Your password is changed" in changed.text
        assert (await here.http.get("/orders")).status_code == 200
        assert (await elsewhere.http.get("/orders")).status_code == 303


async def test_an_admin_sets_a_users_password(
    admin_web: WebClient, operator: Actor, client: httpx.AsyncClient
) -> None:
    await admin_web.post(
        f"/admin/users/{operator.user_id}", {"role": "operator", "tags": "", "password": "brand new secret"}
    )

    web = await sign_in_client(client, "op@example.com", "brand new secret")

    assert (await web.http.get("/account")).status_code == 200


def test_a_kept_user_is_handed_out_as_a_copy_with_json_fields_of_its_own() -> None:
    from server.models import User

    user = User(
        email="copy@example.com",
        password_hash="h",
        tags=["rush"],
        preferences={"columns": {"orders": ["name"]}},
    )
    user_cache.put(user)
    try:
        first = user_cache.get(user.id)
        assert first is not None and first is not user and first.email == "copy@example.com"
        first.preferences["columns"]["orders"].append("value")
        first.tags.append("b2b")
        first.email = "changed@example.com"
        again = user_cache.get(user.id)
        assert again is not None
        assert again.preferences == {"columns": {"orders": ["name"]}} and again.tags == ["rush"]
        assert again.email == "copy@example.com" and again.id == user.id
    finally:
        user_cache.forget(user.id)
