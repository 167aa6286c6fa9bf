"""Errors that services raise for callers to translate (GraphQL UserError, HTTP status, page)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field of the input: `orderLines[2].items[0].assets[1].url`."""

    field: str
    message: str
    code: str = "invalid"

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message, "code": self.code}


class ServiceError(Exception):
    """Base of the errors a caller is expected to show to the user."""

    code = "error"

    def __init__(self, message: str, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or [FieldError(field="", message=message, code=self.code)]


class ValidationFailed(ServiceError):
    code = "invalid"


class NotFound(ServiceError):
    code = "not_found"


class Conflict(ServiceError):
    code = "conflict"


class PermissionDenied(ServiceError):
    code = "forbidden"


class Unauthenticated(ServiceError):
    code = "unauthenticated"
