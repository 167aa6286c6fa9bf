"""Carrying out task runs: claim, record the handler's result, fire timeouts, and the sweep.

Workers call these with nothing but a task run id, so a message delivered twice, late, or after its
task ended is harmless: each step changes a row only from the state it expects (a conditional
`UPDATE … WHERE state = …`, atomic on PostgreSQL and SQLite alike) and does nothing otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, ClassVar
from uuid import UUID

from tortoise import connections
from tortoise.transactions import in_transaction

from server import settings, task_handlers
from server.db import generic_plans
from server.db_errors import is_outage
from server.domain.flows.engine import TaskFailed, TaskSucceeded, TaskTimedOut
from server.domain.statuses import OrderStatus, TaskState
from server.domain.tasks import Failed, HandlerResult, Resumption, Retry, Succeeded, TaskContext, Wait
from server.models import HistoryEntry, Order, TaskRun
from server.services import run_sql
from server.services.effects import Effects, delay_ms, now, sent_by_broker
from server.services.flow_runs import START_GRACE, start_for_new_order
from server.services.run_store import (
    LoadedRun,
    decide,
    definition_of,
    loaded_run,
    lock_run,
    run_message,
    store_tasks,
)

logger = logging.getLogger(__name__)

# How long a worker owns a RUNNING task unless it renews the claim (every LEASE / 3 while the
# handler runs); a killed worker's task goes to another worker once its lease lapses.
LEASE = timedelta(seconds=30)
# A message may come this much before its task's time (clocks, rounding) and still be taken.
EARLY_ENOUGH = timedelta(milliseconds=20)
# A task's message counts as lost once a message sent `settings.REDELIVERY_HORIZON` after it has been
# claimed (queues are first in, first out; the margin covers messages prefetched by a busy worker),
# or, when no worker claimed anything lately, once it is `REDELIVERY_IDLE_AFTER` old. Until then it is
# still queued: not re-sent.
# Delays longer than BROKER_DELAY_LIMIT_MS (effects) stay in the database; the sweep sends them when
# they come within this of their time.
SWEEP_LOOKAHEAD = timedelta(seconds=10)
SWEEP_BATCH = 500
ACTIVE = (TaskState.READY, TaskState.RUNNING, TaskState.WAITING)
# A claim that meets a database outage (a restart) tries again after these pauses (seconds).
CLAIM_PAUSES = (0.2, 0.5, 1.0, 2.0, 4.0, 8.0)


@dataclass(frozen=True)
class Claim:
    context: TaskContext
    resumption: Resumption | None  # set when the claim resumes a waiting task
    ended: bool = False  # its handler answered at once, and the task ended with the claim
    effects: Effects | None = None  # what that end left to do after its commit (`claim` does it)


async def claim(task_run_id: UUID, resuming: bool = False, at_once: bool = False) -> Claim | None:
    """Take a READY task (to run) or a WAITING task whose time or answer came (to resume).

    `resuming` says which to try first (a wake-up message usually finds its task WAITING). With
    `at_once`, a READY task whose handler knows its result without I/O (its `at_once` hook) ends in
    the claim's own transaction: one transaction and one message for the whole task.
    """
    for pause in (*CLAIM_PAUSES, None):
        try:
            taken = await _claim_once(task_run_id, resuming, at_once)
        except Exception as exc:
            if pause is None or not is_outage(exc):
                raise
            logger.warning("claim of task run %s met a database outage (%s); retrying", task_run_id, exc)
            await _reconnect()
            await asyncio.sleep(pause)
            continue
        if taken is not None and taken.effects is not None:
            # After the retries: a send that fails is not a claim to try again (the task has ended;
            # what was not sent, the sweep sends).
            await taken.effects.carry_out()
        return taken
    return None  # not reached: the last pause re-raises


async def _claim_once(task_run_id: UUID, resuming: bool, at_once: bool = False) -> Claim | None:
    """One try, its statements one after the other on the pool (never two at once on a connection)."""
    moment = now()
    due_by = moment + EARLY_ENOUGH
    ready = _claim_ready_at_once if at_once else _claim_ready
    order = (_claim_waiting, ready) if resuming else (ready, _claim_waiting)
    for attempt in order:
        claimed = await attempt(task_run_id, moment, due_by)
        if claimed is not None:
            return claimed
    return None


async def _reconnect() -> None:
    """Drop the pool's connections after an outage, so the next statement opens a fresh one.

    A connection that was mid-statement when the server went away can be left in a state that
    refuses the next operation (asyncpg's "another operation is in progress").
    """
    client = connections.get("default")
    expire = getattr(client, "_expire_connections", None)
    if expire is not None:
        with contextlib.suppress(Exception):
            await expire()


async def _claim_ready(task_run_id: UUID, moment: datetime, due_by: datetime) -> Claim | None:
    claimed = await run_sql.claim_ready(task_run_id, moment + LEASE, moment, due_by)
    return await _claimed(claimed, resuming=False) if claimed else None


async def _claim_ready_at_once(task_run_id: UUID, moment: datetime, due_by: datetime) -> Claim | None:
    """Claim with the run's lock; if the handler answers at once, record its end before the commit.

    Otherwise the claim commits as `_claim_ready`'s would and the handler runs as usual: a killed
    worker, a lapsed lease or a second delivery meet the same rows either way.
    """
    effects = Effects()
    with generic_plans():
        taken = await _claim_and_end(task_run_id, moment, due_by, effects)
    return replace(taken, effects=effects) if taken is not None and taken.ended else taken


async def _claim_and_end(
    task_run_id: UUID, moment: datetime, due_by: datetime, effects: Effects
) -> Claim | None:
    async with in_transaction():
        found = await run_sql.claim_ready_locked(task_run_id, moment + LEASE, moment, due_by)
        if found is None:
            return None
        claimed, locked = found
        taken = await _claimed(claimed, resuming=False)
        result = task_handlers.at_once(taken.context)
        if not isinstance(result, Succeeded | Failed):
            return taken
        await _end(await loaded_run(*locked), taken.context, result, effects)
    return replace(taken, ended=True)


async def _claim_waiting(task_run_id: UUID, moment: datetime, due_by: datetime) -> Claim | None:
    claimed = await run_sql.claim_waiting(task_run_id, moment + LEASE, moment, due_by)
    return await _claimed(claimed, resuming=True) if claimed else None


async def _claimed(claimed: run_sql.ClaimedTask, resuming: bool) -> Claim:
    task = claimed.task
    definition = await definition_of(claimed.flow_version_id)
    stage = definition.stages[task.stage_index]
    task_definition = stage.task(task.key)
    context = TaskContext(
        task_run_id=task.id,
        run_id=task.run_id,
        order_id=claimed.order_id,
        space_id=claimed.space_id,
        task_key=task.key,
        handler_key=task.handler_key,
        payload=dict(task_definition.payload) if task_definition else {},
        attempt=task.attempts,
        timeout_at=task.timeout_at,
    )
    if not resuming:
        return Claim(context, None)
    arrived: dict[str, Any] = task.resume_data or {}
    return Claim(context, Resumption(data=arrived.get("data"), actor=arrived.get("actor", "system")))


async def renew_lease(claim: Claim) -> bool:
    """Keep the claim while the handler works; False once the task moved on without us."""
    context = claim.context
    mine = TaskRun.filter(id=context.task_run_id, state=TaskState.RUNNING, attempts=context.attempt)
    return bool(await mine.update(lease_until=now() + LEASE))


async def record(claim: Claim, result: HandlerResult | object) -> None:
    """Store what the handler answered, once: a stale claim (the task moved on) changes nothing."""
    match result:
        case Succeeded() | Failed():
            await _record_end(claim, result)
        case Wait(resume_at, response):
            await _record_wait(claim, resume_at, response)
        case Retry(at, reason, response):
            await _record_retry(claim, at, reason, response)
        case unexpected:  # a plug-in handler's bug: fail its task with a reason rather than drop it
            await _record_end(claim, Failed(unexpected_outcome(claim.context.handler_key, unexpected)))


def unexpected_outcome(handler_key: str, value: object) -> str:
    shown = repr(value)
    shown = shown if len(shown) <= 200 else shown[:200] + "…"
    return f'The handler "{handler_key}" returned {shown}, expected Succeeded, Failed, Wait or Retry.'


async def _record_end(claim: Claim, result: Succeeded | Failed) -> None:
    context, effects = claim.context, Effects()
    with generic_plans():
        async with in_transaction():
            await _end(await lock_run(context.run_id), context, result, effects)
    await effects.carry_out()


async def _end(
    loaded: LoadedRun | None, context: TaskContext, result: Succeeded | Failed, effects: Effects
) -> None:
    """The handler's end of the task, decided under its run's lock (inside the caller's transaction)."""
    task = loaded.tasks.get(str(context.task_run_id)) if loaded else None
    if loaded is None or task is None or not _still_mine(task, context):
        return
    task.response = result.response  # stored with the task's end, in the same UPDATE
    task.error = result.reason if isinstance(result, Failed) else ""
    event = (
        TaskSucceeded(str(task.id))
        if isinstance(result, Succeeded)
        else TaskFailed(str(task.id), result.reason)
    )
    await decide(loaded, event, "system", effects)


async def _record_wait(claim: Claim, resume_at: datetime | None, response: dict[str, Any] | None) -> None:
    context, effects = claim.context, Effects()
    moment = now()
    async with in_transaction():
        loaded = await lock_run(context.run_id)  # the run first, as everywhere: no lock-order deadlock
        task = loaded.tasks.get(str(context.task_run_id)) if loaded else None
        if loaded is None or task is None or not _still_mine(task, context):
            return
        answered = task.resume_data is not None and claim.resumption is None  # arrived while running
        if claim.resumption is not None:
            task.resume_data = None  # consumed by this resume
        task.state = TaskState.WAITING
        task.resume_at = moment if answered else resume_at
        task.lease_until = None
        if response is not None:
            task.response = response
        delay = delay_ms(task.resume_at, moment)
        sending = task.resume_at is not None and sent_by_broker(delay)
        task.dispatched_at = max(task.resume_at, moment) if sending else None  # type: ignore[type-var]
        await store_tasks(loaded, [task])
        if sending:
            effects.resumes.append((task.id, delay))
        effects.messages.append(run_message(loaded, task))
    await effects.carry_out()


async def _record_retry(claim: Claim, at: datetime, reason: str, response: dict[str, Any] | None) -> None:
    context, effects = claim.context, Effects()
    moment = now()
    delay = delay_ms(at, moment)
    async with in_transaction():
        changed = await TaskRun.filter(
            id=context.task_run_id, state=TaskState.RUNNING, attempts=context.attempt
        ).update(
            state=TaskState.READY,
            resume_at=at,
            lease_until=None,
            dispatched_at=at if sent_by_broker(delay) else None,
            error=reason,
            response=response,
        )
        if not changed:
            return
        await HistoryEntry.create(
            order_id=context.order_id,
            kind="task.retry_scheduled",
            message=f'Task "{context.task_key}" attempt {context.attempt} did not succeed ({reason}); '
            f"next attempt at {at.isoformat(timespec='seconds')}.",
            data={"taskRunId": str(context.task_run_id), "attempt": context.attempt},
            actor="system",
        )
        if sent_by_broker(delay):
            effects.resumes.append((context.task_run_id, delay))
    await effects.carry_out()


def _still_mine(task: run_sql.TaskRow, context: TaskContext) -> bool:
    return task.state == TaskState.RUNNING and task.attempts == context.attempt


async def fire_timeout(task_run_id: UUID) -> None:
    """The task's `timeoutDuration` passed: the engine decides what that means, once."""
    task = await TaskRun.get_or_none(id=task_run_id)
    if task is None or task.state not in ACTIVE or task.timed_out or task.timeout_at is None:
        return
    if task.timeout_at > now():
        return  # an early delivery; the delayed message or the sweep comes back for it
    effects = Effects()
    async with in_transaction():
        loaded = await lock_run(task.run_id)  # type: ignore[attr-defined]
        if loaded is not None:
            await decide(loaded, TaskTimedOut(str(task.id)), "system", effects)
    await effects.carry_out()


@dataclass
class SweepReport:
    resent: int = 0
    released: int = 0
    resumed: int = 0
    timeouts: int = 0
    started: int = 0

    @property
    def total(self) -> int:
        return self.resent + self.released + self.resumed + self.timeouts + self.started


async def sweep() -> SweepReport:
    """Re-drive work whose message went missing: the database says what should be happening.

    A message is re-sent only when it is lost, not merely queued behind others (`lost_before`), so a
    backlog is never multiplied; delays kept in the database are sent when they come due. The active
    tasks are read once per pass (`_Candidates`); each change below is conditional on the row's state.
    """
    moment, effects, report = now(), Effects(), SweepReport()
    due = await _Candidates.read(moment, await lost_before(moment))
    if due.ready:
        await TaskRun.filter(id__in=due.ready, state=TaskState.READY).update(dispatched_at=moment)
        effects.run_tasks += due.ready
        report.resent = len(due.ready)
    report.resent += await _send_kept(TaskState.READY, due.kept_ready, moment, effects)
    for task_run_id in due.lapsed:
        if await TaskRun.filter(id=task_run_id, state=TaskState.RUNNING, lease_until__lte=moment).update(
            state=TaskState.READY, lease_until=None, dispatched_at=moment
        ):
            effects.run_tasks.append(task_run_id)
            report.released += 1
    if due.waiting:
        await TaskRun.filter(id__in=due.waiting, state=TaskState.WAITING).update(dispatched_at=moment)
        effects.resumes += [(task_run_id, 0) for task_run_id in due.waiting]
    report.resumed = len(due.waiting) + await _send_kept(TaskState.WAITING, due.kept_waiting, moment, effects)
    effects.timeouts += [(task_run_id, 0) for task_run_id in due.overdue]
    report.timeouts = len(due.overdue)
    await effects.carry_out()
    report.started = await _start_forgotten_orders(moment)
    return report


@dataclass
class _Candidates:
    """The active tasks a sweep pass acts on, at most `SWEEP_BATCH` of each kind.

    All kinds come in one walk through the active runs, each with its own quota (`KINDS`): a backlog
    of one kind (an overdue timeout stays due until its handler runs) never crowds out another.
    """

    ready: list[UUID]  # READY and due, its message lost
    kept_ready: list[tuple[UUID, datetime]]  # READY, a retry whose delay was kept in the database
    lapsed: list[UUID]  # RUNNING, its worker's lease lapsed
    waiting: list[UUID]  # WAITING and due, its wake-up lost
    kept_waiting: list[tuple[UUID, datetime]]  # WAITING, a wake-up kept in the database
    overdue: list[UUID]  # its timeout passed and did not fire

    # The tests of `read`, in SQL: {0} now, {1} the send time before which a message is lost,
    # {2} the sweep's look-ahead, {3} the time before which a timeout is overdue.
    KINDS: ClassVar[tuple[str, ...]] = (
        "t.state = 'RUNNING' AND t.lease_until <= {0}",
        "t.state = 'READY' AND (t.resume_at IS NULL OR t.resume_at <= {0}) AND t.dispatched_at <= {1}",
        "t.state = 'WAITING' AND t.resume_at <= {0} AND t.dispatched_at <= {1}",
        "t.state = 'READY' AND t.dispatched_at IS NULL AND t.resume_at <= {2}",
        "t.state = 'WAITING' AND t.dispatched_at IS NULL AND t.resume_at <= {2}",
        "t.state IN ('READY', 'RUNNING', 'WAITING') AND NOT t.timed_out AND t.timeout_at <= {3}",
    )
    COLUMNS: ClassVar[tuple[str, ...]] = (
        "id",
        "state",
        "resume_at",
        "dispatched_at",
        "lease_until",
        "timeout_at",
        "timed_out",
    )

    @classmethod
    async def read(cls, moment: datetime, lost: datetime) -> _Candidates:
        soon, overdue_at = moment + SWEEP_LOOKAHEAD, moment - timedelta(seconds=2)
        values = [
            ("resume_at", moment),
            ("dispatched_at", lost),
            ("resume_at", soon),
            ("timeout_at", overdue_at),
        ]
        rows = await run_sql.active_tasks(cls.COLUMNS, cls.KINDS, values, SWEEP_BATCH)
        due = cls([], [], [], [], [], [])
        for task_run_id, state, resume_at, dispatched_at, lease_until, timeout_at, timed_out in rows:
            sent_lost = dispatched_at is not None and dispatched_at <= lost
            if state == TaskState.READY and (resume_at is None or resume_at <= moment) and sent_lost:
                _add(due.ready, task_run_id)
            if dispatched_at is None and resume_at is not None and resume_at <= soon:
                _add(
                    due.kept_ready if state == TaskState.READY else due.kept_waiting, (task_run_id, resume_at)
                )
            if state == TaskState.RUNNING and lease_until is not None and lease_until <= moment:
                _add(due.lapsed, task_run_id)
            if state == TaskState.WAITING and resume_at is not None and resume_at <= moment and sent_lost:
                _add(due.waiting, task_run_id)
            if not timed_out and timeout_at is not None and timeout_at <= overdue_at:
                _add(due.overdue, task_run_id)
        return due


def _add(batch: list[Any], item: Any) -> None:
    if len(batch) < SWEEP_BATCH:
        batch.append(item)


async def lost_before(moment: datetime) -> datetime:
    """Messages last sent before this are lost: a later one was claimed, or nothing moves at all."""
    horizon = timedelta(seconds=settings.REDELIVERY_HORIZON)
    last_sent = await run_sql.last_sent_of_claimed(moment - horizon)
    if last_sent is None:  # no worker claimed anything lately: idle, or every worker busy
        return moment - timedelta(seconds=settings.REDELIVERY_IDLE_AFTER)
    return min(last_sent, moment) - horizon


async def _send_kept(
    state: TaskState, kept: list[tuple[UUID, datetime]], moment: datetime, effects: Effects
) -> int:
    """Send the messages of tasks whose delay was kept in the database, once they come near their time."""
    sent = 0
    for task_run_id, resume_at in kept:
        if await TaskRun.filter(id=task_run_id, state=state, dispatched_at__isnull=True).update(
            dispatched_at=max(resume_at, moment)
        ):
            effects.resumes.append((task_run_id, delay_ms(resume_at, moment)))  # a retry's run, or a wake-up
            sent += 1
    return sent


async def _start_forgotten_orders(moment: datetime) -> int:
    # Orders whose flow is missing are left alone: creating or enabling that flow starts them.
    forgotten = (
        Order.filter(
            status=OrderStatus.CREATED,
            flow_key__isnull=False,
            created_at__lte=moment - START_GRACE,
            flow_runs=None,
        )
        .exclude(events__kind="flow.missing")
        .order_by("created_at")
    )
    orders = [order_id for (order_id,) in await forgotten.limit(SWEEP_BATCH).values_list("id")]
    started = 0
    for order_id in orders:
        if await start_for_new_order(order_id) is not None:
            started += 1
    return started
