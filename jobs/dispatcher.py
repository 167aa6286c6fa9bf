"""The job system's side of `server.dispatch`: turns decided work into broker messages."""

from __future__ import annotations

import logging
from uuid import UUID

import dramatiq

logger = logging.getLogger(__name__)


class BrokerDispatcher:
    """Sends messages to the actors declared by `jobs.broker.declare` (see `jobs.runtime`).

    A failed send is logged, not raised: the work is already in the database and
    the sweep will send it again.
    """

    def __init__(self, actors: dict[str, dramatiq.Actor]) -> None:
        self.actors = actors

    def run_tasks(self, task_run_ids: list[UUID]) -> None:
        for task_run_id in task_run_ids:
            self._send("run_task", task_run_id, 0)

    def fire_timeout(self, task_run_id: UUID, delay_ms: int) -> None:
        self._send("fire_timeout", task_run_id, delay_ms)

    def resume(self, task_run_id: UUID, delay_ms: int) -> None:
        self._send("resume_task", task_run_id, delay_ms)

    def deliver_webhook(self, delivery_id: UUID, delay_ms: int) -> None:
        self._send("deliver_webhook", delivery_id, delay_ms)

    def make_export(self, export_job_id: UUID) -> None:
        self._send("make_export", export_job_id, 0)

    def _send(self, actor: str, task_run_id: UUID, delay_ms: int) -> None:
        try:
            self.actors[actor].send_with_options(args=(str(task_run_id),), delay=max(delay_ms, 0) or None)
        except Exception:
            logger.exception("could not send %s(%s); the sweep will resend it", actor, task_run_id)
