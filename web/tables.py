"""The three tables (orders, products, parts): their columns, and reading a table's state from a URL.

A table's state lives in the query string, so every view can be bookmarked and shared:
`status` (repeatable), `from`/`to` (created, inclusive days), `q` (free text), `tag` (any of these
tags, comma-separated; for products their order's, for parts their own), `mine=1`
(only rows whose tags match the user's), `sort` (a column key), `dir` (`asc`/`desc`),
`after` (the keyset cursor), `back` (the cursors of the pages before, repeatable, `-` for the
first page; at most `MAX_BACK` are kept) and `n` (the page number, for display only).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time
from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus

from starlette.datastructures import QueryParams

from server.domain.statuses import OrderStatus
from server.services.exports import quote_price
from server.services.orders.lists import ListFilter, PageRequest, Sort

Getter = Callable[[Any], Any]
PAGE_SIZES = (25, 50, 100, 200)
MAX_BACK = 20
MAX_TAG_FILTER = 20
FIRST_PAGE = "-"
DEFAULT_PAGE_SIZE = 50


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    get: Getter
    sort: str | None = None  # the service's sort field, when the column can be sorted
    visible: bool = True  # shown unless the user chose otherwise
    kind: str = "text"  # text | money | when | deadline | status | tags | id | link


@dataclass(frozen=True)
class Table:
    name: str  # orders | products | parts
    title: str
    path: str
    columns: tuple[Column, ...]
    tags_of: Getter = lambda row: list(getattr(row, "tags", None) or [])
    has_status_filter: bool = False
    default_sort: str = "created"

    def row_tags(self, row: Any) -> list[str]:
        """The tags that decide whether a row is highlighted for the user."""
        return list(self.tags_of(row))

    def row_thumbnail(self, row: Any) -> str:
        """The small preview shown before a row's name: the order's thumbnail (orders only)."""
        return str(getattr(row, "thumbnail_url", "") or "") if self.name == "orders" else ""

    @property
    def label_column(self) -> Column:
        """The column that names a row to a person (its link column: the order's name, the product's
        title)."""
        return next((c for c in self.columns if c.kind == "link"), self.columns[0])

    def row_label(self, row: Any) -> str:
        return str(self.label_column.get(row) or "(no name)")

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def default_columns(self) -> list[str]:
        return [c.key for c in self.columns if c.visible]

    def visible_columns(self, preferences: Mapping[str, Any] | None) -> list[Column]:
        """The user's chosen columns, in table order; the defaults when none were chosen."""
        chosen = ((preferences or {}).get("columns") or {}).get(self.name)
        keys = set(chosen) if isinstance(chosen, list) else set(self.default_columns())
        shown = [c for c in self.columns if c.key in keys]
        return shown or [self.columns[0]]


@dataclass(frozen=True)
class TableState:
    statuses: tuple[OrderStatus, ...] = ()
    created_from: date | None = None
    created_to: date | None = None
    search: str = ""
    tags: tuple[str, ...] = ()
    mine: bool = False
    sort: str = "created"
    descending: bool = True
    after: str | None = None
    back: tuple[str, ...] = ()
    page_number: int = 1
    size: int = DEFAULT_PAGE_SIZE

    def list_filter(self, user_tags: Sequence[str]) -> ListFilter:
        return ListFilter(
            statuses=self.statuses,
            created_from=_start_of(self.created_from),
            created_to=_end_of(self.created_to),
            search=self.search or None,
            tags=self.tags,
            user_tags=tuple(user_tags) if self.mine else (),
        )

    def sort_request(self, table: Table) -> Sort:
        column = table.column(self.sort)
        field = column.sort if column and column.sort else "CREATED_AT"
        return Sort(field=field, descending=self.descending)

    def page_request(self) -> PageRequest:
        return PageRequest(first=self.size, after=self.after)

    def query(self, **changes: Any) -> str:
        """The query string of this state with `changes`; changing anything but the page starts at page 1."""
        unknown = changes.keys() - _STATE_FIELDS
        if unknown:
            raise TypeError(f"not a table state field: {', '.join(sorted(unknown))}")
        # Read off `changes` rather than a `replace`d copy: a table renders a dozen of these links.
        value = {**self.__dict__, **changes}
        if "after" not in changes:
            value.update(after=None, back=(), page_number=1)
        created_from, created_to, after = value["created_from"], value["created_to"], value["after"]
        pairs: list[tuple[str, str]] = [("status", s.value) for s in value["statuses"]]
        optional = {
            "from": created_from.isoformat() if created_from else "",
            "to": created_to.isoformat() if created_to else "",
            "q": value["search"],
            "tag": ", ".join(value["tags"]),
            "mine": "1" if value["mine"] else "",
            "sort": value["sort"],
            "dir": "desc" if value["descending"] else "asc",
            "after": after or "",
            "n": str(value["page_number"]) if after else "",
            "size": str(value["size"]) if value["size"] != DEFAULT_PAGE_SIZE else "",
        }
        pairs += [(key, text) for key, text in optional.items() if text]
        pairs += [("back", cursor) for cursor in value["back"]] if after else []
        return "&".join([f"{key}={_quoted(text)}" for key, text in pairs])

    def current_query(self) -> str:
        """The query string of exactly this view, page included (what a live stream of it is told)."""
        return self.query(after=self.after, back=self.back, page_number=self.page_number)

    @property
    def newest_first(self) -> bool:
        """The first page sorted by creation, newest first: where a new row has a known place (the top)."""
        return self.sort == "created" and self.descending and self.after is None

    def next_query(self, cursor: str) -> str:
        back = (*self.back, self.after or FIRST_PAGE)[-MAX_BACK:]
        return self.query(after=cursor, back=back, page_number=self.page_number + 1)

    def previous_query(self) -> str | None:
        """The page before this one, when it is known (None on the first page)."""
        if self.after is None:
            return None
        if not self.back or self.back[-1] == FIRST_PAGE:
            return self.query()
        return self.query(after=self.back[-1], back=self.back[:-1], page_number=max(1, self.page_number - 1))

    def sort_query(self, key: str) -> str:
        """Clicking a column title: sort by it, or flip the direction when it is the sort already."""
        if key == self.sort:
            return self.query(descending=not self.descending)
        return self.query(sort=key, descending=key in ("created", "value", "deadline", "units"))


_STATE_FIELDS = frozenset(field.name for field in fields(TableState))
_PLAIN = re.compile(r"[A-Za-z0-9_.~-]*")  # what `quote_plus` leaves as it is


@lru_cache(maxsize=4096)
def _quoted(text: str) -> str:
    """`text` as `urlencode` writes a value: a table's dozen links repeat the same few values."""
    return text if _PLAIN.fullmatch(text) else quote_plus(text)


def _start_of(day_value: date | None) -> datetime | None:
    return datetime.combine(day_value, time.min, tzinfo=UTC) if day_value else None


def _end_of(day_value: date | None) -> datetime | None:
    return datetime.combine(day_value, time.max, tzinfo=UTC) if day_value else None


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _statuses(values: Sequence[str]) -> tuple[OrderStatus, ...]:
    known = {s.value: s for s in OrderStatus}
    return tuple(dict.fromkeys(known[v] for v in values if v in known))


def _tags(values: Sequence[str]) -> tuple[str, ...]:
    """`tag=rush, b2b` (or `tag` repeated): any of these, trimmed and lower-cased like stored tags."""
    found = (tag.strip().lower() for value in values for tag in str(value).split(","))
    return tuple(dict.fromkeys(tag for tag in found if tag))[:MAX_TAG_FILTER]


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


def read_state(table: Table, params: Any) -> TableState:
    """The table state from query parameters or form fields (a Starlette multi-dict)."""
    sort = params.get("sort") or table.default_sort
    column = table.column(sort)
    if column is None or column.sort is None:
        sort = table.default_sort
    size = _int(params.get("size"), DEFAULT_PAGE_SIZE)
    return TableState(
        statuses=_statuses(params.getlist("status")) if table.has_status_filter else (),
        created_from=_date(params.get("from")),
        created_to=_date(params.get("to")),
        search=(params.get("q") or "").strip()[:200],
        tags=_tags(params.getlist("tag")),
        mine=params.get("mine") == "1",
        sort=sort,
        descending=params.get("dir", "desc") != "asc",
        after=params.get("after") or None,
        back=tuple(params.getlist("back"))[-MAX_BACK:],
        page_number=max(1, _int(params.get("n"), 1)),
        size=size if size in PAGE_SIZES else DEFAULT_PAGE_SIZE,
    )


MAX_STATES = 1024
MAX_KEPT_QUERY = 2048  # bytes: a longer query string is read each time, not kept
_STATES: dict[tuple[str, bytes], TableState] = {}


def state_of_query(table: Table, query_string: bytes) -> TableState:
    """`read_state` of a URL's query string, kept (at most `MAX_STATES`): a state is immutable,
    and a table's views are asked for again and again (reloads, live updates, paging back)."""
    if len(query_string) > MAX_KEPT_QUERY:
        return read_state(table, QueryParams(query_string))
    key = (table.name, query_string)
    state = _STATES.get(key)
    if state is None:
        state = read_state(table, QueryParams(query_string))
        if len(_STATES) >= MAX_STATES:
            _STATES.clear()
        _STATES[key] = state
    return state


def _order_name(row: Any) -> str:
    return row.order.name if getattr(row, "order", None) else ""


def _product_title(row: Any) -> str:
    return row.product.title if getattr(row, "product", None) else ""


def _space_key(row: Any) -> str:
    return row.space.key if getattr(row, "space", None) else ""


ORDERS = Table(
    name="orders",
    title="Orders",
    path="/orders",
    has_status_filter=True,
    columns=(
        Column("name", "Order", lambda r: r.name, "NAME", kind="link"),
        Column("status", "Status", lambda r: r.status, "STATUS", kind="status"),
        Column("value", "Value", lambda r: r.value, "VALUE", kind="money"),
        Column("created", "Created at", lambda r: r.created_at, "CREATED_AT", kind="when"),
        Column("deadline", "Deadline", lambda r: r.deadline, "DEADLINE", kind="deadline"),
        Column("tags", "Tags", lambda r: r.tags, kind="tags"),
        Column("space", "Space", _space_key, visible=False),
        Column("flow", "Flow", lambda r: r.flow_key or "", visible=False),
        Column("id", "Order ID", lambda r: r.id, "ID", visible=False, kind="id"),
    ),
)

PRODUCTS = Table(
    name="products",
    title="Products",
    path="/products",
    tags_of=lambda row: list(row.order.tags) if getattr(row, "order", None) else [],
    columns=(
        Column("title", "Product", lambda r: r.title, "TITLE", kind="link"),
        Column("order", "Order", _order_name, "ORDER_NAME"),
        Column("units", "Amount of units", lambda r: r.amount_of_units, "AMOUNT_OF_UNITS"),
        Column("value", "Value per unit", lambda r: r.value_per_unit, "VALUE_PER_UNIT", kind="money"),
        Column("deadline", "Deadline", lambda r: r.deadline, "DEADLINE", kind="deadline", visible=False),
        Column("created", "Created at", lambda r: r.created_at, "CREATED_AT", kind="when"),
        Column("id", "Product ID", lambda r: r.id, "ID", visible=False, kind="id"),
        Column("order_id", "Order ID", lambda r: r.order_id, "ORDER_ID", visible=False, kind="id"),
    ),
)

PARTS = Table(
    name="parts",
    title="Parts",
    path="/parts",
    columns=(
        Column("name", "Part", lambda r: r.name, "NAME", kind="link"),
        Column("product", "Product", _product_title, "PRODUCT_TITLE"),
        Column("order", "Order", _order_name, "ORDER_NAME"),
        Column("tags", "Tags", lambda r: r.tags, kind="tags", visible=False),
        Column("quote", "Quote", quote_price),
        Column("created", "Created at", lambda r: r.created_at, "CREATED_AT", kind="when"),
        Column("id", "Part ID", lambda r: r.id, "ID", visible=False, kind="id"),
        Column("product_id", "Product ID", lambda r: r.product_id, "PRODUCT_ID", visible=False, kind="id"),
        Column("order_id", "Order ID", lambda r: r.order_id, "ORDER_ID", visible=False, kind="id"),
    ),
)

TABLES = {t.name: t for t in (ORDERS, PRODUCTS, PARTS)}
