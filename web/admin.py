"""Admin pages: users (role, tags, active), secret keys per space, spaces and their signing secrets.

Forms post normally (boosted by htmx) and the page comes back with what changed, or with
the problem next to the form. A new key's secret is shown on the answer to its creation,
once, and never put in a URL.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from server.domain.statuses import Role
from server.services import auth, users, webhooks
from server.services.errors import NotFound, ServiceError
from web.guard import actor_of, page
from web.templating import render


def _text(form: FormData, name: str, limit: int = 300) -> str:
    value = form.get(name, "")
    return value.strip()[:limit] if isinstance(value, str) else ""


def _id(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError as exc:
        raise NotFound("No such user or key.") from exc


def _role(text: str) -> Role:
    return Role.ADMIN if text == Role.ADMIN.value else Role.OPERATOR


async def _users_page(request: Request, status: int = 200, **context: Any) -> Response:
    listed = await users.list_users(actor_of(request))
    return render(
        request, "admin/users.html", {"users": listed, "roles": list(Role), **context}, status_code=status
    )


@page("users")
async def users_list(request: Request) -> Response:
    return await _users_page(request)


@page("createUser")
async def user_create(request: Request) -> Response:
    form = await request.form()
    try:
        created = await auth.create_user(
            actor_of(request),
            _text(form, "email", 254),
            str(form.get("password", "")),
            role=_role(_text(form, "role")),
            tags=users.parse_tags(_text(form, "tags", 2000)),
            name=_text(form, "name", 200),
        )
    except ServiceError as exc:
        return await _users_page(request, 400, error=exc, draft=form)
    return await _users_page(request, notice=f"{created.email} can now sign in.")


@page("setUserTags", "setUserRole", "setUserActive", "setUserPassword")
async def user_update(request: Request) -> Response:
    """One user's role, tags and active flag, from the row's form."""
    form = await request.form()
    actor, user_id = actor_of(request), _id(request.path_params["user_id"])
    try:
        await users.set_user_tags(actor, user_id, users.parse_tags(_text(form, "tags", 2000)))
        await users.set_user_role(actor, user_id, _role(_text(form, "role")))
        if "active" in form:
            await users.set_user_active(actor, user_id, form.get("active") == "1")
        if new_password := str(form.get("password", "")):
            await users.set_user_password(actor, user_id, new_password)
    except ServiceError as exc:
        return await _users_page(request, 400, error=exc)
    return await _users_page(request, notice="Saved.")


async def _keys_page(request: Request, status: int = 200, **context: Any) -> Response:
    actor = actor_of(request)
    keys = await auth.list_api_keys(actor)
    spaces = await auth.visible_spaces(actor)
    return render(request, "admin/keys.html", {"keys": keys, "spaces": spaces, **context}, status_code=status)


@page("apiKeys")
async def keys_list(request: Request) -> Response:
    return await _keys_page(request)


@page("createApiKey")
async def key_create(request: Request) -> Response:
    form = await request.form()
    try:
        created = await auth.create_api_key(actor_of(request), _text(form, "space"), _text(form, "name", 200))
    except ServiceError as exc:
        return await _keys_page(request, 400, error=exc)
    response = await _keys_page(request, created=created)
    response.headers["Cache-Control"] = "no-store"
    return response


@page("revokeApiKey")
async def key_revoke(request: Request) -> Response:
    try:
        key = await auth.revoke_api_key(actor_of(request), _id(request.path_params["key_id"]))
    except ServiceError as exc:
        return await _keys_page(request, 400, error=exc)
    return await _keys_page(request, notice=f"Key {key.prefix}… is revoked.")


async def _spaces_page(request: Request, status: int = 200, **context: Any) -> Response:
    spaces = await auth.visible_spaces(actor_of(request))
    return render(request, "admin/spaces.html", {"spaces": spaces, **context}, status_code=status)


@page("createSpace")
async def spaces_list(request: Request) -> Response:
    return await _spaces_page(request)


@page("createSpace")
async def space_create(request: Request) -> Response:
    form = await request.form()
    try:
        space = await auth.create_space(actor_of(request), _text(form, "key", 100), _text(form, "name", 200))
    except ServiceError as exc:
        return await _spaces_page(request, 400, error=exc, draft=form)
    return await _spaces_page(request, notice=f"Space {space.key} is ready.")


@page("spaceSigningSecret")
async def signing_secret_show(request: Request) -> Response:
    """The space's signing secret, on demand (a POST, so it is never in a URL, a log or a cache)."""
    try:
        shown = await webhooks.space_signing_secret(actor_of(request), request.path_params["space_key"])
    except ServiceError as exc:
        return await _spaces_page(request, 400, error=exc)
    response = await _spaces_page(request, signing=shown)
    response.headers["Cache-Control"] = "no-store"
    return response


@page("rotateSigningSecret")
async def signing_secret_rotate(request: Request) -> Response:
    actor = actor_of(request)
    try:
        space = await webhooks.rotate_signing_secret(actor, request.path_params["space_key"])
    except ServiceError as exc:
        return await _spaces_page(request, 400, error=exc)
    response = await _spaces_page(request, signing=webhooks.signing_secret_of(space), rotated=True)
    response.headers["Cache-Control"] = "no-store"
    return response


routes: list[BaseRoute] = [
    Route("/admin/users", users_list, methods=["GET"]),
    Route("/admin/users", user_create, methods=["POST"]),
    Route("/admin/users/{user_id}", user_update, methods=["POST"]),
    Route("/admin/keys", keys_list, methods=["GET"]),
    Route("/admin/keys", key_create, methods=["POST"]),
    Route("/admin/keys/{key_id}/revoke", key_revoke, methods=["POST"]),
    Route("/admin/spaces", spaces_list, methods=["GET"]),
    Route("/admin/spaces", space_create, methods=["POST"]),
    Route("/admin/spaces/{space_key}/signing-secret", signing_secret_show, methods=["POST"]),
    Route("/admin/spaces/{space_key}/signing-secret/rotate", signing_secret_rotate, methods=["POST"]),
]
