"""The Jinja2 environment of the pages: autoescape always on, formatting filters, one render function.

Everything that comes from orders, users or flows is text: templates never mark user data
`|safe`. The only markup made in Python is the flow diagram, built from escaped parts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import jinja2
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from server import settings
from server.domain.actors import shown_actor
from server.domain.statuses import OrderStatus
from server.sessions import csrf_token
from web.tables import PAGE_SIZES

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
HTMX = "htmx-2.0.11.min.js"
HTMX_SSE = "htmx-ext-sse-2.2.4.js"
ACE = "ace-builds-1.45.2"  # the prebuilt npm package's src-min-noconflict files: ace.js, mode-json.js


def money(value: Decimal | float | int | None) -> str:
    if value is None:
        return ""
    return f"€ {Decimal(value):,.2f}"


def when(value: datetime | None) -> str:
    """A moment as `2026-05-01 14:03` in UTC."""
    if value is None:
        return ""
    moment = value if value.tzinfo is None else value.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M")


OPEN = (OrderStatus.CREATED, OrderStatus.IN_PROGRESS, OrderStatus.UNHEALTHY)
OPEN_STATUSES = frozenset(status.value for status in OPEN)
DUE_SOON = timedelta(hours=24)
RELATIVE_LIMIT = timedelta(days=30)  # further away, a date says more than "45 d ago"
_RELATIVE_SECONDS = RELATIVE_LIMIT.total_seconds()


def iso(value: datetime | None) -> str:
    """The exact moment in ISO 8601, UTC, to the second: `2026-05-01T14:03:00Z`."""
    if value is None:
        return ""
    if value.tzinfo is not None and value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    # isoformat, cut before any offset: far cheaper than strftime or a `replace` first
    return value.isoformat(timespec="seconds")[:19] + "Z"


def ago(value: datetime | None, now: datetime | None = None) -> str:
    """How far `value` is from now, as people say it: `just now`, `5 min ago`, `3 h ago`, `in 2 d`;
    the day (`2026-05-01`) when it is more than 30 days away."""
    if value is None:
        return ""
    moment = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    seconds = (moment - (now or datetime.now(UTC))).total_seconds()
    span = abs(seconds)
    if span >= _RELATIVE_SECONDS:
        return moment.astimezone(UTC).date().isoformat()
    if span < 60:
        return "just now"
    if span < 3600:
        amount = f"{int(span // 60)} min"
    elif span < 2 * 86400:
        amount = f"{int(span // 3600)} h"
    else:
        amount = f"{int(span // 86400)} d"
    return f"in {amount}" if seconds > 0 else f"{amount} ago"


def deadline_state(deadline: datetime | None, status: str | None, now: datetime | None = None) -> str:
    """`overdue` or `due-soon` (within 24 h) for a deadline of an order still open; else ""."""
    if deadline is None or str(status) not in OPEN_STATUSES:
        return ""
    moment = deadline.replace(tzinfo=UTC) if deadline.tzinfo is None else deadline
    left = moment - (now or datetime.now(UTC))
    if left <= timedelta(0):
        return "overdue"
    return "due-soon" if left <= DUE_SOON else ""


def when_seconds(value: datetime | None) -> str:
    """A moment as `2026-05-01 14:03:07` in UTC (attempts a few seconds apart stay apart)."""
    if value is None:
        return ""
    moment = value if value.tzinfo is None else value.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def json_text(value: str) -> str:
    """A JSON text indented for reading, its keys in the order sent; other text as it is."""
    try:
        return json.dumps(json.loads(value), indent=2, ensure_ascii=False)
    except ValueError:
        return value


def day(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d")


def status_label(value: str | None) -> str:
    if not value:
        return ""
    try:
        return OrderStatus(value).label
    except ValueError:
        return str(value).replace("_", " ").capitalize()


def pretty_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True, default=str)


def scalar(value: Any) -> str:
    """A configuration value as short text: strings bare, everything else as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def safe_url(value: str | None) -> str:
    """Links from order data only when they are http(s) or a path of this site: never `javascript:`."""
    text = (value or "").strip()
    if text.startswith("/") and not text.startswith(("//", "/\\")):
        return text
    return text if text.lower().startswith(("https://", "http://")) else ""


def who(actor: str | None) -> str:
    """`user:ada@example.com` → `ada@example.com`; `key:ffk_Ab12` → `key ffk_Ab12`; `system` → `Fabflow`."""
    return shown_actor(actor)


# ---------------------------------------------------------------- table rows
# A table's rows are made here rather than by template macros: a macro call per cell was most of
# a table page's rendering time. The markup is the one the tables and their live updates share;
# text is escaped as Jinja's autoescape does.

_SPECIAL = re.compile(r"[&<>'\"]")
_FLAGS = {
    "overdue": ' <span class="flag flag-overdue">Overdue</span>',
    "due-soon": ' <span class="flag flag-due-soon">Due within 24 h</span>',
}


def _esc(value: Any) -> str:
    """`value` as HTML text (`&<>'"` escaped like `markupsafe.escape`); UUIDs and numbers need none."""
    text = value if type(value) is str else str(value)
    if _SPECIAL.search(text) is None:
        return text
    return str(escape(text))


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_NAIVE_EPOCH = datetime(1970, 1, 1)
_TWO_DIGITS = [f"{n:02d}" for n in range(60)]
_DAYS: dict[int, str] = {}  # days since 1970 → `2026-05-01`: a page's moments share a few days
_MINUTE = 60_000_000  # microseconds
_HOUR, _DAY = 60 * _MINUTE, 24 * 60 * _MINUTE
_RELATIVE_MICROSECONDS = 30 * _DAY  # `RELATIVE_LIMIT`
_DUE_SOON = 24 * _HOUR  # `DUE_SOON`


def _day_text(days: int) -> str:
    text = _DAYS.get(days)
    if text is None:
        if len(_DAYS) >= 4096:
            _DAYS.clear()
        text = _DAYS[days] = (_EPOCH + timedelta(days=days)).date().isoformat()
    return text


def _microseconds(since_epoch: timedelta) -> int:
    return (since_epoch.days * 86400 + since_epoch.seconds) * 1_000_000 + since_epoch.microseconds


_last_now: tuple[datetime | None, int] = (None, 0)  # a page's `now`, its microseconds since 1970


def _now_microseconds(now: datetime) -> int:
    global _last_now
    last = _last_now
    if last[0] is now:
        return last[1]
    _last_now = (now, _microseconds(now - _EPOCH))
    return _last_now[1]


def _timed(value: datetime, now: datetime) -> tuple[str, int]:
    """`<time>` with the exact moment (`iso`) and how far it is from `now` (`ago`), and how many
    microseconds it is ahead of `now`: the same text as `iso` and `ago`, made with integers at a
    fraction of their cost (a table page has two of these per row)."""
    since = value - (_NAIVE_EPOCH if value.tzinfo is None else _EPOCH)  # naive moments are UTC
    days, in_day = since.days, since.seconds
    hours, seconds = divmod(in_day, 3600)
    minutes, seconds = divmod(seconds, 60)
    day_text = _DAYS.get(days) or _day_text(days)
    exact = f"{day_text}T{_TWO_DIGITS[hours]}:{_TWO_DIGITS[minutes]}:{_TWO_DIGITS[seconds]}Z"
    last_now, now_microseconds = _last_now
    if last_now is not now:
        now_microseconds = _now_microseconds(now)
    ahead = (days * 86400 + in_day) * 1_000_000 + since.microseconds - now_microseconds  # `_microseconds`
    span = -ahead if ahead < 0 else ahead
    if span >= _RELATIVE_MICROSECONDS:
        said = day_text
    elif span < _MINUTE:
        said = "just now"
    else:
        if span < _HOUR:
            amount = f"{span // _MINUTE} min"
        elif span < 2 * _DAY:
            amount = f"{span // _HOUR} h"
        else:
            amount = f"{span // _DAY} d"
        said = f"in {amount}" if ahead > 0 else f"{amount} ago"
    return f'<time datetime="{exact}" title="{exact}">{said}</time>', ahead


def _badge(value: Any) -> str:
    return f'<span class="badge status-{_esc(str(value).lower())}">{_esc(status_label(value))}</span>'


# An order status (a str enum) finds its badge by its value.
_BADGES = {status.value: _badge(status) for status in OrderStatus}

# A cell: (row, its escaped id, the user's tags, now) → the whole `<td>`.
Cell = Callable[[Any, str, Any, datetime], str]
RowMaker = Callable[[Any, Any, datetime, bool, bool], str]


def _cell_maker(table: Any, column: Any) -> Cell:
    """The cell of `column`, its kind decided once for the whole page rather than once per cell."""
    get, kind, opening = column.get, column.kind, f'<td class="col-{column.key}">'
    if kind == "link":
        path, with_thumbnail = table.path, table.name == "orders"

        def link(row: Any, row_id: str, mine: Any, now: datetime) -> str:
            anchor = f'<a href="{path}/{row_id}">{_esc(get(row) or "(no name)")}</a>'
            if not with_thumbnail:
                return f"{opening}{anchor}</td>"
            thumbnail = table.row_thumbnail(row)
            src = safe_url(thumbnail) if thumbnail else ""
            thumb = (
                f'<img class="thumb-small" src="{_esc(src)}" alt="" loading="lazy" width="28" height="28">'
                if src
                else '<span class="thumb-small" aria-hidden="true"></span>'
            )
            return f'{opening}<span class="with-thumb">{thumb}{anchor}</span></td>'

        return link
    if kind == "status":

        def badge(row: Any, row_id: str, mine: Any, now: datetime) -> str:
            value = get(row)
            return f"{opening}{_BADGES.get(value) or _badge(value)}</td>"

        return badge
    if kind == "money":

        def amount(row: Any, row_id: str, mine: Any, now: datetime) -> str:
            value = get(row)
            shown = f"€ {value:,.2f}" if type(value) is Decimal else money(value)  # `money`
            return f'{opening}<span class="num">{shown}</span></td>'

        return amount
    if kind == "deadline":
        of_order = table.name == "orders"

        def deadline(row: Any, row_id: str, mine: Any, now: datetime) -> str:
            value = get(row)
            if not value:
                return f"{opening}</td>"
            shown, ahead = _timed(value, now)
            owner = row if of_order else getattr(row, "order", None)
            flag = ""  # `deadline_state`, from the microseconds `_timed` found
            if owner and str(owner.status) in OPEN_STATUSES:
                flag = _FLAGS["overdue"] if ahead <= 0 else _FLAGS["due-soon"] if ahead <= _DUE_SOON else ""
            return f"{opening}{shown}{flag}</td>"

        return deadline
    if kind == "when":

        def moment(row: Any, row_id: str, mine: Any, now: datetime) -> str:
            value = get(row)
            return f"{opening}{_timed(value, now)[0]}</td>" if value else f"{opening}</td>"

        return moment
    if kind == "tags":

        def tags(row: Any, row_id: str, mine: Any, now: datetime) -> str:
            value = get(row)
            if not value:
                return f"{opening}</td>"
            shown = "".join(
                [f'<span class="tag{" tag-mine" if tag in mine else ""}">{_esc(tag)}</span>' for tag in value]
            )
            return f"{opening}{shown}</td>"

        return tags
    if kind == "id":
        return lambda row, row_id, mine, now: f'{opening}<code class="id">{_esc(get(row))}</code></td>'
    return lambda row, row_id, mine, now: f"{opening}{_esc(get(row))}</td>"


_ROW_MAKERS: dict[tuple[Any, tuple[Any, ...]], RowMaker] = {}


def _row_maker(table: Any, columns: Any) -> RowMaker:
    """The rows of `table` in `columns`, made once per table and columns shown."""
    key = (table, tuple(columns))
    found = _ROW_MAKERS.get(key)
    if found is not None:
        return found
    cells = [_cell_maker(table, column) for column in columns]
    name, singular = table.name, table.name[:-1]
    label_of = table.label_column.get  # `Table.row_label`, its column found once

    def make(row: Any, mine: Any, now: datetime, oob: bool = False, fresh: bool = False) -> str:
        attributes = ""
        if mine or fresh or oob:  # most rows: none of these
            classes = []
            if mine and any(tag in mine for tag in table.row_tags(row)):
                classes.append("mine")
            if fresh:
                classes.append("fresh")
            attributes = f' class="{" ".join(classes)}"' if classes else ""
            attributes += ' hx-swap-oob="outerHTML"' if oob else ""
        row_id = str(row.id) if isinstance(row.id, UUID) else _esc(row.id)
        shown = "".join([cell(row, row_id, mine, now) for cell in cells])
        return (
            f'<tr id="{name}-{row_id}"{attributes}>\n'
            f'  <td class="select"><input type="checkbox" name="id" value="{row_id}"'
            f' aria-label="Select {singular} {_esc(str(label_of(row) or "(no name)"))}"></td>\n'
            f"  {shown}\n</tr>"
        )

    if len(_ROW_MAKERS) >= 64:  # a few tables times the column sets users choose
        _ROW_MAKERS.clear()
    _ROW_MAKERS[key] = make
    return make


def table_row(
    table: Any, columns: Any, row: Any, mine: Any, oob: bool = False, fresh: bool = False
) -> Markup:
    """One `<tr>` of a table (`web.tables.Table`): a checkbox, then the cells of `columns`.

    `mine` (the user's tags) highlights the row and its tags; `oob` makes it an htmx
    out-of-band swap (a live update), `fresh` marks a row that just arrived.
    """
    return Markup(_row_maker(table, columns)(row, mine or (), datetime.now(UTC), oob, fresh))


def table_rows(table: Any, columns: Any, rows: Any, mine: Any) -> Markup:
    """The `<tr>`s of a page, each followed by a newline: `table_row` of every row, at one moment."""
    make, now, mine = _row_maker(table, columns), datetime.now(UTC), mine or ()
    return Markup("".join([make(row, mine, now, False, False) + "\n" for row in rows]))


# ---------------------------------------------------------------- table pieces
# A table's column titles and its page sizes are links to the same view sorted or sized
# otherwise: they depend on the table, its columns and the view's filters, sort and size, never
# on the page shown or on the user. Each is rendered once per view and kept, so paging through a
# view or reloading it renders only the rest.

MAX_PIECES = 512
_PIECES: dict[tuple[str, str, tuple[str, ...], str], Markup] = {}


def table_piece(name: str, table: Any, columns: Any, state: Any) -> Markup:
    """The template `name` (`_table_head.html`, `_table_sizes.html`) of `table` in `columns`, for
    the view of `state` (its query string without the page is the key)."""
    key = (name, table.name, tuple([column.key for column in columns]), state.query())
    piece = _PIECES.get(key)
    if piece is None:
        context = {"table": table, "columns": columns, "state": state, "page_sizes": PAGE_SIZES}
        piece = Markup(render_text(name, context))
        if len(_PIECES) >= MAX_PIECES or settings.DEBUG:  # while debugging, templates change
            _PIECES.clear()
        _PIECES[key] = piece
    return piece


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=settings.DEBUG,  # otherwise every render looks at the template file's time
    )
    env.filters.update(
        money=money,
        when=when,
        when_seconds=when_seconds,
        json_text=json_text,
        day=day,
        status_label=status_label,
        pretty_json=pretty_json,
        scalar=scalar,
        safe_url=safe_url,
        who=who,
        iso=iso,
        ago=ago,
    )
    env.globals.update(deadline_state=deadline_state, table_row=table_row, table_rows=table_rows)
    env.globals.update(table_piece=table_piece)
    env.globals.update(htmx=HTMX, htmx_sse=HTMX_SSE, ace=ACE, statuses=list(OrderStatus))
    return env


ENV = _environment()


def render_text(name: str, context: dict[str, Any]) -> str:
    return ENV.get_template(name).render(context)


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """A page or partial, with the request, the signed-in user and the CSRF token in its context."""
    return page_response(page_text(request, name, context), status_code)


def page_text(request: Request, name: str, context: dict[str, Any] | None = None) -> str:
    """What `render` answers with, as text."""
    full = {
        "request": request,
        "user": getattr(request.state, "user", None),
        "csrf": csrf_token(request.session) if "session" in request.scope else "",
        **(context or {}),
    }
    return render_text(name, full)


def page_response(text: str | bytes, status_code: int = 200) -> HTMLResponse:
    """The page as an HTML response; `bytes` are its UTF-8 text, already encoded."""
    response = HTMLResponse(text, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    return response


def is_partial(request: Request) -> bool:
    """True for htmx requests that want the fragment, not history restores that need the whole page."""
    return request.headers.get("HX-Request") == "true" and "HX-History-Restore-Request" not in request.headers
