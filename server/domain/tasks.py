"""What a task handler gets and returns: its context and its result (the handlers themselves live in `jobs`).

The flow-run service calls `run` when a task starts, outside any transaction, and records the
`HandlerResult` it returns in one transaction. A handler that must wait for the outside world (a user, a
confirmation link, connector feedback, a timer) returns `Wait`; the service later calls `resume` with
what arrived (or with `None` when a `resume_at` time came). A handler that should be run again later
(a connector answered 503) returns `Retry`; the service runs it again at that time with
`attempt + 1`, unless the task timed out first.

Handlers are idempotent per `(task_run_id, attempt)`: at-least-once delivery may call `run` twice
for the same attempt, so side effects outside Fabflow carry the task run's id (an `Idempotency-Key`,
a manual task keyed by task run).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class TaskContext:
    """Everything a handler knows about the task it runs; it loads the rest through services."""

    task_run_id: UUID
    run_id: UUID
    order_id: UUID
    space_id: UUID
    task_key: str
    handler_key: str
    payload: dict[str, Any]  # the task's payload as validated (aliases not resolved)
    attempt: int  # 1 on the first run
    timeout_at: datetime | None  # when the task's timeout fires, if it has one


@dataclass(frozen=True)
class Succeeded:
    response: dict[str, Any] | None = None  # kept on the task run, shown to operators


@dataclass(frozen=True)
class Failed:
    reason: str
    response: dict[str, Any] | None = None


@dataclass(frozen=True)
class Wait:
    """The task waits: for `resume` to be called from outside, or on its own at `resume_at`."""

    resume_at: datetime | None = None
    response: dict[str, Any] | None = None


@dataclass(frozen=True)
class Retry:
    """Run the task again (attempt + 1) not before `at`; `reason` goes into the history."""

    at: datetime
    reason: str
    response: dict[str, Any] | None = None


HandlerResult = Succeeded | Failed | Wait | Retry


@dataclass(frozen=True)
class Resumption:
    """What arrived for a waiting task: `None` data when its `resume_at` time came."""

    data: dict[str, Any] | None = None
    actor: str = "system"  # who resumed it, as it appears in events
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EndedTask:
    """A task run whose pending work must stop: it was cancelled, failed, or ended by a handled timeout."""

    task_run_id: UUID
    order_id: UUID
    task_key: str
    handler_key: str
    why: str  # "was cancelled", "timed out" or "failed", as it reads in a sentence
    was_waiting: bool = False  # it was waiting for the outside world (a person, a link) when it ended
