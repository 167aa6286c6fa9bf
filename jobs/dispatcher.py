"""The job system's side of `server.dispatch`: turns decided work into broker messages."""

from __future__ import annotations

import logging
from uuid import UUID

import dramatiq

logger = logging.getLogger(__name__)


class BrokerDispatcher:
    """Sends messages to the actors declared by `jobs.broker.declare` (see `jobs.runtime`).

    A failed send is logged, not raised: the work is already in the database and
    the sweep will send it again. A send delayed past `max_delay_ms` is not made at all: its due
    time is in the database too, and the sweep sends it when it comes (see `jobs.broker`).
    """

    def __init__(self, actors: dict[str, dramatiq.Actor], max_delay_ms: int | None = None) -> None:
        self.actors = actors
        self.max_delay_ms = max_delay_ms

    def run_tasks(self, task_run_ids: list[UUID]) -> None:
        for task_run_id in task_run_ids:
            self._send("run_task", task_run_id, 0)

    def fire_timeout(self, task_run_id: UUID, delay_ms: int) -> None:
        self._send("fire_timeout", task_run_id, delay_ms)

    def resume(self, task_run_id: UUID, delay_ms: int) -> None:
        self._send("resume_task", task_run_id, delay_ms)

    def deliver_webhook(self, delivery_id: UUID, delay_ms: int) -> None:
        self._send("deliver_webhook", delivery_id, delay_ms)

    def start_waiting_orders(self, flow_id: UUID) -> None:
        self._send("start_waiting_orders", flow_id, 0)

    def replay_webhooks(self, replay_id: UUID) -> None:
        self._send("replay_webhooks", replay_id, 0)

    def make_export(self, export_job_id: UUID) -> None:
        self._send("make_export", export_job_id, 0)

    def _send(self, actor: str, task_run_id: UUID, delay_ms: int) -> None:
        if self.max_delay_ms is not None and delay_ms > self.max_delay_ms:
            logger.debug("%s(%s) is due in %d ms: the sweep sends it then", actor, task_run_id, delay_ms)
            return
        try:
            self.actors[actor].send_with_options(args=(str(task_run_id),), delay=max(delay_ms, 0) or None)
        except Exception:
            logger.exception("could not send %s(%s); the sweep will resend it", actor, task_run_id)
