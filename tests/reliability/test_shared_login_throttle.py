"""Two `fabflow serve` processes behind one address count failed sign-ins together (Redis)."""

from __future__ import annotations

from pathlib import Path

import httpx
import redis

from tests.conftest import REDIS_URL
from tests.reliability.servers import (
    Demo,
    check_redis,
    fabflow,
    production_env,
    serving,
    sign_in,
    throwaway_postgres,
)
from web.rate_limit import MAX_PER_EMAIL, RedisLoginThrottle


def forget_failures() -> None:
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{RedisLoginThrottle.PREFIX}*"):
        client.delete(key)
    client.close()


def test_failed_sign_ins_on_one_process_count_on_the_other(tmp_path: Path) -> None:
    check_redis()
    forget_failures()
    with throwaway_postgres() as cluster:
        env = production_env(cluster.url, tmp_path)
        fabflow(env, "migrate")
        demo = Demo(fabflow(env, "demo", "--orders", "0"))
        with (
            serving(env, tmp_path / "first.log") as first,
            serving(env, tmp_path / "second.log") as second,
            httpx.Client(base_url=first.url, timeout=30) as on_first,
            httpx.Client(base_url=second.url, timeout=30) as on_second,
        ):
            wrong = [
                sign_in(on_first if n % 2 else on_second, demo.email, "not the password")
                for n in range(MAX_PER_EMAIL)
            ]
            # Fewer than the limit went to each process, but together they reach it.
            right_on_first = sign_in(on_first, demo.email, demo.password)
            right_on_second = sign_in(on_second, demo.email, demo.password)
            forget_failures()
            once_forgotten = sign_in(on_first, demo.email, demo.password)

    assert [response.status_code for response in wrong] == [400] * MAX_PER_EMAIL
    assert right_on_first.status_code == 429, right_on_first.text
    assert right_on_second.status_code == 429
    assert "Too many failed sign-ins" in right_on_second.text
    assert once_forgotten.status_code == 303
