"""`consume-rest-api`: POST the order in the connector format to a connector and read its answer.

2xx is success (or, with `sendsFeedback`, the task waits for the connector's feedback); 4xx is a
failure without retry; 5xx, a redirect loop and network errors retry with exponential backoff and
jitter, never after the task's timeout and never more than `MAX_ATTEMPTS` times: the attempt cap
fails the task; a next attempt that would come after the timeout is not made, and the task waits
instead (for its timeout to be handled, for feedback with `sendsFeedback`, or for a retry by an
operator). A URL the address rules refuse fails at once. Every call is kept as a `TaskAttempt`.

Every attempt of a task run sends the same `Idempotency-Key` and `webhook-id`, and a Standard
Webhooks signature made with the space's signing secret.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from jobs.handlers.base import (
    BOOLEAN,
    FEEDBACK,
    HTTP_URL,
    Failed,
    Field,
    HandlerResult,
    HandlerSpec,
    Resumption,
    Retry,
    Succeeded,
    TaskContext,
    Wait,
)
from server.models import TaskAttempt
from server.services import outbound, signed_links, webhooks
from server.services.orders import context as order_context

SPEC = HandlerSpec(
    "consume-rest-api",
    "POSTs the order in the connector format to a URL; optionally waits for the connector's feedback.",
    (
        Field("uri", HTTP_URL, True, description="the connector's http(s) URL."),
        Field("sendsFeedback", BOOLEAN, description="wait for the connector's feedback.", default=False),
    ),
)

BASE_DELAY = timedelta(seconds=5)
MAX_DELAY = timedelta(minutes=15)
MAX_ATTEMPTS = 12  # with or without a timeout: whichever ends the calls first


def backoff(attempt: int, rng: random.Random | None = None) -> timedelta:
    """The wait before attempt `attempt + 1`: doubling from 5 s up to 15 min, with ±50 % jitter."""
    exponent = min(attempt - 1, 20)
    delay = min(BASE_DELAY * (2**exponent), MAX_DELAY)
    jitter = (rng or random).uniform(0.5, 1.5)
    return delay * jitter


async def request_body(context: TaskContext, sends_feedback: bool) -> bytes:
    from server.services.orders.intake import connector_json

    body: dict[str, Any] = dict(await connector_json(context.order_id))
    if sends_feedback:
        body["order"] = {
            **body["order"],
            "updateUrl": signed_links.task_url(signed_links.FEEDBACK, context.task_run_id),
        }
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, default=str).encode()


async def request_headers(context: TaskContext, body: bytes) -> dict[str, str]:
    secrets = await webhooks.signing_secrets(context.space_id)
    return {
        "content-type": "application/json",
        "user-agent": "Fabflow",
        "idempotency-key": str(context.task_run_id),
        **webhooks.signature_headers(secrets, f"msg_{context.task_run_id.hex}", body),
    }


async def record_attempt(context: TaskContext, result: outbound.CallResult) -> None:
    await TaskAttempt.create(
        task_run_id=context.task_run_id,
        attempt=context.attempt,
        url=result.url[:2000],
        status_code=result.status_code,
        duration_ms=result.duration_ms,
        response_excerpt=result.excerpt,
        error=result.error,
    )


def summary(result: outbound.CallResult) -> dict[str, Any]:
    return {
        "url": result.url,
        "statusCode": result.status_code,
        "durationMs": result.duration_ms,
        "response": result.excerpt,
        **({"error": result.error} if result.error else {}),
    }


def decide(context: TaskContext, result: outbound.CallResult, sends_feedback: bool) -> HandlerResult:
    """How one call ends the task."""
    status = result.status_code
    if status is not None and 200 <= status < 300:
        return Wait(response=summary(result)) if sends_feedback else Succeeded(summary(result))
    if status is not None and 400 <= status < 500:
        return Failed(f"The connector answered {status}; this is not retried.", summary(result))
    what = f"answered {status}" if status is not None else f"could not be reached ({result.error})"
    if context.attempt >= MAX_ATTEMPTS:
        return Failed(f"The connector {what}, {context.attempt} times; giving up.", summary(result))
    retry_at = datetime.now(UTC) + backoff(context.attempt)
    if context.timeout_at is not None and retry_at >= context.timeout_at:
        return Wait(response={**summary(result), "stopped": _stopped(what)})
    return Retry(retry_at, f"The connector {what}; trying again.", summary(result))


PAST_TIMEOUT = "The timeout passed; no more calls are made."


def _stopped(what: str) -> str:
    return f"The connector {what}; no more calls are made: the next one would come after the timeout."


def past_timeout(context: TaskContext) -> bool:
    """A later attempt claimed after the task's timeout: no call is made any more."""
    return context.attempt > 1 and context.timeout_at is not None and datetime.now(UTC) >= context.timeout_at


def feedback_result(data: dict[str, Any]) -> HandlerResult:
    """How connector feedback ends the task: `status` success or failure, with its message."""
    response = {"feedback": data}
    if data.get("status") == "success":
        return Succeeded(response)
    return Failed(str(data.get("message") or "The connector reported a failure."), response)


class ConsumeRestApi:
    spec = SPEC
    link_purposes = frozenset({FEEDBACK})

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = self.spec.payload.normalize(context.payload)
        sends_feedback = bool(payload.get("sendsFeedback"))
        if past_timeout(context):
            return await _stop(context, Wait(response={"stopped": PAST_TIMEOUT}))
        body = await request_body(context, sends_feedback)
        headers = await request_headers(context, body)
        try:
            result = await outbound.post(str(payload["uri"]), body, headers, policy=webhooks.url_policy())
        except webhooks.RefusedUrl as exc:
            await record_attempt(context, outbound.CallResult(str(payload["uri"]), None, 0, "", str(exc)))
            return Failed(str(exc))
        await record_attempt(context, result)
        outcome = decide(context, result, sends_feedback)
        if isinstance(outcome, Wait) and outcome.response and "stopped" in outcome.response:
            return await _stop(context, outcome)
        return outcome

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        if resumption.data is None:
            return Wait()
        return feedback_result(resumption.data)


async def _stop(context: TaskContext, outcome: Wait) -> Wait:
    """No more calls: the order's history says why, whichever attempt found it out."""
    assert outcome.response is not None
    await order_context.record_event(
        context.order_id,
        "warning",
        f"Task {context.task_key}: {outcome.response['stopped']}",
        {"task": context.task_key, "attempt": context.attempt},
    )
    return outcome


HANDLER = ConsumeRestApi()
