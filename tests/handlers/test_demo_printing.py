"""The demo's lamp-shade flow on the in-process worker: the generated vase is sliced and quoted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jobs.runtime import Embedded
from server.demo.catalog import LIGHTING
from server.demo.loader import prepare_demo
from server.domain.actors import Actor
from server.domain.statuses import RunStatus, TaskState
from server.models import Asset, FlowRun, ManualTask, Order, Part, TaskRun
from server.services.orders.intake import create_order
from tests.e2e.support import until
from tests.flows.conftest import jobs
from tests.handlers.conftest import eyewear_body
from tests.handlers.slicing_support import need_engine

__all__ = ["jobs"]

# Only a run that neither reaches its review nor stops meets this bound; slicing under load is slow.
RUN_DEADLINE = 300


async def _review_or_stop(order: Order) -> str | None:
    """ "review" once the review's manual task is open; why, once the run stopped short of it."""
    if await ManualTask.filter(order_id=order.id).exists():
        return "review"
    run = await FlowRun.filter(order_id=order.id).first()
    if run is not None and run.status != RunStatus.RUNNING:
        return f"the run is {run.status}: {run.reason}"
    failed = await TaskRun.filter(
        run__order_id=order.id, state__in=(TaskState.FAILED, TaskState.TIMED_OUT)
    ).first()
    return f"task {failed.key} is {failed.state}: {failed.error}" if failed else None


async def test_the_lamp_order_reaches_its_review_with_gcode_and_a_quote(
    jobs: Embedded, admin: Actor, asset_dir: Path
) -> None:
    need_engine("prusa")
    await prepare_demo()
    body = {**eyewear_body(), "spaceKey": LIGHTING, "flowKey": "lamp-shade-production",
            "thirdPartyOrderId": "LAMP-1"}  # fmt: skip
    order = (await create_order(admin, body)).order

    # The run comes to its review, or stops (a failed or timed-out task): either ends the wait at once.
    outcome = await until(lambda: _review_or_stop(order), timeout=RUN_DEADLINE)
    assert outcome == "review", outcome

    quote = (await Order.get(id=order.id)).quote
    assert quote is not None and Decimal(quote["total"]) > 0
    sliced = [p for p in await Part.filter(order_id=order.id) if (p.manufacturing_data or {}).get("slicing")]
    assert sliced and {line["partId"] for line in quote["parts"]} == {str(p.id) for p in sliced}
    assert await Asset.filter(order_id=order.id, name__endswith=".gcode", source_id__not_isnull=True).exists()
