"""The integrations page (admins): each space's HP Site Flow connection, and the slicers the workers have.

The Site Flow secret is written once and never shown again (the form leaves it empty; an empty
secret keeps the stored one). The space's postback URL and token are shown, with the trigger
body to paste into Site Flow (README, *Integrations*).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from server.services import auth, manufacturing, siteflow
from server.services.errors import ServiceError
from web.guard import actor_of, page
from web.templating import render


def _text(form: Any, name: str, limit: int = 2000) -> str:
    value = form.get(name, "")
    return value.strip()[:limit] if isinstance(value, str) else ""


async def _page(request: Request, status: int = 200, **context: Any) -> Response:
    actor = actor_of(request)
    spaces = await auth.visible_spaces(actor)
    response = render(
        request,
        "admin/integrations.html",
        {
            "connections": await siteflow.connections(actor, spaces),
            "machines": await manufacturing.worker_machines(actor),
            **context,
        },
        status_code=status,
    )
    response.headers["Cache-Control"] = "no-store"  # the postback tokens are on it
    return response


@page("integrations", "siteflowConnection")
async def integrations(request: Request) -> Response:
    return await _page(request)


@page("integrations", "setSiteflowConnection")
async def save_siteflow(request: Request) -> Response:
    form = await request.form()
    space_key = _text(form, "space", 100)
    try:
        await siteflow.set_connection(
            actor_of(request),
            space_key,
            _text(form, "base_url"),
            _text(form, "api_key", 300),
            str(form.get("secret", ""))[:2000],
            _text(form, "destination", 200),
        )
    except ServiceError as exc:
        return await _page(request, 400, error=exc, failed_space=space_key)
    return await _page(request, notice=f"The Site Flow connection of {space_key} is saved.")


routes: list[BaseRoute] = [
    Route("/admin/integrations", integrations, methods=["GET"]),
    Route("/admin/integrations/siteflow", save_siteflow, methods=["POST"]),
]
