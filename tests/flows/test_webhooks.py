"""Webhooks end to end: a real HTTP receiver on 127.0.0.1, the embedded worker, real signatures."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook

from server import settings
from server.dispatch import dispatcher, set_dispatcher
from server.domain.actors import Actor
from server.models import ManualTask, Space, WebhookDelivery, WebhookEndpoint
from server.services import flow_runs, webhook_endpoints, webhook_events, webhook_sending
from server.services.webhooks import is_standard_secret, signing_secrets
from tests.e2e.support import until
from tests.flows.conftest import MakeFlow, MakeOrder, stage, task
from tests.handlers.conftest import Inbox, smtp_server
from tests.webhook_support import Receiver, receiver

__all__ = ["receiver", "smtp_server"]  # fixtures


FLOW = {"stages": [stage("prepare", [task("pause", "wait", {"duration": 1})], ["pause"])]}


async def _endpoint(admin: Actor, space: str, receiver: Receiver, **extra: Any) -> WebhookEndpoint:
    return await webhook_endpoints.create_endpoint(admin, space, receiver.url, ["*"], **extra)


async def test_every_status_change_arrives_signed_once_in_order(
    jobs: Any,
    admin: Actor,
    space_key: tuple[str, str],
    make_flow: MakeFlow,
    make_order: MakeOrder,
    receiver: Receiver,
) -> None:
    endpoint = await _endpoint(admin, space_key[0], receiver, ordered=True)
    verifier = Webhook(endpoint.secret)
    flow = await make_flow(FLOW)
    orders = [await make_order(flow.flow.key) for _ in range(20)]
    for order in orders:
        await flow_runs.start_order_flow(admin, order.id)

    async def all_done() -> bool:
        return await WebhookDelivery.filter(state__in=("pending", "sending")).count() == 0 and bool(
            receiver.received
        )

    await until(all_done, timeout=60)
    seen: dict[str, dict[str, Any]] = {}
    for headers, body in receiver.received:
        payload = verifier.verify(body, headers)  # raises on a bad signature
        seen[headers["webhook-id"]] = payload
    changes: dict[str, list[tuple[int, str]]] = {}
    for payload in seen.values():
        if payload["type"] == "order.status_changed":
            order_id = payload["data"]["order"]["id"]
            changes.setdefault(order_id, []).append((payload["sequence"], payload["data"]["status"]))
    assert set(changes) == {str(o.id) for o in orders}
    for got in changes.values():
        assert [status for _, status in got] == ["IN_PROGRESS", "SUCCESS"]
    arrival = [json.loads(b)["sequence"] for h, b in receiver.received if json.loads(b)["data"].get("order")]
    assert arrival  # per order, sequences arrive increasing:
    by_order: dict[str, list[int]] = {}
    for _, body in receiver.received:
        payload = json.loads(body)
        by_order.setdefault(payload["data"]["order"]["id"], []).append(payload["sequence"])
    assert all(seq == sorted(seq) for seq in by_order.values())


async def test_503_then_recovery_400_not_retried_410_disables(
    jobs: Any, admin: Actor, space_key: tuple[str, str], receiver: Receiver
) -> None:
    endpoint = await _endpoint(admin, space_key[0], receiver)
    receiver.answer = 503
    delivery = await webhook_endpoints.send_test(admin, endpoint.id)
    await until(lambda: _count(receiver, 3))
    receiver.answer = 200
    await until(lambda: _state(delivery.id, "succeeded"))
    receiver.answer = 400
    before = len(receiver.received)
    refused = await webhook_endpoints.send_test(admin, endpoint.id)
    await until(lambda: _state(refused.id, "failed"))
    assert len(receiver.received) == before + 1
    receiver.answer = 410
    gone = await webhook_endpoints.send_test(admin, endpoint.id)
    await until(lambda: _state(gone.id, "failed"))
    assert not (await WebhookEndpoint.get(id=endpoint.id)).enabled


async def test_a_dispatch_lost_after_commit_is_sent_by_the_sweep(
    jobs: Any, admin: Actor, space_key: tuple[str, str], receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = await _endpoint(admin, space_key[0], receiver)
    real = dispatcher()
    set_dispatcher(None)  # the commit happens, its message goes nowhere
    delivery = await webhook_endpoints.send_test(admin, endpoint.id)
    set_dispatcher(real)
    await asyncio.sleep(0)
    assert receiver.received == []
    monkeypatch.setattr(settings, "WEBHOOK_REDISPATCH_AFTER", 0.0)
    resent, _ = await webhook_sending.sweep()
    assert delivery.id in resent
    await until(lambda: _state(delivery.id, "succeeded"))
    assert receiver.received[0][0]["webhook-id"] == str(delivery.id)


async def _count(receiver: Receiver, at_least: int) -> bool:
    return len(receiver.received) >= at_least


async def _state(delivery_id: Any, state: str) -> bool:
    return (await WebhookDelivery.get(id=delivery_id)).state == state


async def test_a_manual_task_is_announced_when_created_and_completed(
    jobs: Any,
    admin: Actor,
    space_key: tuple[str, str],
    make_flow: MakeFlow,
    make_order: MakeOrder,
    receiver: Receiver,
) -> None:
    await _endpoint(admin, space_key[0], receiver)
    flow = await make_flow(
        {"stages": [stage("check", [task("ok", "manual-task", {"title": "Check it"})], ["ok"])]}
    )
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: ManualTask.get_or_none(order_id=order.id))
    await flow_runs.complete_manual_task(admin, manual.id, "fine")

    async def types() -> list[str]:
        got = [json.loads(body)["type"] for _, body in receiver.received]
        return got if "manual_task.completed" in got and "order.status_changed" in got else []

    got = await until(types)
    assert "manual_task.created" in got
    completed = next(
        json.loads(b) for _, b in receiver.received if json.loads(b)["type"] == "manual_task.completed"
    )
    assert completed["data"]["manualTask"]["status"] == "COMPLETED"
    assert completed["data"]["manualTask"]["comment"] == "fine"


async def test_the_readme_snippet_verifies_a_real_delivery(
    jobs: Any, admin: Actor, space_key: tuple[str, str], receiver: Receiver
) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    snippet = readme.split("Verifying a delivery with the `standardwebhooks` package:", 1)[1]
    code = snippet.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    endpoint = await _endpoint(admin, space_key[0], receiver)
    delivery = await webhook_endpoints.send_test(admin, endpoint.id)
    await until(lambda: _state(delivery.id, "succeeded"))
    headers, body = receiver.received[0]
    assert namespace["verified"](endpoint.secret, body, headers)["id"] == str(delivery.id)
    with pytest.raises(Exception, match=r"(?i)signature"):
        namespace["verified"](endpoint.secret, body + b" ", headers)


async def test_the_sweep_rotates_a_url_safe_space_secret_keeping_the_old_one_signing(
    space_key: tuple[str, str],
) -> None:
    old = "whsec_" + "ab-_" * 11
    await Space.filter(key=space_key[0]).update(signing_secret=old)
    await webhook_sending.sweep()
    space = await Space.get(key=space_key[0])
    assert space.signing_secret != old and is_standard_secret(space.signing_secret)
    assert await signing_secrets(space.id) == [space.signing_secret, old]


async def test_an_endpoint_failing_too_long_is_disabled_announced_and_its_admins_mailed(
    jobs: Any,
    admin: Actor,
    space_key: tuple[str, str],
    receiver: Receiver,
    smtp_server: Inbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "WEBHOOK_DISABLE_AFTER", 0)  # "too long" is at once
    watcher = await webhook_endpoints.create_endpoint(
        admin, space_key[0], receiver.url, ["webhook_endpoint.disabled"]
    )
    down = Receiver()
    down.answer = 503
    try:
        failing = await webhook_endpoints.create_endpoint(admin, space_key[0], down.url, ["*"])
        await webhook_endpoints.send_test(admin, failing.id)
        await until(lambda: _disabled(failing.id), timeout=60)
    finally:
        down.server.shutdown()
    row = await WebhookEndpoint.get(id=failing.id)
    assert "failed for too long" in row.disabled_reason
    await until(lambda: _count(receiver, 1), timeout=60)
    [(headers, body)] = receiver.received
    announced = Webhook(watcher.secret).verify(body, headers)
    assert announced["type"] == "webhook_endpoint.disabled"
    assert announced["data"]["endpoint"]["id"] == str(failing.id)
    assert announced["data"]["endpoint"]["url"] == down.url
    assert "failed for too long" in announced["data"]["endpoint"]["disabledReason"]
    await until(lambda: _mails(smtp_server), timeout=60)
    [mail] = smtp_server.messages()
    assert mail["To"] == "admin@example.com"
    assert space_key[0] in mail["Subject"]
    assert down.url in smtp_server.envelopes[0].content.decode()  # type: ignore[union-attr]


async def _disabled(endpoint_id: Any) -> bool:
    return not (await WebhookEndpoint.get(id=endpoint_id)).enabled


async def _mails(inbox: Inbox) -> bool:
    return bool(inbox.envelopes)


def test_the_readme_lists_every_event_of_the_catalogue() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    section = readme.split("\n## Webhooks\n", 1)[1].split("\n## ", 1)[0]
    table = section.split("| type | sent when | `data` |", 1)[1].split("\n\n", 1)[0]
    for name in webhook_events.NAMES:
        assert f"`{name}`" in table, name
