"""Who may do what: the one permission table of Fabflow, and the one check that enforces it.

Every operation has a row: which kinds of caller may do it, and how far it reaches.

- `anonymous`: no credentials at all.
- `space key`: a secret key `ffk_…`; it reaches its own space only.
- `personal token`: a user's token `ffu_…`. It acts as its user, so it also needs that user's role
  (the `operator` or `admin` column); a row without it is for the web session only.
- `operator`, `admin`: a signed-in user (web session) of that role, or one behind a personal token;
  they reach the spaces of their organization.

GraphQL, REST and the web UI all call `require` (the GraphQL field, the route, the service); the
services call it again with the space an operation touches. Fabflow itself (workers, the CLI) may do
everything. The README's table is `markdown_table()` of this one (a test keeps them the same).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from server.domain.actors import Actor, ActorKind
from server.domain.statuses import Role
from server.services.errors import NotFound, PermissionDenied, Unauthenticated

if TYPE_CHECKING:
    from server.models import Space


class Caller(StrEnum):
    """The columns of the table."""

    ANONYMOUS = "anonymous"
    SPACE_KEY = "space key"
    PERSONAL_TOKEN = "personal token"
    OPERATOR = "operator"
    ADMIN = "admin"


class Reach(StrEnum):
    """What an allowed caller may touch with the operation."""

    NONE = "—"  # touches no space's data
    SPACE = "space"  # a key: its own space; a user: the spaces of their organization
    ORGANIZATION = "organization"  # the caller's organization (users, keys, spaces)
    LINK = "link"  # the signed link in the URL says which task; no credentials needed


@dataclass(frozen=True)
class Rule:
    callers: frozenset[Caller]
    reach: Reach
    what: str


N, K, T, A = Caller.ANONYMOUS, Caller.SPACE_KEY, Caller.PERSONAL_TOKEN, Caller.ADMIN
OP = Caller.OPERATOR
EVERYONE = frozenset(Caller)
API = frozenset({K, T, OP, A})  # any credentials
ADMIN_API = frozenset({T, A})  # an admin, in the web UI or with the admin's personal token
WEBHOOK_MANAGERS = frozenset({K, T, A})  # a key of the space, or an admin (web or admin's token)
ADMIN_WEB = frozenset({A})  # an admin in the web UI (no API for it)
PEOPLE = frozenset({OP, A})  # a signed-in user in the web UI
USERS = frozenset({T, OP, A})  # a user, in the web UI or with their personal token


def _rule(callers: frozenset[Caller], reach: Reach, what: str) -> Rule:
    return Rule(callers, reach, what)


S, ORG, NONE, LINK = Reach.SPACE, Reach.ORGANIZATION, Reach.NONE, Reach.LINK

TABLE: dict[str, Rule] = {
    # Reading
    "me": _rule(EVERYONE, NONE, "who the caller is (null without credentials)"),
    "spaces": _rule(API, S, "the spaces the caller may use"),
    "orders": _rule(API, S, "list orders"),
    "order": _rule(API, S, "read one order"),
    "products": _rule(API, S, "list products"),
    "product": _rule(API, S, "read one product"),
    "parts": _rule(API, S, "list parts"),
    "part": _rule(API, S, "read one part"),
    "flows": _rule(API, S, "list flows and their versions"),
    "flow": _rule(API, S, "read one flow"),
    "flowRun": _rule(API, S, "read a flow run and its task runs"),
    "checkFlow": _rule(API, NONE, "validate a flow definition without saving it"),
    "orderStatusChanged": _rule(API, S, "hear of order status changes (subscription)"),
    "flowRunUpdated": _rule(API, S, "hear of an order's flow run (subscription)"),
    "readFile": _rule(API, S, "download a private stored file (public files and signed links: anyone)"),
    "browse": _rule(PEOPLE, S, "the web UI's pages: tables, order pages, tasks, outbox, flows"),
    "exportRows": _rule(PEOPLE, S, "export ticked or all matching rows as CSV or zip (web)"),
    "apiKeys": _rule(ADMIN_API, ORG, "list secret keys (never their secrets)"),
    "users": _rule(ADMIN_API, ORG, "list the organization's users"),
    # Orders and runs
    "createOrder": _rule(API, S, "create an order (GraphQL, POST /api/v1/orders)"),
    "startOrderFlow": _rule(API, S, "start an order's flow, or another flow"),
    "tagOrder": _rule(PEOPLE, S, "add or remove an order's tags (web order page)"),
    "retryTask": _rule(API, S, "run a failed or timed-out task again"),
    "restartFlowRun": _rule(API, S, "start a run over"),
    "cancelFlowRun": _rule(API, S, "cancel a run"),
    "completeManualTask": _rule(API, S, "complete a manual task"),
    "rejectManualTask": _rule(API, S, "reject a manual task"),
    "confirmTask": _rule(EVERYONE, LINK, "confirm through an e-mailed link (POST /confirm/…)"),
    "sendFeedback": _rule(EVERYONE, LINK, "connector feedback (POST /api/v1/feedback/…)"),
    "siteflowPostback": _rule(
        EVERYONE, LINK, "HP Site Flow postbacks (POST /api/v1/siteflow/…: signed link, or the space's token)"
    ),
    # Flows
    "createFlow": _rule(ADMIN_API, S, "create a flow"),
    "updateFlow": _rule(ADMIN_API, S, "save a new version of a flow"),
    "setFlowEnabled": _rule(ADMIN_API, S, "enable or disable a flow"),
    # Webhooks (DESIGN §9): admins and the space's own keys manage them, operators read them
    "webhookEndpoints": _rule(API, S, "list a space's webhook endpoints and their deliveries"),
    "webhookDeliveries": _rule(API, S, "an order's webhook deliveries (to its updateUrl and the endpoints)"),
    "webhookEventTypes": _rule(API, NONE, "the catalogue of webhook events"),
    "createWebhookEndpoint": _rule(WEBHOOK_MANAGERS, S, "add a webhook endpoint (its secret shown once)"),
    "updateWebhookEndpoint": _rule(WEBHOOK_MANAGERS, S, "change a webhook endpoint"),
    "deleteWebhookEndpoint": _rule(WEBHOOK_MANAGERS, S, "delete a webhook endpoint"),
    "rotateWebhookSecret": _rule(WEBHOOK_MANAGERS, S, "a new endpoint secret; the old one signs for a while"),
    "sendTestWebhook": _rule(WEBHOOK_MANAGERS, S, "send a test event to an endpoint"),
    "resendWebhookDelivery": _rule(WEBHOOK_MANAGERS, S, "send a delivery again (same webhook-id)"),
    "replayWebhookDeliveries": _rule(
        WEBHOOK_MANAGERS, S, "send an endpoint's failed deliveries since T again (a background job)"
    ),
    "webhookReplay": _rule(API, S, "a replay job and its progress"),
    # Integrations (admins): HP Site Flow connections, the workers' slicers
    "siteflowConnection": _rule(ADMIN_API, S, "read a space's Site Flow connection (never its secret)"),
    "setSiteflowConnection": _rule(ADMIN_API, S, "set a space's Site Flow connection (secret sealed)"),
    "integrations": _rule(ADMIN_WEB, ORG, "the integrations page: Site Flow per space, workers' slicers"),
    # Administration
    "createSpace": _rule(ADMIN_API, ORG, "create a space"),
    "createApiKey": _rule(ADMIN_API, S, "create a space's secret key"),
    "revokeApiKey": _rule(ADMIN_API, ORG, "revoke a secret key"),
    "spaceSigningSecret": _rule(ADMIN_API, S, "show a space's connector signing secret"),
    "rotateSigningSecret": _rule(
        ADMIN_API, S, "a new connector signing secret for a space; the old one signs for a while"
    ),
    "createUser": _rule(ADMIN_API, ORG, "create a user"),
    "setUserTags": _rule(ADMIN_API, ORG, "replace a user's tags"),
    "setUserRole": _rule(ADMIN_API, ORG, "change a user's role (the last admin stays one)"),
    "setUserActive": _rule(ADMIN_WEB, ORG, "deactivate or reactivate a user (web)"),
    "setUserPassword": _rule(ADMIN_WEB, ORG, "give a user a new password (web)"),
    # The caller's own account (web)
    "signIn": _rule(frozenset({N, OP, A}), NONE, "sign in (web)"),
    "signOut": _rule(frozenset({N, OP, A}), NONE, "sign out (web)"),
    "changeOwnPassword": _rule(PEOPLE, NONE, "change one's own password (web)"),
    "personalTokens": _rule(USERS, NONE, "list one's own personal tokens (never their secrets)"),
    "createPersonalToken": _rule(PEOPLE, NONE, "make a personal token, shown once (not with a token)"),
    "revokePersonalToken": _rule(USERS, NONE, "revoke one of one's own personal tokens"),
    "savePreferences": _rule(PEOPLE, NONE, "remember the columns a table shows (web)"),
}


def callers(actor: Actor | None) -> frozenset[Caller]:
    """The columns an actor stands in: a personal token is its user's role and `personal token`."""
    if actor is None:
        return frozenset({N})
    if actor.kind is ActorKind.SPACE_KEY:
        return frozenset({K})
    if actor.kind is ActorKind.USER:
        role = A if actor.role is Role.ADMIN else OP
        return frozenset({role, T}) if actor.via_token else frozenset({role})
    return EVERYONE  # Fabflow itself


def allows(actor: Actor | None, operation: str) -> bool:
    """Whether the kind of `actor` may do `operation` at all (where is `in_reach`'s question)."""
    if actor is not None and actor.kind is ActorKind.SYSTEM:
        return True
    return callers(actor) <= TABLE[operation].callers


def require(
    actor: Actor | None, operation: str, space: Space | None = None, *, hidden: NotFound | None = None
) -> None:
    """Raise unless `actor` may do `operation` (on `space`, when one is given).

    Unauthenticated for no credentials, PermissionDenied for the wrong kind of caller. A space out of
    reach raises `hidden` (the NotFound of the row looked up, so that a row of another space and no
    row at all get the same answer), or PermissionDenied without one.
    """
    if operation not in TABLE:
        raise KeyError(f"no permission rule for {operation!r}")
    if not allows(actor, operation):
        if actor is None:
            raise Unauthenticated("Sign in, or send a secret key or a personal token.")
        raise PermissionDenied(refusal(operation))
    if space is not None and not in_reach(actor, space):
        if hidden is not None:
            raise hidden
        raise PermissionDenied(f"{operation}: this space is not yours to use.")


def refusal(operation: str) -> str:
    allowed = TABLE[operation].callers
    if allowed <= {T, A}:
        return "This needs an admin user; space keys and operators may not do it."
    if K not in allowed and T not in allowed:
        return "This needs a signed-in user of the web UI."
    return f"You may not do {operation}."


def in_reach(actor: Actor | None, space: Space) -> bool:
    """The scoping rule: a key reaches its own space, a user the spaces of their organization."""
    if actor is None:
        return False
    if actor.kind is ActorKind.SYSTEM:
        return True
    same_org = actor.organization_id == space.organization_id  # type: ignore[attr-defined]
    if actor.kind is ActorKind.SPACE_KEY:
        return same_org and actor.space_id == space.id
    return same_org


def space_filter(actor: Actor, space_path: str = "") -> dict[str, Any]:
    """The ORM filter of the spaces in reach; `space_path` leads from the model to its space."""
    prefix = f"{space_path}__" if space_path else ""
    if actor.kind is ActorKind.SPACE_KEY:
        return {f"{space_path}_id" if space_path else "id": actor.space_id}
    if actor.kind is ActorKind.USER:
        return {f"{prefix}organization_id": actor.organization_id}
    return {}


def markdown_table() -> str:
    """The table as the README shows it."""
    columns = list(Caller)
    lines = [
        "| operation | " + " | ".join(c.value for c in columns) + " | reach | what |",
        "| --- | " + " | ".join("---" for _ in columns) + " | --- | --- |",
    ]
    for name, rule in TABLE.items():
        marks = " | ".join("✓" if c in rule.callers else "" for c in columns)
        lines.append(f"| `{name}` | {marks} | {rule.reach.value} | {rule.what} |")
    return "\n".join(lines)
