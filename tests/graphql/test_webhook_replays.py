"""Resending one delivery and replaying an endpoint's failed deliveries as a background job (GraphQL),
against a real receiver on 127.0.0.1 and the embedded worker."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from standardwebhooks.webhooks import Webhook

from server import settings
from server.domain.actors import Actor
from server.models import WebhookDelivery, WebhookEndpoint, WebhookReplay
from server.services import webhook_endpoints, webhook_events, webhook_replays
from tests.e2e.support import until
from tests.flows.conftest import jobs  # noqa: F401
from tests.graphql.conftest import Gql
from tests.web.receiver import Receiver, receiver  # noqa: F401

SEND_TEST = "mutation ($id: ID!) { sendTestWebhook(id: $id) { delivery { id } errors { code } } }"
REPLAY = """
mutation ($endpoint: ID!, $since: DateTime!) {
  replayWebhookDeliveries(endpointId: $endpoint, since: $since) {
    replay { id state total resent percent }
    errors { field message code }
  }
}
"""
LOCAL = "http://127.0.0.1:9/hook"  # nothing listens: no worker runs in these tests anyway
JOB = "query ($id: ID!) { webhookReplay(id: $id) { id state total resent percent endedAt } }"
RESEND = """
mutation ($id: ID!) {
  resendWebhookDelivery(id: $id) { delivery { id state } errors { field message code } }
}
"""


@pytest.fixture(autouse=True)
def local_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["127.0.0.1"])


async def _ended(ids: list[str], state: str) -> bool:
    rows = await WebhookDelivery.filter(id__in=ids).values_list("state", flat=True)
    return len(rows) == len(ids) and all(s == state for s in rows)


async def _failed_rows(endpoint: WebhookEndpoint, count: int, at: datetime | None = None) -> list[UUID]:
    """Deliveries that ended failed, as the sender leaves them."""
    made = at or datetime.now(UTC)
    ids = []
    for _ in range(count):
        delivery_id = uuid4()
        body = webhook_events.envelope("webhook.test", str(delivery_id), made, "demo-eyewear", 0, {})
        await WebhookDelivery.create(
            id=delivery_id,
            space_id=endpoint.space_id,  # type: ignore[attr-defined]
            endpoint_id=endpoint.id,
            url=endpoint.url,
            event_type="webhook.test",
            body=body,
            state="failed",
            attempts=1,
            tries=1,
            created_at=made,
            ended_at=made,
        )
        ids.append(delivery_id)
    return ids


async def test_a_replay_resends_every_failed_delivery_since_t_once_with_its_webhook_id(
    jobs: Any,  # noqa: F811
    gql: Gql,
    admin: Actor,
    space_key: tuple[str, str],
    receiver: Receiver,  # noqa: F811
) -> None:
    space, key = space_key
    endpoint = await webhook_endpoints.create_endpoint(admin, space, receiver.url, ["*"])
    receiver.answer = 400  # not retried: each ends failed after one attempt
    failed = []
    for _ in range(3):
        made = await gql(SEND_TEST, {"id": str(endpoint.id)}, key)
        failed.append(made["data"]["sendTestWebhook"]["delivery"]["id"])
    await until(lambda: _ended(failed, "failed"))
    old = await _failed_rows(endpoint, 1, at=datetime.now(UTC) - timedelta(days=2))
    receiver.answer = 200
    fine = (await gql(SEND_TEST, {"id": str(endpoint.id)}, key))["data"]["sendTestWebhook"]["delivery"]["id"]
    await until(lambda: _ended([fine], "succeeded"))

    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    started = (await gql(REPLAY, {"endpoint": str(endpoint.id), "since": since}, key))["data"]
    payload = started["replayWebhookDeliveries"]
    assert payload["errors"] == [] and payload["replay"]["total"] == 3
    job_id = payload["replay"]["id"]

    async def done() -> dict[str, Any] | None:
        job = (await gql(JOB, {"id": job_id}, key))["data"]["webhookReplay"]
        return job if job["state"] == "done" else None

    job = await until(done)
    assert (job["resent"], job["percent"]) == (3, 100) and job["endedAt"]
    await until(lambda: _ended(failed, "succeeded"))
    seen = Counter(receiver.ids())
    assert {i: seen[i] for i in failed} == {i: 2 for i in failed}  # the first try, and the replay
    assert seen[fine] == 1 and seen[str(old[0])] == 0
    verifier = Webhook(endpoint.secret)
    for headers, body in receiver.calls:
        assert verifier.verify(body, headers)["id"] == headers["webhook-id"]

    resent = (await gql(RESEND, {"id": fine}, key))["data"]["resendWebhookDelivery"]
    assert resent["errors"] == [] and resent["delivery"]["id"] == fine
    await until(lambda: _count(receiver, fine, 2))


async def _count(receiver: Receiver, delivery_id: str, wanted: int) -> bool:  # noqa: F811
    return Counter(receiver.ids())[delivery_id] == wanted


async def test_replay_and_resend_refuse_what_they_cannot_do(
    gql: Gql, admin: Actor, space_key: tuple[str, str], operator_token: str, other_key: str
) -> None:
    space, key = space_key
    endpoint = await webhook_endpoints.create_endpoint(admin, space, LOCAL, ["*"])
    await _failed_rows(endpoint, 2)
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    variables = {"endpoint": str(endpoint.id), "since": since}

    by_operator = (await gql(REPLAY, variables, operator_token))["data"]["replayWebhookDeliveries"]
    assert by_operator["replay"] is None and by_operator["errors"][0]["code"] == "forbidden"
    future = {**variables, "since": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}
    errors = (await gql(REPLAY, future, key))["data"]["replayWebhookDeliveries"]["errors"]
    assert [(e["field"], e["message"]) for e in errors] == [("since", "lies in the future")]

    health = """
    query ($space: String!) {
      webhookEndpoints(spaceKey: $space) { health { succeeded failed underWay failureRate } }
    }
    """
    (shown,) = (await gql(health, {"space": space}, operator_token))["data"]["webhookEndpoints"]
    assert shown["health"] == {"succeeded": 0, "failed": 2, "underWay": 0, "failureRate": 1.0}

    # No worker runs here: the first job stays under way, and a second one is refused.
    first = (await gql(REPLAY, variables, key))["data"]["replayWebhookDeliveries"]["replay"]
    assert (first["state"], first["total"], first["resent"], first["percent"]) == ("running", 2, 0, 0)
    again = (await gql(REPLAY, variables, key))["data"]["replayWebhookDeliveries"]["errors"]
    assert again[0]["field"] == "endpointId" and again[0]["code"] == "conflict"
    assert (await gql(JOB, {"id": first["id"]}, operator_token))["data"]["webhookReplay"]["total"] == 2
    assert (await gql(JOB, {"id": first["id"]}, other_key))["data"]["webhookReplay"] is None

    await webhook_endpoints.update_endpoint(admin, endpoint.id, enabled=False)
    disabled = (await gql(REPLAY, variables, key))["data"]["replayWebhookDeliveries"]["errors"]
    assert disabled[0]["field"] == "endpointId" and "disabled" in disabled[0]["message"]


async def test_resend_names_the_problem_with_the_delivery(
    gql: Gql, admin: Actor, space_key: tuple[str, str], other_key: str
) -> None:
    space, key = space_key
    endpoint = await webhook_endpoints.create_endpoint(admin, space, LOCAL, ["*"])
    unknown = (await gql(RESEND, {"id": str(uuid4())}, key))["data"]["resendWebhookDelivery"]["errors"]
    assert [(e["field"], e["code"]) for e in unknown] == [("id", "not_found")]
    (delivery_id,) = await _failed_rows(endpoint, 1)
    elsewhere = (await gql(RESEND, {"id": str(delivery_id)}, other_key))["data"]["resendWebhookDelivery"]
    assert elsewhere["errors"][0]["code"] == "not_found"
    await WebhookDelivery.filter(id=delivery_id).update(state="pending")
    busy = (await gql(RESEND, {"id": str(delivery_id)}, key))["data"]["resendWebhookDelivery"]["errors"]
    assert busy[0]["field"] == "id" and busy[0]["code"] == "conflict" and "pending" in busy[0]["message"]


async def test_a_replay_taken_up_again_after_a_stop_resends_nothing_twice(
    admin: Actor, space_key: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = await webhook_endpoints.create_endpoint(admin, space_key[0], LOCAL, ["*"])
    ids = await _failed_rows(endpoint, 5)
    monkeypatch.setattr(webhook_replays, "BATCH", 2)
    reopened: list[UUID] = []
    real_reopen = webhook_replays.reopen
    calls = 0

    async def stopping_reopen(delivery_ids: list[UUID]) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise asyncio.CancelledError  # the worker stops in the middle of the second batch
        reopened.extend(delivery_ids)
        return await real_reopen(delivery_ids)

    monkeypatch.setattr(webhook_replays, "reopen", stopping_reopen)
    job = await webhook_replays.start(endpoint, datetime.now(UTC) - timedelta(hours=1), "test")
    with pytest.raises(asyncio.CancelledError):
        await webhook_replays.run(job.id)
    stopped = await WebhookReplay.get(id=job.id)
    assert (stopped.state, stopped.resent) == ("running", 2)

    await webhook_replays.run(job.id)  # a duplicate message while the lease holds: nothing
    assert calls == 2
    await WebhookReplay.filter(id=job.id).update(lease_until=datetime.now(UTC) - timedelta(seconds=1))
    assert job.id in await webhook_replays.sweep()
    await webhook_replays.run(job.id)

    ended = await WebhookReplay.get(id=job.id)
    assert (ended.state, ended.resent, ended.total) == ("done", 5, 5)
    assert sorted(reopened) == sorted(ids)  # each exactly once
    states = await WebhookDelivery.filter(id__in=ids).values_list("state", flat=True)
    assert set(states) == {"pending"}
