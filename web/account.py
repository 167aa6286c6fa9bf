"""The signed-in user's own page: who they are, their tags, a new password, and their personal tokens.

A new token's secret is shown on the answer to its creation, once, never put in a URL, and that
answer is not cached.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from server.services import auth, users
from server.services.errors import FieldError, NotFound, ServiceError, ValidationFailed
from server.sessions import sign_in
from web.guard import actor_of, page, user_of
from web.templating import render


async def _account(request: Request, status: int = 200, **context: Any) -> Response:
    tokens = await auth.list_own_tokens(actor_of(request))
    return render(request, "account.html", {"tokens": tokens, "now": datetime.now(UTC), **context}, status)


@page()
async def account_page(request: Request) -> Response:
    return await _account(request)


@page("changeOwnPassword")
async def change_password(request: Request) -> Response:
    form = await request.form()
    current, new, again = (str(form.get(name, "")) for name in ("current", "password", "again"))
    if new != again:
        return await _account(request, 400, error="The two new passwords differ.")
    try:
        user = await users.change_own_password(user_of(request).id, current, new)
    except ServiceError as exc:
        return await _account(request, 400, error=exc.message)
    sign_in(request.session, user)  # this session goes on; the others end
    request.state.user = user
    return await _account(request, notice="Your password is changed; other sessions are signed out.")


def _expiry(text: str) -> datetime | None:
    """The last day a token works (UTC), as the moment it stops: the start of the next day."""
    if not text:
        return None
    try:
        last_day = date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationFailed(
            "The token could not be made.", [FieldError("expires", "is not a date (YYYY-MM-DD)")]
        ) from exc
    return datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=UTC)


@page("createPersonalToken")
async def token_create(request: Request) -> Response:
    form = await request.form()
    name, expires = str(form.get("name", "")).strip()[:200], str(form.get("expires", "")).strip()
    try:
        created = await auth.create_user_token(actor_of(request), name, _expiry(expires))
    except ServiceError as exc:
        return await _account(request, 400, token_error=exc, draft=form)
    response = await _account(request, created=created)
    response.headers["Cache-Control"] = "no-store"
    return response


@page("revokePersonalToken")
async def token_revoke(request: Request) -> Response:
    try:
        token_id = UUID(request.path_params["token_id"])
    except ValueError as exc:
        raise NotFound("No such token.") from exc
    key = await auth.revoke_own_token(actor_of(request), token_id)
    return await _account(request, notice=f"Token {key.prefix}… is revoked.")


routes: list[BaseRoute] = [
    Route("/account", account_page, methods=["GET"]),
    Route("/account/password", change_password, methods=["POST"]),
    Route("/account/tokens", token_create, methods=["POST"]),
    Route("/account/tokens/{token_id}/revoke", token_revoke, methods=["POST"]),
]
