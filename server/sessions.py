"""The web session: who is signed in, and the CSRF token of the session.

The session itself is a cookie signed with the secret key (Starlette's
`SessionMiddleware`, itsdangerous underneath): HttpOnly, SameSite=Lax, Secure when
the public URL is https. It holds the user's id, a random CSRF token and a digest of
the user's password hash, nothing else. The user is read again at most every few seconds
(`server.services.user_cache`): a deactivated user, a role change or a new password takes
effect at once in the process that made the change and within that bound in the others.
"""

from __future__ import annotations

import hmac
import json
import secrets
from base64 import b64decode
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from itsdangerous import BadSignature, TimestampSigner
from starlette.requests import HTTPConnection

from server import settings
from server.models import User
from server.services import user_cache

SESSION_COOKIE = "fabflow_session"
SESSION_MAX_AGE = 14 * 24 * 60 * 60  # seconds
USER_KEY = "uid"
CSRF_KEY = "csrf"
# A digest of the user's password hash: a new password ends every session made with the old one.
PASSWORD_KEY = "pw"

Session = MutableMapping[str, Any]


def csrf_token(session: Session) -> str:
    """The session's CSRF token, made on first use."""
    token = session.get(CSRF_KEY)
    if not isinstance(token, str) or not token:
        token = session[CSRF_KEY] = secrets.token_urlsafe(32)
    return token


def csrf_matches(session: Session, presented: str | None) -> bool:
    expected = session.get(CSRF_KEY)
    if not presented or not isinstance(expected, str) or not expected:
        return False
    return hmac.compare_digest(expected.encode(), presented.encode())


def sign_in(session: Session, user: User) -> None:
    """A fresh session for `user`: nothing from before survives (no session fixation)."""
    session.clear()
    session[USER_KEY] = str(user.id)
    session[PASSWORD_KEY] = password_mark(user)
    csrf_token(session)


def password_mark(user: User) -> str:
    key = settings.secret_key().encode()
    return hmac.new(key, user.password_hash.encode(), "sha256").hexdigest()[:24]


def sign_out(session: Session) -> None:
    session.clear()


async def session_user(session: Session) -> User | None:
    """The signed-in, active user of the session, or None."""
    raw = session.get(USER_KEY)
    if not isinstance(raw, str):
        return None
    try:
        user_id = UUID(raw)
    except ValueError:
        return None
    user = user_cache.get(user_id)
    if user is None:
        user = await User.get_or_none(id=user_id, is_active=True)
        if user is not None:
            user_cache.put(user)
    if user is None or not user.is_active:
        return None
    if not hmac.compare_digest(str(session.get(PASSWORD_KEY, "")), password_mark(user)):
        return None
    return user


MAX_REMEMBERED = 1024


class RememberingSigner(TimestampSigner):
    """A timestamp signer that keeps the cookie values it has verified (at most `MAX_REMEMBERED`).

    A session cookie comes back unchanged with every request of its browser: its signature is
    checked once, and a value seen again only has its age checked (a value is its signature, so
    the same bytes verify the same way). Anything else goes through `TimestampSigner` itself.
    """

    def __init__(self, secret_key: str) -> None:
        super().__init__(secret_key)
        self._verified: dict[bytes, tuple[bytes, int]] = {}  # signed value → its value, when signed

    def unsign(  # type: ignore[override]
        self, signed_value: str | bytes, max_age: int | None = None, return_timestamp: bool = False
    ) -> Any:
        if max_age is None or return_timestamp:
            return super().unsign(signed_value, max_age, return_timestamp)  # type: ignore[call-overload]
        key = signed_value if isinstance(signed_value, bytes) else signed_value.encode()
        known = self._verified.get(key)
        if known is not None and 0 <= self.get_timestamp() - known[1] <= max_age:
            return known[0]
        value, signed_at = super().unsign(key, max_age, return_timestamp=True)
        if len(self._verified) >= MAX_REMEMBERED:
            self._verified.clear()
        self._verified[key] = (value, int(signed_at.timestamp()))
        return value


def read_session_cookie(value: str) -> dict[str, Any]:
    """The session in a cookie value as the web UI's session middleware signed it; {} if not valid."""
    try:
        data = TimestampSigner(settings.secret_key()).unsign(value.encode(), max_age=SESSION_MAX_AGE)
        session = json.loads(b64decode(data))
    except (BadSignature, ValueError):
        return {}
    return session if isinstance(session, dict) else {}


def same_origin(conn: HTTPConnection) -> bool:
    """False when the browser says the request comes from another site (its `Origin` is not this host)."""
    origin = conn.headers.get("origin")
    if not origin:
        return True
    return urlsplit(origin).netloc.lower() == conn.headers.get("host", "").lower()


async def connection_user(conn: HTTPConnection) -> User | None:
    """The signed-in user of a request or websocket outside the web UI (GraphQL), from the cookie.

    Only same-origin requests count: a page of another site cannot act with the user's session.
    """
    cookie = conn.cookies.get(SESSION_COOKIE)
    if not cookie or not same_origin(conn):
        return None
    return await session_user(read_session_cookie(cookie))
