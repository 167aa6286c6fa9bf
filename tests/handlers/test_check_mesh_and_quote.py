"""check-mesh on real (and broken) meshes; quote computed from real slicer output."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jobs.handlers import check_mesh, quote, slice
from jobs.handlers.base import Failed, Succeeded
from server.models import Order, Part, Product
from server.services import manufacturing
from tests.handlers.conftest import ContextFactory
from tests.handlers.slicing_support import add_mesh, cube_stl, need_engine, open_cube_stl


async def test_a_closed_cube_passes_and_its_measures_are_kept(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    part = await add_mesh(order, "cube.stl", cube_stl(20))

    outcome = await check_mesh.HANDLER.run(
        await make_context("check-mesh", {"buildVolume": {"x": 100, "y": 100, "z": 100}})
    )

    assert isinstance(outcome, Succeeded), outcome
    data = (await Part.get(id=part.id)).manufacturing_data
    assert data is not None and data["generator"] == "test"
    checked = data["meshCheck"]
    assert checked["watertight"] and checked["manifold"] and checked["shells"] == 1
    assert checked["volumeMm3"] == pytest.approx(8000) and checked["triangleCount"] == 12
    assert checked["boundingBoxMm"] == {"x": 20, "y": 20, "z": 20}


async def test_a_cube_without_a_face_fails_saying_what_is_wrong(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    await add_mesh(order, "lamp.stl", open_cube_stl())

    outcome = await check_mesh.HANDLER.run(await make_context("check-mesh", {}))

    assert isinstance(outcome, Failed)
    assert outcome.reason == "lamp.stl: not watertight (4 open edges)"


async def test_two_shells_and_a_too_small_printer_are_reported(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    need_engine("cura")
    big, small = cube_stl(250), cube_stl(10)
    count = int.from_bytes(big[80:84], "little") + int.from_bytes(small[80:84], "little")
    two = big[:80] + count.to_bytes(4, "little") + big[84:] + small[84:]
    await add_mesh(order, "pair.stl", two)

    outcome = await check_mesh.HANDLER.run(await make_context("check-mesh", {"printer": "ultimaker2"}))

    assert isinstance(outcome, Failed)
    assert (
        outcome.reason
        == "pair.stl: 2 shells; larger than the build volume (x 250 > 223, y 250 > 223, z 250 > 205 mm)"
    )


async def test_the_quote_is_the_formula_applied_to_the_slicers_figures(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    need_engine("prusa")
    part = await add_mesh(order, "cube.stl", cube_stl(20))
    sliced = await slice.HANDLER.run(await make_context("slice", {"engine": "prusa"}))
    assert isinstance(sliced, Succeeded), sliced
    await manufacturing.set_space_settings(
        order.space_id, quoteRates={"perKg": "30", "perHour": 4, "setup": 2.5}
    )

    outcome = await quote.HANDLER.run(await make_context("quote", {"perHour": "6.00"}))

    assert isinstance(outcome, Succeeded), outcome
    slicing = (await Part.get(id=part.id)).manufacturing_data["slicing"]  # type: ignore[index]
    expected = (
        Decimal(str(slicing["massGrams"])) / 1000 * 30
        + Decimal(slicing["printSeconds"]) / 3600 * 6
        + Decimal("2.5")
    ).quantize(Decimal("0.01"))
    units = (await Product.get(id=part.product_id)).amount_of_units  # type: ignore[attr-defined]
    stored = (await Order.get(id=order.id)).quote
    assert stored is not None
    assert stored["parts"] == [
        {"partId": str(part.id), "name": "cube.stl", "price": str(expected), "units": units,
         "massGrams": slicing["massGrams"], "printSeconds": slicing["printSeconds"]}
    ]  # fmt: skip
    assert stored["total"] == str(expected * units) and stored["currency"] == "EUR"
    assert stored["rates"] == {"perKg": "30", "perHour": "6.00", "setup": "2.5"}
    assert (await Part.get(id=part.id)).manufacturing_data["quote"]["price"] == str(expected)  # type: ignore[index]


async def test_a_quote_without_rates_names_the_missing_one(
    make_context: ContextFactory, order: Order, asset_dir: Path
) -> None:
    outcome = await quote.HANDLER.run(await make_context("quote", {"perKg": 20, "setup": 1}))
    assert isinstance(outcome, Failed) and '"perHour"' in outcome.reason
