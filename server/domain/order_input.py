"""The create-order JSON (DESIGN §3) → a checked, normalised `OrderInput`, or every problem with it.

`parse_order_input` takes the order bare or wrapped as `{"order": {...}}` and checks all of it before
saying no: each `Problem` names its field by path (`orderLines[2].items[0].assets[1].url`) and says what
is wrong in a sentence. Nothing here raises on bad input, whatever its shape.

What counts as valid:
- Required: `spaceKey`, `thirdPartyOrderId`, `orderLines` (at least one); per line `title`, `deadline`,
  `amountOfUnits` (whole, ≥ 1), `valuePerUnit` (≥ 0, at most two decimals, number or string); per item
  `id`; per asset `id` and `url`; per version `url` and `date`; per address `addressType`.
- Optional, `null` meaning absent: `flowKey`, `updateUrl`, `orderId`, `purpose`, every `data` (an
  object), `tags`, `items`, `assets`, `versions`, `addresses` (lists), `isAsset`, `isPublic` (false).
- The order's `tags`: at most 50, each a non-empty text of at most 100 characters, kept trimmed and
  lower-cased (as users' tags are), each once; a part's `tags` alike, without the cap. Part of the
  content: the same id with other tags is another order (a conflict).
- Beyond the documented format, assets may also sit on the order and on an order line (`assets`, for
  files of the whole order or product), and an asset may give its `name` and `kind`
  (production, preview, other); both are otherwise taken from the URL's file name.
- Unknown keys are refused, with the nearest known key as a suggestion: a misspelt optional key would
  otherwise be dropped without a word (`updateURL` → no status updates ever). Free-form values belong
  in `data`.
- URLs are absolute http(s); dates ISO 8601, normalised to UTC (no time zone means UTC); item ids are
  unique within their order line (at any depth), asset ids within their owner.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from server.domain.json_values import (
    BadValue,
    flag,
    http_url,
    iso,
    json_object,
    kind_of,
    money,
    quoted,
    text,
    timestamp,
    whole_number,
)
from server.domain.jsonpos import loads
from server.domain.search_text import customer_words, search_words
from server.domain.statuses import AssetKind

T = TypeVar("T")
Json = dict[str, Any]

MAX_PART_DEPTH = 16  # items nested in items
MAX_UNITS = 1_000_000
MAX_MONEY = Decimal("1000000000000")  # what fits the stored value: 14 digits, 2 after the point
ID_LENGTH = 200
KEY_LENGTH = 100
NAME_LENGTH = 500
TAG_LENGTH = 100

PRODUCTION_EXTENSIONS = frozenset({"stl", "obj", "3mf", "amf", "ply", "step", "stp", "gcode", "zip"})
PREVIEW_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "webp", "svg", "avif"})

ORDER_FIELDS = (
    "spaceKey", "flowKey", "thirdPartyOrderId", "updateUrl", "tags", "addresses", "data", "orderLines",
    "assets",
)  # fmt: skip
MAX_ORDER_TAGS = 50
ADDRESS_FIELDS = ("addressType", "purpose", "data")
LINE_FIELDS = ("orderId", "title", "data", "deadline", "amountOfUnits", "valuePerUnit", "items", "assets")
ITEM_FIELDS = ("id", "data", "tags", "isAsset", "items", "assets")
ASSET_FIELDS = ("id", "url", "isPublic", "versions", "name", "kind")
VERSION_FIELDS = ("url", "date")

# The readers of values, made once.
_KEY_TEXT = text(KEY_LENGTH)
_KEY_TEXT_OR_EMPTY = text(KEY_LENGTH, allow_empty=True)
_ID_TEXT = text(ID_LENGTH)
_NAME_TEXT = text(NAME_LENGTH)
_TAG_TEXT = text(TAG_LENGTH)
_UNITS = whole_number(1, MAX_UNITS)
_MONEY = money(MAX_MONEY)


# --- results ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (`orderLines[0].title`, "" for the whole body), and what."""

    path: str
    message: str
    code: str = "invalid"  # required, null, unknown_field, duplicate, invalid_json, invalid


@dataclass(frozen=True)
class InvalidInput:
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class VersionInput:
    url: str
    date: datetime

    def to_json(self) -> Json:
        return {"url": self.url, "date": iso(self.date)}


@dataclass(frozen=True)
class AssetInput:
    client_id: str
    url: str
    name: str
    kind: AssetKind
    is_public: bool = False
    versions: tuple[VersionInput, ...] = ()

    @property
    def current_url(self) -> str:
        """The URL of the newest version (latest date, the later one on a tie), else the asset's own."""
        if not self.versions:
            return self.url
        return max(enumerate(self.versions), key=lambda pair: (pair[1].date, pair[0]))[1].url

    def to_json(self) -> Json:
        return {
            "id": self.client_id,
            "url": self.url,
            "name": self.name,
            "kind": self.kind.value,
            "isPublic": self.is_public,
            "versions": [version.to_json() for version in self.versions],
        }


@dataclass(frozen=True)
class ItemInput:
    """A part: an item of an order line, with its own items (child parts) and assets."""

    client_id: str
    data: Json = field(default_factory=dict)
    tags: tuple[str, ...] = ()  # trimmed, lower-case, each once, in the order given
    is_asset: bool = False
    items: tuple[ItemInput, ...] = ()
    assets: tuple[AssetInput, ...] = ()

    @property
    def name(self) -> str:
        """`data.name` when it is a non-empty string, else the client id."""
        given = self.data.get("name")
        name = given.strip() if isinstance(given, str) and given.strip() else self.client_id
        return name[:NAME_LENGTH]

    def walk(self) -> Iterable[ItemInput]:
        """This item and all items under it, depth first."""
        yield self
        for child in self.items:
            yield from child.walk()

    def to_json(self) -> Json:
        return {
            "id": self.client_id,
            "data": self.data,
            "tags": list(self.tags),
            "isAsset": self.is_asset,
            "items": [item.to_json() for item in self.items],
            "assets": [asset.to_json() for asset in self.assets],
        }


@dataclass(frozen=True)
class LineInput:
    """An order line: one product."""

    title: str
    deadline: datetime | None  # always given at intake; None only for products stored otherwise
    amount_of_units: int
    value_per_unit: Decimal
    client_id: str | None = None  # the line's `orderId`
    data: Json = field(default_factory=dict)
    items: tuple[ItemInput, ...] = ()
    assets: tuple[AssetInput, ...] = ()

    @property
    def thumbnail_url(self) -> str | None:
        """The current URL of the product's first preview image, or of its parts' (depth first)."""
        parts = (item for top in self.items for item in top.walk())
        return preview_url(self.assets) or next(filter(None, (preview_url(p.assets) for p in parts)), None)

    def to_json(self) -> Json:
        rendered: Json = {"orderId": self.client_id} if self.client_id is not None else {}
        rendered.update(
            title=self.title,
            data=self.data,
            deadline=iso(self.deadline) if self.deadline is not None else None,
            amountOfUnits=self.amount_of_units,
            valuePerUnit=float(self.value_per_unit),  # a JSON number, as the format has it; exact to the cent
            items=[item.to_json() for item in self.items],
            assets=[asset.to_json() for asset in self.assets],
        )
        return rendered


@dataclass(frozen=True)
class AddressInput:
    address_type: str
    purpose: str = ""
    data: Json = field(default_factory=dict)

    def to_json(self) -> Json:
        return {"addressType": self.address_type, "purpose": self.purpose, "data": self.data}


@dataclass(frozen=True)
class OrderInput:
    """A valid order, normalised: defaults filled in, dates in UTC, amounts as `Decimal` cents.

    Its `data` objects are those of the body it was read from, not copies.
    """

    space_key: str
    name: str  # the client's thirdPartyOrderId
    lines: tuple[LineInput, ...]
    flow_key: str | None = None
    update_url: str | None = None
    addresses: tuple[AddressInput, ...] = ()
    data: Json = field(default_factory=dict)
    assets: tuple[AssetInput, ...] = ()
    tags: tuple[str, ...] = ()  # trimmed, lower-case, each once, in the order given

    @property
    def value(self) -> Decimal:
        """Σ units × value per unit."""
        return sum((line.amount_of_units * line.value_per_unit for line in self.lines), Decimal("0.00"))

    @property
    def deadline(self) -> datetime | None:
        """The earliest deadline of its products."""
        return min((line.deadline for line in self.lines if line.deadline is not None), default=None)

    @property
    def thumbnail_url(self) -> str | None:
        """The current URL of its first preview image: the order's own, else its first product's."""
        return preview_url(self.assets) or next(
            filter(None, (line.thumbnail_url for line in self.lines)), None
        )

    @property
    def search_text(self) -> str:
        """Lower-cased names and client ids of the order, its products and parts, and the
        customer's name, e-mail and company (`data.customerInfo`, the addresses), one per line."""
        words = [self.name]
        for line in self.lines:
            words += [line.title, line.client_id or ""]
            for top in line.items:
                words += [word for item in top.walk() for word in (item.name, item.client_id)]
        words += customer_words(self.data, (address.data for address in self.addresses))
        return search_words(words)

    def to_json(self) -> Json:
        """The order in the connector format (bare, without the `{"order": …}` wrapper)."""
        rendered: Json = {"spaceKey": self.space_key}
        if self.flow_key is not None:
            rendered["flowKey"] = self.flow_key
        rendered["thirdPartyOrderId"] = self.name
        if self.update_url is not None:
            rendered["updateUrl"] = self.update_url
        if self.tags:  # only when there are: an order sent before tags existed keeps its hash
            rendered["tags"] = list(self.tags)
        rendered.update(
            addresses=[address.to_json() for address in self.addresses],
            data=self.data,
            orderLines=[line.to_json() for line in self.lines],
            assets=[asset.to_json() for asset in self.assets],
        )
        return rendered


# --- entry points -------------------------------------------------------------------------------------


def parse_order_input(body: object) -> OrderInput | InvalidInput:
    """The order of a create-order body (bare or as `{"order": …}`), or all its problems."""
    check = _Check()
    raw = _unwrap(check, body)
    order = _order(check, raw) if raw is not None else None
    if order is None or check.problems:
        return InvalidInput(tuple(check.problems))
    return order


def load_json_text(text: str | bytes) -> object | InvalidInput:
    """The JSON value of a request body, or a problem naming the line and column where it breaks."""
    value, error = loads(text)
    if error is not None:
        return InvalidInput((Problem("", error.message, "invalid_json"),))
    return value


def canonical_json(value: object) -> str:
    """Sorted keys, no spaces, UTF-8 as is: equal values give equal text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def intake_hash(order: OrderInput) -> str:
    """SHA-256 of the canonical JSON of the normalised order: equal for resent orders, however written."""
    return hashlib.sha256(canonical_json(order.to_json()).encode("utf-8")).hexdigest()


# --- the checker --------------------------------------------------------------------------------------


class _Check:
    """Collects problems while the parse goes on; readers return a placeholder where a value was bad."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str, code: str = "invalid") -> None:
        self.problems.append(Problem(path, message, code))

    def value(
        self, obj: Json, key: str, path: str, read: Callable[[object], T], default: T, required: bool = False
    ) -> T:
        """`read(obj[key])`; a missing or null value is `default`, or a problem when `required`."""
        raw = obj.get(key)
        if raw is None:
            if required:
                message = "is required" + (" and may not be null" if key in obj else "")
                self.add(_join(path, key), message, "required")
            return default
        try:
            return read(raw)
        except BadValue as bad:
            self.add(_join(path, key), bad.message, bad.code)
            return default

    def obj(self, value: object, path: str, what: str, known: tuple[str, ...]) -> Json | None:
        """`value` when it is an object; unknown keys become problems (it is still returned)."""
        if not isinstance(value, dict):
            self._not_an_object(value, path, what)
            return None
        for key in value:
            if key not in known:
                self.add(_join(path, str(key)), _unknown_key(str(key), what, known), "unknown_field")
        return value

    def _not_an_object(self, value: object, path: str, what: str) -> None:
        if value is None:
            self.add(path, f"is null; {what} must be an object", "null")
        else:
            self.add(path, f"must be {what} (an object), not {kind_of(value)}")

    def elements(self, obj: Json, key: str, path: str, required: bool = False) -> list[tuple[object, str]]:
        """The elements of the list `obj[key]` with their paths; [] (and a problem) when it is no list."""
        where = _join(path, key)
        raw = obj.get(key)
        if raw is None:
            if required:
                self.add(where, "is required", "required")
            return []
        if not isinstance(raw, list):
            self.add(where, f"must be a list, not {kind_of(raw)}")
            return []
        return [(element, f"{where}[{index}]") for index, element in enumerate(raw)]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _unknown_key(key: str, what: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6) or [
        name for name in known if name.lower() == key.lower()
    ]
    hint = f"; did you mean '{close[0]}'?" if close else f"; {what} has {', '.join(known)}"
    return f"is not a field of {what}{hint}"


def _unwrap(check: _Check, body: object) -> Json | None:
    """The order object of a bare or wrapped body; paths stay relative to the order either way."""
    if isinstance(body, dict) and "order" in body and "spaceKey" not in body:
        for key in body:
            if key != "order":
                check.add(str(key), "is not expected next to 'order'", "unknown_field")
        body = body["order"]
        if not isinstance(body, dict):
            check.add("order", f"must be an object, not {kind_of(body)}")
            return None
    if not isinstance(body, dict):
        check.add("", f"The order must be a JSON object, not {kind_of(body)}.")
        return None
    return check.obj(body, "", "an order", ORDER_FIELDS)


# --- the levels of the tree ---------------------------------------------------------------------------


def _order(check: _Check, raw: Json) -> OrderInput:
    # Keyword arguments in the order of the format, so problems come in the order of the document.
    order = OrderInput(
        space_key=check.value(raw, "spaceKey", "", _KEY_TEXT, "", required=True),
        flow_key=check.value(raw, "flowKey", "", _KEY_TEXT, None),
        name=check.value(raw, "thirdPartyOrderId", "", _ID_TEXT, "", required=True),
        update_url=check.value(raw, "updateUrl", "", http_url, None),
        tags=_order_tags(check, raw),
        addresses=_present(_address(check, e, p) for e, p in check.elements(raw, "addresses", "")),
        data=check.value(raw, "data", "", json_object, {}),
        lines=_lines(check, raw),
        assets=_assets(check, raw, ""),
    )
    if order.lines and order.value >= MAX_MONEY:
        check.add("orderLines", f"add up to a value of {order.value}, more than Fabflow stores")
    return order


def _lines(check: _Check, raw: Json) -> tuple[LineInput, ...]:
    elements = check.elements(raw, "orderLines", "", required=True)
    if not elements and isinstance(raw.get("orderLines"), list):
        check.add("orderLines", "must hold at least one order line", "required")
    return _present(_line(check, element, path) for element, path in elements)


def _address(check: _Check, element: object, path: str) -> AddressInput | None:
    raw = check.obj(element, path, "an address", ADDRESS_FIELDS)
    if raw is None:
        return None
    return AddressInput(
        address_type=check.value(raw, "addressType", path, _KEY_TEXT, "", required=True),
        purpose=check.value(raw, "purpose", path, _KEY_TEXT_OR_EMPTY, ""),
        data=check.value(raw, "data", path, json_object, {}),
    )


def _line(check: _Check, element: object, path: str) -> LineInput | None:
    raw = check.obj(element, path, "an order line", LINE_FIELDS)
    if raw is None:
        return None
    seen: dict[str, str] = {}  # item id → path of the item that has it, over the whole line
    return LineInput(
        client_id=check.value(raw, "orderId", path, _ID_TEXT, None),
        title=check.value(raw, "title", path, _NAME_TEXT, "", required=True),
        data=check.value(raw, "data", path, json_object, {}),
        deadline=check.value(raw, "deadline", path, timestamp, _NO_DATE, required=True),
        amount_of_units=check.value(raw, "amountOfUnits", path, _UNITS, 1, required=True),
        value_per_unit=check.value(raw, "valuePerUnit", path, _MONEY, Decimal(0), required=True),
        items=_present(_item(check, e, p, 1, seen) for e, p in check.elements(raw, "items", path)),
        assets=_assets(check, raw, path),
    )


_NO_DATE = datetime.fromisoformat("2000-01-01T00:00:00+00:00")  # a placeholder; never in a valid result


def _item(check: _Check, element: object, path: str, depth: int, seen: dict[str, str]) -> ItemInput | None:
    raw = check.obj(element, path, "an item", ITEM_FIELDS)
    if raw is None:
        return None
    client_id = check.value(raw, "id", path, _ID_TEXT, "", required=True)
    _unique(check, client_id, path, seen)
    children = check.elements(raw, "items", path)
    if children and depth >= MAX_PART_DEPTH:
        check.add(_join(path, "items"), f"nest deeper than {MAX_PART_DEPTH} levels")
        children = []
    return ItemInput(
        client_id=client_id,
        data=check.value(raw, "data", path, json_object, {}),
        tags=_tags(check, raw, path),
        is_asset=check.value(raw, "isAsset", path, flag, False),
        items=_present(_item(check, e, p, depth + 1, seen) for e, p in children),
        assets=_assets(check, raw, path),
    )


def _assets(check: _Check, owner: Json, path: str) -> tuple[AssetInput, ...]:
    seen: dict[str, str] = {}  # asset id → path of the asset that has it, within this owner
    return _present(_asset(check, e, p, seen) for e, p in check.elements(owner, "assets", path))


def _asset(check: _Check, element: object, path: str, seen: dict[str, str]) -> AssetInput | None:
    raw = check.obj(element, path, "an asset", ASSET_FIELDS)
    if raw is None:
        return None
    client_id = check.value(raw, "id", path, _ID_TEXT, "", required=True)
    _unique(check, client_id, path, seen)
    url = check.value(raw, "url", path, http_url, "", required=True)
    file_name = _file_name(url)
    return AssetInput(
        client_id=client_id,
        url=url,
        name=check.value(raw, "name", path, _NAME_TEXT, None) or file_name or client_id,
        kind=check.value(raw, "kind", path, _asset_kind, None) or kind_of_file(file_name),
        is_public=check.value(raw, "isPublic", path, flag, False),
        versions=_present(_version(check, e, p) for e, p in check.elements(raw, "versions", path)),
    )


def _version(check: _Check, element: object, path: str) -> VersionInput | None:
    raw = check.obj(element, path, "an asset version", VERSION_FIELDS)
    if raw is None:
        return None
    return VersionInput(
        url=check.value(raw, "url", path, http_url, "", required=True),
        date=check.value(raw, "date", path, timestamp, _NO_DATE, required=True),
    )


# --- small readers ------------------------------------------------------------------------------------


def _present(elements: Iterable[T | None]) -> tuple[T, ...]:
    return tuple(element for element in elements if element is not None)


def _unique(check: _Check, client_id: str, owner_path: str, seen: dict[str, str]) -> None:
    """A problem at `owner_path`.id when another owner in `seen` has `client_id` already."""
    if not client_id:
        return
    if client_id in seen:
        message = f"{quoted(client_id)} is already the id of {seen[client_id]}"
        check.add(_join(owner_path, "id"), message, "duplicate")
    else:
        seen[client_id] = owner_path


def _tags(check: _Check, raw: Json, path: str) -> tuple[str, ...]:
    """A part's tags, normalised as the order's are (`_clean_tags`)."""
    return _clean_tags(check, check.elements(raw, "tags", path))


def _order_tags(check: _Check, raw: Json) -> tuple[str, ...]:
    """The order's tags: at most `MAX_ORDER_TAGS`, normalised by `_clean_tags`."""
    elements = check.elements(raw, "tags", "")
    if len(elements) > MAX_ORDER_TAGS:
        check.add("tags", f"has {len(elements)} tags; an order has at most {MAX_ORDER_TAGS}")
        return ()
    return _clean_tags(check, elements)


def _clean_tags(check: _Check, elements: list[tuple[object, str]]) -> tuple[str, ...]:
    """Trimmed and lower-cased (so they match users' tags), each once, in the order given."""
    read = _TAG_TEXT
    tags: dict[str, None] = {}
    for tag, where in elements:
        try:
            tags.setdefault(read(tag).strip().lower(), None)
        except BadValue as bad:
            check.add(where, bad.message, bad.code)
    return tuple(tags)


def _asset_kind(value: object) -> AssetKind:
    kinds = {kind.value: kind for kind in AssetKind}
    if isinstance(value, str) and value in kinds:
        return kinds[value]
    raise BadValue(f"must be one of {', '.join(kinds)}, not {_short(value)}")


def _short(value: object) -> str:
    return quoted(value) if isinstance(value, str) else kind_of(value)


def _file_name(url: str) -> str:
    """The last segment of the URL's path, decoded: `https://x/a/cloth%20cut.3mf?v=2` → `cloth cut.3mf`."""
    scheme, separator, rest = url.partition("://")
    if separator and scheme in ("http", "https"):  # as urlsplit reads it: the host ends at / ? or #
        path = rest.partition("#")[0].partition("?")[0].partition("/")[2]
    else:
        try:
            path = urlsplit(url).path
        except ValueError:
            return ""
    name = path.rpartition("/")[2]
    return (unquote(name) if "%" in name else name)[:NAME_LENGTH]


def preview_url(assets: Iterable[AssetInput]) -> str | None:
    return next((asset.current_url for asset in assets if asset.kind is AssetKind.PREVIEW), None)


def kind_of_file(file_name: str) -> AssetKind:
    """Production files (meshes, CAD, zip) and previews (images), by the extension of the file name."""
    extension = file_name.rpartition(".")[2].lower() if "." in file_name else ""
    if extension in PRODUCTION_EXTENSIONS:
        return AssetKind.PRODUCTION
    if extension in PREVIEW_EXTENSIONS:
        return AssetKind.PREVIEW
    return AssetKind.OTHER
