"""The message consumers: thin shells that hand a task run id to the services and the handler registry.

Dramatiq binds each under its key in `CONSUMERS`, its actor name: messages carry that name, so it
stays fixed. Every consumer is idempotent (the services change rows only from the state they
expect) and has `max_retries=0`: a failure is recorded on the task run, and lost work is re-driven
by the sweep, not by Dramatiq's own retries.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from uuid import UUID

from jobs.handlers.base import Failed, HandlerResult
from jobs.handlers.registry import handler_for
from server.db_errors import is_outage
from server.services import export_jobs, task_execution, webhook_replays, webhook_sending
from server.services.task_execution import Claim

logger = logging.getLogger(__name__)

# Longer than any handler should take; the task's own timeout is what users set.
TIME_LIMIT_MS = 15 * 60 * 1000
OPTIONS: dict[str, Any] = {"max_retries": 0, "time_limit": TIME_LIMIT_MS}
# Recorded instead of running the task again and again (a lapsed lease would hand it to another worker).
STOPPED = "The handler was stopped before it finished (the worker's time limit, or a shutdown)."


async def run_task(task_run_id: str, resuming: bool = False) -> None:
    """Run a READY task, or resume a WAITING one whose time or answer came."""
    try:
        claim = await task_execution.claim(UUID(task_run_id), resuming, at_once=True)
    except Exception as exc:
        if not is_outage(exc):
            raise
        logger.warning(
            "task run %s not claimed, the database is away: %s; the sweep re-drives it", task_run_id, exc
        )
        return
    if claim is None or claim.ended:
        return  # a duplicate or late message (someone else has it, or it ended), or it ended at once
    renewal = asyncio.create_task(_keep_lease(claim))
    try:
        result = await _handler_result(claim)
    except asyncio.CancelledError:  # the actor's time limit, or the worker stopping mid-task
        await task_execution.record(claim, Failed(STOPPED))
        raise
    finally:
        renewal.cancel()
    await task_execution.record(claim, result)


async def _keep_lease(claim: Claim) -> None:
    interval = task_execution.LEASE.total_seconds() / 3
    while True:
        await asyncio.sleep(interval)
        if not await task_execution.renew_lease(claim):
            return


async def resume_task(task_run_id: str) -> None:
    await run_task(task_run_id, resuming=True)


async def fire_timeout(task_run_id: str) -> None:
    await task_execution.fire_timeout(UUID(task_run_id))


async def _handler_result(claim: Claim) -> HandlerResult:
    context = claim.context
    handler = handler_for(context.handler_key)
    if handler is None:
        return Failed(f'No handler "{context.handler_key}" is installed on this worker.')
    try:
        if claim.resumption is None:
            return await handler.run(context)
        return await handler.resume(context, claim.resumption)
    except Exception as exc:  # a handler's bug or an unexpected outside error ends as a recorded failure
        logger.exception("handler %s failed on task run %s", context.handler_key, context.task_run_id)
        return Failed(f"{type(exc).__name__}: {exc}"[:2000])


async def deliver_webhook(delivery_id: str) -> None:
    """One attempt of a webhook delivery (its retries are messages sent with a delay)."""
    await webhook_sending.attempt(UUID(delivery_id))


async def replay_webhooks(replay_id: str) -> None:
    """Resend an endpoint's failed deliveries, batch after batch (see `webhook_replays`)."""
    await webhook_replays.run(UUID(replay_id))


async def make_export(export_job_id: str) -> None:
    """Make an export's file (a table as CSV or zip); the sweep re-sends a lost one."""
    await export_jobs.run(UUID(export_job_id))


CONSUMERS = {
    "run_task": (run_task, OPTIONS),
    "resume_task": (resume_task, OPTIONS),
    "fire_timeout": (fire_timeout, OPTIONS),
    "deliver_webhook": (deliver_webhook, OPTIONS),
    "replay_webhooks": (replay_webhooks, OPTIONS),
    "make_export": (make_export, {"max_retries": 0, "time_limit": 2 * TIME_LIMIT_MS}),
}
