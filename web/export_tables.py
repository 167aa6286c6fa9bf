"""The tables' columns as the background exports write them (`server.services.export_jobs`).

The worker that makes an export writes each cell as *Export selected* does (`web.lists.csv_value`)
and reads "all matching" from the table URL's query string as the table does (`web.tables`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import QueryParams

from server.services import export_jobs
from server.services.orders.lists import ListFilter, Sort
from web.lists import csv_value
from web.tables import TABLES, Column, Table, read_state


@dataclass(frozen=True)
class TableExport:
    table: Table

    def _columns(self, keys: Sequence[str]) -> list[Column]:
        chosen = [c for key in keys if (c := self.table.column(key))]
        return chosen or self.table.visible_columns(None)

    def header(self, columns: Sequence[str]) -> list[str]:
        return [c.title for c in self._columns(columns)]

    def values(self, columns: Sequence[str], row: Any) -> list[object]:
        return [csv_value(c, row) for c in self._columns(columns)]

    def listing(self, query: str, user_tags: Sequence[str]) -> tuple[ListFilter, Sort] | None:
        state = read_state(self.table, QueryParams(query))
        if state.mine and not user_tags:
            return None
        return state.list_filter(user_tags), state.sort_request(self.table)


def install_export_tables() -> None:
    export_jobs.set_tables({name: TableExport(table) for name, table in TABLES.items()})
