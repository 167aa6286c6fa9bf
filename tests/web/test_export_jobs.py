"""Exports in the background: every row matching the table's filter and sort (any number), and
ticked rows beyond what a direct download takes."""

from __future__ import annotations

import pytest

from server.domain.statuses import OrderStatus
from server.models import Order
from server.services import exports
from tests.graphql.seed import Shape, seed_orders
from tests.web.conftest import WebClient
from tests.web.export_support import csv_rows, export_file, finished, start_export

pytestmark = pytest.mark.usefixtures("jobs")
SMALL = Shape(products=1, parts=0, assets=0, versions=0, children=False)


async def test_all_300_orders_export_as_one_csv_of_300_rows(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 300, SMALL)

    response = await export_file(admin_web, "orders", {"scope": "all", "column": ["name", "status"]})

    rows = csv_rows(response)
    assert rows[0] == ["Order", "Status"]
    assert len(rows) == 301
    assert sorted(r[0] for r in rows[1:]) == [f"ORD-{i:04d}" for i in range(300)]
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]


async def test_all_matching_keeps_the_filter_and_the_sort(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 12, SMALL)
    failed = [o.id for i, o in enumerate(rows.orders) if i % 3 == 0]  # ORD-0000, -0003, -0006, -0009
    await Order.filter(id__in=failed).update(status=OrderStatus.FAILURE)

    status_url = await start_export(
        admin_web,
        "orders",
        {"scope": "all", "status": "FAILURE", "sort": "name", "dir": "desc", "column": ["name", "status"]},
    )
    ready = await finished(admin_web, status_url)
    response = await admin_web.get(f"{status_url}/download")

    assert "The CSV is ready (4 orders)" in ready
    assert csv_rows(response)[1:] == [[f"ORD-{i:04d}", "Failure"] for i in (9, 6, 3, 0)]


async def test_all_matching_of_a_filter_matching_nothing_is_a_header(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 3, SMALL)

    response = await export_file(
        admin_web, "products", {"scope": "all", "q": "no such thing", "column": ["title"]}
    )

    assert csv_rows(response) == [["Product"]]


async def test_more_ticked_rows_than_a_direct_download_takes_export_in_the_background(
    admin_web: WebClient, space_key: tuple[str, str]
) -> None:
    count = exports.MAX_DIRECT_ROWS + 20
    rows = await seed_orders("demo-eyewear", count, SMALL)
    ticked = [str(o.id) for o in rows.orders]

    direct = await admin_web.post(
        "/orders/export", {"id": ticked, "column": ["name"], "csrf_token": admin_web.csrf}
    )
    response = await export_file(admin_web, "orders", {"scope": "selected", "id": ticked, "column": ["name"]})

    assert direct.status_code == 400 and "download at once" in direct.text
    assert [r[0] for r in csv_rows(response)[1:]] == [o.name for o in rows.orders]


async def test_my_orders_exports_the_orders_with_my_tags(
    operator_web: WebClient, space_key: tuple[str, str]
) -> None:
    await seed_orders("demo-eyewear", 2, SMALL)
    await seed_orders("demo-eyewear", 1, SMALL, prefix="MINE", tags=["eyewear"])

    mine = await export_file(operator_web, "orders", {"scope": "all", "mine": "1", "column": ["name"]})
    everything = await export_file(operator_web, "orders", {"scope": "all", "column": ["name"]})

    assert csv_rows(mine) == [["Order"], ["MINE-0000"]]
    assert len(csv_rows(everything)) == 4
