"""Who may call what, from the permission table (`server.services.permissions`).

`Permitted` guards every query and mutation field by its name, the operation of the table: without
credentials a field that needs them answers UNAUTHENTICATED. A query of the wrong kind of caller
answers FORBIDDEN; a mutation leaves that to its service, which refuses with the payload's
`errors` (code `forbidden`), like every other problem of a mutation. Which rows a caller reaches
(its space, its organization) the services decide.

`SessionMutationsFromThisSite` refuses mutations that come with the web session's cookie only, unless
the request shows it comes from this site (see `server.http_auth.session_refusal`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import OperationType
from starlette.responses import Response
from strawberry import Info
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType as StrawberryOperation

from graphql_schema.errors import PublicError
from server.services import permissions

UNAUTHENTICATED = "Authentication required: send `Authorization: Bearer <secret key or personal token>`."


class Permitted(BasePermission):
    message = UNAUTHENTICATED
    error_extensions = {"code": "UNAUTHENTICATED"}

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        operation = info.field_name
        actor = info.context.actor
        if permissions.allows(actor, operation):
            return True
        if actor is None:
            return False
        if info.operation.operation is OperationType.MUTATION:
            return True  # the service refuses, in the payload
        raise PublicError(permissions.refusal(operation), "FORBIDDEN")


class SessionMutationsFromThisSite(SchemaExtension):
    """A mutation on the strength of the session cookie alone needs proof that this site sent it."""

    def on_execute(self) -> Iterator[None]:
        execution = self.execution_context
        refusal = getattr(execution.context, "session_refusal", None)
        if refusal and execution.operation_type is StrawberryOperation.MUTATION:
            response = getattr(execution.context, "response", None)
            if isinstance(response, Response):
                response.status_code = 403
            execution.result = ExecutionResult(data=None, errors=[PublicError(refusal, "CROSS_SITE")])
        yield
