"""Which version of a flow an order runs: the current version of a space's enabled flow, by key.

Below both `flows` (editing flows; creating or enabling one starts the orders that waited for it,
through `flow_runs`) and `flow_runs` (starting a run on the version found here), so the imports go
one way: flows -> flow_runs -> flow_versions.
"""

from __future__ import annotations

from uuid import UUID

from server.models import Flow, FlowVersion


async def flow_for_key(space_id: UUID, key: str) -> FlowVersion | None:
    """The current version of the space's enabled flow `key`, or None."""
    flow = await Flow.get_or_none(space_id=space_id, key=key, enabled=True)
    if flow is None:
        return None
    return await FlowVersion.filter(flow_id=flow.id).order_by("-number").first()
