"""Operator and system actions on flow runs: start, retry, restart, cancel, manual tasks, resume.

Each action is one transaction holding the run's row lock, recorded as an event with who did it;
broker messages and live updates go out only after the commit (`Effects`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.dispatch import dispatcher
from server.domain.actors import SYSTEM, Actor
from server.domain.flows.engine import CancelRun, RestartRun, RetryTask, RunStarted
from server.domain.statuses import ManualTaskStatus, OrderStatus, RunStatus, TaskState
from server.models import Flow, FlowRun, FlowVersion, HistoryEntry, ManualTask, Order, TaskRun
from server.services import webhook_events, webhook_outbox
from server.services.effects import Effects, now
from server.services.errors import Conflict, FieldError, NotFound
from server.services.flow_versions import flow_for_key
from server.services.orders.tags import add_flow_tags
from server.services.permissions import require
from server.services.run_store import decide, definition_of, lock_rows, lock_run

ACTIVE_RUN = (RunStatus.RUNNING, RunStatus.UNHEALTHY)
# A new order's flow starts right after its commit; the sweep starts it when that step was lost.
# Orders that waited for a flow start in the background, this many per message, oldest first; the
# sweep hands them over again when their batches stopped for this long too.
START_GRACE = timedelta(seconds=30)
WAITING_BATCH = 100


async def start_order_flow(actor: Actor, order_id: UUID, flow_id: UUID | None = None) -> FlowRun:
    """Start the order's flow (its `flowKey`) for a CREATED order, or a chosen flow for any order
    without an active run."""
    order = await visible_order(actor, order_id, "startOrderFlow")
    version = await _chosen_version(order, flow_id)
    effects = Effects()
    async with in_transaction():
        locked = await Order.filter(id=order.id).select_for_update().get()
        if flow_id is None and locked.status != OrderStatus.CREATED:
            raise Conflict(
                "Only an order that has not started a flow can start its own; choose a flow to run another.",
                [FieldError("orderId", "has started its flow already", "conflict")],
            )
        if await FlowRun.filter(order_id=order.id, status__in=ACTIVE_RUN).exists():
            raise Conflict(
                "The order has a running flow; cancel it first.",
                [FieldError("orderId", "has a running flow", "conflict")],
            )
        run = await _start(locked, version, actor, effects)
    await effects.carry_out()
    return run


async def start_for_new_order(order_id: UUID) -> FlowRun | None:
    """After an order with a `flowKey` was created: start its flow, or record why it cannot."""
    order = await Order.get_or_none(id=order_id)
    if order is None or order.status != OrderStatus.CREATED or not order.flow_key:
        return None
    version = await flow_for_key(order.space_id, order.flow_key)  # type: ignore[attr-defined]
    if version is None:
        if not await HistoryEntry.filter(order_id=order.id, kind="flow.missing").exists():
            message = f'No enabled flow with key "{order.flow_key}" in this space; the order waits.'
            await HistoryEntry.create(order_id=order.id, kind="flow.missing", message=message, actor="system")
        return None
    effects = Effects()
    async with in_transaction():
        locked = await Order.filter(id=order.id).select_for_update().get()
        if await FlowRun.filter(order_id=order.id).exists():
            return None  # started by someone else meanwhile
        run = await _start(locked, version, SYSTEM, effects)
    await effects.carry_out()
    return run


def hand_over_waiting_orders(flow_id: UUID) -> None:
    """After a flow was created or enabled (its `waiting_orders_since` set in that transaction): the
    orders that named it before start in the background, not in the request."""
    dispatcher().start_waiting_orders(flow_id)


async def start_waiting_batch(flow_id: UUID, size: int = WAITING_BATCH) -> int:
    """Start the oldest `size` orders that wait for the flow, then hand the rest to the next message.

    Safe to run twice or at once (an at-least-once broker): each start holds the order's lock and
    starts nothing when the order has a run. Returns how many orders this batch started.
    """
    moment = now()
    flow = await Flow.get_or_none(id=flow_id)
    if flow is None:
        return 0
    if not flow.enabled:
        await _done_with_waiting_orders(flow_id, moment)
        return 0
    await Flow.filter(id=flow_id, waiting_orders_since__isnull=False).update(waiting_orders_since=moment)
    batch = await (
        _waiting_orders(flow.space_id, flow.key)  # type: ignore[attr-defined]
        .order_by("created_at", "id")
        .limit(size)
        .values_list("id", flat=True)
    )
    started = 0
    for order_id in batch:
        if await start_for_new_order(UUID(str(order_id))) is not None:
            started += 1
    if len(batch) < size:
        await _done_with_waiting_orders(flow_id, moment)
    elif started:
        dispatcher().start_waiting_orders(flow_id)
    # A full batch that started nothing is left to the sweep, which hands it over again later.
    return started


def _waiting_orders(space_id: UUID, flow_key: str) -> QuerySet[Order]:
    """Orders that found no enabled flow of their key (`flow.missing`, recorded once) and have not
    started since; others are the intake's (and its sweep's) to start."""
    return Order.filter(
        space_id=space_id,
        flow_key=flow_key,
        status=OrderStatus.CREATED,
        flow_runs=None,
        events__kind="flow.missing",
    )


async def _done_with_waiting_orders(flow_id: UUID, batch_began: datetime) -> None:
    """Clear the mark, unless the flow was enabled again since this batch began (a newer hand-over)."""
    await Flow.filter(id=flow_id, waiting_orders_since__lte=batch_began).update(waiting_orders_since=None)


async def sweep_waiting_orders(moment: datetime | None = None) -> int:
    """Hand over again the flows whose waiting orders stopped moving (a lost or failed message)."""
    moment = moment or now()
    stuck = await Flow.filter(waiting_orders_since__lte=moment - START_GRACE).values_list("id", flat=True)
    for flow_id in stuck:
        await Flow.filter(id=flow_id).update(waiting_orders_since=moment)
        hand_over_waiting_orders(UUID(str(flow_id)))
    return len(stuck)


async def _start(order: Order, version: FlowVersion, actor: Actor, effects: Effects) -> FlowRun:
    """Start `version` for `order`, as read under the lock the caller holds."""
    run = await FlowRun.create(order_id=order.id, flow_version_id=version.id, status=RunStatus.RUNNING)
    flow = await version.flow  # loaded with the version by `flow_for_key`: no statement then
    await HistoryEntry.create(
        order_id=order.id,
        kind="flow.started",
        message=f'Flow "{flow.name}" (version {version.number}) started.',
        data={"runId": str(run.id), "flowId": str(flow.id), "version": version.number},
        actor=actor.event_actor,
    )
    await add_flow_tags(
        order, flow.name, (version.definition or {}).get("tags") or (), actor.event_actor, effects
    )
    loaded = await lock_run(run.id)
    assert loaded is not None
    await decide(loaded, RunStarted(), actor.event_actor, effects)
    return run


async def retry_task(actor: Actor, task_run_id: UUID) -> FlowRun:
    """Run a failed or timed-out task again (a new task run); reopens a run its failure ended."""
    task = await _visible_task(actor, task_run_id, "retryTask")
    return await _act(actor, task.run_id, RetryTask(str(task.id)), "task.retry", f'Retry of "{task.key}".')  # type: ignore[attr-defined]


async def restart_run(actor: Actor, run_id: UUID) -> FlowRun:
    """Start the run over from its first stage, on the flow's current version."""
    run = await _visible_run(actor, run_id, "restartFlowRun")
    version = await FlowVersion.get(id=run.flow_version_id)  # type: ignore[attr-defined]
    latest = await FlowVersion.filter(flow_id=version.flow_id).order_by("-number").first()  # type: ignore[attr-defined]
    newer = latest if latest is not None and latest.id != version.id else None
    definition = await definition_of(newer.id) if newer else None
    return await _act(
        actor, run.id, RestartRun(definition), "flow.restarted", "The run was restarted.", newer
    )


async def cancel_run(actor: Actor, run_id: UUID, reason: str = "") -> FlowRun:
    run = await _visible_run(actor, run_id, "cancelFlowRun")
    why = reason.strip() or f"Cancelled by {actor.label}."
    return await _act(actor, run.id, CancelRun(why), "flow.cancel", "Cancel requested.")


async def _act(
    actor: Actor, run_id: UUID, event: Any, kind: str, message: str, version: FlowVersion | None = None
) -> FlowRun:
    effects = Effects()
    async with in_transaction():
        loaded = await lock_run(run_id)
        if loaded is None:
            raise NotFound("No such flow run.", [FieldError("runId", "names no run", "not_found")])
        if not isinstance(event, CancelRun):
            await _refuse_a_second_active_run(loaded.order.id, run_id)
        if version is not None:  # a restart on a newer version, switched under the lock
            loaded.run.flow_version_id = version.id
            await FlowRun.filter(id=run_id).update(flow_version_id=version.id)
        await HistoryEntry.create(
            order_id=loaded.order.id,
            kind=kind,
            message=message,
            data={"runId": str(run_id)},
            actor=actor.event_actor,
        )
        commands = await decide(loaded, event, actor.event_actor, effects)
        if not commands:
            raise Conflict(
                "That changes nothing in this run now.", [FieldError("", "nothing to do", "conflict")]
            )
    await effects.carry_out()
    return await FlowRun.get(id=run_id)


async def _refuse_a_second_active_run(order_id: UUID, run_id: UUID) -> None:
    """A retry or restart may reopen a run only while no other run of the order is going."""
    await Order.filter(id=order_id).select_for_update().first()
    if await FlowRun.filter(order_id=order_id, status__in=ACTIVE_RUN).exclude(id=run_id).exists():
        raise Conflict(
            "Another flow is running for this order; cancel it first.",
            [FieldError("runId", "is not the order's running flow", "conflict")],
        )


async def complete_manual_task(actor: Actor, manual_task_id: UUID, comment: str = "") -> ManualTask:
    return await _resolve_manual_task(
        actor, manual_task_id, ManualTaskStatus.COMPLETED, comment, "completeManualTask"
    )


async def reject_manual_task(actor: Actor, manual_task_id: UUID, comment: str = "") -> ManualTask:
    return await _resolve_manual_task(
        actor, manual_task_id, ManualTaskStatus.REJECTED, comment, "rejectManualTask"
    )


async def _resolve_manual_task(
    actor: Actor, manual_task_id: UUID, status: ManualTaskStatus, comment: str, operation: str
) -> ManualTask:
    require(actor, operation)
    task = await ManualTask.get_or_none(id=manual_task_id)
    missing = NotFound("No such manual task.", [FieldError("id", "names no manual task", "not_found")])
    if task is None:
        raise missing
    try:
        await visible_order(actor, task.order_id, operation)  # type: ignore[attr-defined]
    except NotFound as exc:
        raise missing from exc
    moment, effects = now(), Effects()
    run_id = (await TaskRun.get(id=task.task_run_id)).run_id  # type: ignore[attr-defined]
    async with in_transaction():
        await lock_rows(run_id)  # run, task runs, then the manual task: the order every writer keeps
        changed = await ManualTask.filter(id=task.id, status=ManualTaskStatus.OPEN).update(
            status=status, resolved_by=actor.event_actor, resolved_at=moment, comment=comment.strip()
        )
        if not changed:
            current = await ManualTask.get(id=task.id)
            raise Conflict(
                f"The manual task is {current.status.lower()} already.",
                [FieldError("id", f"is {current.status.lower()}", "conflict")],
            )
        decision = "complete" if status is ManualTaskStatus.COMPLETED else "reject"
        verb = "completed" if decision == "complete" else "rejected"
        await HistoryEntry.create(
            order_id=task.order_id,  # type: ignore[attr-defined]
            kind=f"manual_task.{verb}",
            message=f'Manual task "{task.title}" {verb}'
            + (f": {comment.strip()}" if comment.strip() else "."),
            data={"manualTaskId": str(task.id), "taskRunId": str(task.task_run_id)},  # type: ignore[attr-defined]
            actor=actor.event_actor,
        )
        data = {"decision": decision, "comment": comment.strip(), "by": actor.event_actor}
        await _store_resumption(task.task_run_id, data, actor, effects)  # type: ignore[attr-defined]
        resolved = await ManualTask.get(id=task.id)
        await webhook_outbox.record_for_order(
            task.order_id,  # type: ignore[attr-defined]
            "manual_task.completed",
            lambda order: webhook_events.manual_task_data(resolved, order, moment),
            effects,
        )
    await effects.carry_out()
    return await ManualTask.get(id=task.id)


async def resume_task(
    task_run_id: UUID,
    data: dict[str, Any],
    actor: Actor,
    with_answer: Callable[[Effects], Awaitable[None]] | None = None,
) -> None:
    """Hand what arrived (a confirmation, connector feedback) to a waiting task; a worker takes it.

    Accepted while the task is ready or running too (a fast connector may answer before its call
    returned); refused once something was handed over already, or when the task has ended.
    `with_answer` runs in the same transaction once the task took the answer (the feedback's
    assets and webhook deliveries; what they leave for after the commit goes into the effects it
    is given): a refused answer leaves none of its writes.
    """
    task = await TaskRun.get_or_none(id=task_run_id)
    if task is None:
        raise NotFound("No such task.", [FieldError("taskRunId", "names no task", "not_found")])
    effects = Effects()
    async with in_transaction():
        await lock_rows(task.run_id)  # type: ignore[attr-defined]
        await _store_resumption(task_run_id, data, actor, effects)
        if with_answer is not None:
            await with_answer(effects)
    await effects.carry_out()


async def _store_resumption(task_run_id: UUID, data: dict[str, Any], actor: Actor, effects: Effects) -> None:
    moment = now()
    waiting = Q(state__in=(TaskState.READY, TaskState.RUNNING, TaskState.WAITING))
    changed = await TaskRun.filter(waiting, id=task_run_id, resume_data__isnull=True).update(
        resume_data={"data": data, "actor": actor.event_actor}, resume_at=moment
    )
    if not changed:
        task = await TaskRun.get_or_none(id=task_run_id)
        if task is None:
            raise NotFound("No such task.", [FieldError("taskRunId", "names no task", "not_found")])
        why = "has an answer already" if task.resume_data is not None else f"is {task.state.lower()}"
        raise Conflict(f"The task {why}.", [FieldError("taskRunId", why, "conflict")])
    task = await TaskRun.get(id=task_run_id)
    if task.state == TaskState.WAITING:
        await TaskRun.filter(id=task.id).update(dispatched_at=moment)  # its wake-up is sent now
        effects.resumes.append((task.id, 0))


async def visible_order(actor: Actor, order_id: UUID, operation: str = "order") -> Order:
    """The order, if the actor may do `operation` on it; NotFound for an order out of reach."""
    require(actor, operation)
    order = await Order.filter(id=order_id).select_related("space").first()
    missing = NotFound("No such order.", [FieldError("orderId", "names no order", "not_found")])
    if order is None:
        raise missing
    require(actor, operation, order.space, hidden=missing)
    return order


async def _visible_run(actor: Actor, run_id: UUID, operation: str) -> FlowRun:
    require(actor, operation)
    run = await FlowRun.get_or_none(id=run_id)
    if run is None:
        raise NotFound("No such flow run.", [FieldError("runId", "names no run", "not_found")])
    try:
        await visible_order(actor, run.order_id, operation)  # type: ignore[attr-defined]
    except NotFound as exc:
        raise NotFound("No such flow run.", [FieldError("runId", "names no run", "not_found")]) from exc
    return run


async def _visible_task(actor: Actor, task_run_id: UUID, operation: str) -> TaskRun:
    require(actor, operation)
    task = await TaskRun.get_or_none(id=task_run_id)
    if task is not None:
        try:
            await _visible_run(actor, task.run_id, operation)  # type: ignore[attr-defined]
            return task
        except NotFound:
            pass
    raise NotFound("No such task.", [FieldError("taskRunId", "names no task", "not_found")])


async def _chosen_version(order: Order, flow_id: UUID | None) -> FlowVersion:
    if flow_id is None:
        version = await flow_for_key(order.space_id, order.flow_key) if order.flow_key else None  # type: ignore[attr-defined]
        if version is None:
            raise NotFound(
                "The order names no enabled flow of its space; choose one.",
                [FieldError("flowId", "is needed: the order's flowKey names no enabled flow", "not_found")],
            )
        return version
    version = (
        await FlowVersion.filter(flow_id=flow_id, flow__space_id=order.space_id, flow__enabled=True)  # type: ignore[attr-defined]
        .select_related("flow")
        .order_by("-number")
        .first()
    )
    if version is None:
        raise NotFound(
            "No such enabled flow in the order's space.", [FieldError("flowId", "names no flow", "not_found")]
        )
    return version


async def latest_runs(order_ids: list[UUID]) -> dict[UUID, tuple[FlowRun, list[TaskRun]]]:
    """Each order's latest run with its task runs, in two statements whatever the number of orders."""
    runs: dict[UUID, FlowRun] = {}
    for run in await FlowRun.filter(order_id__in=order_ids).order_by("started_at"):
        runs[run.order_id] = run  # type: ignore[attr-defined]  # the latest wins
    tasks: dict[UUID, list[TaskRun]] = {run.id: [] for run in runs.values()}
    for task in await TaskRun.filter(run_id__in=list(tasks)).order_by("ordinal"):
        tasks[task.run_id].append(task)  # type: ignore[attr-defined]
    return {order_id: (run, tasks[run.id]) for order_id, run in runs.items()}


async def run_with_tasks(actor: Actor, run_id: UUID) -> tuple[FlowRun, list[TaskRun]]:
    run = await _visible_run(actor, run_id, "flowRun")
    return run, list(await TaskRun.filter(run_id=run.id).order_by("ordinal"))


async def live_run_data(actor: Actor, run_id: UUID, at: datetime) -> dict[str, Any]:
    """The run as `flowRunUpdated` and the `flow_run.*` webhooks show it (`webhook_events.run_data`)."""
    run, tasks = await run_with_tasks(actor, run_id)
    order = await Order.get(id=run.order_id)  # type: ignore[attr-defined]
    key, number = await webhook_outbox.flow_of(run.flow_version_id)  # type: ignore[attr-defined]
    return webhook_events.run_data(run, tasks, key, number, order, at)
