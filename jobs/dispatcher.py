"""The job system's side of `server.dispatch`: turns decided work into broker messages."""

from __future__ import annotations

import logging
import queue
import threading
from uuid import UUID

import dramatiq

logger = logging.getLogger(__name__)


class BrokerDispatcher:
    """Sends messages to the actors declared by `jobs.broker.declare` (see `jobs.runtime`).

    A failed send is logged, not raised: the work is already in the database and
    the sweep will send it again. A send delayed past `max_delay_ms` is not made at all: its due
    time is in the database too, and the sweep sends it when it comes (see `jobs.broker`).
    """

    # Sends still queued in a background dispatcher are given this long to go out when it closes.
    CLOSE_WAIT_S = 10.0

    def __init__(
        self, actors: dict[str, dramatiq.Actor], max_delay_ms: int | None = None, background: bool = False
    ) -> None:
        """`background`: sends go out on a thread of their own, in order, so a broker's round trips
        never block the event loop that runs the tasks (a worker killed with sends still queued
        loses nothing: the sweep re-drives its work from the database)."""
        self.actors = actors
        self.max_delay_ms = max_delay_ms
        self._queue: queue.SimpleQueue[tuple[str, UUID, int] | None] | None = None
        self._thread: threading.Thread | None = None
        if background:
            self._queue = queue.SimpleQueue()
            self._thread = threading.Thread(target=self._send_queued, name="fabflow-sends", daemon=True)
            self._thread.start()

    def close(self) -> None:
        """Send what is queued, then stop the sending thread."""
        if self._queue is not None and self._thread is not None:
            self._queue.put(None)
            self._thread.join(self.CLOSE_WAIT_S)
            self._queue = None

    def _send_queued(self) -> None:
        assert self._queue is not None
        while (item := self._queue.get()) is not None:
            self._send_now(*item)

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
        if self._queue is not None:
            self._queue.put((actor, task_run_id, delay_ms))
        else:
            self._send_now(actor, task_run_id, delay_ms)

    def _send_now(self, actor: str, task_run_id: UUID, delay_ms: int) -> None:
        try:
            self.actors[actor].send_with_options(args=(str(task_run_id),), delay=max(delay_ms, 0) or None)
        except Exception:
            logger.exception("could not send %s(%s); the sweep will resend it", actor, task_run_id)
