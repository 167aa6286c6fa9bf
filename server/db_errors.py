"""Whether an exception means the database cannot be reached (asyncpg, Tortoise, sqlite).

The exception is recognised wherever it was raised (a key lookup, a claim, a page), by walking its
causes; the web layer answers such failures with 503, workers try again on fresh connections.
"""

from __future__ import annotations

import asyncio
import sqlite3


class DatabaseUnavailable(Exception):
    """Raised where an outage was found but not as an exception (a GraphQL result's errors)."""


def _connection_error_types() -> tuple[type[BaseException], ...]:
    kinds: list[type[BaseException]] = [ConnectionError, DatabaseUnavailable]
    try:
        import asyncpg.exceptions as pg

        kinds += [
            pg.CannotConnectNowError,
            pg.ConnectionDoesNotExistError,
            pg.ConnectionFailureError,
            pg.PostgresConnectionError,
            pg.InterfaceError,
            pg.InternalClientError,
            pg.TooManyConnectionsError,
        ]
    except ImportError:  # the embedded mode needs no asyncpg
        pass
    from tortoise.exceptions import DBConnectionError

    kinds.append(DBConnectionError)
    return tuple(kinds)


CONNECTION_ERRORS = _connection_error_types()
_SQLITE_DOWN = ("unable to open", "disk i/o error", "database is locked")


def is_outage(exc: BaseException | None) -> bool:
    """Whether `exc`, or anything it was raised from, says the database cannot be reached."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, CONNECTION_ERRORS):
            return True
        if isinstance(exc, OSError | asyncio.TimeoutError) and _from_database(exc):
            return True
        if isinstance(exc, sqlite3.OperationalError) and any(s in str(exc).lower() for s in _SQLITE_DOWN):
            return True
        if type(exc).__name__ == "OperationalError" and "unable to open" in str(exc).lower():
            return True  # Tortoise's wrapper of sqlite's error
        exc = exc.__cause__ or exc.__context__
    return False


def _from_database(exc: BaseException) -> bool:
    traceback = exc.__traceback__
    while traceback is not None:
        module = traceback.tb_frame.f_globals.get("__name__", "")
        if module.startswith(("asyncpg", "tortoise")):
            return True
        traceback = traceback.tb_next
    return False
