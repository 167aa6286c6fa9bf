"""Asset files and asset versions.

Files live under `FABFLOW_ASSET_DIR` (default `var/assets`) at `<order id>/<random>/<file name>` and
are served at `/assets/<that key>`, a URL that never changes. A file belongs to the order its key
names: it is public only if an asset of that order whose url (or a version's) is the file's says so,
and no other order may name it (`foreign_stored_files` refuses it at intake). Private files are
served to users of the organization of the order's space and to keys of that space, or through a
signed link (`?sig=`, see `signed_url`), which is what e-mails carry.

`add_version` appends a version to the asset with the given client id on the given owner (order,
product or part), creating the asset on first use; the newest version is the current one and the
asset's `url` follows it.
"""

from __future__ import annotations

import functools
import posixpath
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from uuid import UUID, uuid4

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server import settings
from server.domain.order_input import AssetInput, ItemInput, OrderInput
from server.domain.statuses import AssetKind
from server.models import Asset, AssetVersion, Space
from server.services import signed_links, webhook_events, webhook_outbox
from server.services.effects import Effects
from server.services.errors import FieldError, NotFound, ValidationFailed

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


def names_stored_file(url: str) -> bool:
    """Whether `url` points under `/assets/` of this server, however it is spelled.

    Scheme and host compare without case and percent-escapes are decoded, so that no spelling of a
    stored file's address slips past the ownership check. A plain URL of another host (the common
    case) is told apart without parsing.
    """
    plain = _PLAIN_HOST.match(url)
    if plain is not None and plain.group(1).lower() != _our_host(settings.PUBLIC_URL):
        return False
    try:
        given, ours = urlsplit(url), urlsplit(settings.PUBLIC_URL)
        same_host = (given.scheme.lower(), given.hostname, given.port) == (
            ours.scheme.lower(),
            ours.hostname,
            ours.port,
        )
    except ValueError:
        return False
    path = posixpath.normpath(unquote(given.path))
    base = posixpath.normpath(unquote(ours.path or "/")).rstrip("/") + URL_PREFIX
    return same_host and (path + "/").startswith(base)


# An http(s) URL whose host is a plain name (no user, no brackets, no blanks): its host as urlsplit reads it.
_PLAIN_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)(?::[0-9]*)?(?:[/?#]|\Z)", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _our_host(public_url: str) -> str | None:
    try:
        return urlsplit(public_url).hostname
    except ValueError:
        return None


def order_of_key(key: str) -> UUID | None:
    """The order a stored file belongs to: the first segment of its key."""
    try:
        return UUID(key.split("/", 1)[0])
    except ValueError:
        return None


def foreign_stored_files(urls: Iterable[tuple[str, str]], order_id: UUID | None) -> list[FieldError]:
    """A field error for each (field, url) naming a file Fabflow stores for another order.

    A new order (`order_id` None) owns no stored file yet, so it may name none.
    """
    errors = []
    for field, url in urls:
        if not names_stored_file(url):
            continue
        key = key_of(url)
        if order_id is None or key is None or order_of_key(key) != order_id:
            errors.append(FieldError(field, "is a file stored for another order", "foreign_file"))
    return errors


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


def input_urls(order: OrderInput) -> Iterator[tuple[str, str]]:
    """Every asset and version URL of an order's input, with its field path."""
    yield from _asset_urls(order.assets, "")
    for i, line in enumerate(order.lines):
        yield from _asset_urls(line.assets, f"orderLines[{i}].")
        for j, item in enumerate(line.items):
            yield from _item_urls(item, f"orderLines[{i}].items[{j}].")


def _item_urls(item: ItemInput, path: str) -> Iterator[tuple[str, str]]:
    yield from _asset_urls(item.assets, path)
    for m, child in enumerate(item.items):
        yield from _item_urls(child, f"{path}items[{m}].")


def _asset_urls(assets: Iterable[AssetInput], path: str) -> Iterator[tuple[str, str]]:
    for k, asset in enumerate(assets):
        yield f"{path}assets[{k}].url", asset.url
        for v, version in enumerate(asset.versions):
            yield f"{path}assets[{k}].versions[{v}].url", version.url


async def is_public_file(key: str) -> bool:
    """Whether the asset owning the file says it is public.

    The owner is an asset of the order the key names whose url (or one of whose versions' url) is
    the file's; assets of other orders that name the same URL count for nothing.
    """
    order_id = order_of_key(key)
    if order_id is None:
        return False
    url = public_url(key)
    owned = Asset.filter(order_id=order_id, is_public=True)
    if await owned.filter(url=url).exists():
        return True
    return await AssetVersion.filter(url=url, asset__order_id=order_id, asset__is_public=True).exists()


async def space_of_file(key: str) -> Space | None:
    """The space of the order the file belongs to, or None when no such order exists."""
    order_id = order_of_key(key)
    if order_id is None:
        return None
    return await Space.filter(orders__id=order_id).first()


async def add_version(
    owner: Owner,
    *,
    client_id: str,
    url: str,
    name: str | None = None,
    kind: AssetKind = AssetKind.OTHER,
    is_public: bool = False,
    date: datetime | None = None,
    source_id: UUID | None = None,
    effects: Effects | None = None,
) -> Asset:
    """Append a version to the owner's asset `client_id` (made on first use); it becomes current.
    `source_id` names the asset it was made from (a G-code's mesh), kept when it is None.

    The `asset.version_added` deliveries are written with the version. Inside a caller's
    transaction, pass its `effects` (carried out after its commit); without, the version is written
    in a transaction of its own. Raises ValidationFailed (field `url`) for a URL of a file stored
    for another order.
    """
    if foreign := foreign_stored_files([("url", url)], owner.order_id):
        raise ValidationFailed("The asset names a file of another order.", foreign)
    if effects is not None:
        return await _add_version(owner, client_id, url, name, kind, is_public, date, source_id, effects)
    own = Effects()
    async with in_transaction():
        asset = await _add_version(owner, client_id, url, name, kind, is_public, date, source_id, own)
    await own.carry_out()
    return asset


async def _add_version(
    owner: Owner,
    client_id: str,
    url: str,
    name: str | None,
    kind: AssetKind,
    is_public: bool,
    date: datetime | None,
    source_id: UUID | None,
    effects: Effects,
) -> Asset:
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
            source_id=source_id,
        )
    else:
        asset.url, asset.is_public, asset.kind = url, is_public, kind
        asset.name = name or asset.name
        fields = ["url", "is_public", "kind", "name"]
        if source_id is not None:
            asset.source_id = source_id  # type: ignore[attr-defined]
            fields.append("source_id")
        await asset.save(update_fields=fields)
    position = await _next_position(AssetVersion.filter(asset_id=asset.id))
    version = await AssetVersion.create(
        id=uuid4(), asset_id=asset.id, position=position, url=url, date=moment
    )
    await webhook_outbox.record_for_order(
        owner.order_id,
        "asset.version_added",
        lambda order: webhook_events.asset_version_data(asset, version, order, datetime.now(UTC)),
        effects,
    )
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
