"""Who may open a page: the signed-in user, their role, and the CSRF token of unsafe requests.

`page(operation, …)` wraps every endpoint of the web UI with the operations of the permission
table (`server.services.permissions`) it performs. Anonymous visitors are sent to
`/login?next=…` (htmx requests get an `HX-Redirect`), users the table refuses get a 403 page
(operators on admin pages: "Admins only"), and a POST without the session's CSRF token (header
`X-CSRF-Token` sent by htmx, or the form field `csrf_token`) is refused. `performs(…)` names the
operations of the endpoints outside the web UI's session (sign-in, signed links, the REST API).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from server.domain.actors import Actor
from server.models import User
from server.services import permissions
from server.services.auth import actor_for_user
from server.services.errors import NotFound, PermissionDenied, ServiceError
from server.sessions import csrf_matches, session_user
from web.templating import render

Endpoint = Callable[[Request], Awaitable[Response]]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
FORM_MAX_FIELDS = 100_000


def user_of(request: Request) -> User:
    user: User = request.state.user
    return user


def actor_of(request: Request) -> Actor:
    actor: Actor = request.state.actor
    return actor


def safe_next(target: str | None) -> str:
    """A local path to go to after signing in; anything else becomes `/`."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


def login_redirect(request: Request) -> Response:
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    target = f"/login?next={quote(path, safe='')}"
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


async def csrf_ok(request: Request) -> bool:
    presented = request.headers.get(CSRF_HEADER)
    if presented is None and _is_form(request):
        # The first read of the form is the one kept: as many fields as the export forms send (a
        # field per ticked row; the body limit bounds them).
        value = (await request.form(max_fields=FORM_MAX_FIELDS)).get(CSRF_FIELD)
        presented = value if isinstance(value, str) else None
    return csrf_matches(request.session, presented)


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def error_page(request: Request, status: int, title: str, message: str) -> Response:
    return render(request, "error.html", {"title": title, "message": message}, status_code=status)


def performs(*operations: str) -> Callable[[Endpoint], Endpoint]:
    """Names the operations of the permission table an endpoint performs (its services check them)."""

    def mark(handler: Endpoint) -> Endpoint:
        handler.operations = operations  # type: ignore[attr-defined]
        return handler

    return mark


def page(*operations: str) -> Callable[[Endpoint], Endpoint]:
    """Signed-in users the permission table allows `operations` (default `browse`); unsafe methods
    need the CSRF token. Refused users get a 403 page ("Admins only" for admin operations)."""
    needed = operations or ("browse",)

    def decorate(handler: Endpoint) -> Endpoint:
        @wraps(handler)
        async def endpoint(request: Request) -> Response:
            user = await session_user(request.session)
            if user is None:
                return login_redirect(request)
            request.state.user = user
            request.state.actor = actor = actor_for_user(user)
            if refused := [op for op in needed if not permissions.allows(actor, op)]:
                return _refusal_page(request, refused[0])
            if request.method not in SAFE_METHODS and not await csrf_ok(request):
                return PlainTextResponse("The form has expired: reload the page and try again.", 403)
            try:
                return await handler(request)
            except NotFound as exc:
                return error_page(request, 404, "Not found", exc.message)
            except PermissionDenied as exc:
                return error_page(request, 403, "Not allowed", exc.message)
            except ServiceError as exc:
                return error_page(request, 400, "That did not work", exc.message)

        endpoint.guarded = True  # type: ignore[attr-defined]
        return performs(*needed)(endpoint)

    return decorate


def _refusal_page(request: Request, operation: str) -> Response:
    if permissions.TABLE[operation].callers <= {permissions.Caller.ADMIN, permissions.Caller.PERSONAL_TOKEN}:
        return error_page(request, 403, "Admins only", "This page is for admins.")
    return error_page(request, 403, "Not allowed", permissions.refusal(operation))
