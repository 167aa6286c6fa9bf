"""The broker setting: Redis or RabbitMQ carry task messages, with the same middleware on both."""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections.abc import Iterator

import pytest
import uvloop
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware.time_limit import TimeLimitExceeded
from dramatiq.threading import raise_thread_exception

from jobs.broker import (
    QUEUE,
    RABBITMQ_MAX_DELAY_MS,
    _WorkerLoopThread,
    declare,
    max_delay_ms,
    worker_broker,
)
from jobs.consumers import CONSUMERS
from jobs.dispatcher import BrokerDispatcher
from server import settings
from tests.conftest import REDIS_URL
from tests.rabbitmq_server import rabbitmq_vhost


@pytest.fixture
def rabbitmq_url() -> Iterator[str]:
    with rabbitmq_vhost() as url:
        yield url


def _middleware(url: str) -> list[str]:
    broker = worker_broker(url)
    try:
        return [type(middleware).__name__ for middleware in broker.middleware]
    finally:
        broker.close()


def test_the_url_chooses_the_broker_and_both_get_the_same_middleware() -> None:
    redis = worker_broker(REDIS_URL)
    rabbitmq = worker_broker("amqp://guest:guest@127.0.0.1:5672/")

    assert isinstance(redis, RedisBroker) and isinstance(rabbitmq, RabbitmqBroker)
    assert _middleware(REDIS_URL) == _middleware("amqp://guest:guest@127.0.0.1:5672/")
    names = _middleware(REDIS_URL)
    for wanted in ("AgeLimit", "TimeLimit", "ShutdownNotifications", "Callbacks", "Retries", "WorkerLoop"):
        assert wanted in names
    assert names[-1] == "OpenDatabase"  # after WorkerLoop (AsyncIO's), whose loop it opens the ORM on
    assert max_delay_ms(redis) is None and max_delay_ms(rabbitmq) == RABBITMQ_MAX_DELAY_MS


def test_an_unknown_scheme_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="FABFLOW_BROKER_URL: no broker for kafka://"):
        worker_broker("kafka://127.0.0.1:9092")


def test_the_broker_setting_defaults_to_redis_and_names_its_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setattr(settings, "BROKER_URL", "")
    assert settings.broker_url() == "redis://127.0.0.1:6379/0" and settings.broker_url_problem() is None

    monkeypatch.setattr(settings, "BROKER_URL", "amqp://guest:secret@rabbit:5672/fabflow")
    assert settings.broker_url() == "amqp://guest:secret@rabbit:5672/fabflow"
    assert settings.broker_url_problem() is None
    assert settings.without_password(settings.broker_url()) == "amqp://guest:***@rabbit:5672/fabflow"

    monkeypatch.setattr(settings, "BROKER_URL", "sqs://queue")
    assert "must start with redis://, rediss://, amqp:// or amqps://, not sqs://" in str(
        settings.broker_url_problem()
    )
    monkeypatch.setattr(settings, "BROKER_URL", "amqp://rabbit/")
    monkeypatch.setattr(settings, "REDIS_URL", "")
    assert "needs REDIS_URL too" in str(settings.broker_url_problem())


def test_on_rabbitmq_a_long_delay_stays_in_the_database_and_a_short_one_is_sent(rabbitmq_url: str) -> None:
    """RabbitMQ would requeue a delayed message held past its consumer_timeout; the sweep sends those."""
    broker = worker_broker(rabbitmq_url)
    try:
        dispatcher = BrokerDispatcher(declare(broker, CONSUMERS), max_delay_ms(broker))
        dispatcher.resume(uuid.uuid4(), RABBITMQ_MAX_DELAY_MS + 1)
        dispatcher.fire_timeout(uuid.uuid4(), 24 * 3600 * 1000)
        dispatcher.deliver_webhook(uuid.uuid4(), RABBITMQ_MAX_DELAY_MS * 3)
        assert broker.get_queue_message_counts(QUEUE) == (0, 0, 0)

        dispatcher.resume(uuid.uuid4(), 60_000)
        dispatcher.run_tasks([uuid.uuid4(), uuid.uuid4()])
        assert broker.get_queue_message_counts(QUEUE) == (2, 1, 0)
    finally:
        broker.close()


def test_the_worker_loop_hands_back_results_and_errors_and_cancels_on_an_interrupt() -> None:
    loop_thread = _WorkerLoopThread(logging.getLogger(__name__))
    loop_thread.start(timeout=1.0)
    cleaned_up: list[bool] = []

    async def double(value: int) -> int:
        await asyncio.sleep(0)
        return 2 * value

    async def broken() -> None:
        raise ValueError("a bug")

    async def long() -> None:
        try:
            await asyncio.sleep(30)
        finally:
            cleaned_up.append(True)

    try:
        assert isinstance(loop_thread.loop, uvloop.Loop)
        assert loop_thread.run_coroutine(double(21)) == 42
        with pytest.raises(ValueError, match="a bug"):
            loop_thread.run_coroutine(broken())
        caller = threading.get_ident()
        timer = threading.Timer(0.3, raise_thread_exception, (caller, TimeLimitExceeded))
        timer.start()
        with pytest.raises(TimeLimitExceeded):  # as Dramatiq's time limit raises it in a worker thread
            loop_thread.run_coroutine(long())
        assert cleaned_up == [True]  # the coroutine was cancelled and its clean-up ran first
    finally:
        loop_thread.stop()
