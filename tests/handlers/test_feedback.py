"""POST /api/v1/feedback/{token}: connector feedback completes a waiting consume-rest-api task."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from jobs.handlers.base import TaskContext
from server import settings
from server.domain.statuses import TaskState
from server.models import Asset, AssetVersion, HistoryEntry, Order, TaskRun
from server.services import signed_links
from tests.handlers.conftest import ContextFactory

FEEDBACK: dict[str, Any] = {
    "status": "success",
    "message": "Printed and packed",
    "data": {"trackingNumber": "3SABC123"},
    "assets": [
        {"id": "temples-stl", "partId": "temples", "url": "https://cdn.example.com/cfg-8f2a/temples-v3.stl"},
        {
            "id": "packing-slip",
            "url": "https://cdn.example.com/slip.pdf",
            "kind": "other",
            "versions": [
                {"url": "https://cdn.example.com/slip-1.pdf", "date": "2026-11-22T10:00:00Z"},
                {"url": "https://cdn.example.com/slip-2.pdf", "date": "2026-11-22T11:00:00Z"},
            ],
        },
    ],
}


@pytest.fixture
async def waiting(make_context: ContextFactory) -> TaskContext:
    context = await make_context("consume-rest-api", {"uri": "https://example.com/x", "sendsFeedback": True})
    await TaskRun.filter(id=context.task_run_id).update(state=TaskState.WAITING)
    return context


def feedback_url(context: TaskContext) -> str:
    return "/api/v1/feedback/" + signed_links.task_token(signed_links.FEEDBACK, context.task_run_id)


async def test_feedback_resumes_the_task_and_stores_its_assets(
    client: httpx.AsyncClient, waiting: TaskContext, order: Order
) -> None:
    response = await client.post(feedback_url(waiting), json=FEEDBACK)

    assert response.status_code == 200, response.text
    assert response.json() == {
        "accepted": True,
        "taskRunId": str(waiting.task_run_id),
        "status": "success",
        "assetsStored": 2,
    }
    task = await TaskRun.get(id=waiting.task_run_id)
    assert task.resume_data is not None
    assert task.resume_data["data"]["status"] == "success"
    assert task.resume_data["data"]["data"] == {"trackingNumber": "3SABC123"}
    temples = await Asset.get(order_id=order.id, client_id="temples-stl").prefetch_related("part")
    assert temples.part.client_id == "temples"
    assert temples.url.endswith("temples-v3.stl")
    versions = (
        await AssetVersion.filter(asset_id=temples.id).order_by("position").values_list("url", flat=True)
    )
    assert [url.rsplit("/", 1)[1] for url in versions] == [
        "temples-v1.stl",
        "temples-v2.stl",
        "temples-v3.stl",
    ]
    slip = await Asset.get(order_id=order.id, client_id="packing-slip")
    assert slip.part_id is None and slip.product_id is None  # type: ignore[attr-defined]
    assert await AssetVersion.filter(asset_id=slip.id).count() == 2
    [event] = await HistoryEntry.filter(order_id=order.id, kind="feedback-received")
    assert "Printed and packed" in event.message


async def test_the_same_link_twice_is_refused_clearly(
    client: httpx.AsyncClient, waiting: TaskContext
) -> None:
    first = await client.post(feedback_url(waiting), json={"status": "failure", "message": "no powder"})
    second = await client.post(feedback_url(waiting), json={"status": "success"})

    assert first.status_code == 200
    assert second.status_code == 409
    [error] = second.json()["errors"]
    assert error["field"] == "token" and error["code"] == "link_used"


async def test_bad_feedback_names_every_field(client: httpx.AsyncClient, waiting: TaskContext) -> None:
    body = {
        "status": "done",
        "colour": "red",
        "assets": [
            {"id": "a", "url": "ftp://x"},
            {"id": "b", "url": "https://x/b", "partId": "no-such-part"},
        ],
    }
    response = await client.post(feedback_url(waiting), json=body)

    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"status", "colour", "assets[0].url"}
    task = await TaskRun.get(id=waiting.task_run_id)
    assert task.resume_data is None


async def test_an_unknown_part_is_named(client: httpx.AsyncClient, waiting: TaskContext) -> None:
    body = {"status": "success", "assets": [{"id": "b", "url": "https://x/b", "partId": "no-such-part"}]}
    response = await client.post(feedback_url(waiting), json=body)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "assets[0].partId"


async def test_broken_json_gives_line_and_column(client: httpx.AsyncClient, waiting: TaskContext) -> None:
    response = await client.post(
        feedback_url(waiting), content=b'{"status":\n  success}', headers={"content-type": "application/json"}
    )

    assert response.status_code == 400
    assert "line 2, column 3" in response.json()["errors"][0]["message"]


async def test_not_json_is_415(client: httpx.AsyncClient, waiting: TaskContext) -> None:
    response = await client.post(feedback_url(waiting), content=b"status=success")

    assert response.status_code == 415


async def test_forged_and_expired_links(
    client: httpx.AsyncClient, waiting: TaskContext, monkeypatch: Any
) -> None:
    forged = await client.post(feedback_url(waiting)[:-3] + "abc", json={"status": "success"})
    confirm_token = signed_links.task_token(signed_links.CONFIRM, waiting.task_run_id)
    wrong_purpose = await client.post("/api/v1/feedback/" + confirm_token, json={"status": "success"})
    monkeypatch.setattr(settings, "TASK_LINK_MAX_AGE", -1)
    expired = await client.post(feedback_url(waiting), json={"status": "success"})

    assert forged.status_code == 404
    assert wrong_purpose.status_code == 404
    assert expired.status_code == 410
    assert expired.json()["errors"][0]["code"] == "link_expired"


async def test_a_task_that_no_longer_waits_refuses_feedback(
    client: httpx.AsyncClient, waiting: TaskContext
) -> None:
    await TaskRun.filter(id=waiting.task_run_id).update(state=TaskState.SUCCEEDED)

    response = await client.post(feedback_url(waiting), json={"status": "success"})

    assert response.status_code == 409
    assert "no longer waits" in response.json()["errors"][0]["message"]
