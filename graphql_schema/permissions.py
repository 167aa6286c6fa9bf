"""Who may call what. Fine-grained rules (admin only, space of a key) live in the services."""

from __future__ import annotations

from typing import Any

from strawberry import Info
from strawberry.permission import BasePermission


class IsAuthenticated(BasePermission):
    message = "Authentication required: send `Authorization: Bearer <secret key or personal token>`."
    error_extensions = {"code": "UNAUTHENTICATED"}

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.actor is not None
