"""What arrives through a task's signed link: connector feedback and e-mail confirmations.

Both check the token (genuine, not expired, not used), that the task still waits, then mark the
link used and hand what arrived to the waiting task (`flow_runs.resume_task`). Feedback assets are
stored on the order tree in the transaction in which the task takes the answer: the tasks after it
see them, and an answer the task refuses (it ended, or has an answer already) stores none.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from server import task_handlers
from server.domain.actors import SYSTEM
from server.domain.feedback import AssetIn, Feedback, parse_feedback
from server.domain.statuses import TaskState
from server.models import Order, Part, Product, TaskRun
from server.services import assets, signed_links, webhook_events, webhook_outbox
from server.services.effects import Effects, now
from server.services.errors import Conflict, FieldError, NotFound, ServiceError, ValidationFailed
from server.services.flow_runs import resume_task
from server.services.orders import context as order_context
from server.services.signed_links import LinkError, TaskLink

OPEN_STATES = (TaskState.WAITING, TaskState.RUNNING)


@dataclass(frozen=True)
class LinkedTask:
    task: TaskRun
    order: Order
    link: TaskLink


async def open_link(purpose: str, token: str) -> LinkedTask:
    """The waiting task behind a token; raises `LinkError`, `NotFound` or `Conflict`."""
    link = signed_links.read_task_token(purpose, token)
    if await signed_links.is_used(token):
        raise LinkError("used", "This link has been used already.")
    task = await TaskRun.get_or_none(id=link.task_run_id).select_related("run")
    if task is None or not task_handlers.accepts_link(task.handler_key, purpose):
        raise NotFound(
            "The task of this link does not exist.", [FieldError("token", "names no task", "not_found")]
        )
    if task.state not in OPEN_STATES or task.resume_data is not None:
        message = f"The task no longer waits: it {_why_closed(task)}."
        raise Conflict(message, [FieldError("token", message, "conflict")])
    order = await Order.get(id=task.run.order_id)  # type: ignore[attr-defined]
    return LinkedTask(task, order, link)


def _why_closed(task: TaskRun) -> str:
    if task.resume_data is not None:
        return "has an answer already"
    if task.state == TaskState.READY:
        return "has not started yet"
    return f"has ended ({task.state.lower().replace('_', ' ')})"


async def hand_over(
    purpose: str,
    linked: LinkedTask,
    data: dict[str, Any],
    actor: str,
    with_answer: Callable[[Effects], Awaitable[None]] | None = None,
) -> None:
    """Mark the link used and resume the task; the claim is undone when the task refuses.

    `with_answer` runs inside the resume's transaction, so its writes stand or fall with the answer.
    """
    await signed_links.claim(purpose, linked.link, actor)
    try:
        await resume_task(linked.task.id, data, SYSTEM, with_answer)
    except ServiceError:
        await signed_links.release(linked.link)
        raise


# --------------------------------------------------------------------------------------------------
# Connector feedback


@dataclass(frozen=True)
class FeedbackAccepted:
    task_run_id: UUID
    status: str
    assets: int


async def accept_feedback(token: str, body: object) -> FeedbackAccepted:
    """Store the feedback's assets and hand the feedback to its task.

    Raises `LinkError`, `ValidationFailed` (fields named like `assets[0].url`), `NotFound`, `Conflict`.
    """
    linked = await open_link(signed_links.FEEDBACK, token)
    parsed = parse_feedback(body)
    if not isinstance(parsed, Feedback):
        raise ValidationFailed("The feedback is not valid.", [FieldError(p.field, p.message) for p in parsed])
    owners = await _owners(linked.order.id, parsed.assets)

    async def store_assets(effects: Effects) -> None:
        for asset, owner in zip(parsed.assets, owners, strict=True):
            await _store(asset, owner, effects)
        await _announce(linked, parsed, effects)

    await hand_over(signed_links.FEEDBACK, linked, parsed.as_json(), "connector", store_assets)
    await _record(linked, parsed)
    return FeedbackAccepted(linked.task.id, parsed.status, len(parsed.assets))


async def _owners(order_id: UUID, items: tuple[AssetIn, ...]) -> list[assets.Owner]:
    products = await Product.filter(order_id=order_id).values("id", "client_id")
    parts = await Part.filter(order_id=order_id).values("id", "client_id", "product_id")
    owners: list[assets.Owner] = []
    errors: list[FieldError] = []
    for index, item in enumerate(items):
        owner = _owner(order_id, item, products, parts)
        if isinstance(owner, str):
            errors.append(FieldError(f"assets[{index}].{owner}", f"names no {owner[:-2]} of this order"))
        else:
            owners.append(owner)
    if errors:
        raise ValidationFailed("The feedback names parts of another order.", errors)
    return owners


def _owner(
    order_id: UUID, item: AssetIn, products: list[dict[str, Any]], parts: list[dict[str, Any]]
) -> assets.Owner | str:
    if item.part_ref:
        part = _find(parts, item.part_ref)
        return assets.Owner(order_id, part["product_id"], part["id"]) if part else "partId"
    if item.product_ref:
        product = _find(products, item.product_ref)
        return assets.Owner(order_id, product["id"]) if product else "productId"
    return assets.Owner(order_id)


def _find(rows: list[dict[str, Any]], ref: str) -> dict[str, Any] | None:
    return next((row for row in rows if str(row["id"]) == ref or row["client_id"] == ref), None)


async def _store(item: AssetIn, owner: assets.Owner, effects: Effects) -> None:
    for version in item.versions:
        await assets.add_version(
            owner,
            client_id=item.client_id,
            url=version.url,
            name=item.name,
            kind=item.kind,
            is_public=item.is_public,
            date=version.date,
            effects=effects,
        )


async def _announce(linked: LinkedTask, feedback: Feedback, effects: Effects) -> None:
    """`task.feedback_received` for the space's endpoints and the order's `updateUrl`."""
    moment = now()
    await webhook_outbox.record_for_order(
        linked.order.id,
        "task.feedback_received",
        lambda order: webhook_events.task_data(linked.task, order, moment, feedback.as_json()),
        effects,
    )


async def _record(linked: LinkedTask, feedback: Feedback) -> None:
    stored = f" and {len(feedback.assets)} asset(s)" if feedback.assets else ""
    note = f": {feedback.message}" if feedback.message else ""
    await order_context.record_event(
        linked.order.id,
        "feedback-received",
        f"Task {linked.task.key}: the connector reported {feedback.status}{stored}{note}",
        {"task": linked.task.key, "taskRunId": str(linked.task.id), **feedback.as_json()},
        actor="connector",
    )


# --------------------------------------------------------------------------------------------------
# E-mail confirmations


@dataclass(frozen=True)
class Confirmation:
    linked: LinkedTask
    subject: str
    assets: list[dict[str, str]]


async def describe_confirmation(token: str) -> Confirmation:
    """What a confirmation link confirms: the order, the mail's subject, the assets it listed."""
    linked = await open_link(signed_links.CONFIRM, token)
    response = linked.task.response or {}
    return Confirmation(linked, str(response.get("subject", "")), list(response.get("assets", [])))


async def confirm(token: str, who: str) -> Confirmation:
    confirmation = await describe_confirmation(token)
    await hand_over(signed_links.CONFIRM, confirmation.linked, {"confirmed": True, "by": who}, "link")
    await order_context.record_event(
        confirmation.linked.order.id,
        "confirmation-received",
        f"Task {confirmation.linked.task.key}: confirmed by {who or 'the recipient'}.",
        {"task": confirmation.linked.task.key, "taskRunId": str(confirmation.linked.task.id)},
        actor="link",
    )
    return confirmation
