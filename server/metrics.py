"""`GET /metrics` in the Prometheus text format.

The counts say how a business is doing, so they are not public: with `FABFLOW_METRICS_TOKEN` set a
scraper sends it as a bearer token; without it only clients on this machine may read them.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from server import settings
from server.http_auth import bearer_token
from server.services.metrics import Snapshot, snapshot

LOOPBACK = ("127.0.0.1", "::1", "localhost")
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


async def metrics(request: Request) -> Response:
    if not _allowed(request):
        return PlainTextResponse("Send the metrics token as a bearer token.\n", status_code=403)
    return PlainTextResponse(render(await snapshot()), media_type=CONTENT_TYPE)


def _allowed(request: Request) -> bool:
    if settings.METRICS_TOKEN:
        sent = bearer_token(request.headers.get("authorization")) or ""
        return hmac.compare_digest(sent.encode(), settings.METRICS_TOKEN.encode())
    return request.client is not None and request.client.host in LOOPBACK


def render(snap: Snapshot) -> str:
    lines: list[str] = []
    _family(lines, "fabflow_orders", "Orders by status.", "status", snap.orders)
    _family(lines, "fabflow_flow_runs_active", "Flow runs under way, by status.", "status", snap.runs)
    _family(lines, "fabflow_task_runs_active", "Task runs ready, running or waiting.", "state", snap.tasks)
    timed_out = "Tasks still waiting after an unhandled timeout."
    _gauge(lines, "fabflow_task_runs_timed_out", timed_out, snap.timed_out_tasks)
    _gauge(lines, "fabflow_live_subscribers", "Live subscriptions open in this process.", snap.subscribers)
    return "\n".join(lines) + "\n"


def _family(lines: list[str], name: str, help_text: str, label: str, values: dict[str, int]) -> None:
    lines += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge"]
    lines += [f'{name}{{{label}="{key}"}} {count}' for key, count in sorted(values.items())]


def _gauge(lines: list[str], name: str, help_text: str, value: int) -> None:
    lines += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge", f"{name} {value}"]
