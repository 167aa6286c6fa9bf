"""`manual-task`: a person completes it (success) or rejects it (failure) in the UI or the API."""

from __future__ import annotations

from jobs.handlers.base import Failed, Outcome, Resumption, Succeeded, TaskContext, Wait
from server.domain.flows import HandlerSpec, handler_spec
from server.services.manual_tasks import open_manual_task


class ManualTaskHandler:
    spec: HandlerSpec = handler_spec("manual-task")  # type: ignore[assignment]

    async def run(self, context: TaskContext) -> Outcome:
        payload = context.payload
        task = await open_manual_task(
            context.order_id,
            context.task_run_id,
            title=str(payload["title"]),
            description=str(payload.get("description") or ""),
            assignee_tags=[str(tag) for tag in payload.get("assigneeTags") or ()],
        )
        return Wait(response={"manualTaskId": str(task.id)})

    async def resume(self, context: TaskContext, resumption: Resumption) -> Outcome:
        data = resumption.data or {}
        by, comment = data.get("by", resumption.actor), data.get("comment") or ""
        if data.get("decision") == "complete":
            return Succeeded({"completedBy": by, "comment": comment})
        if data.get("decision") == "reject":
            return Failed(f"rejected by {by}" + (f": {comment}" if comment else ""), {"rejectedBy": by})
        return Wait()  # woken without a decision (a sweep); keep waiting for a person


HANDLER = ManualTaskHandler()
