"""Asset files and asset versions.

Files live under `FABFLOW_ASSET_DIR` (default `var/assets`) at `<order id>/<random>/<file name>` and
are served at `/assets/<that key>`, a URL that never changes. Public files are served to anyone;
private ones to signed-in users and API keys of the order's space, or through a signed link
(`?sig=`, see `signed_url`), which is what e-mails carry.

`add_version` appends a version to the asset with the given client id on the given owner (order,
product or part), creating the asset on first use; the newest version is the current one and the
asset's `url` follows it.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from tortoise.queryset import QuerySet

from server import settings
from server.domain.statuses import AssetKind
from server.models import Asset, AssetVersion
from server.services import signed_links
from server.services.errors import NotFound

URL_PREFIX = "/assets/"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class StoredFile:
    key: str  # <order id>/<random>/<file name>
    url: str  # absolute, stable
    size: int


@dataclass(frozen=True)
class Owner:
    order_id: UUID
    product_id: UUID | None = None
    part_id: UUID | None = None


def asset_dir() -> Path:
    return Path(settings.ASSET_DIR)


def safe_name(name: str) -> str:
    """A file name safe on any disk and in a URL: ASCII letters, digits, dot, dash, underscore."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("-", ascii_name).strip(".-") or "file"
    return cleaned[:120]


def store(order_id: UUID, name: str, content: bytes) -> StoredFile:
    """Write `content` as a new file of the order and say where it is served."""
    key = f"{order_id}/{secrets.token_hex(8)}/{safe_name(name)}"
    path = file_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(content)
    temporary.replace(path)
    return StoredFile(key, public_url(key), len(content))


def file_path(key: str) -> Path:
    """The file of a key; raises NotFound for keys that leave the asset directory."""
    root = asset_dir().resolve()
    path = (root / key).resolve()
    if root not in path.parents:
        raise NotFound("No such file.")
    return path


def public_url(key: str) -> str:
    return settings.PUBLIC_URL.rstrip("/") + URL_PREFIX + key


def key_of(url: str) -> str | None:
    """The storage key of a URL served here, or None for other URLs."""
    marker = settings.PUBLIC_URL.rstrip("/") + URL_PREFIX
    return url[len(marker) :] if url.startswith(marker) else None


def signed_url(url: str) -> str:
    """A link to a stored file that works without signing in (until the link max age); others unchanged."""
    key = key_of(url)
    if key is None:
        return url
    return f"{url}?sig={signed_links.make_token(signed_links.ASSET, key)}"


def signature_allows(key: str, signature: str) -> bool:
    try:
        return signed_links.read_token(signed_links.ASSET, signature, settings.ASSET_LINK_MAX_AGE) == key
    except signed_links.LinkError:
        return False


async def is_public_file(key: str) -> bool:
    """Whether the file is a version (or the url) of a public asset."""
    url = public_url(key)
    if await AssetVersion.filter(url=url, asset__is_public=True).exists():
        return True
    return await Asset.filter(url=url, is_public=True).exists()


async def space_of_file(key: str) -> UUID | None:
    url = public_url(key)
    row = await AssetVersion.filter(url=url).values("asset__order__space_id")
    if row:
        return UUID(str(row[0]["asset__order__space_id"]))
    assets = await Asset.filter(url=url).values("order__space_id")
    return UUID(str(assets[0]["order__space_id"])) if assets else None


async def add_version(
    owner: Owner,
    *,
    client_id: str,
    url: str,
    name: str | None = None,
    kind: AssetKind = AssetKind.OTHER,
    is_public: bool = False,
    date: datetime | None = None,
) -> Asset:
    """Append a version to the owner's asset `client_id` (made on first use); it becomes current."""
    asset = await _asset_of(owner, client_id)
    moment = date or datetime.now(UTC)
    if asset is None:
        asset = await Asset.create(
            id=uuid4(),
            order_id=owner.order_id,
            product_id=owner.product_id,
            part_id=owner.part_id,
            position=await _next_position(Asset.filter(order_id=owner.order_id)),
            client_id=client_id,
            name=name or url.rsplit("/", 1)[-1].split("?", 1)[0] or client_id,
            url=url,
            is_public=is_public,
            kind=kind,
        )
    else:
        asset.url, asset.is_public, asset.kind = url, is_public, kind
        asset.name = name or asset.name
        await asset.save(update_fields=["url", "is_public", "kind", "name"])
    position = await _next_position(AssetVersion.filter(asset_id=asset.id))
    await AssetVersion.create(id=uuid4(), asset_id=asset.id, position=position, url=url, date=moment)
    return asset


async def _asset_of(owner: Owner, client_id: str) -> Asset | None:
    return await Asset.filter(
        order_id=owner.order_id,
        product_id=owner.product_id,
        part_id=owner.part_id,
        client_id=client_id,
    ).first()


async def _next_position(query: QuerySet[Any]) -> int:
    top = await query.order_by("-position").limit(1).values_list("position", flat=True)
    return int(str(top[0])) + 1 if top else 0


@dataclass(frozen=True)
class CurrentVersion:
    asset_id: UUID
    name: str
    url: str
    is_public: bool
    date: datetime | None


async def current_versions(order_id: UUID) -> list[CurrentVersion]:
    """Every asset of an order (order, products, parts) with the URL of its current version."""
    assets = (
        await Asset.filter(order_id=order_id).order_by("position").values("id", "name", "url", "is_public")
    )
    versions = await AssetVersion.filter(asset__order_id=order_id).values(
        "asset_id", "position", "url", "date"
    )
    newest: dict[UUID, dict[str, Any]] = {}
    for version in versions:
        held = newest.get(version["asset_id"])
        if held is None or held["position"] < version["position"]:
            newest[version["asset_id"]] = version
    result = []
    for asset in assets:
        current = newest.get(asset["id"])
        url = str(current["url"]) if current else asset["url"]
        date = current["date"] if current else None
        result.append(CurrentVersion(asset["id"], asset["name"], url, asset["is_public"], date))
    return result
