"""`GET /assets/{key}`: the files Fabflow stores (generated meshes, previews).

A file belongs to the order its path names. It is public when that order's asset of the file says
so; a private one is served to a signed-in user of the organization the order's space belongs to,
to a key of that space or a personal token of such a user (`Authorization: Bearer …`), or through
a signed link (`?sig=…`, as e-mails carry). Anyone else gets 404, as for a file that does not exist,
so links cannot be probed.
"""

from __future__ import annotations

import mimetypes

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from server import settings
from server.http_auth import connection_actor
from server.outage import DatabaseUnavailableMiddleware
from server.services import assets, permissions
from server.services.auth import actor_for_user
from server.services.errors import NotFound, ServiceError
from server.sessions import SESSION_COOKIE, SESSION_MAX_AGE, session_user

HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox; default-src 'none'"}
mimetypes.add_type("model/stl", ".stl")
mimetypes.add_type("model/obj", ".obj")


def not_found() -> Response:
    return PlainTextResponse("No such file.", 404, HEADERS)


async def may_read(request: Request, key: str) -> bool:
    """A signed link, a public file, or a caller the permission table lets read the file's space."""
    signature = request.query_params.get("sig")
    if signature and assets.signature_allows(key, signature):
        return True
    if await assets.is_public_file(key):
        return True
    user = await session_user(request.session)
    actor = actor_for_user(user) if user is not None else await connection_actor(request)
    if actor is None:
        return False
    space = await assets.space_of_file(key)
    if space is None:
        return False
    try:
        permissions.require(actor, "readFile", space)
    except ServiceError:
        return False
    return True


async def serve(request: Request) -> Response:
    key = request.path_params["key"]
    try:
        path = assets.file_path(key)
    except NotFound:
        return not_found()
    if not path.is_file() or not await may_read(request, key):
        return not_found()
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    inline = media_type.startswith("image/")
    headers = {**HEADERS, "Cache-Control": "private, max-age=3600"}
    return FileResponse(
        path,
        media_type=media_type,
        filename=path.name,
        content_disposition_type="inline" if inline else "attachment",
        headers=headers,
    )


def make_asset_app() -> Starlette:
    """Mounted at /assets; reads the web session (same cookie as the web UI) to know signed-in users."""
    return Starlette(
        routes=[Route("/{key:path}", serve, methods=["GET", "HEAD"])],
        middleware=[
            Middleware(DatabaseUnavailableMiddleware),  # inside this app's own 500 handler
            Middleware(
                SessionMiddleware,
                secret_key=settings.secret_key(),
                session_cookie=SESSION_COOKIE,
                max_age=SESSION_MAX_AGE,
                same_site="lax",
                https_only=settings.PUBLIC_URL.startswith("https://"),
            ),
        ],
    )
