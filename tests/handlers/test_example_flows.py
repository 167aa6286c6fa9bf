"""The example flows of `tests/examples` through the flow engine on the in-process worker, with a real
SMTP server, a real connector and the app serving on loopback: every order reaches its end."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from jobs.generators import mesh as meshes
from jobs.runtime import Embedded
from server import settings
from server.domain.actors import Actor
from server.domain.statuses import AssetKind, OrderStatus, RunStatus, TaskState
from server.models import Asset, AssetVersion, FlowRun, HistoryEntry, Order, Part, Product, TaskRun
from server.services import assets, flow_runs, flows
from tests.conftest import EXAMPLES_DIR
from tests.e2e.support import LiveServer, until
from tests.flows.conftest import MakeFlow, jobs, make_flow
from tests.handlers.conftest import Connector, Inbox, html_part
from tests.handlers.test_generate_production_files import stored_bytes

__all__ = ["jobs", "make_flow"]

# The examples' addresses, turned into addresses the local SMTP server takes.
LOCAL_ADDRESSES = {
    "production@example.com": "production@fabflow.test",
    "test@example.com": "files@fabflow.test",
}
ENDED = (RunStatus.SUCCESS, RunStatus.FAILURE, RunStatus.CANCELLED)


def example(name: str) -> Any:
    return json.loads((EXAMPLES_DIR / name).read_text())


def local_addresses(addresses: list[str]) -> list[str]:
    return [LOCAL_ADDRESSES.get(address, address) for address in addresses]


def step_list_flow(connector_url: str) -> list[dict[str, Any]]:
    """`seed-002-step-list.flow.json` calling the local connector and mailing local addresses."""
    steps: list[dict[str, Any]] = example("seed-002-step-list.flow.json")
    for step in steps:
        options = step["options"]
        if "uri" in options:
            options["uri"] = connector_url
        if "recipients" in options:
            options["recipients"] = local_addresses(options["recipients"])
    return steps


async def save_step_list(admin: Actor, space_key: str, steps: list[dict[str, Any]]) -> flows.FlowDetail:
    return await flows.create_flow(admin, space_key, "Step list example", json.dumps(steps))


def connector_flow(connector_url: str) -> dict[str, Any]:
    """`seed-003-connector.flow.json` calling the local connector, which sends feedback."""
    definition: dict[str, Any] = example("seed-003-connector.flow.json")
    [task] = definition["stages"][0]["taskDefinitions"]
    task["payload"] = {**task["payload"], "uri": connector_url, "sendsFeedback": True}
    task["timeoutDuration"] = 60_000
    return definition


def asset_email_flow(*, need_confirmation: bool) -> dict[str, Any]:
    """`fixed-000-asset-email.task.json` as the only task of a one-stage flow."""
    task: dict[str, Any] = example("fixed-000-asset-email.task.json")
    task["payload"]["recipients"] = local_addresses(task["payload"]["recipients"])
    task["payload"]["needConfirmation"] = need_confirmation
    task["timeoutDuration"] = 60_000
    task["next"] = []
    return {
        "stages": [{"key": "stage-1", "taskDefinitions": [task], "initialTaskDefinitionKeys": [task["key"]]}]
    }


@pytest.fixture
async def live(monkeypatch: pytest.MonkeyPatch, clean_db: str) -> AsyncIterator[LiveServer]:
    """The app serving on loopback; the links Fabflow hands out point at it."""
    async with LiveServer() as server:
        monkeypatch.setattr(settings, "PUBLIC_URL", server.url)
        yield server


@pytest.fixture
async def order_files(live: LiveServer, order: Order, asset_dir: Path) -> dict[str, str]:
    """Files stored on the order besides the eyewear example's own: two archives and a text file."""
    stored = {}
    for client_id, name, content in (
        ("production-zip", "production files.zip", b"PK\x05\x06" + b"\0" * 18),
        ("spare-zip", "SPARE-PARTS.ZIP", b"PK\x05\x06" + b"\0" * 18),
        ("readme", "readme.zip.txt", b"not an archive"),
    ):
        file = assets.store(order.id, name, content)
        await assets.add_version(
            assets.Owner(order.id), client_id=client_id, url=file.url, kind=AssetKind.PRODUCTION
        )
        stored[client_id] = file.url
    return stored


async def ended(run: FlowRun) -> FlowRun:
    """The run once it has ended."""

    async def check() -> FlowRun | None:
        current = await FlowRun.get(id=run.id)
        return current if current.status in ENDED else None

    result: FlowRun = await until(check, timeout=30)
    return result


async def status_of(order: Order) -> OrderStatus:
    return OrderStatus((await Order.get(id=order.id)).status)


async def tasks_of(run: FlowRun) -> dict[str, TaskRun]:
    return {task.key: task for task in await TaskRun.filter(run_id=run.id).order_by("ordinal")}


async def waiting(run: FlowRun, key: str) -> TaskRun:
    async def check() -> TaskRun | None:
        task = await TaskRun.get_or_none(run_id=run.id, key=key)
        return task if task is not None and task.state == TaskState.WAITING else None

    result: TaskRun = await until(check, timeout=30)
    return result


def sent_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every item of a connector body's item tree, depth first."""
    return [found for item in items for found in (item, *sent_items(item.get("items") or []))]


def links(html: str) -> list[str]:
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', html)]


# seed-002: the step list


async def test_the_step_list_generates_the_stl_calls_the_connector_and_mails_success(
    jobs: Embedded,
    admin: Actor,
    space_key: tuple[str, str],
    order: Order,
    smtp_server: Inbox,
    connector: Connector,
    asset_dir: Path,
) -> None:
    # given
    flow = await save_step_list(admin, space_key[0], step_list_flow(connector.url))
    connector.answer(201, b'{"id": "ext-42"}', {"content-type": "application/json"})

    # when
    run = await ended(await flow_runs.start_order_flow(admin, order.id, flow.flow.id))

    # then
    assert run.status == RunStatus.SUCCESS, run.reason
    assert await status_of(order) == OrderStatus.SUCCESS
    tasks = await tasks_of(run)
    assert {key: task.state for key, task in tasks.items()} == {
        "generate": TaskState.SUCCEEDED,
        "consume": TaskState.SUCCEEDED,
        "email": TaskState.SUCCEEDED,
    }
    product = await Product.get(order_id=order.id, position=0)
    part = await Part.get(product_id=product.id, client_id="generated-tag")
    stl = await Asset.get(part_id=part.id)
    [version] = await AssetVersion.filter(asset_id=stl.id)
    assert version.url.endswith(".stl")
    assert part.manufacturing_data is not None
    mesh = meshes.from_stl(stored_bytes(version.url))
    assert len(mesh.triangles) == part.manufacturing_data["triangleCount"]
    [call] = connector.received
    sent = json.loads(call.body)["order"]
    [generated] = [
        item for item in sent_items(sent["orderLines"][0]["items"]) if item["id"] == "generated-tag"
    ]
    assert [asset["url"] for asset in generated["assets"]] == [version.url]
    assert tasks["consume"].response is not None and tasks["consume"].response["statusCode"] == 201
    [message] = smtp_server.messages()
    assert message["To"] == "production@fabflow.test"
    assert message["Subject"] == "Success subject"
    assert "Success message" in html_part(message)


async def test_the_step_list_mails_the_error_branch_and_fails_when_the_connector_refuses(
    jobs: Embedded,
    admin: Actor,
    space_key: tuple[str, str],
    order: Order,
    smtp_server: Inbox,
    connector: Connector,
    asset_dir: Path,
) -> None:
    # given
    flow = await save_step_list(admin, space_key[0], step_list_flow(connector.url))
    connector.answer(400, b'{"error": "unknown product"}', {"content-type": "application/json"})

    # when
    run = await ended(await flow_runs.start_order_flow(admin, order.id, flow.flow.id))

    # then
    assert run.status == RunStatus.FAILURE
    assert await status_of(order) == OrderStatus.FAILURE
    tasks = await tasks_of(run)
    assert {key: task.state for key, task in tasks.items()} == {
        "generate": TaskState.SUCCEEDED,
        "consume": TaskState.FAILED,
        "error": TaskState.SUCCEEDED,
    }
    assert "400" in tasks["consume"].error
    assert len(connector.received) == 1
    [message] = smtp_server.messages()
    assert message["To"] == "production@fabflow.test"
    assert message["Subject"] == "Error subject"
    assert "Error message" in html_part(message)


# seed-003: a connector that sends feedback


async def test_connector_feedback_completes_the_task_and_stores_the_asset_as_a_version(
    jobs: Embedded,
    make_flow: MakeFlow,
    admin: Actor,
    order: Order,
    connector: Connector,
    live: LiveServer,
) -> None:
    # given
    flow = await make_flow(connector_flow(connector.url))
    connector.answer(202, b'{"queued": true}', {"content-type": "application/json"})
    run = await flow_runs.start_order_flow(admin, order.id, flow.flow.id)
    await waiting(run, "task-1")
    [call] = connector.received
    sent = json.loads(call.body)["order"]
    assert sent["thirdPartyOrderId"] == order.name
    assert sent["updateUrl"].startswith(live.url + "/api/v1/feedback/")
    new_stl = f"http://127.0.0.1:{connector.port}/files/temples-v3.stl"
    feedback = {
        "status": "success",
        "message": "Printed",
        "assets": [{"id": "temples-stl", "partId": "temples", "url": new_stl}],
    }

    # when
    async with httpx.AsyncClient(timeout=10) as client:
        answer = await client.post(sent["updateUrl"], json=feedback)

    # then
    assert answer.status_code == 200, answer.text
    assert answer.json()["assetsStored"] == 1
    run = await ended(run)
    assert run.status == RunStatus.SUCCESS, run.reason
    assert await status_of(order) == OrderStatus.SUCCESS
    task = (await tasks_of(run))["task-1"]
    assert task.state == TaskState.SUCCEEDED
    temples = await Asset.get(order_id=order.id, client_id="temples-stl")
    assert temples.part_id == (await Part.get(order_id=order.id, client_id="temples")).id  # type: ignore[attr-defined]
    assert temples.url == new_stl
    versions = await AssetVersion.filter(asset_id=temples.id).order_by("position")
    assert [version.url.rsplit("/", 1)[1] for version in versions] == [
        "temples-v1.stl",
        "temples-v2.stl",
        "temples-v3.stl",
    ]
    assert await HistoryEntry.filter(order_id=order.id, kind="feedback-received").count() == 1


# fixed-000: asset-email with a .zip filter


async def test_the_asset_mail_lists_only_the_zip_files(
    jobs: Embedded,
    make_flow: MakeFlow,
    admin: Actor,
    order: Order,
    smtp_server: Inbox,
    order_files: dict[str, str],
    live: LiveServer,
) -> None:
    # given
    flow = await make_flow(asset_email_flow(need_confirmation=False))

    # when
    run = await ended(await flow_runs.start_order_flow(admin, order.id, flow.flow.id))

    # then
    assert run.status == RunStatus.SUCCESS, run.reason
    assert await status_of(order) == OrderStatus.SUCCESS
    [message] = smtp_server.messages()
    assert message["To"] == "ada@example.com, files@fabflow.test"
    body = html_part(message)
    hrefs = links(body)
    assert [href.split("?", 1)[0] for href in hrefs] == [
        order_files["production-zip"],
        order_files["spare-zip"],
    ]
    assert "production-files.zip</a>" in body and "SPARE-PARTS.ZIP</a>" in body
    for name in ("readme", "temples", "front"):
        assert name not in body
    async with httpx.AsyncClient(timeout=10) as client:
        downloads = [await client.get(href) for href in hrefs]
    assert [download.status_code for download in downloads] == [200, 200]
    assert all(download.content.startswith(b"PK") for download in downloads)


async def test_the_asset_mail_with_confirmation_completes_when_the_link_is_used(
    jobs: Embedded,
    make_flow: MakeFlow,
    admin: Actor,
    order: Order,
    smtp_server: Inbox,
    order_files: dict[str, str],
    live: LiveServer,
) -> None:
    # given
    flow = await make_flow(asset_email_flow(need_confirmation=True))
    run = await flow_runs.start_order_flow(admin, order.id, flow.flow.id)
    await waiting(run, "task-key-2")
    assert await status_of(order) == OrderStatus.IN_PROGRESS
    [message] = smtp_server.messages()
    [confirm] = [href for href in links(html_part(message)) if "/confirm/" in href]
    assert confirm.startswith(live.url + "/confirm/")

    # when
    async with httpx.AsyncClient(timeout=10) as client:
        page = await client.get(confirm)
        confirmed = await client.post(confirm)

    # then
    assert page.status_code == 200 and "production-files.zip" in page.text
    assert confirmed.status_code == 200, confirmed.text
    run = await ended(run)
    assert run.status == RunStatus.SUCCESS, run.reason
    assert await status_of(order) == OrderStatus.SUCCESS
    task = (await tasks_of(run))["task-key-2"]
    assert task.state == TaskState.SUCCEEDED
    assert task.response is not None and task.response["confirmed"] is True
    assert len(smtp_server.messages()) == 1
