"""A worker killed between the commit of a step and its sends: the sweep re-drives the step.

Nothing is lost and nothing runs twice.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis

from server import settings
from server.domain.actors import Actor
from server.domain.statuses import OrderStatus, TaskState
from server.events import EventBus, RedisEventBus, set_bus
from server.models import HistoryEntry, Order, Space, TaskRun
from server.services import flow_runs, flows
from tests.conftest import REDIS_URL, TEST_DATABASE, unavailable
from tests.e2e.support import until

pytestmark = pytest.mark.skipif(
    TEST_DATABASE != "postgres", reason="worker processes share the database: PostgreSQL only"
)

ROOT = Path(__file__).resolve().parents[2]
TWO_STEPS = {
    "stages": [
        {
            "key": "s",
            "taskDefinitions": [
                {
                    "key": "first",
                    "handlerKey": "wait",
                    "payload": {"duration": 0},
                    "next": [{"taskDefinitionKey": "second", "trigger": "success"}],
                },
                {"key": "second", "handlerKey": "wait", "payload": {"duration": 0}},
            ],
            "initialTaskDefinitionKeys": ["first"],
        }
    ]
}


@pytest.fixture
def redis_db() -> Iterator[str]:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.flushdb()
    except redis.RedisError as exc:
        unavailable("Redis", exc)
    yield REDIS_URL
    client.flushdb()
    client.close()


@pytest.fixture
async def production_mode(redis_db: str) -> AsyncIterator[None]:
    from jobs.runtime import start_dispatcher

    bus = RedisEventBus(redis_db)
    set_bus(bus)
    stop = start_dispatcher(redis_db)
    yield
    await stop()
    await bus.close()
    set_bus(EventBus())


def _worker(module: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", *module, "--threads", "2"], cwd=ROOT, env=env)


async def test_a_worker_killed_between_its_commit_and_its_sends_loses_nothing_and_runs_nothing_twice(
    admin: Actor, space_key: tuple[str, str], production_mode: None, redis_db: str, clean_db: str
) -> None:
    await flows.create_flow(admin, space_key[0], "Two steps", json.dumps(TWO_STEPS))
    space = await Space.get(key=space_key[0])
    order = await Order.create(
        space_id=space.id, name="KILLED-1", flow_key="two-steps", intake_hash="-", search_text="killed-1"
    )
    env = {
        **os.environ,
        "DATABASE_URL": clean_db,
        "REDIS_URL": redis_db,
        "FABFLOW_SECRET_KEY": settings.secret_key(),
        "FABFLOW_REDELIVERY_HORIZON": "1",
        "FABFLOW_REDELIVERY_IDLE_AFTER": "3",
    }
    doomed = _worker(["tests.reliability.crash_after_commit"], env)
    try:
        await flow_runs.start_order_flow(admin, order.id)
        assert doomed.wait(timeout=60) == -signal.SIGKILL
    finally:
        if doomed.poll() is None:
            doomed.kill()
    states = await TaskRun.filter(run__order_id=order.id).order_by("ordinal").values_list("key", "state")
    assert states == [("first", TaskState.SUCCEEDED), ("second", TaskState.READY)]  # committed, never sent

    survivor = _worker(["server.cli", "worker"], env)
    try:
        await until(lambda: _has_status(order, OrderStatus.SUCCESS), timeout=90)
    finally:
        survivor.send_signal(signal.SIGTERM)
        survivor.wait(timeout=20)
    tasks = await TaskRun.filter(run__order_id=order.id).order_by("ordinal")
    assert [(task.key, task.state, task.attempts) for task in tasks] == [
        ("first", TaskState.SUCCEEDED, 1),  # its own message came back to the survivor: not run again
        ("second", TaskState.SUCCEEDED, 1),
    ]
    for kind in ("task.started", "task.succeeded"):
        assert await HistoryEntry.filter(order_id=order.id, kind=kind).count() == 2


async def _has_status(order: Order, status: OrderStatus) -> bool:
    return (await Order.get(id=order.id)).status == status
