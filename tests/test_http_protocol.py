"""A response's head goes out with its first body part, and never waits for a body that comes later."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import uvicorn

from server.http_protocol import HeadJoiningHttpToolsProtocol, HeadJoiningTransport, LaterAccessLog
from tests.e2e.support import free_port, until


class FakeTransport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        assert not self.closed, "written after close"
        self.writes.append(data)

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str) -> str:
        return f"extra {name}"


async def test_the_head_and_the_first_body_part_are_one_write() -> None:
    transport = FakeTransport()
    joining = HeadJoiningTransport(transport, asyncio.get_running_loop())  # type: ignore[arg-type]
    joining.write(b"HEAD\r\n\r\n")
    assert transport.writes == []
    joining.write(b"body")
    joining.write(b"more")
    await asyncio.sleep(0)  # the held head's turn: nothing left to write
    assert transport.writes == [b"HEAD\r\n\r\nbody", b"more"]
    assert joining.get_extra_info("peername") == "extra peername"


async def test_a_held_head_goes_out_at_the_next_turn_or_before_a_close() -> None:
    loop = asyncio.get_running_loop()
    waiting = FakeTransport()
    HeadJoiningTransport(waiting, loop).write(b"HEAD")  # type: ignore[arg-type]
    await asyncio.sleep(0)
    assert waiting.writes == [b"HEAD"]

    closing = FakeTransport()
    joining = HeadJoiningTransport(closing, loop)  # type: ignore[arg-type]
    joining.write(b"HEAD")
    joining.close()
    await asyncio.sleep(0)
    assert closing.writes == [b"HEAD"] and closing.closed


async def test_an_access_line_is_logged_at_the_next_turn_with_the_same_text() -> None:
    class Lines(logging.Handler):
        def __init__(self) -> None:
            super().__init__()
            self.lines: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.lines.append(record.getMessage())

    logger = logging.getLogger("tests.access.later")
    logger.setLevel(logging.INFO)
    lines = Lines()
    logger.addHandler(lines)
    try:
        later = LaterAccessLog(logger, asyncio.get_running_loop())
        later.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", "/orders?status=X", "1.1", 200)
        assert lines.lines == []  # the response is written first
        await asyncio.sleep(0)
        assert lines.lines == ['127.0.0.1:5000 - "GET /orders?status=X HTTP/1.1" 200']
    finally:
        logger.removeHandler(lines)


async def test_a_served_stream_gets_its_head_before_its_first_part() -> None:
    head_read = asyncio.Event()

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        if scope["path"] == "/stream":
            await send({"type": "http.response.start", "status": 200, "headers": [(b"x-kind", b"stream")]})
            await asyncio.wait_for(head_read.wait(), 5)  # a held head would never be read
            await send({"type": "http.response.body", "body": b"late part", "more_body": False})
            return
        body = b"plain answer"
        headers = [(b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", http=HeadJoiningHttpToolsProtocol
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        await until(lambda: _started(server), timeout=10)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(2):  # keep-alive: the second response is joined as well
            writer.write(b"GET /plain HTTP/1.1\r\nHost: x\r\n\r\n")
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            assert head.startswith(b"HTTP/1.1 200") and b"content-length: 12" in head
            assert await asyncio.wait_for(reader.readexactly(12), 5) == b"plain answer"
        writer.write(b"GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        assert b"x-kind: stream" in head and b"transfer-encoding: chunked" in head
        head_read.set()
        assert await asyncio.wait_for(reader.readuntil(b"0\r\n\r\n"), 5) == b"9\r\nlate part\r\n0\r\n\r\n"
        writer.close()
    finally:
        server.should_exit = True
        await task


async def _started(server: uvicorn.Server) -> bool:
    return server.started
