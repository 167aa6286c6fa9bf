"""Per-request DataLoaders of the flow area."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from graphql_schema.flows.types import FlowRunType
from server.services import flow_runs


def latest_run_loader() -> DataLoader[UUID, FlowRunType | None]:
    """Orders' latest runs with their task runs: two statements per batch of orders."""

    async def batch(order_ids: list[UUID]) -> list[FlowRunType | None]:
        runs = await flow_runs.latest_runs(order_ids)
        return [FlowRunType.of(*runs[order_id]) if order_id in runs else None for order_id in order_ids]

    return DataLoader(load_fn=batch)
