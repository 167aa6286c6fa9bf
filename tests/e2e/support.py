"""A real server on a free port, a real GraphQL client over HTTP, and a real websocket subscriber."""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

import httpx
import uvicorn
import websockets

from server.app import create_app
from server.http_protocol import HeadJoiningHttpToolsProtocol
from server.websocket import FrameWritingProtocol


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LiveServer:
    """uvicorn serving the app on this loop; the test session has the ORM open already."""

    def __init__(self, run_jobs: bool = False) -> None:
        self.port = free_port()
        app = create_app(manage_database=False, run_jobs=run_jobs)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            ws=FrameWritingProtocol,
            http=HeadJoiningHttpToolsProtocol,  # as `fabflow serve`
        )
        self.server = uvicorn.Server(config)
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}/graphql"
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> LiveServer:
        self._task = asyncio.create_task(self.server.serve())
        await until(lambda: _true(self.server.started), timeout=10)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.server.should_exit = True
        if self._task is not None:
            await self._task


async def _true(value: bool) -> bool:
    return value


async def graphql(url: str, document: str, variables: dict[str, Any], token: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        response = await client.post(
            "/graphql",
            json={"query": document, "variables": variables},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


class Subscriber:
    """A `graphql-transport-ws` client: connection_init with the key, then one subscription."""

    _ids = itertools.count(1)

    def __init__(self, ws_url: str, token: str | None) -> None:
        self.ws_url = ws_url
        self.token = token
        self.received: list[dict[str, Any]] = []
        self.socket: Any = None
        self.ids: set[str] = set()  # of this connection's subscriptions: a frame must carry one

    async def __aenter__(self) -> Subscriber:
        self.socket = await websockets.connect(self.ws_url, subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
        payload = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        await self.socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        ack = json.loads(await asyncio.wait_for(self.socket.recv(), timeout=10))
        assert ack["type"] == "connection_ack", ack
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.socket.close()

    async def subscribe(self, document: str, variables: dict[str, Any]) -> str:
        """Starts a subscription; returns its id."""
        operation_id = str(next(self._ids))
        message = {
            "id": operation_id,
            "type": "subscribe",
            "payload": {"query": document, "variables": variables},
        }
        self.ids.add(operation_id)
        await self.socket.send(json.dumps(message))
        return operation_id

    async def complete(self, operation_id: str) -> None:
        """Ends one subscription, the connection stays open."""
        self.ids.discard(operation_id)
        await self.socket.send(json.dumps({"id": operation_id, "type": "complete"}))

    async def next(self, timeout: float = 10) -> dict[str, Any]:
        message = json.loads(await asyncio.wait_for(self.socket.recv(), timeout=timeout))
        assert message["type"] == "next", message
        assert message["id"] in self.ids, message
        assert "errors" not in message["payload"], message
        data: dict[str, Any] = message["payload"]["data"]
        self.received.append(data)
        return data

    async def collect(
        self, done: Callable[[list[dict[str, Any]]], bool], timeout: float = 30
    ) -> list[dict[str, Any]]:
        """Everything received so far and until `done(received)` holds."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not done(self.received):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise AssertionError(f"not done after {timeout} s: {self.received}")
            await self.next(timeout=left)
        return self.received


async def until(check: Callable[[], Awaitable[Any]], timeout: float = 10.0) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = await check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        await asyncio.sleep(0.05)
