"""The order, product and part pages, and the operator's actions on an order's flow."""

from __future__ import annotations

import re

from jobs.runtime import Embedded
from server.domain.actors import Actor
from server.domain.statuses import ManualTaskStatus, OrderStatus
from server.models import Asset, AssetVersion, ManualTask, Order
from server.services import flow_runs, webhook_outbox, webhook_sending
from server.services.effects import Effects
from server.services.webhook_events import order_status_data
from tests.graphql.seed import seed_orders
from tests.web.conftest import MakeFlow, MakeOrder, WebClient, stage, task, until
from tests.webhook_support import Receiver, receiver

__all__ = ["receiver"]  # the fixture

APPROVE = {
    "stages": [stage("approve", [task("check", "manual-task", {"title": "Check the print"})], ["check"])]
}


async def test_the_order_page_shows_products_specifications_files_and_history(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    order = rows.orders[0]

    response = await admin_web.get(f"/orders/{order.id}")

    assert response.status_code == 200
    text = response.text
    assert "Frame 0 of ORD-0000" in text and f'href="/products/{rows.products[0].id}"' in text
    assert "Specifications" in text and "€ 9.50" in text
    assert "ORD-0000-order-0.stl" in text and "2 versions" in text
    assert "Created" in text and "No flow has run for this order." in text


async def test_order_data_is_text_and_unsafe_links_are_not_links(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    order = rows.orders[0]
    await Order.filter(id=order.id).update(
        name='<script>alert("x")</script>',
        data={"note": '<img src=x onerror=alert(1)> <a hx-post="/logout" hx-trigger="load">'},
        thumbnail_url="javascript:alert(1)",
    )
    asset = await Asset.filter(order_id=order.id, product_id=None).first()
    assert asset is not None
    await AssetVersion.filter(asset_id=asset.id).update(url="javascript:alert(2)")

    text = (await admin_web.get(f"/orders/{order.id}")).text

    assert "<script>alert" not in text and "&lt;script&gt;" in text
    assert "<img src=x" not in text and 'hx-post="/logout"' not in text
    assert "javascript:" not in text


async def test_product_and_part_pages(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    product, part = rows.products[0], rows.parts[0]

    product_page = await admin_web.get(f"/products/{product.id}")
    part_page = await admin_web.get(f"/parts/{part.id}")

    assert product_page.status_code == 200
    assert "Configuration" in product_page.text and "width" in product_page.text
    assert f'href="/parts/{part.id}"' in product_page.text
    assert part_page.status_code == 200
    assert "Frame 0 of ORD-0000" in part_page.text and "Child-0-0" in part_page.text


async def test_unknown_or_malformed_ids_are_404(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    for url in ("/orders/7d3c1a52-1111-4a4a-9c9c-000000000000", "/orders/nope", "/parts/x", "/products/y"):
        assert (await admin_web.get(url)).status_code == 404


async def test_completing_a_manual_task_from_the_order_page_finishes_the_flow(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, admin_web: WebClient
) -> None:
    flow = await make_flow(APPROVE)
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: ManualTask.get_or_none(order_id=order.id, status=ManualTaskStatus.OPEN))

    page = await admin_web.get(f"/orders/{order.id}")
    assert "Check the print" in page.text and "<svg" in page.text and 'data-task="check"' in page.text
    response = await admin_web.post(
        f"/orders/{order.id}/manual-tasks/{manual.id}/complete",
        {"comment": "fine"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert 'id="manual-tasks" hx-swap-oob="outerHTML"' in response.text
    assert "completed by admin@example.com" in response.text
    await until(lambda: _status_is(order.id, OrderStatus.SUCCESS))


async def test_a_second_completion_says_why_it_cannot(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, admin_web: WebClient
) -> None:
    flow = await make_flow(APPROVE)
    order = await make_order(flow.flow.key)
    await flow_runs.start_order_flow(admin, order.id)
    manual = await until(lambda: ManualTask.get_or_none(order_id=order.id, status=ManualTaskStatus.OPEN))
    await flow_runs.reject_manual_task(admin, manual.id, "no")

    response = await admin_web.post(
        f"/orders/{order.id}/manual-tasks/{manual.id}/complete", {}, headers={"HX-Request": "true"}
    )

    assert re.search(
        r'id="flash" hx-swap-oob="true"><p class="card error" role="alert">[^<]*rejected', response.text
    )


async def test_an_operator_starts_a_flow_for_a_created_order(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, operator_web: WebClient
) -> None:
    flow = await make_flow(APPROVE)
    order = await make_order(None)

    page = await operator_web.get(f"/orders/{order.id}")
    assert flow.flow.name in page.text
    response = await operator_web.post(f"/orders/{order.id}/start", {"flow_id": str(flow.flow.id)})

    assert response.status_code == 303
    await until(lambda: ManualTask.get_or_none(order_id=order.id))


async def _status_is(order_id: object, status: OrderStatus) -> bool:
    return (await Order.get(id=order_id)).status == status


async def test_the_tasks_page_lists_open_tasks_mine_first(
    jobs: Embedded, make_flow: MakeFlow, make_order: MakeOrder, admin: Actor, operator_web: WebClient
) -> None:
    tagged = {
        "stages": [
            stage("s", [task("t", "manual-task", {"title": "Sand it", "assigneeTags": ["eyewear"]})], ["t"])
        ]
    }
    plain = {"stages": [stage("s", [task("t", "manual-task", {"title": "Paint it"})], ["t"])]}
    for definition, name in ((plain, "A-1"), (tagged, "B-2")):
        flow = await make_flow(definition)
        order = await make_order(flow.flow.key, name=name)
        await flow_runs.start_order_flow(admin, order.id)
        await until(lambda order=order: ManualTask.get_or_none(order_id=order.id))

    everything = await operator_web.get("/tasks")
    mine = await operator_web.get("/tasks?mine=1")

    assert everything.text.index("Sand it") < everything.text.index("Paint it")
    assert '<tr class="mine">' in everything.text
    assert "Sand it" in mine.text and "Paint it" not in mine.text


async def test_the_order_page_logs_what_was_sent_to_its_update_url(
    admin_web: WebClient, space_key: tuple[str, str], receiver: Receiver
) -> None:
    order = (await seed_orders("demo-eyewear", 1)).orders[0]
    await Order.filter(id=order.id).update(update_url=receiver.base + "/update")
    stored = await Order.get(id=order.id)
    [delivery_id] = await webhook_outbox.record_for_order(
        order.id,
        "order.status_changed",
        lambda o: order_status_data(stored, None, stored.created_at),
        Effects(),
    )
    receiver.answer = 503
    await webhook_sending.attempt(delivery_id)  # one attempt, answered 503: due again later

    text = (await admin_web.get(f"/orders/{order.id}")).text

    log = text.split('id="webhooks"', 1)[1].split("</section>", 1)[0]
    assert "order.status_changed" in log and "updateUrl" in log
    assert receiver.base + "/update" in log
    assert "503" in log and "pending" in log
    assert len(receiver.at("/update")) == 1
