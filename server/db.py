"""Database setup: the Tortoise configuration, start-up and migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import asyncpg
from tortoise import Tortoise
from tortoise.backends.base.config_generator import expand_db_url

from server import settings

MODEL_MODULES = ["server.models", "aerich.models"]
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def tortoise_config(db_url: str | None = None) -> dict[str, Any]:
    """The Tortoise configuration for `db_url` (default: the configured database)."""
    return {
        "connections": {"default": db_url or settings.database_url()},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


class PooledConnection(asyncpg.Connection):  # type: ignore[misc]
    """A pooled PostgreSQL connection released without asyncpg's session reset.

    Fabflow takes no advisory locks, sets no session variables and does not LISTEN on pooled
    connections, so the reset (`pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`) would be
    one round trip for nothing at every release: two per flow task. An open transaction is still
    rolled back on release, as asyncpg always does.
    """

    def get_reset_query(self) -> str:
        return ""

    async def execute(self, query: str, *args: Any, timeout: float | None = None) -> str:
        if query == "BEGIN;" and not args and _GENERIC_PLANS.get():
            query = BEGIN_GENERIC_PLANS  # still one round trip
        return await super().execute(query, *args, timeout=timeout)  # type: ignore[no-any-return]


# The flow engine's hot path runs a few fixed statements, prepared once per connection. PostgreSQL
# plans the first five executions of a prepared statement for their values and then keeps doing so
# whenever that plan looks cheaper than the generic one, which it does for these (their arrays'
# lengths are known): planning them again at every step was a fifth of PostgreSQL's time per task.
# Inside `generic_plans()`, a transaction begins with `plan_cache_mode` set to generic for itself.
_GENERIC_PLANS: ContextVar[bool] = ContextVar("generic_plans", default=False)
BEGIN_GENERIC_PLANS = "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan;"


@contextmanager
def generic_plans() -> Iterator[None]:
    """Transactions begun inside use each prepared statement's generic plan (PostgreSQL pools)."""
    token = _GENERIC_PLANS.set(True)
    try:
        yield
    finally:
        _GENERIC_PLANS.reset(token)


def runtime_config(db_url: str | None = None) -> dict[str, Any]:
    """`tortoise_config` for serving and working: PostgreSQL pools use `PooledConnection`."""
    config = tortoise_config(db_url)
    url = config["connections"]["default"]
    if url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        expanded = expand_db_url(url)
        if expanded["engine"] == "tortoise.backends.asyncpg":
            expanded["credentials"]["connection_class"] = PooledConnection
            config["connections"]["default"] = expanded
    return config


# aerich reads this module attribute when called as `aerich --app models`.
TORTOISE_ORM = tortoise_config()


async def init(db_url: str | None = None) -> None:
    """Open the connections for code outside a request (CLI, workers, tests).

    The global fallback makes the ORM visible to every task and thread of the
    process, which Dramatiq actors and CLI commands need.
    """
    await Tortoise.init(config=runtime_config(db_url), _enable_global_fallback=True)


async def close() -> None:
    await Tortoise.close_connections()


async def migrate(db_url: str | None = None) -> list[str]:
    """Apply every migration that has not run yet; returns the ones applied."""
    from aerich import Command

    command = Command(tortoise_config=tortoise_config(db_url), app="models", location=str(MIGRATIONS_DIR))
    await Tortoise.init(config=tortoise_config(db_url), _enable_global_fallback=True)
    await command.init()
    return await command.upgrade(run_in_transaction=True)


def dialect() -> str:
    """ "sqlite" or "postgres", of the default connection."""
    from tortoise import connections

    return str(connections.get("default").capabilities.dialect)
