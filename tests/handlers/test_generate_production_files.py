"""generate-production-files: real meshes from product configurations, written, measured, previewed."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from jobs.generators import mesh as meshes
from jobs.generators.parameters import ParameterError
from jobs.generators.registry import generators, get
from jobs.handlers.base import Failed, Succeeded
from jobs.handlers.generate_production_files import HANDLER
from server.models import Asset, AssetVersion, Order, Part, Product
from server.services import assets
from tests.handlers.conftest import ContextFactory


def stored_bytes(url: str) -> bytes:
    key = assets.key_of(url)
    assert key is not None
    return assets.file_path(key).read_bytes()


async def test_stl_files_parse_back_watertight_with_the_same_triangle_count(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    outcome = await HANDLER.run(await make_context("generate-production-files", {"fileFormat": "stl"}))

    assert isinstance(outcome, Succeeded), outcome
    product = await Product.get(order_id=order.id, position=0)
    part = await Part.get(product_id=product.id, client_id="generated-tag")
    assert part.name == f"Name tag (generated from {product.title})"
    assert part.name not in {p.name for p in await Part.filter(product_id=product.id).exclude(id=part.id)}
    data = part.manufacturing_data
    assert data is not None
    assert data["boundingBoxMm"] == {"x": 52.0, "y": 25.0, "z": 3.0}
    assert data["watertight"] is True
    assert data["volumeMm3"] > 0 and data["surfaceAreaMm2"] > 0
    asset = await Asset.get(part_id=part.id)
    [version] = await AssetVersion.filter(asset_id=asset.id)
    parsed = meshes.from_stl(stored_bytes(version.url))
    assert len(parsed.triangles) == data["triangleCount"]
    assert meshes.is_watertight(parsed)
    assert math.isclose(meshes.volume(parsed), data["volumeMm3"], rel_tol=1e-4)


async def test_previews_become_the_thumbnails(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    await HANDLER.run(await make_context("generate-production-files", {"fileFormat": "stl"}))

    product = await Product.get(order_id=order.id, position=0)
    untouched = await Product.get(order_id=order.id, position=1)
    refreshed = await Order.get(id=order.id)
    assert product.thumbnail_url and refreshed.thumbnail_url == product.thumbnail_url
    assert stored_bytes(product.thumbnail_url).startswith(b"\x89PNG\r\n\x1a\n")
    assert untouched.thumbnail_url is None
    preview = await Asset.get(product_id=product.id, part_id=None, client_id="preview")
    assert preview.is_public and preview.kind == "preview"


async def test_running_again_adds_versions_to_the_same_part(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    context = await make_context("generate-production-files", {"fileFormat": "obj"})
    await HANDLER.run(context)
    await HANDLER.run(context)

    [part] = await Part.filter(order_id=order.id, client_id="generated-tag")
    asset = await Asset.get(part_id=part.id)
    versions = await AssetVersion.filter(asset_id=asset.id).order_by("position")
    assert len(versions) == 2 and asset.url == versions[1].url
    obj = stored_bytes(asset.url).decode()
    assert sum(line.startswith("f ") for line in obj.splitlines()) == part.manufacturing_data["triangleCount"]


async def test_the_payload_generator_builds_every_product(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    outcome = await HANDLER.run(
        await make_context("generate-production-files", {"fileFormat": "stl", "generator": "vase"})
    )

    assert isinstance(outcome, Succeeded) and outcome.response is not None
    assert [p["generator"] for p in outcome.response["products"]] == ["vase", "vase"]


async def test_a_bad_parameter_fails_naming_it(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    product = await Product.get(order_id=order.id, position=0)
    product.data = {**product.data, "width": "wide"}
    await product.save()

    outcome = await HANDLER.run(await make_context("generate-production-files", {"fileFormat": "stl"}))

    assert isinstance(outcome, Failed)
    assert '"width" must be a number' in outcome.reason


async def test_unknown_or_missing_generators_fail_clearly(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    unknown = await HANDLER.run(
        await make_context("generate-production-files", {"fileFormat": "stl", "generator": "teapot"})
    )
    await Product.filter(order_id=order.id).update(data={})
    missing = await HANDLER.run(await make_context("generate-production-files", {"fileFormat": "stl"}))

    assert isinstance(unknown, Failed) and "teapot" in unknown.reason and "name-tag" in unknown.reason
    assert isinstance(missing, Succeeded) and missing.response == {
        "products": [],
        "message": "nothing to generate",
    }
    assert await Part.filter(order_id=order.id, client_id__startswith="generated-").count() == 0


async def test_a_product_naming_no_generator_is_skipped_with_a_history_entry(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    from server.models import HistoryEntry

    products = await Product.filter(order_id=order.id).order_by("position")
    await Product.filter(id=products[1].id).update(data={})

    outcome = await HANDLER.run(await make_context("generate-production-files", {}))

    assert isinstance(outcome, Succeeded), outcome
    assert [p["product"] for p in outcome.response["products"]] == [products[0].title]  # type: ignore[index]
    assert await Part.filter(product_id=products[0].id, client_id__startswith="generated-").exists()
    [skipped] = await HistoryEntry.filter(order_id=order.id, kind="files-skipped")
    assert products[1].title in skipped.message and '"generator"' in skipped.message


@pytest.mark.parametrize("key", ["name-tag", "vase", "bracket"])
def test_every_built_in_makes_a_closed_mesh(key: str) -> None:
    generator = get(key)
    assert generator is not None
    [part] = generator.build({})
    assert meshes.is_watertight(part.mesh)
    stl = meshes.to_stl(part.mesh)
    assert len(stl) == 84 + 50 * len(part.mesh.triangles)
    assert meshes.volume(part.mesh) > 0


def test_the_vase_volume_matches_the_formula() -> None:
    [part] = generators()["vase"].build(
        {"height": 100, "diameter": 60, "wallThickness": 2, "bottomThickness": 2, "segments": 360}
    )
    expected = math.pi * (30**2 * 100 - 28**2 * 98)
    assert math.isclose(meshes.volume(part.mesh), expected, rel_tol=2e-3)


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ({"width": 5}, '"width" must be between'),
        ({"thickness": True}, '"thickness" must be a number'),
        ({"segments": 12.5}, '"segments" must be a whole number'),
    ],
)
def test_parameters_are_checked(config: dict[str, Any], words: str) -> None:
    generator = get("vase") if "segments" in config else get("name-tag")
    assert generator is not None
    with pytest.raises(ParameterError, match=words):
        generator.build(config)


def test_an_open_mesh_is_not_watertight() -> None:
    [part] = generators()["name-tag"].build({})
    opened = meshes.Mesh(part.mesh.vertices, part.mesh.triangles[1:])
    assert not meshes.is_watertight(opened)
