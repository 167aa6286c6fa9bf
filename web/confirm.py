"""`GET|POST /confirm/{token}`: the recipient of an asset e-mail confirms it.

GET shows what is being confirmed (the order, the mail's subject, the files it listed) and a button;
POST confirms and lets the waiting task go on. The token is the credential. A link that is not
genuine, expired, used, or whose task no longer waits gets a page that says so (never a 500).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from server.services import task_links
from server.services.errors import Conflict, NotFound, ServiceError
from server.services.signed_links import LinkError
from web.guard import performs

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates" / "confirm"),
    autoescape=True,
)
LINK_PAGES = {
    "invalid": (404, "This link is not valid", "It was changed on the way, or it was never issued."),
    "expired": (410, "This link has expired", "Ask the sender for a new one."),
    "used": (409, "Already confirmed", "This link has been used already; nothing more is needed."),
}
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex"}


def page(template: str, status: int = 200, **values: Any) -> HTMLResponse:
    return HTMLResponse(TEMPLATES.get_template(template).render(**values), status, HEADERS)


def problem_page(exc: Exception) -> HTMLResponse:
    if isinstance(exc, LinkError):
        status, title, detail = LINK_PAGES[exc.reason]
    elif isinstance(exc, Conflict):
        status, title, detail = 409, "Nothing to confirm any more", exc.message
    elif isinstance(exc, NotFound):
        status, title, detail = 404, "This link is not valid", exc.message
    else:
        status, title, detail = 400, "This link cannot be used", str(exc)
    return page("problem.html", status, title=title, detail=detail)


def view(confirmation: task_links.Confirmation) -> dict[str, Any]:
    return {
        "order_name": confirmation.linked.order.name,
        "subject": confirmation.subject,
        "assets": confirmation.assets,
    }


async def confirmation_page(request: Request) -> HTMLResponse:
    token = request.path_params["token"]
    try:
        confirmation = await task_links.describe_confirmation(token)
    except (LinkError, ServiceError) as exc:
        return problem_page(exc)
    return page("confirm.html", **view(confirmation), action=request.url.path)


@performs("confirmTask")
async def confirm(request: Request) -> HTMLResponse:
    token = request.path_params["token"]
    try:
        confirmation = await task_links.confirm(token, "the e-mail recipient")
    except (LinkError, ServiceError) as exc:
        return problem_page(exc)
    return page("done.html", **view(confirmation))


routes = [
    Route("/confirm/{token}", confirmation_page, methods=["GET"]),
    Route("/confirm/{token}", confirm, methods=["POST"]),
]
