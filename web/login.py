"""Signing in with e-mail and password, and signing out."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from server.services.auth import authenticate_password
from server.sessions import session_user, sign_in, sign_out
from web.guard import csrf_ok, performs, safe_next
from web.rate_limit import login_throttle
from web.templating import render


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def login_form(request: Request) -> Response:
    target = safe_next(request.query_params.get("next"))
    if await session_user(request.session) is not None:
        return RedirectResponse(target, status_code=303)
    return render(request, "login.html", {"next": target, "email": "", "error": ""})


@performs("signIn")
async def login(request: Request) -> Response:
    form = await request.form()
    email = str(form.get("email", "")).strip()
    password = str(form.get("password", ""))
    target = safe_next(str(form.get("next", "")))
    if not await csrf_ok(request):
        return _form_again(request, email, target, "The form has expired; please sign in again.", 403)
    throttle = login_throttle()
    wait = await throttle.retry_after(email, client_address(request))
    if wait:
        minutes = max(1, round(wait / 60))
        message = f"Too many failed sign-ins. Try again in {minutes} minute{'s' if minutes > 1 else ''}."
        return _form_again(request, email, target, message, 429)
    user = await authenticate_password(email, password)
    if user is None:
        await throttle.failed(email, client_address(request))
        return _form_again(request, email, target, "The e-mail or the password is wrong.", 400)
    await throttle.succeeded(email)
    sign_in(request.session, user)
    return RedirectResponse(target, status_code=303)


def _form_again(request: Request, email: str, target: str, error: str, status: int) -> Response:
    context = {"next": target, "email": email, "error": error}
    return render(request, "login.html", context, status_code=status)


@performs("signOut")
async def logout(request: Request) -> Response:
    if not await csrf_ok(request):
        return PlainTextResponse("The form has expired: reload the page and try again.", 403)
    sign_out(request.session)
    return RedirectResponse("/login", status_code=303)


routes: list[BaseRoute] = [
    Route("/login", login_form, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
