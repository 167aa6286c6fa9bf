"""Shared fixtures.

The database under test is chosen by `FABFLOW_TEST_DATABASE`: `sqlite` (default, a
file in a temporary directory) or `postgres` (a fresh database made on the server
at `FABFLOW_TEST_POSTGRES_URL` and dropped afterwards). A test that needs
PostgreSQL or Redis skips when the service is absent, except under `CI`, where
it fails.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from tortoise import Tortoise, connections

from jobs.handlers.registry import install_handlers
from jobs.runtime import SWEEP_TASK
from server import db
from server.app import create_app
from server.domain.actors import SYSTEM, Actor
from server.services import auth

install_handlers()  # the composition root of the tests: every handler's spec is known to validation

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"
TEST_DATABASE = os.environ.get("FABFLOW_TEST_DATABASE", "sqlite")
POSTGRES_URL = os.environ.get("FABFLOW_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("FABFLOW_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
IN_CI = bool(os.environ.get("CI"))
# Server processes of the whole app on the session's database: their workers sweep it periodically.
SWEEPING_PROCESSES: list[subprocess.Popen[bytes]] = []


def unavailable(what: str, reason: object) -> None:
    """Skip locally, fail in CI: a missing service must never pass silently there."""
    message = f"{what} is not available: {reason}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def _pg_dsn(url: str, database: str | None = None) -> str:
    base, _, _ = url.rpartition("/")
    name = database or url.rpartition("/")[2]
    return f"{base}/{name}".replace("postgres://", "postgresql://", 1)


async def _create_pg_database(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_pg_dsn(POSTGRES_URL), timeout=5)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def _drop_pg_database(name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_pg_dsn(POSTGRES_URL), timeout=5)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture(scope="session")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A migrated, empty database for the whole session; the ORM is open on it."""
    if TEST_DATABASE == "postgres":
        name = f"fabflow_test_{uuid.uuid4().hex[:12]}"
        try:
            await _create_pg_database(name)
        except Exception as exc:  # connection refused, auth, timeout
            unavailable("PostgreSQL", exc)
        base = POSTGRES_URL.rpartition("/")[0]
        url = f"{base}/{name}"
    else:
        name = ""
        url = f"sqlite://{tmp_path_factory.mktemp('db') / 'fabflow.sqlite3'}"
    await db.migrate(url)
    yield url
    await Tortoise.close_connections()
    if name:
        await _drop_pg_database(name)


TABLES = (
    "webhook_replay",
    "siteflow_submission",
    "siteflow_connection",
    "export_job",
    "worker_capability",
    "used_link",
    "task_attempt",
    "outbox_mail",
    "sent_mail",
    "event",
    "manual_task",
    "task_run",
    "flow_run",
    "flow_version",
    "flow",
    "asset_version",
    "asset",
    "part",
    "product",
    "address",
    "fab_order",
    "api_key",
    "app_user",
    "space",
    "organization",
)


async def _empty_tables() -> None:
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres":
        await conn.execute_script(f"TRUNCATE {', '.join(TABLES)} CASCADE")
    else:
        for table in TABLES:
            await conn.execute_script(f'DELETE FROM "{table}"')


@pytest.fixture
async def clean_db(database_url: str) -> AsyncIterator[str]:
    """The session's database, emptied before the test."""
    await _empty_tables()
    yield database_url


@pytest.fixture
async def sole_sweeper(clean_db: str) -> None:
    """For a test that counts what its own sweep did: no other sweeper is running on the database.

    One would re-send or run the test's work first: an embedded worker's periodic sweep left on
    this loop, or a server process (with its worker) that outlived the tests that started it.
    """
    sweeps = [task for task in asyncio.all_tasks() if task.get_name() == SWEEP_TASK and not task.done()]
    assert not sweeps, f"an embedded worker's sweep is still running: {sweeps}"
    alive = [process.args for process in SWEEPING_PROCESSES if process.poll() is None]
    assert not alive, f"a server process still sweeps the database: {alive}"


@pytest.fixture
async def app(clean_db: str):  # type: ignore[no-untyped-def]
    return create_app(manage_database=False)


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def admin(clean_db: str) -> Actor:
    user = await auth.create_admin("admin@example.com", "correct horse battery")
    return auth.actor_for_user(user)


@pytest.fixture
async def space_key(admin: Actor) -> tuple[str, str]:
    """A space `demo-eyewear` (the examples' space) and a secret key of it: (space key, secret)."""
    await auth.create_space(admin, "demo-eyewear", "Eyewear")
    created = await auth.create_api_key(admin, "demo-eyewear", "tests")
    return "demo-eyewear", created.secret


@pytest.fixture
def system_actor() -> Actor:
    return SYSTEM
