"""Connector feedback: the body a connector POSTs to a task's feedback URL, checked field by field.

```
{"status": "success" | "failure", "message"?: str, "data"?: {},
 "assets"?: [{"id": str, "url": http(s) URL, "name"?: str, "isPublic"?: bool,
              "kind"?: "production" | "preview" | "other",
              "productId"?: str, "partId"?: str,
              "versions"?: [{"url": http(s) URL, "date"?: ISO 8601}]}]}
```

An asset lands on the part named by `partId`, else on the product named by `productId` (each a
Fabflow id or the client's id), else on the order. Without `versions` its `url` is one new version;
with them, each is a new version in the order given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from server.domain.statuses import AssetKind

STATUSES = ("success", "failure")
FIELDS = ("status", "message", "data", "assets")
ASSET_FIELDS = ("id", "url", "name", "isPublic", "kind", "productId", "partId", "versions")
MAX_ASSETS = 200


@dataclass(frozen=True)
class Problem:
    field: str
    message: str


@dataclass(frozen=True)
class VersionIn:
    url: str
    date: datetime | None


@dataclass(frozen=True)
class AssetIn:
    client_id: str
    url: str
    name: str | None
    is_public: bool
    kind: AssetKind
    product_ref: str | None
    part_ref: str | None
    versions: tuple[VersionIn, ...]


@dataclass(frozen=True)
class Feedback:
    status: str
    message: str
    data: dict[str, Any]
    assets: tuple[AssetIn, ...]

    def as_json(self) -> dict[str, Any]:
        """What the task keeps (assets by id and URL)."""
        return {
            "status": self.status,
            "message": self.message,
            "data": self.data,
            "assets": [{"id": asset.client_id, "url": asset.url} for asset in self.assets],
        }


def parse_feedback(body: object) -> Feedback | list[Problem]:
    if not isinstance(body, dict):
        return [Problem("", 'The feedback must be a JSON object with at least a "status".')]
    problems = [Problem(key, f'"{key}" is not a field of feedback; the fields are {", ".join(FIELDS)}.')
                for key in body if key not in FIELDS]  # fmt: skip
    status = body.get("status")
    if status not in STATUSES:
        problems.append(Problem("status", 'must be "success" or "failure".'))
    message = body.get("message")
    if message is not None and not isinstance(message, str):
        problems.append(Problem("message", "must be a string."))
    data = body.get("data")
    if data is not None and not isinstance(data, dict):
        problems.append(Problem("data", "must be an object {...}."))
    assets = _assets(body.get("assets"), problems)
    if problems:
        return problems
    return Feedback(str(status), message or "", data or {}, assets)


def _assets(value: object, problems: list[Problem]) -> tuple[AssetIn, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(Problem("assets", "must be a list [...]."))
        return ()
    if len(value) > MAX_ASSETS:
        problems.append(Problem("assets", f"may hold at most {MAX_ASSETS} assets."))
        return ()
    parsed = [_asset(item, f"assets[{index}]", problems) for index, item in enumerate(value)]
    return tuple(asset for asset in parsed if asset is not None)


def _asset(item: object, at: str, problems: list[Problem]) -> AssetIn | None:
    if not isinstance(item, dict):
        problems.append(Problem(at, "must be an object {...}."))
        return None
    before = len(problems)
    problems += [
        Problem(f"{at}.{key}", f'"{key}" is not a field of an asset.')
        for key in item
        if key not in ASSET_FIELDS
    ]
    client_id = _text(item, "id", at, problems, required=True)
    url = _url(item.get("url"), f"{at}.url", problems)
    name = _text(item, "name", at, problems)
    product_ref = _text(item, "productId", at, problems)
    part_ref = _text(item, "partId", at, problems)
    is_public = item.get("isPublic", False)
    if not isinstance(is_public, bool):
        problems.append(Problem(f"{at}.isPublic", "must be true or false."))
    kind = item.get("kind", AssetKind.PRODUCTION.value)
    if kind not in {k.value for k in AssetKind}:
        problems.append(Problem(f"{at}.kind", 'must be "production", "preview" or "other".'))
    versions = _versions(item.get("versions"), f"{at}.versions", problems)
    if len(problems) > before or client_id is None or url is None:
        return None
    return AssetIn(
        client_id, url, name, bool(is_public), AssetKind(kind), product_ref, part_ref,
        versions or (VersionIn(url, None),),
    )  # fmt: skip


def _text(
    item: dict[str, Any], key: str, at: str, problems: list[Problem], *, required: bool = False
) -> str | None:
    value = item.get(key)
    if value is None:
        if required:
            problems.append(Problem(f"{at}.{key}", "is missing."))
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(f"{at}.{key}", "must be a non-empty string."))
        return None
    return value.strip()


def _url(value: object, at: str, problems: list[Problem]) -> str | None:
    if value is None:
        problems.append(Problem(at, "is missing."))
        return None
    if (
        not isinstance(value, str)
        or not value.lower().startswith(("https://", "http://"))
        or len(value) > 2000
    ):
        problems.append(Problem(at, "must be an absolute http(s) URL of at most 2000 characters."))
        return None
    return value


def _versions(value: object, at: str, problems: list[Problem]) -> tuple[VersionIn, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(Problem(at, "must be a list [...]."))
        return ()
    versions: list[VersionIn] = []
    for index, item in enumerate(value):
        where = f"{at}[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(where, "must be an object {...} with a url."))
            continue
        url = _url(item.get("url"), f"{where}.url", problems)
        date = _date(item.get("date"), f"{where}.date", problems)
        if url is not None:
            versions.append(VersionIn(url, date))
    return tuple(versions)


def _date(value: object, at: str, problems: list[Problem]) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        problems.append(Problem(at, "must be a date and time such as 2026-11-20T09:12:00Z."))
        return None
    if parsed.tzinfo is None:
        problems.append(Problem(at, "must carry a time zone, such as Z or +01:00."))
        return None
    return parsed
