"""A `fabflow worker` killed (SIGKILL) while it delivers a status change: another worker sends it.

The status is committed with its delivery rows; the doomed worker claims a delivery and is killed
while the receiver keeps that call unanswered. Its lease runs out, the survivor's sweep hands the
delivery out again, and the receiver gets it a second time with the same `webhook-id`.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook

from server.domain.actors import Actor
from server.models import Order, WebhookDelivery
from server.services import flow_runs, flows, webhook_endpoints
from tests.conftest import TEST_DATABASE
from tests.e2e.support import until
from tests.e2e.test_worker_processes import QUICK, ROOT, production_mode, redis_db, same_key
from tests.webhook_support import Receiver, receiver

__all__ = ["production_mode", "receiver", "redis_db"]  # fixtures

pytestmark = pytest.mark.skipif(
    TEST_DATABASE != "postgres",
    reason="worker processes share the database: PostgreSQL only",
)


@pytest.fixture
def broker_url(redis_db: str) -> str:
    """The worker here takes its tasks from Redis (the broker tests of both brokers are in
    `test_worker_processes`)."""
    return redis_db


def _worker(clean_db: str, redis_url: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": clean_db,
        "REDIS_URL": redis_url,
        "FABFLOW_ALLOWED_HOSTS": "127.0.0.1",
        "FABFLOW_WEBHOOK_TIMEOUT": "3",
        "FABFLOW_WEBHOOK_LEASE": "4",
        "FABFLOW_WEBHOOK_REDISPATCH_AFTER": "0.5",
        "FABFLOW_WEBHOOK_RETRY_SCHEDULE": "0,0.2,0.2,0.2,0.2,0.2,0.2,0.2",
        **same_key(),
    }
    command = [sys.executable, "-m", "server.cli", "worker", "--threads", "2"]
    return subprocess.Popen(command, cwd=ROOT, env=env)


async def test_a_delivery_in_flight_when_its_worker_is_killed_still_goes_out(
    admin: Actor,
    space_key: tuple[str, str],
    production_mode: None,
    redis_db: str,
    clean_db: str,
    receiver: Receiver,
) -> None:
    endpoint = await webhook_endpoints.create_endpoint(
        admin, space_key[0], receiver.url, ["order.status_changed"]
    )
    await flows.create_flow(admin, "demo-eyewear", "Quick flow", json.dumps(QUICK))
    space = await endpoint.space
    order = await Order.create(space_id=space.id, name="KILLED-1", flow_key="quick-flow", intake_hash="-")
    receiver.hold_next.set()
    doomed = _worker(clean_db, redis_db)
    try:
        await flow_runs.start_order_flow(admin, order.id)  # commits IN_PROGRESS with its delivery row
        assert await asyncio.to_thread(receiver.held.wait, 60), "the worker never called"
        held = receiver.calls[0].headers["webhook-id"]
        assert (await WebhookDelivery.get(id=held)).state == "sending"
    finally:
        doomed.send_signal(signal.SIGKILL)
        doomed.wait()
    receiver.release.set()
    survivor = _worker(clean_db, redis_db)
    try:
        await until(lambda: _all_sent(order), timeout=90)
    finally:
        survivor.send_signal(signal.SIGTERM)
        survivor.wait(timeout=20)

    verifier = Webhook(endpoint.secret)
    unique: dict[str, dict[str, Any]] = {}
    for call in receiver.calls:
        unique[call.headers["webhook-id"]] = verifier.verify(call.body, call.headers)
    assert [p["data"]["status"] for p in sorted(unique.values(), key=lambda p: p["sequence"])] == [
        "IN_PROGRESS",
        "SUCCESS",
    ]
    assert [c.headers["webhook-id"] for c in receiver.calls].count(held) >= 2  # cut off, then sent again
    assert (await WebhookDelivery.get(id=held)).state == "succeeded"


async def _all_sent(order: Order) -> bool:
    rows = await WebhookDelivery.filter(order_id=order.id).values_list("state", flat=True)
    return len(rows) == 2 and set(rows) == {"succeeded"}
