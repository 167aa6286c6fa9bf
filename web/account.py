"""The signed-in user's own page: who they are, their tags, and a new password."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from server.services import users
from server.services.errors import ServiceError
from server.sessions import sign_in
from web.guard import page, user_of
from web.templating import render


@page()
async def account_page(request: Request) -> Response:
    return render(request, "account.html")


@page("changeOwnPassword")
async def change_password(request: Request) -> Response:
    form = await request.form()
    current, new, again = (str(form.get(name, "")) for name in ("current", "password", "again"))
    if new != again:
        return render(request, "account.html", {"error": "The two new passwords differ."}, status_code=400)
    try:
        user = await users.change_own_password(user_of(request).id, current, new)
    except ServiceError as exc:
        return render(request, "account.html", {"error": exc.message}, status_code=400)
    sign_in(request.session, user)  # this session goes on; the others end
    request.state.user = user
    return render(
        request, "account.html", {"notice": "Your password is changed; other sessions are signed out."}
    )


routes: list[BaseRoute] = [
    Route("/account", account_page, methods=["GET"]),
    Route("/account/password", change_password, methods=["POST"]),
]
