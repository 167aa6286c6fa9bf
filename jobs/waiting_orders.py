"""The background start of orders that waited for a flow: one batch per message (see `flow_runs`).

Like the task consumers it has `max_retries=0`: a batch that fails is handed over again by the sweep.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from jobs.consumers import OPTIONS
from server.services import flow_runs


async def start_waiting_orders(flow_id: str) -> None:
    await flow_runs.start_waiting_batch(UUID(flow_id))


CONSUMERS: dict[str, tuple[Any, dict[str, Any]]] = {"start_waiting_orders": (start_waiting_orders, OPTIONS)}
