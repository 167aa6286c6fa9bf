"""Manual tasks: opened by their handler, listed for people, resolved in `flow_runs`, or closed."""

from __future__ import annotations

from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.domain.statuses import ManualTaskStatus, RunStatus, TaskState
from server.models import FlowRun, HistoryEntry, ManualTask, TaskRun
from server.services import webhook_events, webhook_outbox
from server.services.effects import Effects, now

# A manual task is opened only while its run and its task run can still be acted on.
_LIVE_RUN = (RunStatus.RUNNING, RunStatus.UNHEALTHY)
_LIVE_TASK = (TaskState.READY, TaskState.RUNNING, TaskState.WAITING)


async def open_manual_task(
    order_id: UUID, task_run_id: UUID, *, title: str, description: str, assignee_tags: list[str]
) -> ManualTask | None:
    """One manual task per task run, however often the handler runs for it (at-least-once delivery).

    None when the run ended or the task run was cancelled while the handler worked: the task's
    `cancel` hook has then already closed whatever was open, so a task opened now would stay open
    (and be announced) for a run nobody can act on any more.
    """
    existing = await ManualTask.get_or_none(task_run_id=task_run_id)
    if existing is not None:
        return existing
    effects = Effects()
    try:
        task = await _open_if_live(order_id, task_run_id, title, description, assignee_tags, effects)
    except IntegrityError:  # opened at the same moment by another delivery of the same message
        return await ManualTask.get(task_run_id=task_run_id)
    await effects.carry_out()
    return task


async def _open_if_live(
    order_id: UUID,
    task_run_id: UUID,
    title: str,
    description: str,
    assignee_tags: list[str],
    effects: Effects,
) -> ManualTask | None:
    """Check the run and the task run and open the task in one transaction, the run's row locked
    (on PostgreSQL; SQLite serialises writers) as every decision that ends them locks it first."""
    run_ids = await TaskRun.filter(id=task_run_id).values_list("run_id", flat=True)
    if not run_ids:
        return None
    async with in_transaction():
        statuses = await FlowRun.filter(id=run_ids[0]).select_for_update().values_list("status", flat=True)
        states = await TaskRun.filter(id=task_run_id).values_list("state", flat=True)
        if not statuses or statuses[0] not in _LIVE_RUN or not states or states[0] not in _LIVE_TASK:
            return None
        existing = await ManualTask.get_or_none(task_run_id=task_run_id)
        if existing is not None:
            return existing
        task = await ManualTask.create(
            order_id=order_id,
            task_run_id=task_run_id,
            title=title,
            description=description,
            assignee_tags=assignee_tags,
        )
        await HistoryEntry.create(
            order_id=order_id,
            kind="manual_task.opened",
            message=f'Manual task "{title}" is waiting for someone.',
            data={"manualTaskId": str(task.id), "taskRunId": str(task_run_id)},
            actor="system",
        )
        moment = now()
        await webhook_outbox.record_for_order(
            order_id,
            "manual_task.created",
            lambda order: webhook_events.manual_task_data(task, order, moment),
            effects,
        )
    return task


async def close_manual_task(task_run_id: UUID) -> None:
    """Cancel the task run's manual task if it is still open (its task was cancelled, failed or timed out)."""
    await ManualTask.filter(task_run_id=task_run_id, status=ManualTaskStatus.OPEN).update(
        status=ManualTaskStatus.CANCELLED, resolved_at=now()
    )
