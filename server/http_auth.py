"""Who is calling: the bearer token of a request or websocket, or the web session's user."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from server.domain.actors import Actor
from server.services.auth import actor_for_token, actor_for_user
from server.sessions import connection_user


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def connection_actor(conn: HTTPConnection) -> Actor | None:
    """The actor of an HTTP request or websocket: its bearer token, else the web session's user."""
    token = bearer_token(conn.headers.get("authorization"))
    if token:
        return await actor_for_token(token)
    user = await connection_user(conn)
    return actor_for_user(user) if user is not None else None
