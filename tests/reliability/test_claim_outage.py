"""A worker's claim that meets a database restart tries again on fresh connections."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

from server.domain.actors import Actor
from server.domain.statuses import TaskState
from server.models import TaskRun
from server.services import flow_runs, task_execution
from tests.flows.conftest import MakeFlow, MakeOrder, stage, task


@pytest.fixture
def quick_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(task_execution, "CLAIM_PAUSES", (0.01, 0.01))


async def _ready_task(make_flow: MakeFlow, make_order: MakeOrder, admin: Actor) -> TaskRun:
    from server.dispatch import set_dispatcher

    set_dispatcher(None)  # no worker: the test claims by hand
    flow = await make_flow({"stages": [stage("s", [task("pause", "wait", {"duration": 1})], ["pause"])]})
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    return await TaskRun.get(run__order_id=order.id)


async def test_a_state_error_during_a_restart_is_retried_and_the_task_is_claimed(
    make_flow: MakeFlow,
    make_order: MakeOrder,
    admin: Actor,
    quick_pauses: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ready = await _ready_task(make_flow, make_order, admin)
    failures = [
        asyncpg.exceptions.InternalClientError("cannot switch to state 12; another operation is in progress")
    ]
    claim_ready = task_execution._claim_ready

    async def restarting(*args: Any) -> Any:
        if failures:
            raise failures.pop()
        return await claim_ready(*args)

    monkeypatch.setattr(task_execution, "_claim_ready", restarting)

    claimed = await task_execution.claim(ready.id)

    assert claimed is not None and claimed.context.task_run_id == ready.id
    assert not failures
    row = await TaskRun.get(id=ready.id)
    assert (row.state, row.attempts) == (TaskState.RUNNING, 1)


async def test_a_database_that_stays_away_leaves_the_task_to_the_sweep(
    make_flow: MakeFlow,
    make_order: MakeOrder,
    admin: Actor,
    quick_pauses: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jobs import consumers

    ready = await _ready_task(make_flow, make_order, admin)

    async def away(*args: Any) -> Any:
        raise ConnectionRefusedError(111, "Connect call failed")

    monkeypatch.setattr(task_execution, "_claim_ready", away)
    monkeypatch.setattr(task_execution, "_claim_ready_at_once", away)  # the consumers' claim

    await consumers.run_task(str(ready.id))  # logs a warning; raises nothing

    row = await TaskRun.get(id=ready.id)
    assert (row.state, row.attempts) == (TaskState.READY, 0)


async def test_other_errors_are_not_retried(
    make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready = await _ready_task(make_flow, make_order, admin)
    calls: list[object] = []

    async def broken(*args: Any) -> Any:
        calls.append(args)
        raise ValueError("a bug")

    monkeypatch.setattr(task_execution, "_claim_ready", broken)

    with pytest.raises(ValueError):
        await task_execution.claim(ready.id)
    assert len(calls) == 1
