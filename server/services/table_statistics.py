"""The planner's statistics of the flow engine's tables, kept where autovacuum does not keep them.

A PostgreSQL server with autovacuum off never analyzes a table by itself. The hot path's prepared
statements are then planned on the sizes the tables had when they were nearly empty, and each
connection keeps those plans however large the tables grow: claiming a task scanned every READY task's
index entry, writing a step scanned the whole `task_run` table. An ANALYZE gives the planner the
tables' real sizes and makes every connection plan its prepared statements again.

So the sweep does what autovacuum's analyses would: it analyzes each engine table whose rows changed
more than autovacuum's own threshold since its last analysis (`autovacuum_analyze_threshold` +
`autovacuum_analyze_scale_factor` × its rows), and only while autovacuum is off for that table.
Nothing is done on SQLite, nor where autovacuum runs.
"""

from __future__ import annotations

from tortoise import connections

# The tables the flow engine writes at every step.
TABLES = ("task_run", "flow_run", "fab_order", "event")

STALE_SQL = """
SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
WHERE s.relname = ANY($1::text[])
    AND (current_setting('autovacuum') = 'off' OR c.reloptions @> ARRAY['autovacuum_enabled=false'])
    AND s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::int
        + current_setting('autovacuum_analyze_scale_factor')::float8 * GREATEST(c.reltuples, 0)
ORDER BY s.relname
"""


async def analyze_stale_tables() -> list[str]:
    """ANALYZE the engine's tables that changed enough since their last analysis; their names."""
    client = connections.get("default")
    if str(client.capabilities.dialect) != "postgres":
        return []
    _, rows = await client.execute_query(STALE_SQL, [list(TABLES)])
    names = [str(row["relname"]) for row in rows]
    for name in names:
        await client.execute_script(f'ANALYZE "{name}"')
    return names
