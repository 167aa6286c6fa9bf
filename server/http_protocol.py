"""uvicorn's httptools protocol, writing a response's head and first body part in one send.

uvicorn writes the status line and headers as soon as the app starts its response, then the
body as a second write: two system calls and, over TCP without Nagle's delay, two segments
the client reads one after the other. Here the head is held until the first body part and
written with it. A response that starts and then waits (a stream whose first part comes later)
still gets its head at once: a held head is written at the event loop's next turn, before
anything else can wait on it, and before the connection is closed. The access line of a response
is logged at that turn too, after its first write rather than before it.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class HeadJoiningTransport:
    """The transport as one request's response cycle sees it: the first write (the head) is held
    until the next write or the loop's next turn, whichever comes first."""

    __slots__ = ("_held", "_holding", "_loop", "transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self.transport = transport
        self._loop = loop
        self._holding = True  # only the response's first write is held
        self._held: bytes | None = None

    def write(self, data: bytes) -> None:
        if self._holding:
            self._holding = False
            self._held = data
            self._loop.call_soon(self.flush)
            return
        held, self._held = self._held, None
        self.transport.write(held + data if held is not None else data)

    def flush(self) -> None:
        held, self._held = self._held, None
        if held is not None and not self.transport.is_closing():
            self.transport.write(held)

    def close(self) -> None:
        self.flush()
        self.transport.close()

    def __getattr__(self, name: str) -> Any:  # is_closing, get_extra_info, ...: the transport's own
        return getattr(self.transport, name)


class LaterAccessLog:
    """The access logger as a response cycle sees it: the line of a response is logged at the event
    loop's next turn, once the response's head and first body part are written, not before."""

    __slots__ = ("_logger", "_loop")

    def __init__(self, logger: logging.Logger, loop: asyncio.AbstractEventLoop) -> None:
        self._logger, self._loop = logger, loop

    def info(self, message: str, *args: Any) -> None:
        self._loop.call_soon(self._logger.info, message, *args)


class HeadJoiningHttpToolsProtocol(HttpToolsProtocol):
    """`httptools`, each response's head written with its first body part (see the module), and
    its access line logged just after."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.access_logger = LaterAccessLog(self.access_logger, self.loop)  # type: ignore[assignment]

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        cycle = self.cycle
        if cycle is not None and cycle.transport is self.transport:
            cycle.transport = HeadJoiningTransport(self.transport, self.loop)  # type: ignore[assignment]
