"""The HP Site Flow connection of a space: `siteflowConnection(spaceKey)`, `setSiteflowConnection`.

Admins only. The API secret goes in and never comes out; the postback token is shown to admins,
who paste it into Site Flow's triggers.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import Info

from graphql_schema.errors import UserError, public_error, user_errors
from graphql_schema.permissions import Permitted
from server.services import siteflow
from server.services.errors import ServiceError


@strawberry.type(name="SiteflowConnection")
class SiteflowConnectionType:
    space_key: str
    configured: bool = strawberry.field(description="Whether the space has a connection at all.")
    base_url: str
    api_key: str
    destination: str = strawberry.field(description="The destination of orders whose task names none.")
    postback_url: str = strawberry.field(description="The space's fixed URL for Site Flow's triggers.")
    postback_token: str = strawberry.field(description="The `Authorization` header value of the triggers.")
    secret_readable: bool = strawberry.field(
        description="False when FABFLOW_SECRET_KEY changed since the secret was saved: enter it again."
    )
    updated_at: datetime | None
    updated_by: str


def _type(view: siteflow.ConnectionView) -> SiteflowConnectionType:
    return SiteflowConnectionType(
        space_key=view.space_key,
        configured=view.configured,
        base_url=view.base_url,
        api_key=view.api_key,
        destination=view.destination,
        postback_url=view.postback_url,
        postback_token=view.postback_token,
        secret_readable=view.readable,
        updated_at=view.updated_at,
        updated_by=view.updated_by,
    )


@strawberry.type
class SiteflowConnectionPayload:
    connection: SiteflowConnectionType | None
    errors: list[UserError]


@strawberry.type
class IntegrationQueries:
    @strawberry.field(permission_classes=[Permitted], description="Admins only; never the API secret.")
    async def siteflow_connection(self, info: Info, space_key: str) -> SiteflowConnectionType:
        try:
            return _type(await siteflow.connection(info.context.actor, space_key))
        except ServiceError as exc:
            raise public_error(exc) from exc


@strawberry.type
class IntegrationMutations:
    @strawberry.mutation(
        permission_classes=[Permitted],
        description="Admins only. An empty `secret` keeps the stored one; it is sealed, never shown again.",
    )
    async def set_siteflow_connection(
        self, info: Info, space_key: str, base_url: str, api_key: str, secret: str = "", destination: str = ""
    ) -> SiteflowConnectionPayload:
        try:
            view = await siteflow.set_connection(
                info.context.actor, space_key, base_url, api_key, secret, destination
            )
        except ServiceError as exc:
            return SiteflowConnectionPayload(connection=None, errors=user_errors(exc))
        return SiteflowConnectionPayload(connection=_type(view), errors=[])
