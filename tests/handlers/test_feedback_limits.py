"""Feedback bodies go through the shared JSON reader: too deep is 400, too large 413; the task waits on."""

from __future__ import annotations

import json

import httpx
import pytest

from jobs.handlers.base import TaskContext
from server import settings
from server.domain.statuses import TaskState
from server.models import TaskRun
from server.services import signed_links
from tests.handlers.conftest import ContextFactory


@pytest.fixture
async def waiting(make_context: ContextFactory) -> TaskContext:
    context = await make_context("consume-rest-api", {"uri": "https://example.com/x", "sendsFeedback": True})
    await TaskRun.filter(id=context.task_run_id).update(state=TaskState.WAITING)
    return context


def feedback_url(context: TaskContext) -> str:
    return "/api/v1/feedback/" + signed_links.task_token(signed_links.FEEDBACK, context.task_run_id)


async def test_feedback_nested_too_deeply_is_400_and_the_task_still_waits(
    client: httpx.AsyncClient, waiting: TaskContext
) -> None:
    body = '{"status": "success", "data": {"x": ' + "[" * 5000 + "]" * 5000 + "}}"
    response = await client.post(
        feedback_url(waiting), content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["code"] == "too_deep"
    assert f"deeper than {settings.JSON_MAX_DEPTH} levels (FABFLOW_JSON_MAX_DEPTH)" in error["message"]
    assert (await TaskRun.get(id=waiting.task_run_id)).state == TaskState.WAITING


async def test_feedback_over_the_size_limit_is_413(client: httpx.AsyncClient, waiting: TaskContext) -> None:
    body = json.dumps({"status": "success", "message": "x" * settings.MAX_BODY_BYTES})
    response = await client.post(
        feedback_url(waiting), content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 413, response.text
    assert response.json()["errors"][0]["code"] == "too_large"
    assert (await TaskRun.get(id=waiting.task_run_id)).state == TaskState.WAITING


async def test_feedback_that_is_not_json_names_where_it_breaks(
    client: httpx.AsyncClient, waiting: TaskContext
) -> None:
    response = await client.post(
        feedback_url(waiting), content='{"status": }', headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["code"] == "invalid_json"
    assert "line 1, column 12" in error["message"]
