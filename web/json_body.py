"""Request bodies of JSON routes, read through the shared reader with the body limits."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from server.json_input import JsonRefused, body_limits, read_json


async def json_body(request: Request) -> Any:
    """The body's JSON value; raises `JsonRefused` (too large, too deep, not JSON)."""
    return read_json(await request.body(), body_limits())


def refused_response(refusal: JsonRefused) -> JSONResponse:
    """`{"errors": [{field, message, code}]}` with 413 or 400, as the other errors of the JSON routes."""
    error = {"field": "", "message": refusal.message, "code": refusal.code}
    return JSONResponse({"errors": [error]}, refusal.status)
