"""`manual-task`: a person completes it (success) or rejects it (failure) in the UI or the API."""

from __future__ import annotations

from jobs.handlers.base import (
    STRING,
    STRING_LIST,
    EndedTask,
    Failed,
    Field,
    HandlerResult,
    HandlerSpec,
    Resumption,
    Succeeded,
    TaskContext,
    Wait,
)
from server.services.manual_tasks import close_manual_task, open_manual_task

SPEC = HandlerSpec(
    "manual-task",
    "Waits for a person to complete (success) or reject (failure) a task.",
    (
        Field("title", STRING, True, description="what the person must do."),
        Field("description", STRING, description="details for the person."),
        Field("assigneeTags", STRING_LIST, description="users with one of these tags see the task."),
    ),
)


class ManualTaskHandler:
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = context.payload
        task = await open_manual_task(
            context.order_id,
            context.task_run_id,
            title=str(payload["title"]),
            description=str(payload.get("description") or ""),
            assignee_tags=[str(tag) for tag in payload.get("assigneeTags") or ()],
        )
        return Wait(response={"manualTaskId": str(task.id)})

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        data = resumption.data or {}
        by, comment = data.get("by", resumption.actor), data.get("comment") or ""
        if data.get("decision") == "complete":
            return Succeeded({"completedBy": by, "comment": comment})
        if data.get("decision") == "reject":
            return Failed(f"rejected by {by}" + (f": {comment}" if comment else ""), {"rejectedBy": by})
        return Wait()  # woken without a decision (a sweep); keep waiting for a person

    async def cancel(self, task: EndedTask) -> None:
        """Nobody resolved it in time, its run was cancelled, or it failed: it can no longer be acted on."""
        await close_manual_task(task.task_run_id)


HANDLER = ManualTaskHandler()
