"""`siteflow-submit` against a stand-in of HP PrintOS Site Flow: a real HTTP server on 127.0.0.1.

The stand-in checks what HP's public samples (`HPInc/printos-siteflow-api-samples`,
`python/siteflow_api.py`) document: the HMAC headers (`x-hp-hmac-authentication: key:hex`,
`x-hp-hmac-date`, `x-hp-hmac-algorithm: SHA1`) over `METHOD + " " + path + timestamp`, computed
here independently, and the order JSON (`destination.name`, `orderData.sourceOrderId`,
`postbackAddress`, `items[{sku, sourceItemId, quantity, components[{code, fetch, path}]}]`,
`shipments[{shipTo, carrier}]`). It refuses a bad signature (401) and a second order with the same
`sourceOrderId` (400), answers as `sample_output/submit_order_output.txt` does, and takes the cancel
call `PUT /api/order/<account>/<sourceOrderId>/cancel`. Postbacks are sent as Site Flow triggers do.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from jobs.handlers.base import EndedTask
from jobs.handlers.siteflow_submit import HANDLER
from jobs.runtime import Embedded, sweep_once
from server import settings
from server.domain.actors import Actor
from server.domain.statuses import AssetKind, OrderStatus
from server.models import FlowRun, HistoryEntry, Order, Part, SiteflowConnection, SiteflowSubmission, TaskRun
from server.services import assets, flow_runs, siteflow
from tests.e2e.support import until
from tests.flows.conftest import MakeFlow, jobs, make_flow
from tests.handlers.conftest import ContextFactory

__all__ = ["jobs", "make_flow"]

KEY, SECRET, ACCOUNT = "printos-key-1", "printos-secret-that-signs", "acme.psp"
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@dataclass
class StandIn:
    """What the stand-in received, and the problems it found in each request."""

    port: int
    orders: list[dict[str, Any]] = field(default_factory=list)
    cancels: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    answer_status: int = 200

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/siteflow"


def _signature_problem(method: str, path: str, headers: dict[str, str]) -> str | None:
    stamp = headers.get("x-hp-hmac-date", "")
    if not STAMP.match(stamp):
        return f"x-hp-hmac-date {stamp!r} is not YYYY-MM-DDTHH:MM:SSZ"
    if headers.get("x-hp-hmac-algorithm") != "SHA1":
        return "x-hp-hmac-algorithm is not SHA1"
    expected = hmac.new(SECRET.encode(), f"{method} {path}{stamp}".encode(), hashlib.sha1).hexdigest()
    if headers.get("x-hp-hmac-authentication") != f"{KEY}:{expected}":
        return "x-hp-hmac-authentication does not match"
    return None


def _order_problem(order: Any) -> str | None:
    data = order.get("orderData") if isinstance(order, dict) else None
    if not isinstance(data, dict) or not order.get("destination", {}).get("name"):
        return "no destination.name or orderData"
    if not data.get("sourceOrderId") or not data.get("postbackAddress", "").startswith("http"):
        return "no sourceOrderId or postbackAddress"
    for item in data.get("items") or [None]:
        if not item or not all(item.get(k) for k in ("sku", "sourceItemId", "quantity")):
            return f"item without sku, sourceItemId or quantity: {item}"
        for component in item.get("components") or [None]:
            if not component or not component.get("code") or component.get("fetch") is not True:
                return f"component without code or fetch: {component}"
            if not str(component.get("path", "")).startswith("http"):
                return "component path is not a URL"
    shipment = (data.get("shipments") or [{}])[0]
    ship_to = shipment.get("shipTo") or {}
    if not all(ship_to.get(k) for k in ("name", "address1", "town", "postcode", "isoCountry")):
        return f"shipTo incomplete: {ship_to}"
    if not shipment.get("carrier", {}).get("code"):
        return "no carrier.code"
    return None


def _handler(state: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _read(self) -> tuple[str, dict[str, str], bytes] | None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            body = self.rfile.read(int(headers.get("content-length") or 0))
            if not self.path.startswith("/siteflow/"):
                self._answer(404, {"error": "not found"})
                return None
            path = self.path[len("/siteflow") :]
            problem = _signature_problem(self.command, path, headers)
            if problem:
                state.refused.append(problem)
                self._answer(401, {"error": {"message": problem}})
                return None
            return path, headers, body

        def do_POST(self) -> None:
            read = self._read()
            if read is None:
                return
            path, _, body = read
            order = json.loads(body)
            problem = "not /api/order" if path != "/api/order" else _order_problem(order)
            known = {o["orderData"]["sourceOrderId"] for o in state.orders}
            if problem is None and order["orderData"]["sourceOrderId"] in known:
                problem = "sourceOrderId already exists"
            if problem:
                state.refused.append(problem)
                self._answer(400, {"error": {"message": problem}})
                return
            if state.answer_status != 200:
                self._answer(state.answer_status, {"error": {"message": "busy"}})
                return
            state.orders.append(order)
            taken = {
                "_id": f"sf{len(state.orders):022d}",
                "destination": {"name": order["destination"]["name"]},
                "source": {"name": ACCOUNT},
                "orderData": {**order["orderData"], "status": "dataready"},
            }
            self._answer(200, {"order": taken, "success": True})

        def do_PUT(self) -> None:
            read = self._read()
            if read is None:
                return
            path = read[0]
            known = {o["orderData"]["sourceOrderId"] for o in state.orders}
            match = re.fullmatch(r"/api/order/([^/]+)/([^/]+)/cancel", path)
            if match is None or match.group(1) != ACCOUNT or match.group(2) not in known:
                self._answer(404, {"error": {"message": f"no order at {path}"}})
                return
            state.cancels.append(match.group(2))
            self._answer(200, {"success": True})

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "::1"])
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    state = StandIn(port=server.server_address[1])
    server.RequestHandlerClass = _handler(state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
async def connected(
    admin: Actor, order: Order, stand_in: StandIn, asset_dir: Path
) -> siteflow.ConnectionView:
    """The space's connection to the stand-in, and a production file Fabflow stores on a part."""
    part = await Part.filter(order_id=order.id, client_id="temples").first()
    assert part is not None
    stored = assets.store(order.id, "temples-print.stl", b"solid temples\nendsolid temples\n")
    owner = assets.Owner(order.id, part.product_id, part.id)  # type: ignore[attr-defined]
    await assets.add_version(
        owner, client_id="print", url=stored.url, name="temples-print.stl", kind=AssetKind.PRODUCTION
    )
    return await siteflow.set_connection(
        admin, "demo-eyewear", stand_in.base_url + "/", KEY, SECRET, "hp.psp"
    )


def submit_flow() -> dict[str, Any]:
    return {
        "stages": [
            {
                "key": "print",
                "initialTaskDefinitionKeys": ["siteflow"],
                "taskDefinitions": [
                    {"key": "siteflow", "handlerKey": "siteflow-submit", "payload": {"sku": "3D-PRINT-PA12"}}
                ],
            }
        ]
    }


def local(url: str) -> str:
    """The path of one of this server's URLs, for the test client."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


async def started(make_flow: MakeFlow, admin: Actor, order: Order, stand_in: StandIn) -> SiteflowSubmission:
    flow = await make_flow(submit_flow())
    await flow_runs.start_order_flow(admin, order.id, flow.flow.id)
    await until(lambda: _submitted(order), timeout=20)
    submission = await SiteflowSubmission.get(order_id=order.id)
    assert len(stand_in.orders) == 1 and not stand_in.refused
    return submission


async def _submitted(order: Order) -> bool:
    return await SiteflowSubmission.filter(order_id=order.id, state="submitted").exists()


async def status_is(order: Order, status: OrderStatus) -> bool:
    return (await Order.get(id=order.id)).status == status


async def test_a_signed_order_goes_to_site_flow_and_its_postbacks_succeed_the_task(
    jobs: Embedded,
    make_flow: MakeFlow,
    admin: Actor,
    order: Order,
    stand_in: StandIn,
    connected: siteflow.ConnectionView,
    client: httpx.AsyncClient,
) -> None:
    submission = await started(make_flow, admin, order, stand_in)

    sent = stand_in.orders[0]
    data = sent["orderData"]
    assert sent["destination"] == {"name": "hp.psp"}
    assert data["sourceOrderId"] == submission.source_order_id
    assert submission.siteflow_order_id == "sf" + "1".zfill(22) and submission.source_account == ACCOUNT
    items = data["items"]  # every production file: the example's own STL (kept elsewhere) and ours
    paths = [item["components"][0]["path"] for item in items]
    assert [item["sku"] for item in items] == ["3D-PRINT-PA12"] * 2 and len(set(paths)) == 2
    assert all(item["quantity"] == 1 and item["components"][0]["code"] == "Content" for item in items)
    assert len({item["sourceItemId"] for item in items}) == 2
    assert "https://cdn.example.com/cfg-8f2a/temples-v2.stl" in paths  # its current version
    ours = next(path for path in paths if path.startswith(settings.PUBLIC_URL))
    file = await client.get(local(ours))  # the signed link serves the file without signing in
    assert file.status_code == 200 and file.content.startswith(b"solid temples")
    assert data["shipments"][0]["shipTo"]["town"] == "Antwerpen"
    assert data["shipments"][0]["carrier"] == {"code": "customer", "service": "shipping"}

    task_url = local(data["postbackAddress"])
    space_url = local(connected.postback_url)
    token = {"authorization": connected.postback_token}
    source = submission.source_order_id
    for url, body, headers in [
        (task_url, {"timestamp": "2026-12-02T08:00:00Z", "sourceOrderId": source, "status": "received"}, {}),
        (space_url, {"sourceOrderId": source, "status": "printready"}, token),
        (space_url, {"sourceOrderId": source, "status": "Component Printed"}, token),
    ]:
        answer = await client.post(url, json=body, headers=headers)
        assert answer.status_code == 200, answer.text
        assert answer.json()["handedToTask"] is False
    assert (await Order.get(id=order.id)).status == OrderStatus.IN_PROGRESS

    shipped = {
        "sourceOrderId": source,
        "status": "Shipment Dispatched",
        "trackingNumber": "1Z999AA10123456784",
    }
    answer = await client.post(space_url, json=shipped, headers=token)
    assert answer.status_code == 200 and answer.json()["handedToTask"] is True
    await until(lambda: status_is(order, OrderStatus.SUCCESS), timeout=20)

    entries = await HistoryEntry.filter(order_id=order.id, kind="siteflow.postback").order_by("created_at")
    assert [entry.data["event"] for entry in entries] == [
        "Received",
        "PrintReady",
        "ComponentPrinted",
        "ShipmentDispatched",
    ]
    assert "1Z999AA10123456784" in entries[-1].message
    task = await TaskRun.get(run__order_id=order.id)
    assert task.response and task.response["trackingNumber"] == "1Z999AA10123456784"
    assert (await SiteflowSubmission.get(id=submission.id)).state == "shipped"


async def test_an_errored_order_fails_the_task_with_site_flows_message(
    jobs: Embedded,
    make_flow: MakeFlow,
    admin: Actor,
    order: Order,
    stand_in: StandIn,
    connected: siteflow.ConnectionView,
    client: httpx.AsyncClient,
) -> None:
    submission = await started(make_flow, admin, order, stand_in)
    url = local(connected.postback_url)
    body = {"sourceOrderId": submission.source_order_id, "status": "Order Errored", "message": "fetch failed"}
    answer = await client.post(
        url, json=body, headers={"authorization": f"Bearer {connected.postback_token}"}
    )
    assert answer.status_code == 200, answer.text

    await until(lambda: status_is(order, OrderStatus.FAILURE), timeout=20)
    task = await TaskRun.get(run__order_id=order.id)
    assert (
        task.error == f"Site Flow order {submission.source_order_id} is in error in Site Flow: fetch failed"
    )
    later = await client.post(
        url, json={**body, "status": "cancelled"}, headers={"authorization": connected.postback_token}
    )
    assert later.status_code == 200 and later.json()["handedToTask"] is False  # recorded, the task has ended


async def test_a_message_delivered_twice_submits_once(
    make_context: ContextFactory, stand_in: StandIn, connected: siteflow.ConnectionView
) -> None:
    context = await make_context("siteflow-submit", {"sku": "3D-PRINT-PA12"})
    first = await HANDLER.run(context)
    again = await HANDLER.run(context)

    assert type(first).__name__ == type(again).__name__ == "Wait"
    assert len(stand_in.orders) == 1 and not stand_in.refused
    assert again.response and again.response["siteflowOrderId"] == first.response["siteflowOrderId"]  # type: ignore[union-attr]


async def test_an_answerless_try_is_not_submitted_twice_unknowingly(
    make_context: ContextFactory, stand_in: StandIn, connected: siteflow.ConnectionView
) -> None:
    """A worker that stopped mid-call left the submission `submitting`: the next try sends the same
    sourceOrderId, which Site Flow refuses as a duplicate, and the task says it may hold the order."""
    context = await make_context("siteflow-submit", {"sku": "3D-PRINT-PA12"})
    await HANDLER.run(context)
    await SiteflowSubmission.filter(task_run_id=context.task_run_id).update(state="submitting")

    result = await HANDLER.run(context)

    assert type(result).__name__ == "Failed" and "may hold this order already" in result.reason  # type: ignore[union-attr]
    assert len(stand_in.orders) == 1 and stand_in.refused == ["sourceOrderId already exists"]


async def test_a_busy_site_flow_is_tried_again_and_a_refusal_fails(
    make_context: ContextFactory, stand_in: StandIn, connected: siteflow.ConnectionView
) -> None:
    stand_in.answer_status = 503
    context = await make_context("siteflow-submit", {"sku": "3D-PRINT-PA12"})
    assert type(await HANDLER.run(context)).__name__ == "Retry"

    await SiteflowConnection.filter(api_key=KEY).update(api_key="someone-else")
    other = await make_context("siteflow-submit", {"sku": "3D-PRINT-PA12"})
    refused = await HANDLER.run(other)
    assert type(refused).__name__ == "Failed" and "(401)" in refused.reason  # type: ignore[union-attr]
    assert stand_in.refused == ["x-hp-hmac-authentication does not match"]


async def test_cancelling_the_run_cancels_the_site_flow_order(
    jobs: Embedded,
    make_flow: MakeFlow,
    admin: Actor,
    order: Order,
    stand_in: StandIn,
    connected: siteflow.ConnectionView,
) -> None:
    submission = await started(make_flow, admin, order, stand_in)
    run = await FlowRun.get(order_id=order.id)

    await flow_runs.cancel_run(admin, run.id, "The customer withdrew the order.")
    assert (await SiteflowSubmission.get(id=submission.id)).state == "cancelling"
    await sweep_once()

    assert stand_in.cancels == [submission.source_order_id] and not stand_in.refused
    assert (await SiteflowSubmission.get(id=submission.id)).state == "cancelled"
    assert await HistoryEntry.filter(order_id=order.id, kind="siteflow.cancelled").exists()


async def test_postbacks_that_cannot_be_taken_say_why(
    make_context: ContextFactory,
    stand_in: StandIn,
    connected: siteflow.ConnectionView,
    client: httpx.AsyncClient,
) -> None:
    context = await make_context("siteflow-submit", {"sku": "3D-PRINT-PA12"})
    await HANDLER.run(context)
    url = local(connected.postback_url)
    good = {"authorization": connected.postback_token}

    wrong = await client.post(
        url, json={"sourceOrderId": "x", "status": "received"}, headers={"authorization": "no"}
    )
    assert wrong.status_code == 401 and wrong.json()["errors"][0]["field"] == "authorization"
    unknown = await client.post(url, json={"sourceOrderId": "nope", "status": "received"}, headers=good)
    assert unknown.status_code == 404 and unknown.json()["errors"][0]["field"] == "sourceOrderId"
    submission = await SiteflowSubmission.get(task_run_id=context.task_run_id)
    odd = await client.post(
        url, json={"sourceOrderId": submission.source_order_id, "status": "melted"}, headers=good
    )
    assert odd.status_code == 400 and odd.json()["errors"][0]["field"] == "status"
    forged = await client.post("/api/v1/siteflow/tasks/forged", json={"status": "received"})
    assert forged.status_code == 404


async def test_the_secret_is_stored_sealed_and_never_shown(
    admin: Actor, connected: siteflow.ConnectionView
) -> None:
    row = await SiteflowConnection.get()
    assert SECRET not in row.sealed_secret and connected.postback_token not in row.sealed_postback_token
    assert SECRET not in repr(await siteflow.connection(admin, "demo-eyewear"))
    kept = await siteflow.set_connection(admin, "demo-eyewear", connected.base_url, KEY, "", "hp.psp")
    assert (await siteflow.credentials(row.space_id)).secret == SECRET  # type: ignore[union-attr, attr-defined]
    assert kept.postback_token == connected.postback_token


async def test_a_cancel_site_flow_refuses_leaves_a_warning(
    make_context: ContextFactory, stand_in: StandIn, connected: siteflow.ConnectionView, order: Order
) -> None:
    context = await make_context("siteflow-submit", {"sku": "3D-PRINT-PA12"})
    await HANDLER.run(context)
    await SiteflowSubmission.filter(task_run_id=context.task_run_id).update(source_account="someone.else")

    await HANDLER.cancel(EndedTask(context.task_run_id, order.id, "task", "siteflow-submit", "was cancelled"))
    assert await HANDLER.sweep() == 1

    submission = await SiteflowSubmission.get(task_run_id=context.task_run_id)
    assert submission.state == "cancel_failed" and "404" in submission.cancel_error
    warning = await HistoryEntry.get(order_id=order.id, kind="warning")
    assert "could not be cancelled" in warning.message and stand_in.cancels == []
    assert await HANDLER.sweep() == 0  # nothing is due any more


async def test_a_changed_server_key_asks_for_the_secret_again(
    make_context: ContextFactory,
    connected: siteflow.ConnectionView,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings, "SECRET_KEY", "another-server-key-of-more-than-thirty-two-bytes")
    context = await make_context("siteflow-submit", {"sku": "3D-PRINT-PA12"})

    result = await HANDLER.run(context)

    assert type(result).__name__ == "Failed" and "enter it again" in result.reason  # type: ignore[union-attr]
    assert not (await siteflow.connection(admin, "demo-eyewear")).readable
