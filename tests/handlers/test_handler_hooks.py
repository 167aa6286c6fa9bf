"""The asset mail's `cancel` hook: once its task ends by a handled timeout, the confirmation link of
the mail answers that the task no longer waits, and the history says the link was voided."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from jobs.runtime import Embedded
from server.domain.actors import Actor
from server.domain.statuses import RunStatus, TaskState
from server.models import FlowRun, HistoryEntry, Order, TaskRun
from server.services import flow_runs, task_execution, task_links
from server.services.errors import Conflict
from tests.e2e.support import until
from tests.flows.conftest import MakeFlow, jobs, make_flow, stage, task
from tests.handlers.conftest import Inbox, html_part

__all__ = ["jobs", "make_flow"]

CONFIRM_OR_FALL_BACK = {
    "stages": [
        stage(
            "s",
            [
                task(
                    "mail",
                    "asset-email",
                    {
                        "filter": r"\.zip$",
                        "recipients": ["files@fabflow.test"],
                        "subject": "Your files",
                        "body": "{assetOverview}",
                        "needConfirmation": True,
                    },
                    timeoutDuration=60_000,
                    next=[{"taskDefinitionKey": "fallback", "trigger": "timeout"}],
                ),
                task("fallback", "wait", {"duration": 1}),
            ],
            ["mail"],
        )
    ]
}


async def test_a_handled_timeout_voids_the_confirmation_link(
    jobs: Embedded, make_flow: MakeFlow, admin: Actor, order: Order, smtp_server: Inbox
) -> None:
    # given: the mail went out and its task waits for the confirmation
    flow = await make_flow(CONFIRM_OR_FALL_BACK)
    run = await flow_runs.start_order_flow(admin, order.id, flow.flow.id)

    async def waiting() -> TaskRun | None:
        found = await TaskRun.get_or_none(run_id=run.id, key="mail", state=TaskState.WAITING)
        return found if found is not None and smtp_server.messages() else None

    mail_task: TaskRun = await until(waiting, timeout=30)
    [message] = smtp_server.messages()
    [token] = re.findall(r'/confirm/([^"&?]+)"', html_part(message))
    assert (await task_links.describe_confirmation(token)).linked.task.id == mail_task.id

    # when: its timeout passes
    await TaskRun.filter(id=mail_task.id).update(timeout_at=datetime.now(UTC) - timedelta(seconds=1))
    await task_execution.fire_timeout(mail_task.id)

    # then
    async def finished() -> FlowRun | None:
        current = await FlowRun.get(id=run.id)
        return current if current.status == RunStatus.SUCCESS else None

    await until(finished, timeout=30)
    assert (await TaskRun.get(id=mail_task.id)).state == TaskState.TIMED_OUT
    with pytest.raises(Conflict, match="no longer waits: it has ended \\(timed out\\)"):
        await task_links.confirm(token, "late@example.com")
    [voided] = await HistoryEntry.filter(order_id=order.id, kind="confirmation-voided")
    assert voided.data == {"task": "mail", "taskRunId": str(mail_task.id)}
    assert await HistoryEntry.filter(order_id=order.id, kind="confirmation-received").count() == 0
