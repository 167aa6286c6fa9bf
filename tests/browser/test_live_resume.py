"""The orders table in a real Chromium across a restart of Redis: the page says live updates paused,
then reads its table again, as it shows it, once the event bus is back."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from typing import Any

import pytest

from server.domain.actors import Actor
from server.domain.statuses import OrderStatus
from server.models import Order, Space
from tests.browser.conftest import ROOT, _free_port, _wait_until_up, sign_in
from tests.browser.test_ui import expect
from tests.redis_server import ThrowawayRedis


@pytest.fixture
async def redis() -> AsyncIterator[ThrowawayRedis]:
    async with ThrowawayRedis() as server:
        yield server


@pytest.fixture
def redis_server_url(database_url: str, redis: ThrowawayRedis, tmp_path: Any) -> Any:
    """The app as in production: its event bus on the throwaway Redis (no worker is needed here)."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        REDIS_URL=redis.url,
        FABFLOW_VAR_DIR=str(tmp_path),
        FABFLOW_SECRET_KEY="browser-tests-secret-of-at-least-thirty-two-bytes",
        FABFLOW_PUBLIC_URL=f"http://127.0.0.1:{port}",
    )
    command = [sys.executable, "-m", "tests.browser.server_main", database_url, str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.redis
async def test_the_orders_table_shows_what_changed_while_redis_was_down(
    browser: Any, redis_server_url: str, redis: ThrowawayRedis, admin: Actor, space_key: tuple[str, str]
) -> None:
    space = await Space.get(key="demo-eyewear")
    shown = await Order.create(space_id=space.id, name="RESUME-1", intake_hash="-", search_text="resume-1")
    await Order.create(space_id=space.id, name="OTHER-1", intake_hash="-", search_text="other-1")
    context = await browser.new_context(base_url=redis_server_url)
    context.set_default_timeout(15_000)
    page = await context.new_page()
    try:
        await sign_in(page, "admin@example.com", target="/orders?q=resume")
        row = page.locator(f"#orders-{shown.id}")
        await expect(row).to_contain_text("Created")

        redis.stop()
        await expect(page.locator("#live-note")).to_contain_text("paused")
        await Order.filter(id=shown.id).update(status=OrderStatus.SUCCESS)  # no message reaches the page
        await redis.start()

        await expect(row).to_contain_text("Success")
        await expect(page.locator("#live-note")).to_have_text("")
        await expect(page.locator("#table tbody tr")).to_have_count(1)  # still filtered as it was
    finally:
        await context.close()
