"""Which version of a flow an order runs: the current version of a space's enabled flow, by key.

Below both `flows` (editing flows; creating or enabling one starts the orders that waited for it,
through `flow_runs`) and `flow_runs` (starting a run on the version found here), so the imports go
one way: flows -> flow_runs -> flow_versions.
"""

from __future__ import annotations

from uuid import UUID

from server.models import FlowVersion


async def flow_for_key(space_id: UUID, key: str) -> FlowVersion | None:
    """The current version of the space's enabled flow `key`, its flow loaded with it; or None."""
    return (
        await FlowVersion.filter(flow__space_id=space_id, flow__key=key, flow__enabled=True)
        .select_related("flow")
        .order_by("-number")
        .first()
    )
