"""Details pages of an order, a product and a part, and the operator's actions on an order's flow.

Actions answer htmx with out-of-band swaps of the parts of the order page that change
(status, flow, manual tasks, history), and plain form posts with a redirect back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from server.domain.actors import Actor
from server.domain.statuses import AssetKind
from server.services import flow_runs, run_views, webhook_endpoints
from server.services.errors import NotFound, ServiceError
from server.services.orders import tags as order_tags
from server.services.orders.lists import get_order, get_part, get_product
from server.services.orders.rows import AssetRow, OrderRow, PartRow, ProductRow
from server.services.orders.tree import TreeLoader
from server.sessions import csrf_token
from web.diagram import TaskMark, flow_svg
from web.guard import actor_of, page
from web.templating import is_partial, render, render_text


def _uuid(text: str) -> UUID:
    try:
        return UUID(text)
    except ValueError as exc:
        raise NotFound("There is nothing at this address.") from exc


async def _all_parts(tree: TreeLoader, products: list[ProductRow]) -> list[PartRow]:
    level = await tree.attach_parts(products)
    found = list(level)
    while level:
        level = await tree.attach_children(level)
        found += level
    return found


async def load_order(actor: Actor, order_id: UUID) -> dict[str, Any]:
    """Everything the order page shows; NotFound when the actor may not see the order."""
    order = await get_order(actor, order_id)
    if order is None:
        raise NotFound("No such order, or it is not yours to see.")
    tree = TreeLoader()
    tree.adopt_orders([order])
    await tree.attach_spaces([order])
    products = await tree.attach_products([order])
    parts = await _all_parts(tree, products)
    assets = await tree.attach_assets([order, *products, *parts])
    await tree.attach_versions(assets)
    await tree.attach_events([order])
    await tree.attach_manual_tasks([order])
    await tree.attach_addresses([order])
    owners = {a.id: owner_label(a, {p.id: p for p in products}, {p.id: p for p in parts}) for a in assets}
    return {
        "order": order,
        "products": products,
        "parts": parts,
        "assets": assets,
        "owners": owners,
        "thumbnail": thumbnail(order, products, assets),
        **await _flow(order),
    }


async def _flow(order: OrderRow) -> dict[str, Any]:
    run = await run_views.latest_run(order.id)
    diagram = None
    if run is not None:
        marks = {
            key: TaskMark(str(task.state), task.timed_out, task.attempts)
            for key, task in run.latest_by_key().items()
        }
        diagram = flow_svg(run.definition, marks)
    startable = await run_views.startable_flows(order.space_id)
    return {"run": run, "diagram": diagram, "startable_flows": startable}


def thumbnail(order: OrderRow, products: list[ProductRow], assets: list[AssetRow]) -> str | None:
    if order.thumbnail_url:
        return order.thumbnail_url
    for product in products:
        if product.thumbnail_url:
            return product.thumbnail_url
    return preview_url(assets)


def preview_url(assets: list[AssetRow]) -> str | None:
    """The current version of the first preview image among `assets`."""
    for asset in assets:
        current = asset.current_version
        if asset.kind == AssetKind.PREVIEW and current is not None:
            return current.url
    return None


def owner_label(asset: AssetRow, products: dict[UUID, ProductRow], parts: dict[UUID, PartRow]) -> str:
    if asset.part_id and asset.part_id in parts:
        return parts[asset.part_id].name
    if asset.product_id and asset.product_id in products:
        return products[asset.product_id].title
    return "Order"


WEBHOOK_LOG_SIZE = 20


@page()
async def order_page(request: Request) -> Response:
    actor = actor_of(request)
    context = await load_order(actor, _uuid(request.path_params["order_id"]))
    deliveries, total = await webhook_endpoints.order_deliveries(
        actor, context["order"].id, 0, WEBHOOK_LOG_SIZE
    )
    context["webhooks"] = {"deliveries": deliveries, "total": total}
    return render(request, "order.html", context)


LIVE_SECTIONS = (
    "_order_status.html",
    "_order_specs.html",
    "_order_flow.html",
    "_order_tasks.html",
    "_order_history.html",
    "_order_files.html",
    "_order_thumb.html",
)


async def live_sections(actor: Actor, order_id: UUID, user: Any, csrf: str) -> dict[str, str]:
    """The changing parts of an order page, each as an out-of-band swap, by template name."""
    context = {**await load_order(actor, order_id), "user": user, "oob": True, "csrf": csrf}
    return {name: render_text(name, context) for name in LIVE_SECTIONS}


async def live_fragment(actor: Actor, order_id: UUID, user: Any, csrf: str, flash: str = "") -> str:
    """All the changing parts of an order page, and the message of the action, as out-of-band swaps."""
    sections = await live_sections(actor, order_id, user, csrf)
    return "".join(sections.values()) + render_text("_flash.html", {"flash": flash})


Action = Callable[[Actor, UUID, Request], Awaitable[object]]


def order_action(act: Action, operation: str) -> Callable[[Request], Awaitable[Response]]:
    """An operator action on an order (`operation` of the permission table): run it, then show what
    changed (or why it could not)."""

    @page(operation)
    async def endpoint(request: Request) -> Response:
        order_id = _uuid(request.path_params["order_id"])
        actor = actor_of(request)
        flash = ""
        try:
            await act(actor, order_id, request)
        except NotFound:
            raise
        except ServiceError as exc:
            flash = exc.message
        if not is_partial(request):
            return RedirectResponse(f"/orders/{order_id}", status_code=303)
        html = await live_fragment(actor, order_id, request.state.user, csrf_token(request.session), flash)
        return Response(html, media_type="text/html")

    return endpoint


async def _form_text(request: Request, name: str) -> str:
    return str((await request.form()).get(name, "")).strip()[:2000]


async def _complete(actor: Actor, order_id: UUID, request: Request) -> None:
    comment = await _form_text(request, "comment")
    await flow_runs.complete_manual_task(actor, _uuid(request.path_params["item_id"]), comment)


async def _reject(actor: Actor, order_id: UUID, request: Request) -> None:
    comment = await _form_text(request, "comment")
    await flow_runs.reject_manual_task(actor, _uuid(request.path_params["item_id"]), comment)


async def _retry(actor: Actor, order_id: UUID, request: Request) -> None:
    await flow_runs.retry_task(actor, _uuid(request.path_params["item_id"]))


async def _restart(actor: Actor, order_id: UUID, request: Request) -> None:
    await flow_runs.restart_run(actor, _uuid(request.path_params["item_id"]))


async def _cancel(actor: Actor, order_id: UUID, request: Request) -> None:
    await flow_runs.cancel_run(actor, _uuid(request.path_params["item_id"]))


async def _tags(actor: Actor, order_id: UUID, request: Request) -> None:
    form = await request.form()
    add = [tag for text in form.getlist("add") for tag in str(text).split(",")]
    await order_tags.change_tags(actor, order_id, add, [str(tag) for tag in form.getlist("remove")])


async def _start(actor: Actor, order_id: UUID, request: Request) -> None:
    chosen = await _form_text(request, "flow_id")
    await flow_runs.start_order_flow(actor, order_id, _uuid(chosen) if chosen else None)


async def load_product(actor: Actor, product_id: UUID) -> dict[str, Any]:
    """Everything the product page shows; NotFound when the actor may not see the product."""
    product = await get_product(actor, product_id)
    if product is None:
        raise NotFound("No such product, or it is not yours to see.")
    tree = TreeLoader()
    tree.adopt_products([product])
    await tree.attach_order([product])
    parts = await _all_parts(tree, [product])
    assets = await tree.attach_assets([product])
    await tree.attach_versions(assets)
    preview = product.thumbnail_url or preview_url(assets)
    return {
        "product": product,
        "parts": parts,
        "top_parts": product.parts or [],
        "assets": assets,
        "thumbnail": preview,
    }


async def load_part(actor: Actor, part_id: UUID) -> dict[str, Any]:
    """Everything the part page shows, its items at every depth; NotFound when it is not the actor's."""
    part = await get_part(actor, part_id)
    if part is None:
        raise NotFound("No such part, or it is not yours to see.")
    tree = TreeLoader()
    tree.adopt_parts([part])
    await tree.attach_order([part])
    await tree.attach_product([part])
    children = await tree.attach_children([part])
    level = children
    while level:
        level = await tree.attach_children(level)
    assets = await tree.attach_assets([part])
    await tree.attach_versions(assets)
    return {"part": part, "children": children, "assets": assets}


@page()
async def product_page(request: Request) -> Response:
    context = await load_product(actor_of(request), _uuid(request.path_params["product_id"]))
    return render(request, "product.html", context)


@page()
async def part_page(request: Request) -> Response:
    context = await load_part(actor_of(request), _uuid(request.path_params["part_id"]))
    return render(request, "part.html", context)


PRODUCT_SECTIONS = ("_product_parts.html", "_product_printing.html", "_product_files.html")
PART_SECTIONS = ("_part_items.html", "_part_files.html")


async def product_sections(actor: Actor, product_id: UUID, user: Any) -> dict[str, str]:
    """The changing parts of a product page (parts, printing, files), as out-of-band swaps."""
    context = {**await load_product(actor, product_id), "user": user, "oob": True}
    return {name: render_text(name, context) for name in PRODUCT_SECTIONS}


async def part_sections(actor: Actor, part_id: UUID, user: Any) -> dict[str, str]:
    """The changing parts of a part page (items, printing, files, manufacturing data)."""
    context = {**await load_part(actor, part_id), "user": user, "oob": True}
    return {name: render_text(name, context) for name in PART_SECTIONS}


ORDER = "/orders/{order_id}"
routes: list[BaseRoute] = [
    Route(ORDER, order_page, methods=["GET"]),
    Route(
        ORDER + "/manual-tasks/{item_id}/complete",
        order_action(_complete, "completeManualTask"),
        methods=["POST"],
    ),
    Route(
        ORDER + "/manual-tasks/{item_id}/reject", order_action(_reject, "rejectManualTask"), methods=["POST"]
    ),
    Route(ORDER + "/tasks/{item_id}/retry", order_action(_retry, "retryTask"), methods=["POST"]),
    Route(ORDER + "/runs/{item_id}/restart", order_action(_restart, "restartFlowRun"), methods=["POST"]),
    Route(ORDER + "/runs/{item_id}/cancel", order_action(_cancel, "cancelFlowRun"), methods=["POST"]),
    Route(ORDER + "/start", order_action(_start, "startOrderFlow"), methods=["POST"]),
    Route(ORDER + "/tags", order_action(_tags, "tagOrder"), methods=["POST"]),
    Route("/products/{product_id}", product_page, methods=["GET"]),
    Route("/parts/{part_id}", part_page, methods=["GET"]),
]
