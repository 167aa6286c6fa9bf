"""The demo's lamp-shade flow on the in-process worker: the generated vase is sliced and quoted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jobs.runtime import Embedded
from server.demo.catalog import LIGHTING
from server.demo.loader import prepare_demo
from server.domain.actors import Actor
from server.models import Asset, ManualTask, Order, Part
from server.services.orders.intake import create_order
from tests.e2e.support import until
from tests.flows.conftest import jobs
from tests.handlers.conftest import eyewear_body
from tests.handlers.slicing_support import need_engine

__all__ = ["jobs"]


async def test_the_lamp_order_reaches_its_review_with_gcode_and_a_quote(
    jobs: Embedded, admin: Actor, asset_dir: Path
) -> None:
    need_engine("prusa")
    await prepare_demo()
    body = {**eyewear_body(), "spaceKey": LIGHTING, "flowKey": "lamp-shade-production",
            "thirdPartyOrderId": "LAMP-1"}  # fmt: skip
    order = (await create_order(admin, body)).order

    await until(lambda: ManualTask.filter(order_id=order.id).exists(), timeout=60)

    quote = (await Order.get(id=order.id)).quote
    assert quote is not None and Decimal(quote["total"]) > 0
    sliced = [p for p in await Part.filter(order_id=order.id) if (p.manufacturing_data or {}).get("slicing")]
    assert sliced and {line["partId"] for line in quote["parts"]} == {str(p.id) for p in sliced}
    assert await Asset.filter(order_id=order.id, name__endswith=".gcode", source_id__not_isnull=True).exists()
