"""The port through which services hand decided work to the job system.

Services never import `jobs`. They record task runs in state READY (and timeouts
and wake-ups as timestamps) in the same transaction as the decision, and after
the commit call `dispatcher().…` with ids. `jobs` registers the real dispatcher
at start-up; until then nothing is sent and the sweep picks the work up from the
database (a transactional outbox), so no decision is lost between a commit and a
broker send.
"""

from __future__ import annotations

import logging
from typing import Protocol
from uuid import UUID

logger = logging.getLogger(__name__)


class Dispatcher(Protocol):
    def run_tasks(self, task_run_ids: list[UUID]) -> None:
        """Send one message per READY task run."""

    def fire_timeout(self, task_run_id: UUID, delay_ms: int) -> None:
        """Send the timeout check of a task run, not before `delay_ms`."""

    def resume(self, task_run_id: UUID, delay_ms: int) -> None:
        """Send the wake-up of a waiting task run, not before `delay_ms`."""

    def deliver_webhook(self, delivery_id: UUID, delay_ms: int) -> None:
        """Send an attempt of a webhook delivery, not before `delay_ms`."""

    def start_waiting_orders(self, flow_id: UUID) -> None:
        """Send a batch of starts of the orders that wait for a flow just created or enabled."""

    def replay_webhooks(self, replay_id: UUID) -> None:
        """Send the job that resends an endpoint's failed deliveries."""

    def make_export(self, export_job_id: UUID) -> None:
        """Send the making of an export's file."""


class _Nowhere:
    """Used until the job system registers: the sweep will find the work in the database."""

    def run_tasks(self, task_run_ids: list[UUID]) -> None:
        logger.debug("no dispatcher: %d task runs left for the sweep", len(task_run_ids))

    def fire_timeout(self, task_run_id: UUID, delay_ms: int) -> None:
        pass

    def resume(self, task_run_id: UUID, delay_ms: int) -> None:
        pass

    def deliver_webhook(self, delivery_id: UUID, delay_ms: int) -> None:
        pass

    def start_waiting_orders(self, flow_id: UUID) -> None:
        pass

    def replay_webhooks(self, replay_id: UUID) -> None:
        pass

    def make_export(self, export_job_id: UUID) -> None:
        pass


_dispatcher: Dispatcher = _Nowhere()


def dispatcher() -> Dispatcher:
    return _dispatcher


def set_dispatcher(new: Dispatcher | None) -> None:
    global _dispatcher
    _dispatcher = new or _Nowhere()
