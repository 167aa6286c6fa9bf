"""Errors as clients see them: `UserError` in mutation payloads, safe top-level errors, masking."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError

from server.db_errors import is_outage
from server.services.errors import ServiceError


@strawberry.type
class UserError:
    """One problem with the input, named by its field path (`orderLines[2].items[0].id`)."""

    field: str
    message: str
    code: str


class PublicError(GraphQLError):
    """A top-level error whose message is written for the client and never masked."""

    def __init__(self, message: str, code: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": code, **extensions})


def user_errors(exc: ServiceError) -> list[UserError]:
    return [UserError(field=e.field, message=e.message, code=e.code) for e in exc.errors]


def public_error(exc: ServiceError) -> PublicError:
    """A service error raised by a query (not a mutation): a top-level error with the field errors."""
    return PublicError(exc.message, exc.code.upper(), errors=[e.as_dict() for e in exc.errors])


def should_mask_error(error: GraphQLError) -> bool:
    """Mask what we did not write for the client: stack-trace material, database errors, bugs.

    Errors without an original (syntax, validation, limits, variable coercion) come from
    graphql-core and describe the document; GraphQLErrors raised on purpose (ours, and
    Strawberry's permission errors) and ServiceErrors carry messages meant to be read. A database
    outage is left unmasked so that the HTTP view can still tell it and answer 503 for the whole
    request (`FabflowGraphQL.process_result`).
    """
    original = error.original_error
    if original is None or is_outage(original):
        return False
    return not isinstance(original, (GraphQLError, ServiceError))
