"""Flow mutations: definitions and versions, and the operator actions on runs and manual tasks.

Every mutation answers with a payload whose `errors` name the field and the problem; bad input is
never a top-level error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from strawberry import Info
from strawberry.scalars import JSON

from graphql_schema.errors import UserError, user_errors
from graphql_schema.flows.queries import parse_id
from graphql_schema.flows.types import FlowRunType, FlowType
from graphql_schema.orders.types import ManualTaskType
from graphql_schema.permissions import Permitted
from server.models import FlowRun, ManualTask
from server.services import flow_runs, flows, manufacturing
from server.services.errors import ServiceError

T = TypeVar("T")


@strawberry.type
class FlowPayload:
    flow: FlowType | None
    errors: list[UserError]
    warnings: list[str] = strawberry.field(
        default_factory=list,
        description="What may keep the saved flow from running (a slicing engine no worker reported).",
    )


async def _saved(detail: flows.FlowDetail | None, errors: list[UserError]) -> FlowPayload:
    if detail is None:
        return FlowPayload(flow=None, errors=errors)
    warnings = await manufacturing.engine_warnings(detail.current.definition)
    return FlowPayload(flow=FlowType.of(detail), errors=errors, warnings=warnings)


@strawberry.type
class FlowRunPayload:
    flow_run: FlowRunType | None
    errors: list[UserError]


@strawberry.type
class ManualTaskPayload:
    manual_task: ManualTaskType | None
    errors: list[UserError]


async def _attempt(work: Callable[[], Awaitable[T]]) -> tuple[T | None, list[UserError]]:
    try:
        return await work(), []
    except ServiceError as exc:
        return None, user_errors(exc)


async def _run_payload(actor: Any, work: Callable[[], Awaitable[FlowRun]]) -> FlowRunPayload:
    run, errors = await _attempt(work)
    if run is None:
        return FlowRunPayload(flow_run=None, errors=errors)
    fresh, tasks = await flow_runs.run_with_tasks(actor, run.id)
    return FlowRunPayload(flow_run=FlowRunType.of(fresh, tasks), errors=[])


async def _manual_payload(work: Callable[[], Awaitable[ManualTask]]) -> ManualTaskPayload:
    task, errors = await _attempt(work)
    return ManualTaskPayload(manual_task=task, errors=errors)  # type: ignore[arg-type]


def _definition(value: Any) -> str | dict[str, Any] | list[Any]:
    """A definition comes as JSON text or as a JSON value."""
    return value if isinstance(value, str | dict | list) else str(value)


@strawberry.type
class FlowMutations:
    @strawberry.mutation(
        permission_classes=[Permitted],
        description="A new flow (name of at least 5 characters, unique in its space); `key` defaults to "
        "the name in lower case with dashes. Space, name and key never change.",
    )
    async def create_flow(
        self, info: Info, space_key: str, name: str, definition: JSON, key: str | None = None
    ) -> FlowPayload:
        actor = info.context.actor
        detail, errors = await _attempt(
            lambda: flows.create_flow(actor, space_key, name, _definition(definition), key)
        )
        return await _saved(detail, errors)

    @strawberry.mutation(
        permission_classes=[Permitted],
        description="Save a new version; runs already going keep the version they started with.",
    )
    async def update_flow(self, info: Info, id: strawberry.ID, definition: JSON) -> FlowPayload:
        actor = info.context.actor

        async def work() -> flows.FlowDetail:
            return await flows.update_flow(actor, parse_id(id, "id"), _definition(definition))

        detail, errors = await _attempt(work)
        return await _saved(detail, errors)

    @strawberry.mutation(permission_classes=[Permitted], description="A disabled flow starts no new runs.")
    async def set_flow_enabled(self, info: Info, id: strawberry.ID, enabled: bool) -> FlowPayload:
        actor = info.context.actor

        async def work() -> flows.FlowDetail:
            flow = await flows.set_flow_enabled(actor, parse_id(id, "id"), enabled)
            return await flows.get_flow(actor, flow.id)

        detail, errors = await _attempt(work)
        return FlowPayload(flow=FlowType.of(detail) if detail else None, errors=errors)

    @strawberry.mutation(
        permission_classes=[Permitted],
        description="Start the order's own flow (a CREATED order), or the flow `flowId` for an order "
        "without a running flow.",
    )
    async def start_order_flow(
        self, info: Info, order_id: strawberry.ID, flow_id: strawberry.ID | None = None
    ) -> FlowRunPayload:
        actor = info.context.actor

        async def work() -> FlowRun:
            chosen = parse_id(flow_id, "flowId") if flow_id is not None else None
            return await flow_runs.start_order_flow(actor, parse_id(order_id, "orderId"), chosen)

        return await _run_payload(actor, work)

    @strawberry.mutation(permission_classes=[Permitted], description="Run a failed or timed-out task again.")
    async def retry_task(self, info: Info, task_run_id: strawberry.ID) -> FlowRunPayload:
        actor = info.context.actor
        return await _run_payload(
            actor, lambda: flow_runs.retry_task(actor, parse_id(task_run_id, "taskRunId"))
        )

    @strawberry.mutation(
        permission_classes=[Permitted], description="Start the run over from its first stage."
    )
    async def restart_flow_run(self, info: Info, id: strawberry.ID) -> FlowRunPayload:
        actor = info.context.actor
        return await _run_payload(actor, lambda: flow_runs.restart_run(actor, parse_id(id, "id")))

    @strawberry.mutation(permission_classes=[Permitted])
    async def cancel_flow_run(self, info: Info, id: strawberry.ID, reason: str = "") -> FlowRunPayload:
        actor = info.context.actor
        return await _run_payload(actor, lambda: flow_runs.cancel_run(actor, parse_id(id, "id"), reason))

    @strawberry.mutation(permission_classes=[Permitted])
    async def complete_manual_task(
        self, info: Info, id: strawberry.ID, comment: str = ""
    ) -> ManualTaskPayload:
        actor = info.context.actor
        return await _manual_payload(
            lambda: flow_runs.complete_manual_task(actor, parse_id(id, "id"), comment)
        )

    @strawberry.mutation(permission_classes=[Permitted])
    async def reject_manual_task(self, info: Info, id: strawberry.ID, comment: str = "") -> ManualTaskPayload:
        actor = info.context.actor
        return await _manual_payload(lambda: flow_runs.reject_manual_task(actor, parse_id(id, "id"), comment))
