"""Slicing figures and quotes on the order, product and part pages, and in the parts CSV."""

from __future__ import annotations

import csv
import io

from server.models import Order, Part
from tests.graphql.seed import seed_orders
from tests.web.conftest import WebClient

SLICING = {"engine": "prusa", "engineVersion": "2.5.0", "printer": None, "printSeconds": 7380,
           "massGrams": 12.5, "filamentMm": 4190.0, "layerCount": 100, "layerHeightMm": 0.2,
           "gcodeUrl": "http://127.0.0.1:8000/assets/x/y/cube.gcode", "source": "cube.stl"}  # fmt: skip


async def _priced(space: str) -> tuple[Order, Part]:
    rows = await seed_orders(space, 1)
    part = rows.parts[0]
    quote = {"currency": "EUR", "price": "7.42", "units": 1}
    await Part.filter(id=part.id).update(manufacturing_data={"slicing": SLICING, "quote": quote})
    order_quote = {"currency": "EUR", "total": "7.42", "parts": [], "at": "2026-12-01T10:00:00+00:00",
                   "rates": {"perKg": "30", "perHour": "3", "setup": "0.5"}}  # fmt: skip
    await Order.filter(id=rows.orders[0].id).update(quote=order_quote)
    return rows.orders[0], part


async def test_order_product_and_part_pages_show_gcode_print_time_and_quote(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    order, part = await _priced("demo-eyewear")

    pages = [
        (await admin_web.get(f"/orders/{order.id}")).text,
        (await admin_web.get(f"/products/{part.product_id}")).text,  # type: ignore[attr-defined]
        (await admin_web.get(f"/parts/{part.id}")).text,
    ]

    for text in pages:
        assert "<h2>Printing</h2>" in text and "2 h 3 min" in text and "cube.stl.gcode" in text
        assert "7.42 EUR" in text and "12.5 g" in text
    assert "setup 0.5 € per part" in pages[0]


async def test_the_parts_csv_has_the_quote(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    _, part = await _priced("demo-eyewear")

    response = await admin_web.post(
        "/parts/export", {"id": [str(part.id)], "column": ["name", "quote"], "csrf_token": admin_web.csrf}
    )

    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table == [["Part", "Quote"], [part.name, "7.42 EUR"]]


async def test_the_flow_editor_warns_of_an_engine_no_worker_reported(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    import json

    from server.services import manufacturing

    await manufacturing.report_capabilities("printer-host", {"prusa": {"version": "2.5.0", "path": "/x"}})
    flow = {"stages": [{"key": "s", "initialTaskDefinitionKeys": ["a"], "taskDefinitions": [
        {"key": "a", "handlerKey": "slice", "payload": {"engine": "cura"}}]}]}  # fmt: skip

    checked = await admin_web.post("/flows/check", {"source": json.dumps(flow)})
    fine = await admin_web.post("/flows/check", {"source": json.dumps(flow).replace("cura", "prusa")})

    assert "Valid" in checked.text and 'class="warning"' in checked.text and "no worker" in checked.text
    assert "Valid" in fine.text and 'class="warning"' not in fine.text
