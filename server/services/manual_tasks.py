"""Manual tasks: opened by their handler, listed for people, resolved in `flow_runs`, or closed."""

from __future__ import annotations

from uuid import UUID

from tortoise.exceptions import IntegrityError

from server.domain.statuses import ManualTaskStatus
from server.models import HistoryEntry, ManualTask
from server.services import webhook_events, webhook_outbox
from server.services.effects import now


async def open_manual_task(
    order_id: UUID, task_run_id: UUID, *, title: str, description: str, assignee_tags: list[str]
) -> ManualTask:
    """One manual task per task run, however often the handler runs for it (at-least-once delivery)."""
    existing = await ManualTask.get_or_none(task_run_id=task_run_id)
    if existing is not None:
        return existing
    try:
        task = await ManualTask.create(
            order_id=order_id,
            task_run_id=task_run_id,
            title=title,
            description=description,
            assignee_tags=assignee_tags,
        )
    except IntegrityError:
        return await ManualTask.get(task_run_id=task_run_id)
    await HistoryEntry.create(
        order_id=order_id,
        kind="manual_task.opened",
        message=f'Manual task "{title}" is waiting for someone.',
        data={"manualTaskId": str(task.id), "taskRunId": str(task_run_id)},
        actor="system",
    )
    moment = now()
    await webhook_outbox.record_for_order(
        order_id, "manual_task.created", lambda order: webhook_events.manual_task_data(task, order, moment)
    )
    return task


async def close_manual_task(task_run_id: UUID) -> None:
    """Cancel the task run's manual task if it is still open (its task was cancelled, failed or timed out)."""
    await ManualTask.filter(task_run_id=task_run_id, status=ManualTaskStatus.OPEN).update(
        status=ManualTaskStatus.CANCELLED, resolved_at=now()
    )
