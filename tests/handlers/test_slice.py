"""slice: real CuraEngine and PrusaSlicer runs on real meshes; the stored figures are the G-code's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jobs.handlers.base import Failed, Succeeded
from jobs.handlers.slice import HANDLER
from jobs.slicing import gcode
from server.models import Asset, Order, Part
from server.services import assets
from tests.handlers.conftest import ContextFactory
from tests.handlers.slicing_support import add_mesh, cube_stl, need_engine


def stored_text(url: str) -> str:
    key = assets.key_of(url)
    assert key is not None
    return assets.file_path(key).read_text()


def header_number(text: str, name: str) -> float:
    match = re.search(rf"^;{re.escape(name)}:([\d.]+)$", text, re.M)
    assert match, f"no ;{name}: in the G-code"
    return float(match.group(1))


async def test_cura_slices_a_cube_and_records_the_header_figures(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    found = need_engine("cura")
    part = await add_mesh(order, "cube.stl", cube_stl())

    outcome = await HANDLER.run(
        await make_context("slice", {"engine": "cura", "printer": "ultimaker_s5", "filter": r"^cube\."})
    )

    assert isinstance(outcome, Succeeded), outcome
    data = (await Part.get(id=part.id)).manufacturing_data
    assert data is not None and data["generator"] == "test"  # merged, not overwritten
    slicing = data["slicing"]
    text = stored_text(slicing["gcodeUrl"])
    assert header_number(text, "PRINT.TIME") == slicing["printSeconds"] > 0
    assert header_number(text, "EXTRUDER_TRAIN.0.MATERIAL.VOLUME_USED") == pytest.approx(slicing["volumeMm3"])
    assert header_number(text, "LAYER_COUNT") == slicing["layerCount"] == text.count("\n;LAYER:")
    assert slicing["engine"] == "cura" and slicing["engineVersion"] == found.version
    assert slicing["massGrams"] == pytest.approx(slicing["volumeMm3"] / 1000 * 1.24, abs=0.01)
    assert slicing["printBoundingBoxMm"]["z"] == pytest.approx(20, abs=0.5)
    gcode_asset = await Asset.get(part_id=part.id, client_id="cube.stl-gcode")
    mesh_asset = await Asset.get(part_id=part.id, client_id="cube.stl")
    assert gcode_asset.kind == "production" and gcode_asset.source_id == mesh_asset.id  # type: ignore[attr-defined]


async def test_cura_settings_reach_the_engine(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    need_engine("cura")
    part = await add_mesh(order, "cube.stl", cube_stl())

    outcome = await HANDLER.run(
        await make_context(
            "slice", {"engine": "cura", "printer": "ultimaker2", "settings": {"layer_height": 0.2}}
        )
    )

    assert isinstance(outcome, Succeeded), outcome
    slicing = (await Part.get(id=part.id)).manufacturing_data["slicing"]  # type: ignore[index]
    assert slicing["layerHeightMm"] == 0.2
    text = stored_text(slicing["gcodeUrl"])
    assert header_number(text, "TIME") == slicing["printSeconds"]
    assert header_number(text, "MATERIAL") == slicing["volumeMm3"]


async def test_prusa_slices_a_cube_and_records_its_comments(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    found = need_engine("prusa")
    part = await add_mesh(order, "cube.stl", cube_stl())

    outcome = await HANDLER.run(
        await make_context(
            "slice", {"engine": "prusa", "settings": {"layer_height": 0.2}, "materialDensity": 1.25}
        )
    )

    assert isinstance(outcome, Succeeded), outcome
    slicing = (await Part.get(id=part.id)).manufacturing_data["slicing"]  # type: ignore[index]
    text = stored_text(slicing["gcodeUrl"])
    said = dict(re.findall(r"^; ([a-z_ \[\]0-9()]+?) = (.*)$", text, re.M))
    assert (
        gcode.duration_seconds(said["estimated printing time (normal mode)"]) == slicing["printSeconds"] > 0
    )
    assert float(said["filament used [mm]"]) == slicing["filamentMm"]
    assert float(said["filament used [g]"]) == slicing["massGrams"] > 0
    assert said["filament_density"] == "1.25" and said["layer_height"] == "0.2"
    assert slicing["layerCount"] == text.count(";LAYER_CHANGE") == pytest.approx(20 / 0.2, abs=2)
    assert slicing["engineVersion"] == found.version


@pytest.mark.parametrize("engine", ["cura", "prusa"])
async def test_a_mesh_the_slicer_refuses_fails_with_its_message(
    engine: str, make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    need_engine(engine)
    await add_mesh(order, "broken.stl", b"solid nothing\nendsolid nothing\n")

    outcome = await HANDLER.run(await make_context("slice", {"engine": engine}))

    assert isinstance(outcome, Failed)
    assert outcome.reason.startswith(f"broken.stl: {engine} refused it:")
    said = {"cura": "Failed to load model: broken.stl", "prusa": "broken.stl: Loading of a model file failed"}
    assert said[engine] in outcome.reason and "fabflow-slice-" not in outcome.reason
    assert len(outcome.reason) < 1000


async def test_no_mesh_to_slice_fails_saying_so(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    need_engine("prusa")
    outcome = await HANDLER.run(await make_context("slice", {"engine": "prusa"}))
    assert isinstance(outcome, Failed) and "no production mesh" in outcome.reason


async def test_a_missing_engine_fails_saying_how_to_install_it(
    make_context: ContextFactory,
    order: Order,
    asset_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from jobs.slicing import engines

    await add_mesh(order, "cube.stl", cube_stl())
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without the slicers
    engines.found.cache_clear()
    try:
        outcome = await HANDLER.run(await make_context("slice", {"engine": "prusa"}))
    finally:
        monkeypatch.undo()
        engines.found.cache_clear()

    assert isinstance(outcome, Failed)
    assert outcome.reason.startswith("PrusaSlicer is not installed on this worker")
    assert "scripts/install-slicers.sh" in outcome.reason


async def test_cura_slices_a_3mf_mesh_through_stl(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    import trimesh

    need_engine("cura")
    exported = trimesh.creation.box((20, 20, 20)).export(file_type="3mf")
    part = await add_mesh(order, "box.3mf", exported if isinstance(exported, bytes) else exported.encode())

    outcome = await HANDLER.run(await make_context("slice", {"engine": "cura", "printer": "ultimaker2"}))

    assert isinstance(outcome, Succeeded), outcome
    slicing = (await Part.get(id=part.id)).manufacturing_data["slicing"]  # type: ignore[index]
    assert slicing["source"] == "box.3mf" and slicing["printBoundingBoxMm"]["z"] == pytest.approx(20, abs=0.5)
