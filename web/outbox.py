"""The outbox: e-mails kept instead of sent (the embedded mode without SMTP settings).

Bodies are shown as text (a plain-text rendering, and the HTML source on request), never as
HTML: they are made from order data. A user sees the mails of orders they may see; mails
that belong to no order are for admins.
"""

from __future__ import annotations

from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from server.domain.actors import Actor
from server.models import OutboxMail
from server.services import mail
from server.services.orders.lists import get_order
from web.guard import actor_of, page
from web.templating import render

LIMIT = 200


async def visible_mails(actor: Actor, order_id: UUID | None = None) -> list[OutboxMail]:
    mails = await mail.outbox(limit=LIMIT, order_id=order_id)
    order_ids = {m.order_id for m in mails if m.order_id is not None}  # type: ignore[attr-defined]
    seen = {i for i in order_ids if await get_order(actor, i) is not None}
    return [
        m
        for m in mails
        if (m.order_id in seen) or (m.order_id is None and actor.is_admin)  # type: ignore[attr-defined]
    ]


@page()
async def outbox_page(request: Request) -> Response:
    mails = await visible_mails(actor_of(request))
    texts = {m.id: mail.html_to_text(m.html) for m in mails}
    return render(request, "outbox.html", {"mails": mails, "texts": texts, "limit": LIMIT})


routes: list[BaseRoute] = [Route("/outbox", outbox_page, methods=["GET"])]
