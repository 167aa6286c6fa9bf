"""The per-request context: who is calling, the tree loader, and the fallback DataLoaders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader
from strawberry.extensions import SchemaExtension

from graphql_schema.flows.loaders import latest_run_loader
from graphql_schema.flows.types import FlowRunType
from server.domain.actors import Actor
from server.http_auth import connection_credentials
from server.services.orders.tree import TreeLoader


def _slot_loader(attach: Callable[[Sequence[Any]], Awaitable[object]], slot: str) -> DataLoader[Any, Any]:
    """A DataLoader that fills `slot` of a batch of rows with one `attach` call, keyed by row identity."""

    async def batch(rows: list[Any]) -> list[Any]:
        await attach(rows)
        return [getattr(row, slot) for row in rows]

    return DataLoader(load_fn=batch)


@dataclass
class Loaders:
    """Per-request DataLoaders, for relations the root resolvers did not preload (rare)."""

    tree: TreeLoader
    by_slot: dict[str, DataLoader[Any, Any]] = field(default_factory=dict)

    def load(self, row: Any, slot: str) -> Awaitable[Any]:
        loader = self.by_slot.get(slot)
        if loader is None:
            loader = self.by_slot[slot] = _slot_loader(self._attach_for(slot), slot)
        return loader.load(row)

    def release(self) -> None:
        """Drop every row loaded for the operation, and the DataLoaders' caches of them."""
        self.tree.clear()
        self.by_slot.clear()

    def _attach_for(self, slot: str) -> Callable[[Sequence[Any]], Awaitable[object]]:
        tree = self.tree
        attach: dict[str, Callable[[Sequence[Any]], Awaitable[object]]] = {
            "products": tree.attach_products,
            "parts": tree.attach_parts,
            "children": tree.attach_children,
            "assets": tree.attach_assets,
            "versions": tree.attach_versions,
            "addresses": tree.attach_addresses,
            "events": tree.attach_events,
            "manual_tasks": tree.attach_manual_tasks,
            "space": tree.attach_spaces,
            "order": tree.attach_order,
            "product": tree.attach_product,
        }
        return attach[slot]


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | WebSocket | None
    actor: Actor | None
    tree: TreeLoader
    loaders: Loaders
    connection_params: dict[str, object] | None = None  # a websocket's `connection_init` payload
    # Why this request may not run mutations (the session cookie without proof of its site), or None.
    session_refusal: str | None = None
    latest_runs: DataLoader[UUID, FlowRunType | None] = field(default_factory=latest_run_loader)


class ReleaseLoadedRows(SchemaExtension):
    """Releases the rows an operation loaded as soon as its result is built.

    graphql-core's executor refers to itself, so it, the context and all the context
    holds are freed only by a full cyclic garbage collection. A tree query loads tens of
    thousands of rows; left to that collection they would make it run often and long.
    """

    def on_execute(self) -> Iterator[None]:
        yield
        context = self.execution_context.context
        if isinstance(context, Context):
            context.loaders.release()


async def make_context(request: Request | WebSocket, response: Response | WebSocket | None) -> Context:
    tree = TreeLoader()
    credentials = await connection_credentials(request)
    return Context(
        request=request,
        response=response,
        actor=credentials.actor,
        tree=tree,
        loaders=Loaders(tree),
        session_refusal=credentials.session_refusal,
    )


def shared_context(context: Context) -> Context:
    """A copy of a connection's context for a subscription shared by several connections: the same
    caller as far as visibility goes, with loaders of its own."""
    tree = TreeLoader()
    return replace(context, tree=tree, loaders=Loaders(tree), latest_runs=latest_run_loader())
