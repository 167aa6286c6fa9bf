"""The flow engine's hot path in SQL: claim a task, lock a run, write a step.

Every task a worker runs goes through three statements here: its claim (one `UPDATE … RETURNING`
that also brings back its run and order and writes its `task.started` entry), the lock of its run
when its outcome is recorded (the run, its order and space, every task run: one statement), and the
write of the engine's decision (ended and new task runs, the run, the order's status, the history
entries: one statement). On PostgreSQL they are fixed texts sent straight to asyncpg, which prepares
each once per connection; on SQLite (the embedded mode) the same rows are read and written with a few
plain statements each, through the values Tortoise itself would store. Everything else uses Tortoise.

The callers own the transactions: `lock_run` and `write_step` run inside one (`in_transaction`),
a claim runs on its own, except `claim_ready_locked`: a claim that also locks and reads the run as
`lock_run` does, inside a transaction, for a task that ends before that transaction commits (its
handler answered at once): two statements for the whole task.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from server.models import FlowRun, HistoryEntry, Order, TaskRun


@dataclass(slots=True)
class SpaceRow:
    id: UUID
    key: str
    organization_id: UUID
    webhooks_version: int


@dataclass(slots=True)
class OrderRow:
    """What a step needs of its order: its status, and what live messages and webhooks show of it."""

    id: UUID
    name: str
    status: str
    value: Decimal
    deadline: datetime | None
    tags: list[str]
    update_url: str | None
    webhook_sequence: int
    space_id: UUID
    space: SpaceRow


@dataclass(slots=True)
class RunRow:
    id: UUID
    order_id: UUID
    flow_version_id: UUID
    status: str
    stage_index: int
    tasks_started: int
    reason: str
    flow_status: str | None
    started_at: datetime
    ended_at: datetime | None


@dataclass(slots=True)
class TaskRow:
    id: UUID
    run_id: UUID
    ordinal: int
    stage_index: int
    key: str
    handler_key: str
    state: str
    outcome: str | None = None
    attempts: int = 0
    timed_out: bool = False
    timeout_at: datetime | None = None
    resume_at: datetime | None = None
    lease_until: datetime | None = None
    dispatched_at: datetime | None = None
    resume_data: dict[str, Any] | None = None
    response: dict[str, Any] | None = None
    error: str = ""
    created_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None


@dataclass(slots=True)
class ClaimedTask:
    """A task a worker just claimed, with what its handler's context needs."""

    task: TaskRow
    order_id: UUID
    space_id: UUID
    flow_version_id: UUID


@dataclass(slots=True)
class HistoryRow:
    order_id: UUID
    kind: str
    message: str
    data: dict[str, Any]
    actor: str
    created_at: datetime


@dataclass(slots=True)
class OrderStatusWrite:
    order_id: UUID
    status: str


@dataclass
class StepWrites:
    """What one decision changes, written at once."""

    moment: datetime
    changed: list[TaskRow] = field(default_factory=list)  # existing task runs, every changeable column
    created: list[TaskRow] = field(default_factory=list)  # new READY task runs
    run: RunRow | None = None
    order_status: OrderStatusWrite | None = None
    history: list[HistoryRow] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.changed or self.created or self.run or self.order_status or self.history)


def _client() -> BaseDBAsyncClient:
    """The connection of the current transaction, if one is open, else the pool."""
    return connections.get("default")


def _postgres(client: BaseDBAsyncClient) -> bool:
    return str(client.capabilities.dialect) == "postgres"


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, separators=(",", ":"))


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


# --------------------------------------------------------------------------------------------------
# PostgreSQL: fixed texts, prepared by asyncpg once per connection

_TASK_COLUMNS = (
    "id, run_id, ordinal, stage_index, key, handler_key, state, outcome, attempts, timed_out, timeout_at, "
    "resume_at, lease_until, dispatched_at, resume_data, response, error, created_at, started_at, ended_at"
)
_CLAIMED_COLUMNS = ", ".join(f"c.{name.strip()}" for name in _TASK_COLUMNS.split(","))

PG_CLAIM_READY = f"""
WITH claimed AS (
    UPDATE task_run SET state = 'RUNNING', lease_until = $2, resume_at = NULL, claimed_at = $3,
        attempts = attempts + 1, started_at = COALESCE(started_at, $3)
    WHERE id = $1 AND state = 'READY' AND (resume_at IS NULL OR resume_at <= $4)
    RETURNING {_TASK_COLUMNS}
), started AS (
    INSERT INTO event (id, order_id, kind, message, data, actor, created_at)
    SELECT $5, r.order_id, 'task.started',
        'Task "' || c.key || '" started'
            || CASE WHEN c.attempts > 1 THEN ' (attempt ' || c.attempts || ')' ELSE '' END || '.',
        jsonb_build_object('taskRunId', c.id::text, 'taskKey', c.key, 'runId', c.run_id::text,
            'attempt', c.attempts),
        'system', $3
    FROM claimed c JOIN flow_run r ON r.id = c.run_id
)
SELECT {_CLAIMED_COLUMNS}, r.order_id AS run_order_id, r.flow_version_id, o.space_id
FROM claimed c JOIN flow_run r ON r.id = c.run_id JOIN fab_order o ON o.id = r.order_id
"""

PG_CLAIM_WAITING = f"""
WITH claimed AS (
    UPDATE task_run SET state = 'RUNNING', lease_until = $2, resume_at = NULL, claimed_at = $3
    WHERE id = $1 AND state = 'WAITING' AND resume_at <= $4
    RETURNING {_TASK_COLUMNS}
)
SELECT {_CLAIMED_COLUMNS}, r.order_id AS run_order_id, r.flow_version_id, o.space_id
FROM claimed c JOIN flow_run r ON r.id = c.run_id JOIN fab_order o ON o.id = r.order_id
"""

# The run's columns, then (in a locked run's rows) the run, its order and space beside each task run.
_RUN_COLUMNS = (
    "id, order_id, flow_version_id, status, stage_index, tasks_started, reason, flow_status,\n"
    "        started_at, ended_at"
)
_LOCKED_RUN_SELECT = """\
SELECT run.id AS r_id, run.order_id AS r_order_id, run.flow_version_id AS r_flow_version_id,
    run.status AS r_status, run.stage_index AS r_stage_index, run.tasks_started AS r_tasks_started,
    run.reason AS r_reason, run.flow_status AS r_flow_status, run.started_at AS r_started_at,
    run.ended_at AS r_ended_at,
    o.name AS o_name, o.status AS o_status, o.value AS o_value, o.deadline AS o_deadline, o.tags AS o_tags,
    o.update_url AS o_update_url, o.webhook_sequence AS o_webhook_sequence, o.space_id AS o_space_id,
    s.key AS s_key, s.organization_id AS s_organization_id, s.webhooks_version AS s_webhooks_version,
    t.*
FROM run JOIN fab_order o ON o.id = run.order_id JOIN space s ON s.id = o.space_id"""

# The run's row is locked first (the InitPlan), then its task runs: the order every writer keeps.
PG_LOCK_RUN = f"""
WITH run AS MATERIALIZED (
    SELECT {_RUN_COLUMNS}
    FROM flow_run WHERE id = $1 FOR UPDATE
), tasks AS MATERIALIZED (
    SELECT {_TASK_COLUMNS} FROM task_run WHERE run_id = (SELECT id FROM run) ORDER BY ordinal FOR UPDATE
)
{_LOCKED_RUN_SELECT}
    LEFT JOIN tasks t ON TRUE
ORDER BY t.ordinal
"""

# A claim that may end its task in the same transaction (a handler that answers at once): the run's
# row is locked first, then the claimed task run, then the others, as `PG_LOCK_RUN` (the run first).
PG_CLAIM_READY_LOCKED = f"""
WITH run AS MATERIALIZED (
    SELECT {_RUN_COLUMNS}
    FROM flow_run WHERE id = (SELECT run_id FROM task_run WHERE id = $1) FOR UPDATE
), claimed AS (
    UPDATE task_run SET state = 'RUNNING', lease_until = $2, resume_at = NULL, claimed_at = $3,
        attempts = attempts + 1, started_at = COALESCE(started_at, $3)
    WHERE id = $1 AND run_id = (SELECT id FROM run) AND state = 'READY'
        AND (resume_at IS NULL OR resume_at <= $4)
    RETURNING {_TASK_COLUMNS}
), others AS MATERIALIZED (
    SELECT {_TASK_COLUMNS} FROM task_run
    WHERE run_id = (SELECT id FROM run) AND id <> $1 AND EXISTS (SELECT 1 FROM claimed)
    ORDER BY ordinal FOR UPDATE
), started AS (
    INSERT INTO event (id, order_id, kind, message, data, actor, created_at)
    SELECT $5, run.order_id, 'task.started',
        'Task "' || c.key || '" started'
            || CASE WHEN c.attempts > 1 THEN ' (attempt ' || c.attempts || ')' ELSE '' END || '.',
        jsonb_build_object('taskRunId', c.id::text, 'taskKey', c.key, 'runId', c.run_id::text,
            'attempt', c.attempts),
        'system', $3
    FROM claimed c, run
)
{_LOCKED_RUN_SELECT}
    JOIN (SELECT * FROM claimed UNION ALL SELECT * FROM others) t ON TRUE
ORDER BY t.ordinal
"""

PG_WRITE_STEP = """
WITH changed AS (
    UPDATE task_run t SET state = c.state, outcome = c.outcome, timed_out = c.timed_out,
        resume_at = c.resume_at, lease_until = c.lease_until, dispatched_at = c.dispatched_at,
        resume_data = c.resume_data, response = c.response, error = c.error, ended_at = c.ended_at
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bool[], $5::timestamptz[], $6::timestamptz[],
        $7::timestamptz[], $8::jsonb[], $9::jsonb[], $10::text[], $11::timestamptz[])
        AS c(id, state, outcome, timed_out, resume_at, lease_until, dispatched_at, resume_data, response,
            error, ended_at)
    WHERE t.id = c.id
), created AS (
    INSERT INTO task_run (id, run_id, ordinal, stage_index, key, handler_key, state, attempts, timed_out,
        timeout_at, dispatched_at, error, created_at)
    SELECT n.id, n.run_id, n.ordinal, n.stage_index, n.key, n.handler_key, 'READY', 0, FALSE, n.timeout_at,
        n.dispatched_at, '', n.created_at
    FROM unnest($12::uuid[], $13::uuid[], $14::int[], $15::int[], $16::text[], $17::text[],
        $18::timestamptz[], $19::timestamptz[], $20::timestamptz[])
        AS n(id, run_id, ordinal, stage_index, key, handler_key, timeout_at, dispatched_at, created_at)
), run AS (
    UPDATE flow_run SET status = $22, stage_index = $23, tasks_started = $24, reason = $25,
        flow_status = $26, ended_at = $27
    WHERE id = $21
), ordered AS (
    UPDATE fab_order SET status = $29, updated_at = $30 WHERE id = $28
), history AS (
    INSERT INTO event (id, order_id, kind, message, data, actor, created_at)
    SELECT * FROM unnest($31::uuid[], $32::uuid[], $33::text[], $34::text[], $35::jsonb[], $36::text[],
        $37::timestamptz[])
)
SELECT 1
"""


def _task_row(record: Any) -> TaskRow:
    return TaskRow(
        id=record["id"],
        run_id=record["run_id"],
        ordinal=record["ordinal"],
        stage_index=record["stage_index"],
        key=record["key"],
        handler_key=record["handler_key"],
        state=record["state"],
        outcome=record["outcome"],
        attempts=record["attempts"],
        timed_out=bool(record["timed_out"]),
        timeout_at=record["timeout_at"],
        resume_at=record["resume_at"],
        lease_until=record["lease_until"],
        dispatched_at=record["dispatched_at"],
        resume_data=_loads(record["resume_data"]),
        response=_loads(record["response"]),
        error=record["error"],
        created_at=record["created_at"],
        started_at=record["started_at"],
        ended_at=record["ended_at"],
    )


def _claimed(record: Any) -> ClaimedTask:
    return ClaimedTask(
        _task_row(record), record["run_order_id"], record["space_id"], record["flow_version_id"]
    )


def _locked(records: list[Any]) -> tuple[RunRow, OrderRow, list[TaskRow]] | None:
    if not records:
        return None
    first = records[0]
    run = RunRow(
        id=first["r_id"],
        order_id=first["r_order_id"],
        flow_version_id=first["r_flow_version_id"],
        status=first["r_status"],
        stage_index=first["r_stage_index"],
        tasks_started=first["r_tasks_started"],
        reason=first["r_reason"],
        flow_status=first["r_flow_status"],
        started_at=first["r_started_at"],
        ended_at=first["r_ended_at"],
    )
    space = SpaceRow(
        first["o_space_id"], first["s_key"], first["s_organization_id"], first["s_webhooks_version"]
    )
    order = OrderRow(
        id=run.order_id,
        name=first["o_name"],
        status=first["o_status"],
        value=first["o_value"],
        deadline=first["o_deadline"],
        tags=list(_loads(first["o_tags"]) or []),
        update_url=first["o_update_url"],
        webhook_sequence=first["o_webhook_sequence"],
        space_id=first["o_space_id"],
        space=space,
    )
    tasks = [_task_row(record) for record in records if record["id"] is not None]
    return run, order, tasks


async def _pg_fetch(client: BaseDBAsyncClient, sql: str, *args: Any) -> list[Any]:
    async with client.acquire_connection() as connection:
        return list(await connection.fetch(sql, *args))


def _pg_step_args(writes: StepWrites) -> list[Any]:
    changed, created, history = writes.changed, writes.created, writes.history
    run, order = writes.run, writes.order_status
    return [
        [task.id for task in changed],
        [task.state for task in changed],
        [task.outcome for task in changed],
        [task.timed_out for task in changed],
        [task.resume_at for task in changed],
        [task.lease_until for task in changed],
        [task.dispatched_at for task in changed],
        [_dumps(task.resume_data) for task in changed],
        [_dumps(task.response) for task in changed],
        [task.error for task in changed],
        [task.ended_at for task in changed],
        [task.id for task in created],
        [task.run_id for task in created],
        [task.ordinal for task in created],
        [task.stage_index for task in created],
        [task.key for task in created],
        [task.handler_key for task in created],
        [task.timeout_at for task in created],
        [task.dispatched_at for task in created],
        [task.created_at for task in created],
        run.id if run else None,
        run.status if run else "",
        run.stage_index if run else 0,
        run.tasks_started if run else 0,
        run.reason if run else "",
        run.flow_status if run else None,
        run.ended_at if run else None,
        order.order_id if order else None,
        order.status if order else "",
        writes.moment,
        [uuid4() for _ in history],
        [entry.order_id for entry in history],
        [entry.kind for entry in history],
        [entry.message for entry in history],
        [_dumps(entry.data) for entry in history],
        [entry.actor for entry in history],
        [entry.created_at for entry in history],
    ]


# --------------------------------------------------------------------------------------------------
# SQLite: the same rows, a few plain statements, values as Tortoise stores them


def _to_db(model: Any, name: str, value: Any) -> Any:
    if value is None:
        return None
    return model._meta.fields_map[name].to_db_value(value, model)


def _to_python(model: Any, name: str, value: Any) -> Any:
    if value is None:
        return None
    return model._meta.fields_map[name].to_python_value(value)


def _sqlite_task(row: dict[str, Any]) -> TaskRow:
    values = {name: _to_python(TaskRun, name, row[name]) for name in _TASK_NAMES if name != "run_id"}
    values["run_id"] = UUID(str(row["run_id"]))
    values["state"] = str(values["state"])
    return TaskRow(**values)


_TASK_NAMES = [name.strip() for name in _TASK_COLUMNS.split(",")]


async def _sqlite_claimed(client: BaseDBAsyncClient, task_run_id: UUID) -> ClaimedTask:
    rows = await client.execute_query_dict(
        f"SELECT {_CLAIMED_COLUMNS}, r.order_id AS run_order_id, r.flow_version_id, o.space_id "
        "FROM task_run c JOIN flow_run r ON r.id = c.run_id JOIN fab_order o ON o.id = r.order_id "
        "WHERE c.id = ?",
        [str(task_run_id)],
    )
    row = rows[0]
    return ClaimedTask(
        _sqlite_task(row),
        UUID(str(row["run_order_id"])),
        UUID(str(row["space_id"])),
        UUID(str(row["flow_version_id"])),
    )


async def _sqlite_claim_ready(
    client: BaseDBAsyncClient, task_run_id: UUID, lease_until: datetime, moment: datetime, due_by: datetime
) -> ClaimedTask | None:
    changed, _ = await client.execute_query(
        "UPDATE task_run SET state = 'RUNNING', lease_until = ?, resume_at = NULL, claimed_at = ?, "
        "attempts = attempts + 1, started_at = COALESCE(started_at, ?) "
        "WHERE id = ? AND state = 'READY' AND (resume_at IS NULL OR resume_at <= ?)",
        [
            _to_db(TaskRun, "lease_until", lease_until),
            _to_db(TaskRun, "claimed_at", moment),
            _to_db(TaskRun, "started_at", moment),
            str(task_run_id),
            _to_db(TaskRun, "resume_at", due_by),
        ],
    )
    if not changed:
        return None
    claimed = await _sqlite_claimed(client, task_run_id)
    task = claimed.task
    again = f" (attempt {task.attempts})" if task.attempts > 1 else ""
    data = {
        "taskRunId": str(task.id),
        "taskKey": task.key,
        "runId": str(task.run_id),
        "attempt": task.attempts,
    }
    await _sqlite_history(
        client,
        [
            HistoryRow(
                claimed.order_id, "task.started", f'Task "{task.key}" started{again}.', data, "system", moment
            )
        ],
    )
    return claimed


async def _sqlite_claim_waiting(
    client: BaseDBAsyncClient, task_run_id: UUID, lease_until: datetime, moment: datetime, due_by: datetime
) -> ClaimedTask | None:
    changed, _ = await client.execute_query(
        "UPDATE task_run SET state = 'RUNNING', lease_until = ?, resume_at = NULL, claimed_at = ? "
        "WHERE id = ? AND state = 'WAITING' AND resume_at <= ?",
        [
            _to_db(TaskRun, "lease_until", lease_until),
            _to_db(TaskRun, "claimed_at", moment),
            str(task_run_id),
            _to_db(TaskRun, "resume_at", due_by),
        ],
    )
    return await _sqlite_claimed(client, task_run_id) if changed else None


async def _sqlite_lock_run(
    client: BaseDBAsyncClient, run_id: UUID
) -> tuple[RunRow, OrderRow, list[TaskRow]] | None:
    """SQLite has no row locks: the transaction's write lock (taken by its first write) serialises writers."""
    runs = await client.execute_query_dict(
        "SELECT r.*, o.name AS o_name, o.status AS o_status, o.value AS o_value, o.deadline AS o_deadline, "
        "o.tags AS o_tags, o.update_url AS o_update_url, o.webhook_sequence AS o_webhook_sequence, "
        "o.space_id AS o_space_id, s.key AS s_key, s.organization_id AS s_organization_id, "
        "s.webhooks_version AS s_webhooks_version "
        "FROM flow_run r JOIN fab_order o ON o.id = r.order_id JOIN space s ON s.id = o.space_id "
        "WHERE r.id = ?",
        [str(run_id)],
    )
    if not runs:
        return None
    row = runs[0]
    run = RunRow(
        id=UUID(str(row["id"])),
        order_id=UUID(str(row["order_id"])),
        flow_version_id=UUID(str(row["flow_version_id"])),
        status=str(row["status"]),
        stage_index=int(row["stage_index"]),
        tasks_started=int(row["tasks_started"]),
        reason=row["reason"],
        flow_status=row["flow_status"],
        started_at=_to_python(FlowRun, "started_at", row["started_at"]),
        ended_at=_to_python(FlowRun, "ended_at", row["ended_at"]),
    )
    space = SpaceRow(
        UUID(str(row["o_space_id"])),
        row["s_key"],
        UUID(str(row["s_organization_id"])),
        int(row["s_webhooks_version"]),
    )
    order = OrderRow(
        id=run.order_id,
        name=row["o_name"],
        status=str(row["o_status"]),
        value=_to_python(Order, "value", row["o_value"]),
        deadline=_to_python(Order, "deadline", row["o_deadline"]),
        tags=list(_to_python(Order, "tags", row["o_tags"]) or []),
        update_url=row["o_update_url"],
        webhook_sequence=int(row["o_webhook_sequence"]),
        space_id=space.id,
        space=space,
    )
    tasks = await client.execute_query_dict(
        f"SELECT {_TASK_COLUMNS} FROM task_run WHERE run_id = ? ORDER BY ordinal", [str(run_id)]
    )
    return run, order, [_sqlite_task(task) for task in tasks]


async def _sqlite_write_step(client: BaseDBAsyncClient, writes: StepWrites) -> None:
    if writes.changed:
        await client.execute_many(
            "UPDATE task_run SET state = ?, outcome = ?, timed_out = ?, resume_at = ?, lease_until = ?, "
            "dispatched_at = ?, resume_data = ?, response = ?, error = ?, ended_at = ? WHERE id = ?",
            [
                [
                    task.state,
                    task.outcome,
                    int(task.timed_out),
                    _to_db(TaskRun, "resume_at", task.resume_at),
                    _to_db(TaskRun, "lease_until", task.lease_until),
                    _to_db(TaskRun, "dispatched_at", task.dispatched_at),
                    _dumps(task.resume_data),
                    _dumps(task.response),
                    task.error,
                    _to_db(TaskRun, "ended_at", task.ended_at),
                    str(task.id),
                ]
                for task in writes.changed
            ],
        )
    if writes.created:
        await client.execute_many(
            "INSERT INTO task_run (id, run_id, ordinal, stage_index, key, handler_key, state, attempts, "
            "timed_out, timeout_at, dispatched_at, error, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, 'READY', 0, 0, ?, ?, '', ?)",
            [
                [
                    str(task.id),
                    str(task.run_id),
                    task.ordinal,
                    task.stage_index,
                    task.key,
                    task.handler_key,
                    _to_db(TaskRun, "timeout_at", task.timeout_at),
                    _to_db(TaskRun, "dispatched_at", task.dispatched_at),
                    _to_db(TaskRun, "created_at", task.created_at),
                ]
                for task in writes.created
            ],
        )
    if writes.run is not None:
        run = writes.run
        await client.execute_query(
            "UPDATE flow_run SET status = ?, stage_index = ?, tasks_started = ?, reason = ?, "
            "flow_status = ?, ended_at = ? WHERE id = ?",
            [
                run.status,
                run.stage_index,
                run.tasks_started,
                run.reason,
                run.flow_status,
                _to_db(FlowRun, "ended_at", run.ended_at),
                str(run.id),
            ],
        )
    if writes.order_status is not None:
        await client.execute_query(
            "UPDATE fab_order SET status = ?, updated_at = ? WHERE id = ?",
            [
                writes.order_status.status,
                _to_db(Order, "updated_at", writes.moment),
                str(writes.order_status.order_id),
            ],
        )
    await _sqlite_history(client, writes.history)


async def _sqlite_history(client: BaseDBAsyncClient, history: list[HistoryRow]) -> None:
    if not history:
        return
    await client.execute_many(
        "INSERT INTO event (id, order_id, kind, message, data, actor, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            [
                str(uuid4()),
                str(entry.order_id),
                entry.kind,
                entry.message,
                _dumps(entry.data),
                entry.actor,
                _to_db(HistoryEntry, "created_at", entry.created_at),
            ]
            for entry in history
        ],
    )


# --------------------------------------------------------------------------------------------------
# The sweep's questions: active tasks, found through their active runs

# `task_run` has no index on its state (a step then updates its rows in place, HOT): the sweep reaches
# the active tasks through the partial index of the active runs (an ended run has no active task) and
# each run's task runs. On PostgreSQL the LATERAL subquery (fenced by OFFSET 0) keeps that plan
# however large the table of ended task runs grows; the cost of a pass follows the active runs.
_ACTIVE_RUNS = "r.status IN ('RUNNING', 'UNHEALTHY')"


def _placeholders(where: str, count: int, postgres: bool) -> str:
    return where.format(*[f"${index + 1}" if postgres else f"?{index + 1}" for index in range(count)])


async def active_tasks(
    columns: tuple[str, ...], kinds: Sequence[str], values: list[tuple[str, Any]], limit_per_kind: int
) -> list[tuple[Any, ...]]:
    """`columns` of the active runs' task runs (`task_run t`) that match one of `kinds` (SQL tests),
    at most `limit_per_kind` of each, in one walk: a row counts under the first kind it matches, so a
    backlog of one kind never crowds out the others.

    The tests name their values `{0}`, `{1}`…; `values` gives each as (task_run column, value), so that
    SQLite gets it, and gives it back, as Tortoise stores that column.
    """
    client = _client()
    postgres = _postgres(client)
    tests = [_placeholders(kind, len(values), postgres) for kind in kinds]
    kind_of = "CASE " + " ".join(f"WHEN {test} THEN {number}" for number, test in enumerate(tests)) + " END"
    matching = " OR ".join(f"({test})" for test in tests)
    selected = ", ".join(f"t.{name}" for name in columns)
    if postgres:
        walk = (
            f"SELECT {selected}, {kind_of} AS kind FROM flow_run r CROSS JOIN LATERAL "
            f"(SELECT * FROM task_run t WHERE t.run_id = r.id AND ({matching}) OFFSET 0) t "
            f"WHERE {_ACTIVE_RUNS}"
        )
    else:
        walk = (
            f"SELECT {selected}, {kind_of} AS kind FROM flow_run r JOIN task_run t ON t.run_id = r.id "
            f"WHERE {_ACTIVE_RUNS} AND ({matching})"
        )
    kept = ", ".join(f"w.{name}" for name in columns)
    sql = (
        f"SELECT {kept} FROM (SELECT w.*, row_number() OVER (PARTITION BY w.kind) AS place "
        f"FROM ({walk}) w) w WHERE w.place <= {int(limit_per_kind)}"
    )
    if postgres:
        return [tuple(record) for record in await _pg_fetch(client, sql, *[value for _, value in values])]
    _, rows = await client.execute_query(sql, [_to_db(TaskRun, name, value) for name, value in values])
    return [
        tuple(_to_python(TaskRun, name, value) for name, value in zip(columns, row, strict=True))
        for row in rows
    ]


async def last_sent_of_claimed(since: datetime) -> datetime | None:
    """The latest `dispatched_at` of the task runs claimed since `since` (active runs, or ended since)."""
    client = _client()
    postgres = _postgres(client)
    claimed = "t.claimed_at >= {0} AND t.dispatched_at IS NOT NULL"
    runs = (
        f"SELECT r.id FROM flow_run r WHERE {_ACTIVE_RUNS} "
        "UNION SELECT r.id FROM flow_run r WHERE r.ended_at >= {0}"
    )
    if postgres:
        sql = (
            f"SELECT max(t.dispatched_at) FROM ({_placeholders(runs, 1, True)}) r CROSS JOIN LATERAL "
            f"(SELECT t.dispatched_at FROM task_run t WHERE t.run_id = r.id AND "
            f"{_placeholders(claimed, 1, True)} OFFSET 0) t"
        )
        return (await _pg_fetch(client, sql, since))[0][0]  # type: ignore[no-any-return]
    sql = (
        f"SELECT max(t.dispatched_at) FROM task_run t WHERE t.run_id IN ({_placeholders(runs, 1, False)}) "
        f"AND {_placeholders(claimed, 1, False)}"
    )
    _, rows = await client.execute_query(sql, [_to_db(TaskRun, "claimed_at", since)])  # ?1, twice
    return _to_python(TaskRun, "dispatched_at", rows[0][0])  # type: ignore[no-any-return]


# --------------------------------------------------------------------------------------------------
# The operations


async def claim_ready(
    task_run_id: UUID, lease_until: datetime, moment: datetime, due_by: datetime
) -> ClaimedTask | None:
    """READY → RUNNING (attempt + 1) if due, with its `task.started` entry; None if not READY or not due."""
    client = _client()
    if not _postgres(client):
        return await _sqlite_claim_ready(client, task_run_id, lease_until, moment, due_by)
    records = await _pg_fetch(client, PG_CLAIM_READY, task_run_id, lease_until, moment, due_by, uuid4())
    return _claimed(records[0]) if records else None


async def claim_ready_locked(
    task_run_id: UUID, lease_until: datetime, moment: datetime, due_by: datetime
) -> tuple[ClaimedTask, tuple[RunRow, OrderRow, list[TaskRow]]] | None:
    """`claim_ready` inside the caller's transaction, which then holds the lock of its run as
    `lock_run` takes it, and gets what `lock_run` reads: the task can end before the commit."""
    client = _client()
    if not _postgres(client):
        claimed = await _sqlite_claim_ready(client, task_run_id, lease_until, moment, due_by)
        locked = await _sqlite_lock_run(client, claimed.task.run_id) if claimed else None
        return (claimed, locked) if claimed and locked else None
    found = _locked(
        await _pg_fetch(client, PG_CLAIM_READY_LOCKED, task_run_id, lease_until, moment, due_by, uuid4())
    )
    if found is None:
        return None
    run, order, tasks = found
    task = next(task for task in tasks if task.id == task_run_id)
    return ClaimedTask(task, run.order_id, order.space_id, run.flow_version_id), found


async def claim_waiting(
    task_run_id: UUID, lease_until: datetime, moment: datetime, due_by: datetime
) -> ClaimedTask | None:
    """WAITING → RUNNING if its time or answer came; None otherwise."""
    client = _client()
    if not _postgres(client):
        return await _sqlite_claim_waiting(client, task_run_id, lease_until, moment, due_by)
    records = await _pg_fetch(client, PG_CLAIM_WAITING, task_run_id, lease_until, moment, due_by)
    return _claimed(records[0]) if records else None


async def lock_run(run_id: UUID) -> tuple[RunRow, OrderRow, list[TaskRow]] | None:
    """The run (locked), its order and space, its task runs (locked, in ordinal order)."""
    client = _client()
    if not _postgres(client):
        return await _sqlite_lock_run(client, run_id)
    return _locked(await _pg_fetch(client, PG_LOCK_RUN, run_id))


async def write_step(writes: StepWrites) -> None:
    if writes.empty:
        return
    client = _client()
    if not _postgres(client):
        await _sqlite_write_step(client, writes)
        return
    async with client.acquire_connection() as connection:
        await connection.execute(PG_WRITE_STEP, *_pg_step_args(writes))
