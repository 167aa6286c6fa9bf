"""The real stack: orders in through the API, `fabflow worker` processes, PostgreSQL shared.

Every order must reach its terminal status; the run that times out goes UNHEALTHY and recovers
when its manual task is completed; a websocket subscriber sees those changes as they happen. Each
test runs on both brokers: Redis, and RabbitMQ (in a virtual host of its own); Redis carries the
events on both.
"""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from server import settings
from server.domain.actors import Actor
from server.domain.statuses import TaskState
from server.events import EventBus, RedisEventBus, set_bus
from server.models import FlowRun, ManualTask, Order, TaskRun
from server.services import flows
from tests.conftest import EXAMPLES_DIR, REDIS_URL, TEST_DATABASE, unavailable
from tests.e2e.support import LiveServer, Subscriber, graphql, until
from tests.rabbitmq_server import rabbitmq_vhost

pytestmark = pytest.mark.skipif(
    TEST_DATABASE != "postgres", reason="worker processes share the database: PostgreSQL only"
)

ROOT = Path(__file__).resolve().parents[2]
QUICK = {
    "stages": [
        {
            "key": "s",
            "taskDefinitions": [{"key": "pause", "handlerKey": "wait", "payload": {"duration": 50}}],
            "initialTaskDefinitionKeys": ["pause"],
        }
    ]
}
APPROVAL = {
    "stages": [
        {
            "key": "review",
            "taskDefinitions": [
                {
                    "key": "approve",
                    "handlerKey": "manual-task",
                    "payload": {"title": "Approve"},
                    "timeoutDuration": 400,
                }
            ],
            "initialTaskDefinitionKeys": ["approve"],
        }
    ]
}
CREATE_ORDER = """
mutation($input: JSON!) {
  createOrder(input: $input) { created errors { field message } order { id status } }
}"""
COMPLETE = "mutation($id: ID!) { completeManualTask(id: $id) { manualTask { status } errors { message } } }"
REJECT = """
mutation($id: ID!) {
  rejectManualTask(id: $id, comment: "scratched") { manualTask { status } errors { message } }
}
"""
STATUS_CHANGES = """
subscription($space: String) {
  orderStatusChanged(spaceKey: $space) { order { id name } previousStatus status }
}"""


@pytest.fixture
def redis_db() -> Iterator[str]:
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.flushdb()  # no messages left from an earlier run
    except redis.RedisError as exc:
        unavailable("Redis", exc)
    yield REDIS_URL
    client.flushdb()
    client.close()


@pytest.fixture(params=["redis", "rabbitmq"])
def broker_url(request: pytest.FixtureRequest, redis_db: str) -> Iterator[str]:
    """`FABFLOW_BROKER_URL` of the test's workers and of this process."""
    if request.param == "redis":
        yield redis_db
        return
    with rabbitmq_vhost() as url:
        yield url


@pytest.fixture
async def production_mode(redis_db: str, broker_url: str) -> AsyncIterator[None]:
    """This process acts as a web process of the production mode: sends to the broker, listens on Redis."""
    from jobs.runtime import start_dispatcher

    bus = RedisEventBus(redis_db)
    set_bus(bus)
    stop = start_dispatcher(broker_url)
    yield
    await stop()
    await bus.close()
    set_bus(EventBus())


def same_key() -> dict[str, str]:
    """The signing key of this process, so that links the workers sign verify here."""
    return {"FABFLOW_SECRET_KEY": settings.secret_key()}


@pytest.fixture
def workers(clean_db: str, redis_db: str, broker_url: str) -> Iterator[list[subprocess.Popen[bytes]]]:
    env = worker_env(clean_db, redis_db, broker_url)
    command = [sys.executable, "-m", "server.cli", "worker", "--threads", "4"]
    started = [subprocess.Popen(command, cwd=ROOT, env=env) for _ in range(2)]
    yield started
    for process in started:
        process.send_signal(signal.SIGTERM)
    for process in started:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def worker_env(database_url: str, redis_url: str, broker_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "FABFLOW_BROKER_URL": broker_url,
        **same_key(),
    }


def _order(name: str, flow_key: str) -> dict[str, Any]:
    body = copy.deepcopy(json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text()))
    body["order"].update(thirdPartyOrderId=name, flowKey=flow_key)
    return body  # type: ignore[no-any-return]


async def _status(name: str) -> str:
    return (await Order.get(name=name)).status


async def test_orders_reach_their_terminal_status_on_worker_processes(
    admin: Actor, space_key: tuple[str, str], production_mode: None, workers: list[Any]
) -> None:
    for name, definition in (("Quick flow", QUICK), ("Approval flow", APPROVAL)):
        await flows.create_flow(admin, "demo-eyewear", name, json.dumps(definition))
    async with LiveServer() as server, Subscriber(server.ws_url, space_key[1]) as subscriber:
        await subscriber.subscribe(STATUS_CHANGES, {"space": "demo-eyewear"})
        names = [f"QUICK-{index}" for index in range(10)] + ["APPROVE-1", "REJECT-1"]
        for name in names:
            flow_key = "quick-flow" if name.startswith("QUICK") else "approval-flow"
            body = await graphql(server.url, CREATE_ORDER, {"input": _order(name, flow_key)}, space_key[1])
            assert body["data"]["createOrder"]["errors"] == [], body

        await until(lambda: _all(names[:10], "SUCCESS"), timeout=30)
        await until(lambda: _all(names[10:], "UNHEALTHY"), timeout=30)
        approve = await ManualTask.get(order__name="APPROVE-1")
        reject = await ManualTask.get(order__name="REJECT-1")
        await graphql(server.url, COMPLETE, {"id": str(approve.id)}, space_key[1])
        await graphql(server.url, REJECT, {"id": str(reject.id)}, space_key[1])
        await until(lambda: _is("APPROVE-1", "SUCCESS"), timeout=30)
        await until(lambda: _is("REJECT-1", "FAILURE"), timeout=30)

        seen = await subscriber.collect(lambda events: _changes(events, "APPROVE-1")[-1:] == ["SUCCESS"])
    assert _changes(seen, "APPROVE-1") == ["IN_PROGRESS", "UNHEALTHY", "IN_PROGRESS", "SUCCESS"]
    assert all(process.poll() is None for process in workers), "a worker died"


async def test_orders_that_waited_for_their_flow_start_on_the_workers_once_each(
    admin: Actor, space_key: tuple[str, str], production_mode: None, workers: list[Any]
) -> None:
    names = [f"EARLY-{index}" for index in range(12)]
    async with LiveServer() as server:
        for name in names:
            body = await graphql(
                server.url, CREATE_ORDER, {"input": _order(name, "quick-flow")}, space_key[1]
            )
            assert body["data"]["createOrder"]["errors"] == [], body
        assert await _all(names, "CREATED")  # no such flow yet: they wait

        await flows.create_flow(admin, "demo-eyewear", "Quick flow", json.dumps(QUICK))

        await until(lambda: _all(names, "SUCCESS"), timeout=60)
    for name in names:
        assert await FlowRun.filter(order__name=name).count() == 1
    assert all(process.poll() is None for process in workers), "a worker died"


async def _all(names: list[str], status: str) -> bool:
    return await Order.filter(name__in=names, status=status).count() == len(names)


async def _is(name: str, status: str) -> bool:
    return await _status(name) == status


def _changes(events: list[dict[str, Any]], name: str) -> list[str]:
    return [
        event["orderStatusChanged"]["status"]
        for event in events
        if event["orderStatusChanged"]["order"]["name"] == name
    ]


async def test_a_worker_killed_in_the_middle_of_a_run_loses_no_order(
    admin: Actor,
    space_key: tuple[str, str],
    production_mode: None,
    redis_db: str,
    broker_url: str,
    clean_db: str,
) -> None:
    """A worker killed while it holds the run's next message: redelivery or the sweep brings it back."""
    two_waits = {
        "stages": [
            {"key": "first", "taskDefinitions": [_wait("long", 1500)], "initialTaskDefinitionKeys": ["long"]},
            {
                "key": "second",
                "taskDefinitions": [_wait("short", 50)],
                "initialTaskDefinitionKeys": ["short"],
            },
        ]
    }
    await flows.create_flow(admin, "demo-eyewear", "Two waits", json.dumps(two_waits))
    env = worker_env(clean_db, redis_db, broker_url)
    command = [sys.executable, "-m", "server.cli", "worker", "--threads", "2"]
    async with LiveServer() as server:
        doomed = subprocess.Popen(command, cwd=ROOT, env=env)
        try:
            body = await graphql(
                server.url, CREATE_ORDER, {"input": _order("LOST-1", "two-waits")}, space_key[1]
            )
            assert body["data"]["createOrder"]["errors"] == []
            await until(lambda: _waiting("LOST-1", "long"), timeout=30)  # it holds the delayed wake-up
        finally:
            doomed.kill()
            doomed.wait()
        survivor = subprocess.Popen(command, cwd=ROOT, env=env)
        try:
            await until(lambda: _is("LOST-1", "SUCCESS"), timeout=90)
        finally:
            survivor.send_signal(signal.SIGTERM)
            survivor.wait(timeout=20)
    assert await TaskRun.filter(run__order__name="LOST-1", state=TaskState.SUCCEEDED).count() == 2


def _wait(key: str, duration: int) -> dict[str, Any]:
    return {"key": key, "handlerKey": "wait", "payload": {"duration": duration}}


async def _waiting(name: str, key: str) -> bool:
    return await TaskRun.exists(run__order__name=name, key=key, state=TaskState.WAITING)
