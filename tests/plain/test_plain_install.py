"""`pip install .` is the whole product: a server from a plain install (no extras) serves subscriptions.

The server is `fabflow serve` of FABFLOW_PLAIN_BIN (made by `./dev test`), in the embedded mode in a
temporary working directory; this test and its clients run elsewhere: httpx, websockets and gql in the
test environment, the graphql-ws npm client under `node`. A runtime import that only the test extra
provides fails here.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from gql import Client, gql
from gql.client import AsyncClientSession
from gql.transport.websockets import WebsocketsTransport

from tests.plain.npm_client import NodeSubscriber

EXAMPLE_ORDER = Path(__file__).resolve().parents[2] / "docs" / "examples" / "order-eyewear.json"
STATUS = "subscription { orderStatusChanged { order { name } status } }"
DEADLINE = 90.0


@dataclass
class PlainServer:
    url: str
    ws_url: str
    key: str
    process: subprocess.Popen[str]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def plain_env() -> dict[str, str]:
    """The caller's environment without Fabflow's configuration (embedded mode) or the test venv."""
    dropped = (
        "DATABASE_URL",
        "REDIS_URL",
        "FABFLOW_VAR_DIR",
        "FABFLOW_SECRET_KEY",
        "VIRTUAL_ENV",
        "PYTHONPATH",
    )
    return {name: value for name, value in os.environ.items() if name not in dropped}


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlainServer]:
    fabflow = str(Path(os.environ["FABFLOW_PLAIN_BIN"]) / "fabflow")
    workdir = tmp_path_factory.mktemp("plain")
    demo = subprocess.run(
        [fabflow, "demo", "--orders", "0"],
        cwd=workdir,
        env=plain_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    key = re.search(r"API key: (\S+)", demo.stdout)
    assert key, demo.stdout
    port = free_port()
    process = subprocess.Popen(
        [fabflow, "serve", "--port", str(port)],
        cwd=workdir,
        env=plain_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield PlainServer(f"http://127.0.0.1:{port}", f"ws://127.0.0.1:{port}/graphql", key.group(1), process)
    finally:
        process.terminate()
        process.wait(timeout=30)


async def wait_until_up(server: PlainServer) -> None:
    deadline = asyncio.get_running_loop().time() + DEADLINE
    async with httpx.AsyncClient(base_url=server.url, timeout=5) as client:
        while True:
            assert server.process.poll() is None, (
                server.process.stderr.read() if server.process.stderr else ""
            )
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert asyncio.get_running_loop().time() < deadline, "the plain server did not come up"
            await asyncio.sleep(0.2)


async def post_order(server: PlainServer, name: str) -> None:
    order = json.loads(EXAMPLE_ORDER.read_text())
    order["order"]["thirdPartyOrderId"] = name  # the order's name
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        response = await client.post(
            "/api/v1/orders", json=order, headers={"Authorization": f"Bearer {server.key}"}
        )
    assert response.status_code == 201, response.text


async def test_a_subscription_gets_a_frame_from_a_plain_install(plain_server: PlainServer) -> None:
    await wait_until_up(plain_server)
    async with websockets.connect(plain_server.ws_url, subprotocols=["graphql-transport-ws"]) as socket_:  # type: ignore[list-item]
        await socket_.send(
            json.dumps(
                {"type": "connection_init", "payload": {"Authorization": f"Bearer {plain_server.key}"}}
            )
        )
        assert json.loads(await asyncio.wait_for(socket_.recv(), 30))["type"] == "connection_ack"
        await socket_.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": STATUS}}))
        frame = await first_frame(plain_server, socket_)

    assert frame["type"] == "next", frame
    change = frame["payload"]["data"]["orderStatusChanged"]
    assert change["order"]["name"].startswith("PLAIN-")


async def first_frame(server: PlainServer, socket_: Any) -> dict[str, Any]:
    """Orders go in (each starts its flow, which changes its status) until the subscription answers.

    The protocol does not say when a subscription is listening, so a new order follows each second
    without a frame.
    """
    deadline = asyncio.get_running_loop().time() + DEADLINE
    for number in range(1, 1000):
        await post_order(server, f"PLAIN-{number}")
        try:
            return json.loads(await asyncio.wait_for(socket_.recv(), timeout=1))  # type: ignore[no-any-return]
        except TimeoutError:
            assert asyncio.get_running_loop().time() < deadline, "no frame from the subscription"
    raise AssertionError("no frame from the subscription")


async def test_the_graphql_ws_npm_client_and_gql_hear_a_status_change_from_a_plain_install(
    plain_server: PlainServer,
) -> None:
    """Both clients subscribe with the space's key, then orders go in until each has heard a change."""
    await wait_until_up(plain_server)
    transport = WebsocketsTransport(
        url=plain_server.ws_url,
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        init_payload={"Authorization": f"Bearer {plain_server.key}"},
    )
    async with (
        NodeSubscriber(plain_server.ws_url, plain_server.key, STATUS) as node,
        Client(transport=transport) as session,
    ):
        assert (await node.event(timeout=30)) == {"event": "connected"}  # connection_ack, key accepted
        heard_by_node = asyncio.create_task(first_change_heard_by_node(node))
        heard_by_gql = asyncio.create_task(first_change_heard_by_gql(session))
        try:
            posted = await post_until_done(plain_server, [heard_by_node, heard_by_gql])
        finally:
            for task in (heard_by_node, heard_by_gql):
                task.cancel()

    for change in (heard_by_node.result(), heard_by_gql.result()):
        assert change["order"]["name"] in posted  # a change made while the client listened
        assert change["status"] in ("IN_PROGRESS", "SUCCESS", "FAILURE", "UNHEALTHY"), change


async def first_change_heard_by_node(node: NodeSubscriber) -> dict[str, Any]:
    while True:
        event = await node.event(timeout=DEADLINE)
        assert event["event"] == "next", event  # an error or an early end of the subscription
        assert "errors" not in event["value"], event
        return event["value"]["data"]["orderStatusChanged"]  # type: ignore[no-any-return]


async def first_change_heard_by_gql(session: AsyncClientSession) -> dict[str, Any]:
    async for result in session.subscribe(gql(STATUS)):
        return result["orderStatusChanged"]  # type: ignore[no-any-return]
    raise AssertionError("the gql subscription ended without a frame")


async def post_until_done(server: PlainServer, listeners: list[asyncio.Task[dict[str, Any]]]) -> list[str]:
    """Orders go in, one a second, until every listener has heard one; the names of those posted."""
    deadline = asyncio.get_running_loop().time() + DEADLINE
    posted: list[str] = []
    for number in range(1, 1000):
        posted.append(f"BOTH-{number}")
        await post_order(server, posted[-1])
        done, pending = await asyncio.wait(listeners, timeout=1)
        for task in done:
            task.result()  # a listener that failed fails the test with its reason
        if not pending:
            return posted
        assert asyncio.get_running_loop().time() < deadline, f"no frame for {len(pending)} client(s)"
    raise AssertionError("no frame for the clients")
