"""Websocket messages over a limit close the connection with a code and a reason naming the limit."""

from __future__ import annotations

import asyncio
import json

import pytest
import websockets

from server import settings
from tests.e2e.support import LiveServer, Subscriber

STATUS = "subscription { orderStatusChanged { order { id } status } }"


async def _close_of(subscriber: Subscriber, message: str) -> tuple[int | None, str | None]:
    """Send `message`, then wait for the server to close; the close code and reason it sent."""
    await subscriber.socket.send(message)
    with pytest.raises(websockets.ConnectionClosed) as closed:
        await asyncio.wait_for(subscriber.socket.recv(), timeout=10)
    received = closed.value.rcvd
    return (received.code, received.reason) if received else (None, None)


async def test_a_message_over_the_size_limit_is_closed_with_1009(space_key: tuple[str, str]) -> None:
    message = json.dumps({"id": "1", "type": "subscribe", "payload": {"query": STATUS, "x": "x" * 3 * 2**20}})
    async with LiveServer() as live, Subscriber(live.ws_url, space_key[1]) as subscriber:
        code, reason = await _close_of(subscriber, message)

    assert code == 1009
    limit = settings.WS_MAX_MESSAGE_BYTES
    assert reason == f"The JSON text is larger than {limit} bytes (FABFLOW_WS_MAX_MESSAGE_BYTES)."


async def test_variables_nested_too_deeply_are_closed_with_4400(space_key: tuple[str, str]) -> None:
    variables = "[" * 5000 + "]" * 5000
    message = '{"id": "1", "type": "subscribe", "payload": {"query": "' + STATUS + '", "variables": {"x": '
    async with LiveServer() as live, Subscriber(live.ws_url, space_key[1]) as subscriber:
        code, reason = await _close_of(subscriber, message + variables + "}}}")

    assert code == 4400
    limit = settings.JSON_MAX_DEPTH
    assert reason == f"The JSON text nests deeper than {limit} levels (FABFLOW_JSON_MAX_DEPTH)."


async def test_a_message_within_the_limits_subscribes(space_key: tuple[str, str]) -> None:
    async with LiveServer() as live, Subscriber(live.ws_url, space_key[1]) as subscriber:
        await subscriber.subscribe(STATUS, {"padding": "x" * (settings.WS_MAX_MESSAGE_BYTES // 2)})
        await subscriber.socket.send(json.dumps({"type": "ping"}))
        pong = json.loads(await asyncio.wait_for(subscriber.socket.recv(), timeout=10))

    assert pong == {"type": "pong"}
