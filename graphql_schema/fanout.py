"""Render once, send to many: identical live subscriptions of a process share one execution.

Subscriptions of one process that would be sent the same frames form a group: the same document,
operation name and variables, from callers who see the same (their `Audience`: what the visibility
rule `live_messages.may_see` and the permission table read, never a person's name or tags). A
group runs the subscription once: one bus queue, one GraphQL execution and one JSON encoding of
each event, whatever its number of members. A member's frame differs from the others' only in its
subscription id, so it is the shared payload text with the member's own prefix.

The group's task sends each frame to every member at once, with no task switch per member: where
the server offers a `FRAME_WRITER` (see `server.websocket`), the frame is the shared payload's bytes
behind the member's own prefix, written straight to the connection when it takes it without
waiting. A frame it would not take, or that would overtake one still waiting, goes to the member's
own bounded outbox, sent by its own operation task: a member that reads too slowly loses its
oldest frames (as a bus queue does) and never holds the others back. A group ends with its last
member, or when its stream ends, which every member then hears.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError, OperationType, get_operation_ast, parse
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema.schema import StreamResult
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)
from strawberry.types.execution import ExecutionResult, PreExecutionError
from strawberry.utils.aio import aclosing

from graphql_schema.context import Context, shared_context
from graphql_schema.documents import Lru
from server.domain.actors import Actor
from server.websocket import FrameWriter, text_frame

OUTBOX_FRAMES = 100  # a member this many frames behind loses its oldest
KNOWN_DOCUMENTS = 256  # (document, operation name) -> is it a subscription, remembered
NOT_INCREMENTAL = "Incremental delivery is not supported over graphql-transport-ws"

log = logging.getLogger(__name__)

Audience = tuple[object, ...]
StartStream = Callable[[], Awaitable[StreamResult]]


def audience(actor: Actor) -> Audience:
    """Everything of the caller that decides what a subscription sends it."""
    return (actor.kind, actor.organization_id, actor.space_id, actor.role, actor.via_token)


@dataclass(frozen=True)
class GroupKey:
    document: str
    operation_name: str | None
    variables: str  # canonical JSON
    audience: Audience


@dataclass(frozen=True)
class Ended:
    """How a group's stream ended: normally (`errors` None) or refused before its first event."""

    errors: tuple[GraphQLError, ...] | None = None


def encode_payload(result: ExecutionResult) -> str:
    """The `payload` of a `next` frame, as graphql-transport-ws has it, in JSON."""
    payload: dict[str, Any] = {"data": result.data}
    if result.errors:
        payload["errors"] = [error.formatted for error in result.errors]
    if result.extensions:
        payload["extensions"] = result.extensions
    return json.dumps(payload)


class Member:
    """One subscription of one connection in a group: its outbox of payloads not sent yet."""

    def __init__(self, operation_id: str, write_now: FrameWriter | None = None) -> None:
        self.prefix = '{"id":' + json.dumps(operation_id) + ',"type":"next","payload":'
        self._prefix_bytes = self.prefix.encode()
        self._write_now = write_now
        self.outbox: deque[str] = deque(maxlen=OUTBOX_FRAMES)
        self.ended: Ended | None = None
        self._ready = asyncio.Event()
        self._sending = False  # the member's task is waiting for a frame to be taken

    def offer(self, payload: str, encoded: bytes | None = None) -> None:
        """Sends the frame of `payload` now if the connection takes it without waiting and no
        earlier frame waits; otherwise leaves it to the member's task. `encoded`: `payload` in UTF-8."""
        if (
            encoded is not None
            and self._write_now is not None
            and not self.outbox
            and not self._sending
            and self._write_now(text_frame(self._prefix_bytes, encoded, b"}"))
        ):
            return
        self.outbox.append(payload)
        self._ready.set()

    def end(self, ended: Ended) -> None:
        self.ended = ended
        self._ready.set()

    async def pump(self, send_text: Callable[[str], Awaitable[None]]) -> Ended:
        """Sends each frame as it comes, until the group's stream ends; says how it ended."""
        while True:
            await self._ready.wait()
            self._ready.clear()
            while self.outbox:
                self._sending = True
                try:
                    await send_text(self.prefix + self.outbox.popleft() + "}")
                finally:
                    self._sending = False
            if self.ended is not None:
                return self.ended


class Group:
    """One running subscription and the members it is sent to."""

    def __init__(self, key: GroupKey) -> None:
        self.key = key
        self.members: set[Member] = set()
        self.task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done()

    async def run(self, start: StartStream) -> None:
        ended = Ended()
        try:
            ended = await self._stream(start)
        except Exception:
            log.exception("a shared subscription stopped")
        finally:
            for member in self.members:
                member.end(ended)

    async def _stream(self, start: StartStream) -> Ended:
        first = True
        async with aclosing(await start()) as results:
            async for result in results:
                if first and isinstance(result, PreExecutionError):
                    return Ended(tuple(result.errors or ()))
                if not isinstance(result, ExecutionResult):
                    return Ended((GraphQLError(NOT_INCREMENTAL),))
                first = False
                payload = encode_payload(result)
                encoded = payload.encode()
                for member in self.members:
                    member.offer(payload, encoded)
        return Ended()


class SubscriptionGroups:
    """The groups of one process (of one GraphQL app)."""

    def __init__(self) -> None:
        self._groups: dict[GroupKey, Group] = {}

    def join(self, key: GroupKey, member: Member, start: StartStream) -> Group:
        """Adds `member` to the running group of `key`, or starts one with `start`."""
        group = self._groups.get(key)
        if group is None or not group.running:
            group = self._groups[key] = Group(key)
            group.task = asyncio.create_task(group.run(start))
        group.members.add(member)
        return group

    def leave(self, group: Group, member: Member) -> None:
        """The last member to leave stops the group."""
        group.members.discard(member)
        if group.members:
            return
        if self._groups.get(group.key) is group:
            del self._groups[group.key]
        if group.task is not None:
            group.task.cancel()

    @property
    def group_count(self) -> int:
        return len(self._groups)

    @property
    def member_count(self) -> int:
        return sum(len(group.members) for group in self._groups.values())


_subscription_documents: Lru[tuple[str, str | None], bool] = Lru(KNOWN_DOCUMENTS)


def is_subscription(document: str, operation_name: str | None) -> bool:
    """Whether the operation is a subscription; a document that does not parse is not one (the
    usual path then answers it with its error)."""
    key = (document, operation_name)
    known = _subscription_documents.get(key)
    if known is None:
        try:
            operation = get_operation_ast(parse(document, no_location=True), operation_name)
        except GraphQLSyntaxError:
            operation = None
        known = operation is not None and operation.operation is OperationType.SUBSCRIPTION
        _subscription_documents.put(key, known)
    return known


def group_key(context: Context, operation: Operation[Context, None]) -> GroupKey | None:
    """The group an operation belongs to, or None when it runs on its own (queries and mutations
    over the socket, a caller not known yet, variables that are not plain JSON)."""
    if context.actor is None or not isinstance(operation.query, str):
        return None
    if not is_subscription(operation.query, operation.operation_name):
        return None
    try:
        variables = json.dumps(operation.variables or {}, sort_keys=True, separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    return GroupKey(operation.query, operation.operation_name, variables, audience(context.actor))


class SharingTransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    """graphql-transport-ws whose subscriptions run in groups (see the module's docstring)."""

    async def run_operation(self, operation: Operation[Context, None]) -> None:
        key = group_key(self.context, operation)
        groups: SubscriptionGroups | None = getattr(self.view, "subscription_groups", None)
        if key is None or groups is None:
            await super().run_operation(operation)
            return
        member = Member(operation.id, self.websocket.frame_writer())  # type: ignore[attr-defined]
        group = groups.join(key, member, self._starter(operation))
        try:
            ended = await member.pump(self.websocket.send_text)  # type: ignore[attr-defined]
            if ended.errors is not None:
                await operation.send_initial_errors(list(ended.errors))
            else:
                await operation.send_operation_message({"id": operation.id, "type": "complete"})
        except WebSocketDisconnected:
            pass
        finally:
            groups.leave(group, member)

    def _starter(self, operation: Operation[Context, None]) -> StartStream:
        """Starts the group's stream with a context of its own: the first member may leave first."""
        context = shared_context(self.context)

        async def start() -> StreamResult:
            return await self.schema.stream(
                operation.query,
                variable_values=operation.variables,
                context_value=context,
                root_value=self.root_value,
                operation_name=operation.operation_name,
            )

        return start
