"""The read side of orders, products and parts: filter, sort, keyset pages, single rows.

Results are plain dataclasses (`server.services.orders.rows`), never Tortoise models.
Visibility is decided here, from the actor, never from the client's input: a space
key sees its own space only, a user the spaces of their organization.

Decisions:
- Sorting is keyset-based: a cursor is the opaque base64 of (sort field, sort value, id),
  the id being the stable tiebreak. The condition is a row comparison `(col, id) < ($1, $2)`,
  which an index on (col, id) serves as its start, so page 2,000 costs what page 1 does.
- Empty values (deadlines) sort last in both directions, on both databases. A row comparison
  alone would drop them, so a nullable sort reads two blocks, each from the index: the rows
  with a value after the cursor, then the empty ones by id (a cursor inside the empty block
  reads only the rest of that block).
- Sorting by a joined name (the order's name on products and parts, the product's title on
  parts) uses the copy kept on the row at intake: those names never change.
- `totalCount` is exact up to `COUNT_BOUND` matching rows; beyond it the count stops there and
  says it is not exact, so counting never costs more than reading that many index entries.
- On PostgreSQL the page and the count are read at the same time on two pooled connections
  (inside a transaction, one after the other): a request waits for the slower, not for both.
- `createdFrom`/`createdTo` (and the deadline pair) are inclusive.
- `tags` matches any of the given tags. PostgreSQL uses `jsonb ?|`; SQLite `json_each`.
  Products match on their order's tags, parts on their own.
- `search` is a case-insensitive substring of each row's `search_text`: names and client ids
  (an order's also holds those of its products and parts, and the customer's name, e-mail and
  company; a product's its order's name), or the exact id when it is a UUID. PostgreSQL serves
  it with trigram indexes.
- `hasPreviousPage` is true when the page starts after a cursor (the lists page forward).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Generic, TypeVar
from uuid import UUID

from tortoise import connections, timezone
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.fields.data import CharEnumFieldInstance, CharField, DatetimeField, JSONField, TextField
from tortoise.models import Model

from server import settings
from server.domain.actors import Actor, ActorKind
from server.domain.statuses import OrderStatus
from server.models import Order, Part, Product
from server.services.errors import FieldError, Unauthenticated, ValidationFailed
from server.services.orders.rows import OrderRow, OrderSummaryRow, PartRow, ProductRow, column_names
from server.services.orders.sql import (
    Cursors,
    CursorValue,
    Kind,
    Params,
    decode_cursor,
    like_pattern,
    parse_uuid,
)

DEFAULT_PAGE_SIZE = 50
ZERO = timedelta(0)
COUNT_BOUND = 10_000
RowT = TypeVar("RowT", OrderRow, OrderSummaryRow, ProductRow, PartRow)


class OrderSort(StrEnum):
    NAME = "NAME"
    STATUS = "STATUS"
    VALUE = "VALUE"
    CREATED_AT = "CREATED_AT"
    DEADLINE = "DEADLINE"
    ID = "ID"


class ProductSort(StrEnum):
    TITLE = "TITLE"
    ORDER_NAME = "ORDER_NAME"
    AMOUNT_OF_UNITS = "AMOUNT_OF_UNITS"
    VALUE_PER_UNIT = "VALUE_PER_UNIT"
    DEADLINE = "DEADLINE"
    CREATED_AT = "CREATED_AT"
    ID = "ID"
    ORDER_ID = "ORDER_ID"


class PartSort(StrEnum):
    NAME = "NAME"
    PRODUCT_TITLE = "PRODUCT_TITLE"
    ORDER_NAME = "ORDER_NAME"
    CREATED_AT = "CREATED_AT"
    ID = "ID"
    PRODUCT_ID = "PRODUCT_ID"
    ORDER_ID = "ORDER_ID"


@dataclass(frozen=True)
class ListFilter:
    """What a list may be narrowed by; every field is optional and they combine with AND."""

    statuses: tuple[OrderStatus, ...] = ()  # of the order (for products and parts: their order's)
    created_from: datetime | None = None
    created_to: datetime | None = None
    deadline_from: datetime | None = None
    deadline_to: datetime | None = None
    search: str | None = None
    tags: tuple[str, ...] = ()
    # *My orders*: also any of these (the user's tags), so it combines with a chosen tag filter.
    user_tags: tuple[str, ...] = ()
    space_key: str | None = None
    order_id: UUID | None = None
    product_id: UUID | None = None


@dataclass(frozen=True)
class Sort:
    field: str = "CREATED_AT"
    descending: bool = True


@dataclass(frozen=True)
class PageRequest:
    first: int | None = None
    after: str | None = None
    with_rows: bool = True
    with_count: bool = True

    @property
    def size(self) -> int:
        if self.first is not None and self.first < 0:
            raise ValidationFailed("`first` cannot be negative.", [FieldError("first", "must be ≥ 0")])
        return min(DEFAULT_PAGE_SIZE if self.first is None else self.first, settings.PAGE_SIZE_MAX)


@dataclass
class Page(Generic[RowT]):
    rows: list[RowT] = field(default_factory=list)
    cursors: Sequence[str] = field(default_factory=list)  # encoded when read (`Cursors`)
    has_next: bool = False
    has_previous: bool = False
    total_count: int | None = None
    total_count_is_exact: bool = True  # False: there are more than `total_count` (= COUNT_BOUND)


@dataclass(frozen=True)
class SortColumn:
    sql: str
    kind: Kind
    nullable: bool = False
    sqlite_sql: str | None = None  # when SQLite needs another expression
    sqlite_kind: Kind | None = None


def _datetime_col(sql: str, nullable: bool = False) -> SortColumn:
    if nullable:  # julianday: compares right whatever UTC offset the client's deadline was stored with
        return SortColumn(sql, Kind.DATETIME, True, f"julianday({sql})", Kind.JULIAN)
    return SortColumn(sql, Kind.DATETIME)


def _number_col(sql: str) -> SortColumn:
    return SortColumn(sql, Kind.NUMBER, sqlite_sql=f"CAST({sql} AS REAL)")


@dataclass(frozen=True)
class Listing:
    """One list: its table, joins, columns for filters, and sort columns."""

    model: type[Model]
    row_type: type
    alias: str
    from_sql: str
    search_columns: tuple[str, ...]
    tags_column: str
    created_column: str
    deadline_column: str | None
    sorts: dict[str, SortColumn]


ORDERS = Listing(
    model=Order,
    row_type=OrderRow,
    alias="o",
    from_sql='"fab_order" o',
    search_columns=("o.search_text",),
    tags_column="o.tags",
    created_column="o.created_at",
    deadline_column="o.deadline",
    sorts={
        OrderSort.NAME: SortColumn("o.name", Kind.TEXT),
        OrderSort.STATUS: SortColumn("o.status", Kind.TEXT),
        OrderSort.VALUE: _number_col("o.value"),
        OrderSort.CREATED_AT: _datetime_col("o.created_at"),
        OrderSort.DEADLINE: _datetime_col("o.deadline", nullable=True),
        OrderSort.ID: SortColumn("o.id", Kind.UUID),
    },
)

# The orders table's rows: the same list, read without the columns the table never shows.
ORDER_SUMMARIES = replace(ORDERS, row_type=OrderSummaryRow)

PRODUCTS = Listing(
    model=Product,
    row_type=ProductRow,
    alias="p",
    from_sql='"product" p JOIN "fab_order" o ON o.id = p.order_id',
    search_columns=("p.search_text",),
    tags_column="o.tags",
    created_column="p.created_at",
    deadline_column="p.deadline",
    sorts={
        ProductSort.TITLE: SortColumn("p.title", Kind.TEXT),
        ProductSort.ORDER_NAME: SortColumn("p.order_name", Kind.TEXT),
        ProductSort.AMOUNT_OF_UNITS: SortColumn("p.amount_of_units", Kind.INT),
        ProductSort.VALUE_PER_UNIT: _number_col("p.value_per_unit"),
        ProductSort.DEADLINE: _datetime_col("p.deadline", nullable=True),
        ProductSort.CREATED_AT: _datetime_col("p.created_at"),
        ProductSort.ID: SortColumn("p.id", Kind.UUID),
        ProductSort.ORDER_ID: SortColumn("p.order_id", Kind.UUID),
    },
)

PARTS = Listing(
    model=Part,
    row_type=PartRow,
    alias="t",
    from_sql='"part" t JOIN "product" p ON p.id = t.product_id JOIN "fab_order" o ON o.id = t.order_id',
    search_columns=("t.search_text",),
    tags_column="t.tags",
    created_column="t.created_at",
    deadline_column=None,
    sorts={
        PartSort.NAME: SortColumn("t.name", Kind.TEXT),
        PartSort.PRODUCT_TITLE: SortColumn("t.product_title", Kind.TEXT),
        PartSort.ORDER_NAME: SortColumn("t.order_name", Kind.TEXT),
        PartSort.CREATED_AT: _datetime_col("t.created_at"),
        PartSort.ID: SortColumn("t.id", Kind.UUID),
        PartSort.PRODUCT_ID: SortColumn("t.product_id", Kind.UUID),
        PartSort.ORDER_ID: SortColumn("t.order_id", Kind.UUID),
    },
)


# ---------------------------------------------------------------- public API


async def list_orders(actor: Actor, flt: ListFilter, sort: Sort, page: PageRequest) -> Page[OrderRow]:
    return await _list(ORDERS, actor, flt, sort, page)


async def list_order_summaries(
    actor: Actor, flt: ListFilter, sort: Sort, page: PageRequest
) -> Page[OrderSummaryRow]:
    """`list_orders` with rows of only what the orders table shows (`OrderSummaryRow`)."""
    return await _list(ORDER_SUMMARIES, actor, flt, sort, page)


async def list_products(actor: Actor, flt: ListFilter, sort: Sort, page: PageRequest) -> Page[ProductRow]:
    return await _list(PRODUCTS, actor, flt, sort, page)


async def list_parts(actor: Actor, flt: ListFilter, sort: Sort, page: PageRequest) -> Page[PartRow]:
    return await _list(PARTS, actor, flt, sort, page)


async def get_order(actor: Actor, order_id: UUID) -> OrderRow | None:
    """The order if it exists and the actor may see it; None either way otherwise."""
    return await _get(ORDERS, actor, order_id)


async def get_product(actor: Actor, product_id: UUID) -> ProductRow | None:
    return await _get(PRODUCTS, actor, product_id)


async def get_part(actor: Actor, part_id: UUID) -> PartRow | None:
    return await _get(PARTS, actor, part_id)


# ---------------------------------------------------------------- SQL


def _dialect() -> str:
    return str(connections.get("default").capabilities.dialect)


def _select_list(listing: Listing) -> str:
    return ", ".join(f"{listing.alias}.{name}" for name in column_names(listing.row_type))


def _visibility(actor: Actor, ph: Params, counting: bool = False) -> list[str]:
    """The rows the actor may see. A count on PostgreSQL takes the organization's spaces as one
    array: the space is then a condition of the index scan itself, where a join with `space`
    passes each of up to `COUNT_BOUND` rows through one more plan node (a tenth of a
    millisecond at 10,000)."""
    if actor.kind is ActorKind.SPACE_KEY:
        return [f"o.space_id = {ph(actor.space_id)}"]
    if actor.kind is ActorKind.USER:
        spaces = f'SELECT s.id FROM "space" s WHERE s.organization_id = {ph(actor.organization_id)}'
        if counting and not ph.sqlite:
            return [f"o.space_id = ANY(ARRAY({spaces}))"]
        return [f"o.space_id IN ({spaces})"]
    if actor.kind is ActorKind.SYSTEM:
        return []
    raise Unauthenticated("Sign in or send a secret key.")


def _filters(listing: Listing, flt: ListFilter, ph: Params) -> list[str]:
    where: list[str] = []
    if flt.space_key is not None:
        where.append(f'o.space_id IN (SELECT s.id FROM "space" s WHERE s.key = {ph(flt.space_key)})')
    if flt.statuses:
        where.append(f"o.status IN ({', '.join(ph(s.value) for s in flt.statuses)})")
    if flt.order_id is not None:
        where.append(f"o.id = {ph(flt.order_id)}")
    if flt.product_id is not None and listing.model is not Order:
        where.append(f"p.id = {ph(flt.product_id)}")
    where += _range(listing.created_column, flt.created_from, flt.created_to, ph, julian=False)
    if listing.deadline_column:
        where += _range(listing.deadline_column, flt.deadline_from, flt.deadline_to, ph, julian=True)
    if flt.search and flt.search.strip():
        where.append(_search(listing, flt.search.strip(), ph))
    for wanted in (flt.tags, flt.user_tags):
        if any(tag.strip() for tag in wanted):
            where.append(_tags(listing.tags_column, wanted, ph))
    return where


def _range(column: str, start: datetime | None, end: datetime | None, ph: Params, julian: bool) -> list[str]:
    clauses = []
    for bound, op in ((start, ">="), (end, "<=")):
        if bound is None:
            continue
        value = _utc(bound)
        if ph.sqlite and julian:
            clauses.append(f"julianday({column}) {op} julianday({ph(value)})")
        else:
            clauses.append(f"{column} {op} {ph(value)}")
    return clauses


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _search(listing: Listing, text: str, ph: Params) -> str:
    pattern = like_pattern(text)
    # Backslash is PostgreSQL's default LIKE escape; an explicit ESCAPE there would hide the
    # pattern from the planner's estimate and keep it off the trigram index.
    escape = " ESCAPE '\\'" if ph.sqlite else ""
    alternatives = [f"{column} LIKE {ph(pattern)}{escape}" for column in listing.search_columns]
    if (as_id := parse_uuid(text)) is not None:
        alternatives.append(f"{listing.alias}.id = {ph(as_id)}")
    return f"({' OR '.join(alternatives)})"


def _tags(column: str, tags: Sequence[str], ph: Params) -> str:
    wanted = [t.strip().lower() for t in tags if t.strip()]
    if ph.sqlite:
        placeholders = ", ".join(ph(t) for t in wanted)
        return f"EXISTS (SELECT 1 FROM json_each({column}) j WHERE j.value IN ({placeholders}))"
    return f"{column} ?| {ph(wanted)}::text[]"


def _sort_sql(listing: Listing, sort: Sort, sqlite: bool) -> tuple[str, Kind, bool]:
    column = listing.sorts.get(sort.field)
    if column is None:
        raise ValidationFailed("Unknown sort field.", [FieldError("orderBy.field", "is not a column")])
    if sqlite and column.sqlite_sql:
        return column.sqlite_sql, column.sqlite_kind or column.kind, column.nullable
    return column.sql, column.kind, column.nullable


# LIMITs are written as integer literals (never client text): with a parameter instead, the
# plan PostgreSQL caches for a prepared statement cannot know the page is small.


def _after(expr: str, id_expr: str, op: str, value: Any, row_id: Any, ph: Params) -> str:
    """Rows after the cursor in the order of (expr, id): a row comparison, an index condition."""
    if expr == id_expr:
        return f"{id_expr} {op} {ph(row_id)}"
    return f"({expr}, {id_expr}) {op} ({ph(value)}, {ph(row_id)})"


async def _list(listing: Listing, actor: Actor, flt: ListFilter, sort: Sort, page: PageRequest) -> Page[Any]:
    """The page and the count; on PostgreSQL outside a transaction both at once, on two connections."""
    sqlite = _dialect() == "sqlite"
    size = page.size
    result: Page[Any] = Page(has_previous=page.after is not None)
    steps: list[Coroutine[Any, Any, None]] = []
    if page.with_count:
        steps.append(_fill_count(result, listing, actor, flt, sqlite))
    if page.with_rows and size > 0:
        steps.append(_fill_page(result, listing, actor, flt, sort, page, size, sqlite))
    elif page.with_rows:
        steps.append(_fill_has_next(result, listing, actor, flt, sort, page, sqlite))
    if len(steps) > 1 and reads_side_by_side():
        failures = [r for r in await asyncio.gather(*steps, return_exceptions=True) if r is not None]
        if failures:
            raise failures[0]
    else:
        for index, step in enumerate(steps):
            try:
                await step
            except BaseException:
                for left in steps[index + 1 :]:
                    left.close()  # never started: no "was never awaited" warning
                raise
    return result


def reads_side_by_side() -> bool:
    """True when statements may run side by side: PostgreSQL's pool, not a transaction's one connection."""
    client = connections.get("default")
    return client.capabilities.dialect == "postgres" and not isinstance(client, TransactionalDBClient)


async def _fill_count(
    result: Page[Any], listing: Listing, actor: Actor, flt: ListFilter, sqlite: bool
) -> None:
    counted = await _count(listing, actor, flt, sqlite)
    result.total_count_is_exact = counted <= COUNT_BOUND
    result.total_count = min(counted, COUNT_BOUND)


async def _fill_has_next(
    result: Page[Any],
    listing: Listing,
    actor: Actor,
    flt: ListFilter,
    sort: Sort,
    page: PageRequest,
    sqlite: bool,
) -> None:
    result.has_next = bool(await _fetch_page(listing, actor, flt, sort, page, 1, sqlite))


async def _count(listing: Listing, actor: Actor, flt: ListFilter, sqlite: bool) -> int:
    """The number of matching rows, counted up to COUNT_BOUND + 1 (more says "more than the bound")."""
    ph = Params("sqlite" if sqlite else "postgres")
    where = _visibility(actor, ph, counting=True) + _filters(listing, flt, ph)
    inner = f"SELECT 1 FROM {listing.from_sql}{_where(where)} LIMIT {int(COUNT_BOUND) + 1}"
    sql = f"SELECT COUNT(*) AS n FROM ({inner}) c"
    rows = await connections.get("default").execute_query_dict(sql, ph.values)
    return int(rows[0]["n"])


async def _fill_page(
    result: Page[Any],
    listing: Listing,
    actor: Actor,
    flt: ListFilter,
    sort: Sort,
    page: PageRequest,
    size: int,
    sqlite: bool,
) -> None:
    raw = await _fetch_page(listing, actor, flt, sort, page, size + 1, sqlite)
    result.has_next = len(raw) > size
    convert = _converter(listing)
    kept = raw[:size]
    result.rows.extend(convert(record) for record in kept)
    result.cursors = Cursors(sort.field, [(record["_sort"], record["id"]) for record in kept])


async def _fetch_page(
    listing: Listing, actor: Actor, flt: ListFilter, sort: Sort, page: PageRequest, limit: int, sqlite: bool
) -> Sequence[Any]:
    ph = Params("sqlite" if sqlite else "postgres")
    expr, kind, nullable = _sort_sql(listing, sort, sqlite)
    id_expr = f"{listing.alias}.id"
    direction, op = ("DESC", "<") if sort.descending else ("ASC", ">")
    cursor = decode_cursor(page.after, sort.field, kind, nullable, sqlite) if page.after else None
    select = f"SELECT {_select_list(listing)}, {expr} AS _sort FROM {listing.from_sql}"

    def where_of_list() -> list[str]:  # again for each block: SQLite's placeholders are positional
        return _visibility(actor, ph) + _filters(listing, flt, ph)

    if not nullable:
        where = where_of_list()
        if cursor is not None:
            where.append(_after(expr, id_expr, op, cursor.value, cursor.id, ph))
        sql = f"{select}{_where(where)} ORDER BY {expr} {direction}, {id_expr} {direction} LIMIT {int(limit)}"
    else:
        sql = _nullable_page(select, where_of_list, expr, id_expr, direction, op, cursor, limit, ph)
    return await _records(sql, ph.values)


async def _records(sql: str, values: list[Any]) -> Sequence[Any]:
    """The rows as the driver gives them (asyncpg records, sqlite3 rows): by position and by name."""
    _, records = await connections.get("default").execute_query(sql, values)
    return records


def _nullable_page(
    select: str,
    where_of_list: Callable[[], list[str]],
    expr: str,
    id_expr: str,
    direction: str,
    op: str,
    cursor: CursorValue | None,
    limit: int,
    ph: Params,
) -> str:
    """A page of a sort whose column may be empty: the block with values, then the empty block.

    Each block is read in the order of the (column, id) index and limited on its own; the
    outer sort only merges at most twice the page size.
    """
    blocks = []
    if cursor is None or cursor.value is not None:
        valued = [*where_of_list(), f"{expr} IS NOT NULL"]
        if cursor is not None:
            valued.append(_after(expr, id_expr, op, cursor.value, cursor.id, ph))
        order = f"{expr} {direction}, {id_expr} {direction}"
        blocks.append(f"SELECT * FROM ({select}{_where(valued)} ORDER BY {order} LIMIT {int(limit)}) v")
    empty = [*where_of_list(), f"{expr} IS NULL"]
    if cursor is not None and cursor.value is None:
        empty.append(f"{id_expr} {op} {ph(cursor.id)}")
    blocks.append(
        f"SELECT * FROM ({select}{_where(empty)} ORDER BY {id_expr} {direction} LIMIT {int(limit)}) e"
    )
    merged = " UNION ALL ".join(blocks)
    return (
        f"SELECT * FROM ({merged}) page"
        f" ORDER BY (_sort IS NULL), _sort {direction}, id {direction} LIMIT {int(limit)}"
    )


def _where(clauses: list[str]) -> str:
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""


async def _get(listing: Listing, actor: Actor, row_id: UUID) -> Any:
    ph = Params(_dialect())
    where = [f"{listing.alias}.id = {ph(row_id)}", *_visibility(actor, ph)]
    sql = f"SELECT {_select_list(listing)} FROM {listing.from_sql}{_where(where)}"
    rows = await _records(sql, ph.values)
    return _converter(listing)(rows[0]) if rows else None


_CONVERTERS: dict[type, Callable[[Sequence[Any]], Any]] = {}


def _converter(listing: Listing) -> Callable[[Sequence[Any]], Any]:
    """A record of `_select_list`'s columns (by position) → a row, with each model field's own
    conversion (JSON, UUID, enum, tz); text the driver gives as text is taken as it is."""
    found = _CONVERTERS.get(listing.row_type)
    if found is None:
        fields_map = listing.model._meta.fields_map
        steps = [_to_python(fields_map[name]) for name in column_names(listing.row_type)]
        found = _CONVERTERS[listing.row_type] = _compiled_converter(listing.row_type, steps)
    return found


def _compiled_converter(
    row_type: type, steps: list[Callable[[Any], Any] | None]
) -> Callable[[Sequence[Any]], Any]:
    """`row_type(step0(record[0]), record[1], ...)` written out once as a function: a loop over the
    steps zipped with the record cost twice as much per row (a table page makes 50 of them)."""
    names: dict[str, Any] = {"row_type": row_type}
    arguments = []
    for index, step in enumerate(steps):
        if step is None:
            arguments.append(f"record[{index}]")
        else:
            names[f"step{index}"] = step
            arguments.append(f"step{index}(record[{index}])")
    exec(f"def convert(record):\n    return row_type({', '.join(arguments)})\n", names)
    convert: Callable[[Sequence[Any]], Any] = names["convert"]
    return convert


def _to_python(field: Any) -> Callable[[Any], Any] | None:
    """The field's own conversion, with a shortcut for the values PostgreSQL's driver already types.

    Tortoise looks up its time-zone settings for every date-time and goes through the enum's
    metaclass for every status: at 50 rows a page that was most of turning rows into objects.
    """
    convert: Callable[[Any], Any] = field.to_python_value
    if isinstance(field, DatetimeField):
        zone = timezone.get_default_timezone() if timezone.get_use_tz() else None
        if zone is not None and zone.utcoffset(None) == ZERO and str(zone) == "UTC":
            # PostgreSQL's driver gives moments in UTC already: kept as they are, they compare and
            # format (`+00:00`) as the zone's own would, without a new object for every value.
            return lambda value: value if type(value) is datetime and value.tzinfo is UTC else convert(value)
        if zone is not None:
            return lambda value: (
                value.astimezone(zone) if isinstance(value, datetime) and value.tzinfo else convert(value)
            )
    elif isinstance(field, JSONField):
        decode = field.decoder
        empty: dict[str, Callable[[], Any]] = {"[]": list, "{}": dict}  # most rows' tags and data

        def decode_json(value: Any) -> Any:
            if type(value) is not str:
                return convert(value)
            make_empty = empty.get(value)
            return make_empty() if make_empty is not None else decode(value)

        return decode_json
    elif isinstance(field, CharEnumFieldInstance):
        members = field.enum_type._value2member_map_
        return lambda value: members.get(value) or convert(value)
    elif type(field) in (CharField, TextField):
        return None  # both drivers give text as `str`: the field's conversion would return it as it is
    return convert
