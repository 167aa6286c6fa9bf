"""Who is calling: the bearer token of a request or websocket, or the web session's user.

A browser sends the session cookie with every request to this site, whichever page made it. So a
request that changes something on the strength of the cookie alone must also show that a page of
this site sent it (`session_refusal`); one with a key or a token in `Authorization` need not, since
no other site can make a browser add that header.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection

from server import settings
from server.domain.actors import Actor
from server.services.auth import actor_for_token, actor_for_user
from server.sessions import CSRF_KEY, SESSION_COOKIE, read_session_cookie, session_user

CSRF_HEADER = "X-CSRF-Token"
CROSS_SITE = (
    "This request uses the web session but does not show that it comes from this site: send it from "
    "a page of this site (same-origin `Origin` or `Referer`), with the session's `X-CSRF-Token`, or "
    "use a key or personal token in `Authorization`."
)


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


@dataclass(frozen=True)
class Credentials:
    """The actor of a request, and why it may not change anything (None when it may)."""

    actor: Actor | None
    session_refusal: str | None = None


async def connection_credentials(conn: HTTPConnection) -> Credentials:
    """The bearer token's actor, else the web session's user (see the module's text).

    A session request whose `Origin` is another site acts as nobody; it and a session request
    without proof of its origin may not change anything (`session_refusal`).
    """
    token = bearer_token(conn.headers.get("authorization"))
    if token:
        return Credentials(await actor_for_token(token))
    cookie = conn.cookies.get(SESSION_COOKIE)
    if not cookie:
        return Credentials(None)
    session = read_session_cookie(cookie)
    user = await session_user(session)
    if user is None:
        return Credentials(None)
    origin = conn.headers.get("origin")
    actor = actor_for_user(user) if not origin or _is_this_site(conn, origin) else None
    return Credentials(actor, None if comes_from_this_site(conn, session) else CROSS_SITE)


async def connection_actor(conn: HTTPConnection) -> Actor | None:
    """The actor of an HTTP request or websocket: its bearer token, else the web session's user."""
    return (await connection_credentials(conn)).actor


def comes_from_this_site(conn: HTTPConnection, session: dict[str, object]) -> bool:
    """A same-origin `Origin`, else a same-origin `Referer`, else the session's CSRF token."""
    origin = conn.headers.get("origin")
    if origin:
        return _is_this_site(conn, origin)
    referer = conn.headers.get("referer")
    if referer:
        return _is_this_site(conn, referer)
    presented, expected = conn.headers.get(CSRF_HEADER), session.get(CSRF_KEY)
    if not presented or not isinstance(expected, str) or not expected:
        return False
    return hmac.compare_digest(presented.encode(), expected.encode())


def _is_this_site(conn: HTTPConnection, url: str) -> bool:
    try:
        netloc = urlsplit(url).netloc.lower()
    except ValueError:
        return False
    ours = {conn.headers.get("host", "").lower(), urlsplit(settings.PUBLIC_URL).netloc.lower()}
    return bool(netloc) and netloc in ours
