"""Database setup: the Tortoise configuration, start-up and migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise import Tortoise

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


# aerich reads this module attribute when called as `aerich --app models`.
TORTOISE_ORM = tortoise_config()


async def init(db_url: str | None = None) -> None:
    """Open the connections for code outside a request (CLI, workers, tests).

    The global fallback makes the ORM visible to every task and thread of the
    process, which Dramatiq actors and CLI commands need.
    """
    await Tortoise.init(config=tortoise_config(db_url), _enable_global_fallback=True)


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
