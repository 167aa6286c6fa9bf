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
from server.domain.actors import shown_actor
from server.domain.variables import render
from server.services.manual_tasks import close_manual_task, open_manual_task
from server.services.orders import context as order_context

SPEC = HandlerSpec(
    "manual-task",
    "Waits for a person to complete (success) or reject (failure) a task.",
    (
        Field("title", STRING, True, description="what the person must do; {placeholders} are filled in."),
        Field("description", STRING, description="details for the person; {placeholders} are filled in."),
        Field("assigneeTags", STRING_LIST, description="users with one of these tags see the task."),
    ),
)


class ManualTaskHandler:
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = context.payload
        variables = await order_context.variables_of(context.order_id)
        title = render(str(payload["title"]), variables)
        description = render(str(payload.get("description") or ""), variables)
        missing = title.missing + description.missing
        await order_context.warn_missing(context.order_id, context.task_key, missing)
        task = await open_manual_task(
            context.order_id,
            context.task_run_id,
            title=title.text,
            description=description.text,
            assignee_tags=[str(tag) for tag in payload.get("assigneeTags") or ()],
        )
        if task is None:  # its run ended meanwhile: the task run is no longer ours to record
            return Wait()
        return Wait(response={"manualTaskId": str(task.id)})

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        data = resumption.data or {}
        by, comment = data.get("by", resumption.actor), data.get("comment") or ""
        if data.get("decision") == "complete":
            return Succeeded({"completedBy": by, "comment": comment})
        if data.get("decision") == "reject":
            person = shown_actor(by)
            return Failed(f"rejected by {person}" + (f": {comment}" if comment else ""), {"rejectedBy": by})
        return Wait()  # woken without a decision (a sweep); keep waiting for a person

    async def cancel(self, task: EndedTask) -> None:
        """Nobody resolved it in time, its run was cancelled, or it failed: it can no longer be acted on."""
        await close_manual_task(task.task_run_id)


HANDLER = ManualTaskHandler()
