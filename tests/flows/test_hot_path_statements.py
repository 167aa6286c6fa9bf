"""A task whose handler answers at once costs two statements at PostgreSQL: its claim, which locks
its run too, and the decision's write, in one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg
import pytest
from tortoise import connections

from jobs import consumers
from server.db import PooledConnection, generic_plans
from server.dispatch import set_dispatcher
from server.domain.actors import Actor
from server.domain.statuses import OrderStatus
from server.models import Order
from server.services import flow_runs
from tests.conftest import TEST_DATABASE
from tests.flows.conftest import MakeFlow, MakeOrder, stage, task

pytestmark = pytest.mark.skipif(TEST_DATABASE != "postgres", reason="counted at PostgreSQL")


class Sent:
    def __init__(self) -> None:
        self.run: list[str] = []

    def run_tasks(self, task_run_ids: list[Any]) -> None:
        self.run += [str(task_run_id) for task_run_id in task_run_ids]

    def fire_timeout(self, task_run_id: Any, delay_ms: int) -> None:
        pass

    def resume(self, task_run_id: Any, delay_ms: int) -> None:
        raise AssertionError("a wait of 0 needs no wake-up")

    def deliver_webhook(self, delivery_id: Any, delay_ms: int) -> None:
        pass

    def start_waiting_orders(self, flow_id: Any) -> None:
        pass

    def replay_webhooks(self, replay_id: Any) -> None:
        pass

    def make_export(self, export_job_id: Any) -> None:
        pass


class Statements:
    """What PostgreSQL receives on the pool's connections, BEGIN/COMMIT and connection resets apart."""

    def __init__(self) -> None:
        self.data: list[str] = []

    def __call__(self, record: Any) -> None:
        text = record.query.lstrip().upper()
        if not text.startswith(("BEGIN", "COMMIT", "ROLLBACK")) and "PG_ADVISORY_UNLOCK_ALL" not in text:
            self.data.append(record.query)


@contextmanager
def counted() -> Iterator[Statements]:
    pool = connections.get("default")._pool  # type: ignore[attr-defined]
    opened = [holder._con for holder in pool._holders if holder._con is not None]
    log = Statements()
    for connection in opened:
        connection.add_query_logger(log)
    try:
        yield log
    finally:
        for connection in opened:
            connection.remove_query_logger(log)
    assert all(holder._con in opened for holder in pool._holders if holder._con is not None)


async def test_each_no_op_task_is_two_statements(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, clean_db: str
) -> None:
    sent = Sent()
    set_dispatcher(sent)  # type: ignore[arg-type]
    then = [{"taskDefinitionKey": "second", "trigger": "success"}]
    chain = [task("first", "wait", {"duration": 0}, next=then), task("second", "wait", {"duration": 0})]
    flow = await make_flow({"stages": [stage("s", chain, ["first"])]})
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    per_task = []
    while sent.run:
        message = sent.run.pop(0)
        with counted() as log:
            await consumers.run_task(message)
        per_task.append(len(log.data))
    set_dispatcher(None)
    assert (await Order.get(id=order.id)).status == OrderStatus.SUCCESS
    assert per_task == [2, 2]


async def test_the_hot_path_transactions_use_generic_plans_and_nothing_else_does(clean_db: str) -> None:
    """On the connections of the serving and working pools (`PooledConnection`)."""
    connection = await asyncpg.connect(
        clean_db.replace("postgres://", "postgresql://", 1), connection_class=PooledConnection
    )

    async def mode() -> str:
        async with connection.transaction():
            return str(await connection.fetchval("SHOW plan_cache_mode"))

    try:
        with generic_plans():
            inside = await mode()
        assert (inside, await mode()) == ("force_generic_plan", "auto")
    finally:
        await connection.close()
