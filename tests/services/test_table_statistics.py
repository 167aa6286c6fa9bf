"""The sweep's ANALYZE of the engine's tables where autovacuum does not analyze them."""

from __future__ import annotations

import asyncio

from tortoise import connections

from server.models import Space
from server.services import table_statistics
from tests.conftest import TEST_DATABASE

FILL = """
INSERT INTO fab_order (id, space_id, name, status, value, tags, data, intake_hash, search_text, created_at,
                       updated_at)
SELECT gen_random_uuid(), '{space}'::uuid, 'STATS-' || i, 'CREATED', 0, '[]'::jsonb, '{{}}'::jsonb, '-',
       'stats-' || i, now(), now()
FROM generate_series(1, 300) AS i
"""


async def _analyzed_once_changes_are_counted() -> list[str]:
    """The statistics of a backend reach the shared counters some time after its commit."""
    for _ in range(100):
        names = await table_statistics.analyze_stale_tables()
        if names:
            return names
        await asyncio.sleep(0.1)
    return []


async def test_a_table_autovacuum_skips_is_analyzed_once_enough_rows_changed(
    space_key: tuple[str, str],
) -> None:
    if TEST_DATABASE != "postgres":
        assert await table_statistics.analyze_stale_tables() == []  # SQLite has no planner statistics
        return
    client = connections.get("default")
    space = await Space.get(key=space_key[0])
    await client.execute_script("ALTER TABLE fab_order SET (autovacuum_enabled = false)")
    try:
        await client.execute_script(FILL.format(space=space.id))
        await client.execute_script("SELECT pg_stat_force_next_flush()")

        assert "fab_order" in await _analyzed_once_changes_are_counted()
        _, rows = await client.execute_query(
            "SELECT last_analyze, n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = 'fab_order'"
        )
        assert rows[0]["last_analyze"] is not None
        assert "fab_order" not in await table_statistics.analyze_stale_tables()  # nothing changed since
    finally:
        await client.execute_script("ALTER TABLE fab_order RESET (autovacuum_enabled)")
