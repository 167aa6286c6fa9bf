"""The one reader of JSON that clients send: request bodies, GraphQL variables, websocket messages.

Every route reads client JSON through `read_json`, which checks the size and the nesting depth on
the raw bytes before `json.loads` sees them (see `server.domain.json_depth`), so a hostile text is
refused with a message naming the limit and the setting that raises it, never with a 500.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from server import settings
from server.domain.json_depth import exceeds_depth
from server.domain.jsonpos import loads


@dataclass(frozen=True)
class JsonLimits:
    """The largest text (bytes of UTF-8) and the deepest nesting accepted; the settings name them."""

    max_bytes: int
    max_depth: int
    bytes_setting: str
    depth_setting: str = "FABFLOW_JSON_MAX_DEPTH"


class JsonRefused(ValueError):
    """A text that is not read: over a limit (`limit` names its setting) or not JSON (`limit` is "").

    `status` is the HTTP answer: 413 too large, 400 too deep or not JSON.
    """

    def __init__(self, message: str, code: str, status: int, limit: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.limit = limit


def body_limits() -> JsonLimits:
    """Limits of an HTTP request body (REST, feedback, GraphQL over HTTP)."""
    return JsonLimits(settings.MAX_BODY_BYTES, settings.JSON_MAX_DEPTH, "FABFLOW_MAX_BODY_BYTES")


def websocket_limits() -> JsonLimits:
    """Limits of one websocket message (GraphQL subscriptions)."""
    return JsonLimits(settings.WS_MAX_MESSAGE_BYTES, settings.JSON_MAX_DEPTH, "FABFLOW_WS_MAX_MESSAGE_BYTES")


def check_limits(raw: str | bytes, limits: JsonLimits) -> bytes:
    """The text as UTF-8 bytes; raises `JsonRefused` when it is too large or nests too deeply."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if len(data) > limits.max_bytes:
        raise JsonRefused(
            f"The JSON text is larger than {limits.max_bytes} bytes ({limits.bytes_setting}).",
            "too_large",
            413,
            limits.bytes_setting,
        )
    if exceeds_depth(data, limits.max_depth):
        raise JsonRefused(
            f"The JSON text nests deeper than {limits.max_depth} levels ({limits.depth_setting}).",
            "too_deep",
            400,
            limits.depth_setting,
        )
    return data


def read_json(raw: str | bytes, limits: JsonLimits) -> Any:
    """The JSON value of a text within the limits; raises `JsonRefused` naming the problem."""
    value, error = loads(check_limits(raw, limits))
    if error is not None:
        raise JsonRefused(error.message, "invalid_json", 400, "")
    return value
