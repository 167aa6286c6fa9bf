"""Meshes on real order rows for the slicing tests, and the engines they need."""

from __future__ import annotations

import uuid

import manifold3d

from jobs.generators import mesh as meshes
from jobs.slicing import engines
from server.domain.statuses import AssetKind
from server.models import Order, Part
from server.services import assets
from tests.conftest import unavailable


def need_engine(key: str) -> engines.Found:
    """The engine, else skip locally and fail under CI (scripts/install-slicers.sh installs them)."""
    found = engines.found(key)
    if found is None:
        unavailable(engines.ENGINES[key].title, engines.INSTALL_HINT)
    if key == "cura" and engines.cura_definition("ultimaker_s5") is None:
        unavailable("Cura machine definitions", engines.INSTALL_HINT)
    assert found is not None
    return found


def cube_stl(size: float = 20.0) -> bytes:
    return meshes.to_stl(meshes.Mesh.from_manifold(manifold3d.Manifold.cube([size] * 3)))


def open_cube_stl() -> bytes:
    """A cube with one face (two triangles) removed."""
    mesh = meshes.Mesh.from_manifold(manifold3d.Manifold.cube([20.0] * 3))
    return meshes.to_stl(meshes.Mesh(mesh.vertices, mesh.triangles[2:]))


async def add_mesh(order: Order, name: str, content: bytes) -> Part:
    """A part of the order's first product holding `content` as a production mesh `name`."""
    first = await Part.filter(order_id=order.id).order_by("position").first()
    assert first is not None
    part = await Part.create(
        id=uuid.uuid4(),
        order_id=order.id,
        product_id=first.product_id,  # type: ignore[attr-defined]
        position=99,
        client_id=f"mesh-{uuid.uuid4().hex[:6]}",
        name=name,
        manufacturing_data={"generator": "test"},
    )
    stored = assets.store(order.id, name, content)
    owner = assets.Owner(order.id, part.product_id, part.id)  # type: ignore[attr-defined]
    await assets.add_version(owner, client_id=name, url=stored.url, name=name, kind=AssetKind.PRODUCTION)
    return part
