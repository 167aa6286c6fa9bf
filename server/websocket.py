"""uvicorn's websocket protocol, offering the app a way to write a frame it encoded itself.

A live frame shared by many subscribers is encoded once; each subscriber's copy differs only in
its subscription id. Sending it through ASGI (`websocket.send`) costs per subscriber a message
dict, Starlette's state checks, the wrapping middlewares and a frame built by the websockets
library. This protocol puts a `FRAME_WRITER` in the connection's scope extensions: a function that
writes a complete text frame to the transport when the connection is open and its write buffer
takes it without waiting, and says whether it did. Anything else (a closing connection, a buffer
over its high-water mark, an extension such as compression that would change the frame) is
refused, and the caller sends through ASGI as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.http11 import Request
from websockets.protocol import State

FRAME_WRITER = "fabflow.frame_writer"

FrameWriter = Callable[[bytes], bool]


def text_frame(*parts: bytes) -> bytes:
    """An unmasked, unfragmented text frame (a server's) holding `parts`, UTF-8, one after another."""
    data = b"".join(parts)
    size = len(data)
    if size < 126:
        header = bytes((0x81, size))
    elif size < 1 << 16:
        header = b"\x81\x7e" + size.to_bytes(2, "big")
    else:
        header = b"\x81\x7f" + size.to_bytes(8, "big")
    return header + data


class FrameWritingProtocol(WebSocketsSansIOProtocol):
    """`websockets-sansio`, with a `FRAME_WRITER` for the app (see the module's docstring)."""

    def handle_connect(self, event: Request) -> None:
        super().handle_connect(event)
        scope = getattr(self, "scope", None)  # none when the upgrade was refused
        if scope is not None:
            scope["extensions"][FRAME_WRITER] = self.write_frame_now

    def write_frame_now(self, frame: bytes) -> bool:
        """Writes `frame` (made by `text_frame`) if nothing would make it wait or change it."""
        if (
            self.disconnected
            or self.close_sent
            or not self.handshake_complete
            or not self.writable.is_set()
            or self.conn.state is not State.OPEN
            or self.conn.extensions
            or self.transport.is_closing()
        ):
            return False
        self.transport.write(frame)
        return True
