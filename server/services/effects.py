"""What a transaction decided to tell the world, carried out only after it commits.

Services collect broker sends and live messages in an `Effects` while their transaction is open and
call `carry_out()` after the commit: a rolled-back decision never sends a message, and a decision
whose send is lost is found again by the sweep (the task runs are in the database).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from uuid import UUID

from server.dispatch import dispatcher
from server.events import get_bus
from server.live_messages import OrderMessage, stamped

# Delays longer than this stay in the database (a task's `resume_at`, `timeout_at`) and the sweep sends
# them when they come due, instead of being parked in the broker for hours (RabbitMQ hands back a
# message a consumer holds past its `consumer_timeout`).
BROKER_DELAY_LIMIT_MS = 60_000


def sent_by_broker(delay_ms: int) -> bool:
    return delay_ms <= BROKER_DELAY_LIMIT_MS


def now() -> datetime:
    return datetime.now(UTC)


def delay_ms(at: datetime | None, since: datetime) -> int:
    """Milliseconds from `since` to `at`, rounded up: a message must not arrive before its time."""
    return max(0, math.ceil((at - since).total_seconds() * 1000)) if at else 0


@dataclass
class Effects:
    run_tasks: list[UUID] = field(default_factory=list)
    timeouts: list[tuple[UUID, int]] = field(default_factory=list)  # (task run, delay in ms)
    resumes: list[tuple[UUID, int]] = field(default_factory=list)
    messages: list[OrderMessage] = field(default_factory=list)
    deliveries: list[UUID] = field(default_factory=list)  # webhook deliveries to send

    def extend(self, other: Effects) -> None:
        self.run_tasks += other.run_tasks
        self.timeouts += other.timeouts
        self.resumes += other.resumes
        self.messages += other.messages
        self.deliveries += other.deliveries

    async def carry_out(self) -> None:
        send = dispatcher()
        if self.run_tasks:
            send.run_tasks(self.run_tasks)
        for task_run_id, delay in self.timeouts:
            send.fire_timeout(task_run_id, delay)
        for task_run_id, delay in self.resumes:
            send.resume(task_run_id, delay)
        for delivery_id in self.deliveries:
            send.deliver_webhook(delivery_id, 0)
        if self.messages:  # a change happens when it commits, which is now
            moment = now()
            await get_bus().publish_many([stamped(message, moment) for message in self.messages])
