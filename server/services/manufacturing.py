"""Manufacturing data of an order: its production meshes, what slicing and checks found, quotes,
the space's manufacturing settings, and what the workers' machines can do.

Space settings (`Space.settings`) used here: `quoteRates` ({perKg, perHour, setup}, EUR) and
`prusaProfiles` (profile name → the text of a PrusaSlicer `.ini`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import re2
from tortoise.transactions import in_transaction

from server.domain.actors import Actor
from server.domain.statuses import AssetKind
from server.models import Asset, AssetVersion, Order, Part, Space, WorkerCapability
from server.services import assets
from server.services.permissions import require

MESH_SUFFIXES = (".stl", ".obj", ".3mf")
CAPABILITY_MAX_AGE = timedelta(days=30)


@dataclass(frozen=True)
class MeshFile:
    asset_id: UUID
    order_id: UUID
    product_id: UUID | None
    part_id: UUID | None
    client_id: str
    name: str
    url: str
    stored_key: str | None  # None: a file kept elsewhere, which the server never fetches

    def content(self) -> bytes:
        assert self.stored_key is not None
        return assets.file_path(self.stored_key).read_bytes()


async def production_meshes(order_id: UUID, pattern: str | None = None) -> list[MeshFile]:
    """The current version of each production mesh (STL, OBJ, 3MF) whose name matches `pattern` (RE2)."""
    compiled = re2.compile(pattern) if pattern else None
    rows = await Asset.filter(order_id=order_id, kind=AssetKind.PRODUCTION).order_by("position")
    versions = (
        await AssetVersion.filter(asset__order_id=order_id).order_by("position").values("asset_id", "url")
    )
    current = {v["asset_id"]: v["url"] for v in versions}
    found = []
    for asset in rows:
        if not asset.name.lower().endswith(MESH_SUFFIXES):
            continue
        if compiled is not None and not compiled.search(asset.name):
            continue
        url = str(current.get(asset.id, asset.url))
        found.append(
            MeshFile(
                asset.id,
                order_id,
                asset.product_id,  # type: ignore[attr-defined]
                asset.part_id,  # type: ignore[attr-defined]
                asset.client_id,
                asset.name,
                url,
                assets.key_of(url.split("?", 1)[0]),
            )
        )
    return found


async def merge_part_data(part_id: UUID, key: str, value: Any) -> dict[str, Any]:
    """Set one key of the part's manufacturing data, keeping the others (one transaction, row locked)."""
    async with in_transaction():
        part = await Part.select_for_update().get(id=part_id)
        data = dict(part.manufacturing_data or {})
        data[key] = value
        part.manufacturing_data = data
        await part.save(update_fields=["manufacturing_data"])
    return data


async def store_derived_file(mesh: MeshFile, suffix: str, content: bytes, client_suffix: str) -> str:
    """Store a file made from `mesh` (e.g. its G-code) as a production asset version pointing at the mesh."""
    name = mesh.name.rsplit(".", 1)[0] + suffix
    stored = assets.store(mesh.order_id, name, content)
    owner = assets.Owner(mesh.order_id, mesh.product_id, mesh.part_id)
    await assets.add_version(
        owner,
        client_id=f"{mesh.client_id}-{client_suffix}",
        url=stored.url,
        name=name,
        kind=AssetKind.PRODUCTION,
        source_id=mesh.asset_id,
    )
    return stored.url


async def space_settings(space_id: UUID) -> dict[str, Any]:
    found = await Space.filter(id=space_id).values_list("settings", flat=True)
    value = found[0] if found else None
    return value if isinstance(value, dict) else {}


async def set_space_settings(space_id: UUID, **values: Any) -> None:
    async with in_transaction():
        space = await Space.select_for_update().get(id=space_id)
        space.settings = {**(space.settings or {}), **values}
        await space.save(update_fields=["settings"])


async def parts_with_slicing(order_id: UUID) -> list[tuple[Part, int]]:
    """The order's parts that have slicing figures, each with its product's units."""
    parts = (
        await Part.filter(order_id=order_id)
        .order_by("product__position", "position")
        .prefetch_related("product")
    )
    return [
        (part, int(part.product.amount_of_units))
        for part in parts
        if isinstance(part.manufacturing_data, dict)
        and isinstance(part.manufacturing_data.get("slicing"), dict)
    ]


async def store_quote(order_id: UUID, quote: dict[str, Any], per_part: dict[UUID, dict[str, Any]]) -> None:
    """The order's quote and each part's, in one transaction."""
    async with in_transaction():
        for part_id, part_quote in per_part.items():
            part = await Part.select_for_update().get(id=part_id)
            part.manufacturing_data = {**(part.manufacturing_data or {}), "quote": part_quote}
            await part.save(update_fields=["manufacturing_data"])
        await Order.filter(id=order_id).update(quote=quote)


# --- what the workers' machines can do ----------------------------------------------------------------


async def report_capabilities(host: str, engines: dict[str, Any]) -> None:
    now = datetime.now(UTC)
    updated = await WorkerCapability.filter(host=host).update(engines=engines, reported_at=now)
    if not updated:
        await WorkerCapability.create(id=uuid4(), host=host, engines=engines, reported_at=now)


async def worker_machines(actor: Actor) -> list[WorkerCapability]:
    """The machines whose workers reported their slicing engines lately, for the integrations page."""
    require(actor, "integrations")
    since = datetime.now(UTC) - CAPABILITY_MAX_AGE
    return await WorkerCapability.filter(reported_at__gte=since).order_by("host")


async def reported_engines() -> dict[str, list[str]]:
    """Engine key → the machines whose workers reported it lately."""
    since = datetime.now(UTC) - CAPABILITY_MAX_AGE
    reported: dict[str, list[str]] = {}
    for row in await WorkerCapability.filter(reported_at__gte=since).order_by("host"):
        for key in row.engines or {}:
            reported.setdefault(key, []).append(row.host)
    return reported


async def engine_warnings(definition: dict[str, Any]) -> list[str]:
    """A sentence for each slicing engine a (canonical) flow names that no worker has reported lately:
    a warning, never a refusal (the worker may simply not have started yet)."""
    named: dict[str, str] = {}
    for stage in definition.get("stages") or []:
        for task in stage.get("taskDefinitions") or []:
            engine = (task.get("payload") or {}).get("engine")
            if task.get("handlerKey") == "slice" and isinstance(engine, str):
                named.setdefault(engine, str(task.get("key")))
    if not named:
        return []
    reported = await reported_engines()
    return [
        f'Task "{task}" slices with "{engine}", but no worker has reported that engine; its tasks will fail '
        "until one runs on a machine where it is installed (scripts/install-slicers.sh)."
        for engine, task in named.items()
        if engine not in reported
    ]
