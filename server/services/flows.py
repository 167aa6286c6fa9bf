"""Flows and their versions: create, update (a new version), enable or disable, read.

A flow belongs to one space and has a name and a key, both fixed once created (orders name their
flow by key: `flowKey`). Each save of a definition is a new `FlowVersion`; a running order keeps
the version it started with. What the user wrote is stored as is (`source`) next to its canonical
form (`definition`), which is what runs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.domain.actors import Actor
from server.domain.flows import FlowCheck, FlowError, load_flow
from server.models import Flow, FlowVersion
from server.services.auth import space_by_key
from server.services.effects import now
from server.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from server.services.flow_runs import hand_over_waiting_orders
from server.services.permissions import require, space_filter

MIN_NAME_LENGTH = 5
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,98}[a-z0-9]$")


@dataclass(frozen=True)
class FlowDetail:
    flow: Flow
    versions: list[FlowVersion]  # newest first

    @property
    def current(self) -> FlowVersion:
        return self.versions[0]


def source_text(source: str | dict[str, Any] | list[Any]) -> str:
    """A definition given as JSON (GraphQL) is kept as its pretty-printed text."""
    return source if isinstance(source, str) else json.dumps(source, indent=2, ensure_ascii=False)


def check_source(source: str | dict[str, Any] | list[Any]) -> FlowCheck:
    """Parse and validate without saving (the editor's validation as you type)."""
    return load_flow(source_text(source))


def definition_errors(errors: tuple[FlowError, ...]) -> list[FieldError]:
    """Flow problems as field errors: `definition/stages/0/taskDefinitions/1/payload/uri`."""
    result = []
    for error in errors:
        where = f" (line {error.line}, column {error.column})" if error.line is not None else ""
        result.append(FieldError(f"definition{error.pointer}", error.message + where))
    return result


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:100]


async def create_flow(
    actor: Actor, space_key: str, name: str, source: str | dict[str, Any] | list[Any], key: str | None = None
) -> FlowDetail:
    space = await space_by_key(actor, space_key, "createFlow")
    name = name.strip()
    key = (key or slug(name)).strip()
    problems = _name_problems(name) + _key_problems(key)
    check = check_source(source)
    problems += definition_errors(check.errors)
    if problems:
        raise ValidationFailed("The flow could not be created.", problems)
    try:
        async with in_transaction():
            flow = await Flow.create(space_id=space.id, key=key, name=name, waiting_orders_since=now())
            version = await _add_version(flow, check, actor, 1)
            await flow.fetch_related("space")
    except IntegrityError as exc:
        raise Conflict(
            "This space has a flow with this name or key.",
            [FieldError("name", "is taken in this space (or its key is)", "conflict")],
        ) from exc
    hand_over_waiting_orders(flow.id)
    return FlowDetail(flow, [version])


async def update_flow(actor: Actor, flow_id: UUID, source: str | dict[str, Any] | list[Any]) -> FlowDetail:
    """A new version; orders already running keep the version they started with."""
    require(actor, "updateFlow")
    check = check_source(source)
    if check.errors:
        raise ValidationFailed("The flow was not saved.", definition_errors(check.errors))
    async with in_transaction():
        flow = await _visible_flow(actor, flow_id, "updateFlow")
        await Flow.filter(id=flow.id).select_for_update().first()  # one new version at a time
        latest = await FlowVersion.filter(flow_id=flow.id).order_by("-number").first()
        await _add_version(flow, check, actor, (latest.number if latest else 0) + 1)
    return await get_flow(actor, flow_id)


async def set_flow_enabled(actor: Actor, flow_id: UUID, enabled: bool) -> Flow:
    """A disabled flow starts no new runs; runs already going go on. Enabled, it starts the orders
    that waited for it, in the background."""
    flow = await _visible_flow(actor, flow_id, "setFlowEnabled")
    if flow.enabled != enabled:
        flow.enabled = enabled
        flow.waiting_orders_since = now() if enabled else None
        await flow.save(update_fields=["enabled", "waiting_orders_since"])
        if enabled:
            hand_over_waiting_orders(flow.id)
    return flow


async def list_flows(actor: Actor, space_key: str | None = None) -> list[FlowDetail]:
    require(actor, "flows")
    query = Flow.filter(**space_filter(actor, "space")).select_related("space").order_by("name")
    if space_key:
        query = query.filter(space_id=(await space_by_key(actor, space_key, "flows")).id)
    flows = list(await query)
    versions = await FlowVersion.filter(flow_id__in=[flow.id for flow in flows]).order_by("-number")
    by_flow: dict[UUID, list[FlowVersion]] = {}
    for version in versions:
        by_flow.setdefault(version.flow_id, []).append(version)  # type: ignore[attr-defined]
    return [FlowDetail(flow, by_flow.get(flow.id, [])) for flow in flows]


async def get_flow(actor: Actor, flow_id: UUID) -> FlowDetail:
    flow = await _visible_flow(actor, flow_id, "flow")
    versions = await FlowVersion.filter(flow_id=flow.id).order_by("-number")
    return FlowDetail(flow, list(versions))


async def _add_version(flow: Flow, check: FlowCheck, actor: Actor, number: int) -> FlowVersion:
    return await FlowVersion.create(
        flow_id=flow.id,
        number=number,
        source=check.source,
        definition=check.canonical(),
        created_by=actor.event_actor,
    )


async def _visible_flow(actor: Actor, flow_id: UUID, operation: str) -> Flow:
    """The flow, if the actor may do `operation` on it; NotFound for a flow of a space out of reach."""
    require(actor, operation)
    flow = await Flow.filter(id=flow_id).select_related("space").first()
    missing = NotFound("No such flow.", [FieldError("id", "names no flow", "not_found")])
    if flow is None:
        raise missing
    require(actor, operation, flow.space, hidden=missing)
    return flow


def _name_problems(name: str) -> list[FieldError]:
    if len(name) < MIN_NAME_LENGTH:
        return [FieldError("name", f"must be at least {MIN_NAME_LENGTH} characters long")]
    if len(name) > 200:
        return [FieldError("name", "must be at most 200 characters long")]
    return []


def _key_problems(key: str) -> list[FieldError]:
    if not KEY_PATTERN.match(key):
        return [FieldError("key", "must be 2-100 lower-case letters, digits or dashes")]
    return []
