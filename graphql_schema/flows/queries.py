"""Flow queries: the flows of the caller's spaces, one flow, one run, and checking a definition."""

from __future__ import annotations

from uuid import UUID

import strawberry
from strawberry import Info

from graphql_schema.errors import public_error
from graphql_schema.flows.types import FlowCheckResult, FlowProblem, FlowRunType, FlowType
from graphql_schema.permissions import Permitted
from server.services import flow_runs, flows
from server.services.errors import ServiceError


def parse_id(value: strawberry.ID, field: str) -> UUID:
    from server.services.errors import FieldError, ValidationFailed

    try:
        return UUID(str(value))
    except ValueError as exc:
        raise ValidationFailed(f"{field} is not an id.", [FieldError(field, "is not an id")]) from exc


@strawberry.type
class FlowQueries:
    @strawberry.field(permission_classes=[Permitted], description="Flows by name, newest version first.")
    async def flows(self, info: Info, space_key: str | None = None) -> list[FlowType]:
        try:
            return [FlowType.of(detail) for detail in await flows.list_flows(info.context.actor, space_key)]
        except ServiceError as exc:
            raise public_error(exc) from exc

    @strawberry.field(permission_classes=[Permitted])
    async def flow(self, info: Info, id: strawberry.ID) -> FlowType | None:
        try:
            return FlowType.of(await flows.get_flow(info.context.actor, parse_id(id, "id")))
        except ServiceError:
            return None

    @strawberry.field(permission_classes=[Permitted])
    async def flow_run(self, info: Info, id: strawberry.ID) -> FlowRunType | None:
        try:
            run, tasks = await flow_runs.run_with_tasks(info.context.actor, parse_id(id, "id"))
        except ServiceError:
            return None
        return FlowRunType.of(run, tasks)

    @strawberry.field(
        permission_classes=[Permitted],
        description="Validate a definition without saving it (the editor checks as you type).",
    )
    def check_flow(self, definition: str) -> FlowCheckResult:
        check = flows.check_source(definition)
        problems = [
            FlowProblem(pointer=e.pointer, message=e.message, line=e.line, column=e.column)
            for e in check.errors
        ]
        return FlowCheckResult(
            ok=check.ok,
            shape=check.shape.value,
            problems=problems,
            definition=check.canonical(),  # type: ignore[arg-type]
        )
