"""consume-rest-api against a real HTTP server on loopback."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from jobs.handlers.base import Failed, Retry, Succeeded, Wait
from jobs.handlers.consume_rest_api import HANDLER, backoff
from server import settings
from server.models import Order, Space, TaskAttempt
from server.services import signed_links, webhooks
from tests.handlers.conftest import Connector, ContextFactory, free_port


async def test_a_connector_that_fails_three_times_gets_the_same_idempotency_key_four_times(
    connector: Connector, make_context: ContextFactory, space: Space, order: Order
) -> None:
    for _ in range(3):
        connector.answer(500, b"busy")
    connector.answer(201, b'{"id": "job-1"}')
    context = await make_context("consume-rest-api", {"uri": connector.url})

    outcomes = [await HANDLER.run(replace(context, attempt=attempt)) for attempt in (1, 2, 3, 4)]

    assert [type(outcome) for outcome in outcomes] == [Retry, Retry, Retry, Succeeded]
    keys = {request.headers["idempotency-key"] for request in connector.received}
    assert keys == {str(context.task_run_id)}
    assert len(connector.received) == 4
    assert len({request.headers["webhook-id"] for request in connector.received}) == 1
    attempts = await TaskAttempt.filter(task_run_id=context.task_run_id).order_by("attempt")
    assert [(a.attempt, a.status_code) for a in attempts] == [(1, 500), (2, 500), (3, 500), (4, 201)]
    assert attempts[0].response_excerpt == "busy"
    assert attempts[3].response_excerpt == '{"id": "job-1"}'


async def test_the_body_is_the_order_in_connector_format_and_signed(
    connector: Connector, make_context: ContextFactory, space: Space, order: Order
) -> None:
    context = await make_context("consume-rest-api", {"uri": connector.url})

    await HANDLER.run(context)

    [request] = connector.received
    body = json.loads(request.body)
    assert body["order"]["thirdPartyOrderId"] == "WEB-2026-001842"
    assert body["order"]["orderLines"][0]["items"][1]["assets"][0]["versions"][1]["url"].endswith("v2.stl")
    assert request.headers["content-type"] == "application/json"
    assert webhooks.verify(space.signing_secret, request.headers, request.body)
    assert not webhooks.verify(webhooks.new_signing_secret(), request.headers, request.body)


async def test_a_400_fails_at_once(connector: Connector, make_context: ContextFactory) -> None:
    connector.answer(400, b'{"error": "bad order"}')
    context = await make_context("consume-rest-api", {"uri": connector.url})

    outcome = await HANDLER.run(context)

    assert isinstance(outcome, Failed)
    assert "400" in outcome.reason
    assert outcome.response is not None and "bad order" in outcome.response["response"]
    assert len(connector.received) == 1


async def test_with_feedback_the_task_waits_and_the_body_carries_its_feedback_url(
    connector: Connector, make_context: ContextFactory
) -> None:
    context = await make_context("consume-rest-api", {"uri": connector.url, "sendsFeedback": True})

    outcome = await HANDLER.run(context)

    assert isinstance(outcome, Wait)
    update_url = json.loads(connector.received[0].body)["order"]["updateUrl"]
    assert update_url.startswith(settings.PUBLIC_URL + "/api/v1/feedback/")
    token = update_url.rsplit("/", 1)[1]
    assert signed_links.read_task_token(signed_links.FEEDBACK, token).task_run_id == context.task_run_id


async def test_a_connector_that_is_down_is_retried(make_context: ContextFactory, monkeypatch: Any) -> None:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["127.0.0.1"])
    context = await make_context("consume-rest-api", {"uri": f"http://127.0.0.1:{free_port()}/x"})

    outcome = await HANDLER.run(context)

    assert isinstance(outcome, Retry)
    assert outcome.at > datetime.now(UTC)
    [attempt] = await TaskAttempt.filter(task_run_id=context.task_run_id)
    assert attempt.status_code is None and attempt.error


async def test_without_a_timeout_retries_end_after_the_last_attempt(
    make_context: ContextFactory, monkeypatch: Any
) -> None:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["127.0.0.1"])
    context = await make_context("consume-rest-api", {"uri": f"http://127.0.0.1:{free_port()}/x"}, attempt=12)

    assert isinstance(await HANDLER.run(context), Failed)


@pytest.mark.parametrize(
    ("uri", "why"),
    [
        ("http://example.com/orders", "https"),
        ("https://10.1.2.3/orders", "not a public address"),
        ("https://169.254.169.254/latest/meta-data", "not a public address"),
        ("https://[::1]/orders", "not a public address"),
        ("https://user:pw@example.com/orders", "password"),
    ],
)
async def test_urls_the_address_rules_refuse_fail_without_a_call(
    make_context: ContextFactory, monkeypatch: Any, uri: str, why: str
) -> None:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", [])
    context = await make_context("consume-rest-api", {"uri": uri})

    outcome = await HANDLER.run(context)

    assert isinstance(outcome, Failed)
    assert why in outcome.reason


async def test_a_redirect_to_a_private_address_is_refused(
    connector: Connector, make_context: ContextFactory
) -> None:
    connector.answer(307, headers={"location": "https://192.168.1.10/admin"})
    context = await make_context("consume-rest-api", {"uri": connector.url})

    outcome = await HANDLER.run(context)

    assert isinstance(outcome, Failed)
    assert "192.168.1.10" in outcome.reason
    assert len(connector.received) == 1


async def test_a_307_redirect_repeats_the_post(connector: Connector, make_context: ContextFactory) -> None:
    connector.answer(307, headers={"location": "/moved"})
    connector.answer(202)
    context = await make_context("consume-rest-api", {"uri": connector.url})

    outcome = await HANDLER.run(context)

    assert isinstance(outcome, Succeeded)
    first, second = connector.received
    assert (second.method, second.path) == ("POST", "/moved")
    assert second.body == first.body
    assert second.headers["idempotency-key"] == first.headers["idempotency-key"]


async def test_feedback_decides_how_the_task_ends(make_context: ContextFactory) -> None:
    from jobs.handlers.base import Resumption

    context = await make_context("consume-rest-api", {"uri": "https://example.com", "sendsFeedback": True})

    ok = await HANDLER.resume(context, Resumption({"status": "success", "message": "printed"}))
    bad = await HANDLER.resume(context, Resumption({"status": "failure", "message": "out of powder"}))

    assert isinstance(ok, Succeeded)
    assert isinstance(bad, Failed) and bad.reason == "out of powder"


def test_backoff_doubles_with_jitter_and_is_bounded() -> None:
    import random

    rng = random.Random(7)
    delays = [backoff(attempt, rng) for attempt in range(1, 30)]
    assert timedelta(seconds=2.5) <= delays[0] <= timedelta(seconds=7.5)
    assert timedelta(seconds=5) <= delays[1] <= timedelta(seconds=15)
    assert max(delays) <= timedelta(minutes=22.5)


async def test_rotation_signs_with_both_secrets_during_the_grace_period(admin: Any, space: Space) -> None:
    old = space.signing_secret

    rotated = await webhooks.rotate_signing_secret(admin, space.key)

    secrets = await webhooks.signing_secrets(space.id)
    assert secrets == [rotated.signing_secret, old]
    headers = webhooks.signature_headers(secrets, "msg_1", b"{}")
    assert webhooks.verify(old, headers, b"{}")
    assert webhooks.verify(rotated.signing_secret, headers, b"{}")
