"""The outbox page: kept e-mails as text, only for orders the user may see."""

from __future__ import annotations

from server.models import Order, Organization, OutboxMail, Space
from tests.graphql.seed import seed_orders
from tests.web.conftest import WebClient


async def test_kept_mails_are_shown_as_text(admin_web: WebClient, space_key: tuple[str, str]) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    await OutboxMail.create(
        order_id=rows.orders[0].id,
        sender="fabflow@localhost",
        recipients=["c0@example.com"],
        subject="Your order <b>ORD-0000</b>",
        html='<p>Hello</p><script>alert(1)</script><a hx-get="/logout" hx-trigger="load">x</a>',
    )

    response = await admin_web.get("/outbox")

    assert response.status_code == 200
    assert "Your order &lt;b&gt;ORD-0000&lt;/b&gt;" in response.text
    assert "<script>alert(1)" not in response.text and 'hx-get="/logout"' not in response.text
    assert f'href="/orders/{rows.orders[0].id}"' in response.text


async def test_mails_of_orders_one_may_not_see_are_hidden(
    operator_web: WebClient, space_key: tuple[str, str]
) -> None:
    rows = await seed_orders("demo-eyewear", 1)
    elsewhere = await Organization.create(name="Elsewhere")
    await Space.filter(key="demo-eyewear").update(organization_id=elsewhere.id)
    await OutboxMail.create(
        order_id=rows.orders[0].id,
        sender="f@localhost",
        recipients=["x@example.com"],
        subject="Secret",
        html="x",
    )
    await OutboxMail.create(
        sender="f@localhost", recipients=["x@example.com"], subject="System mail", html="x"
    )

    response = await operator_web.get("/outbox")

    assert "Secret" not in response.text and "System mail" not in response.text
    assert await Order.filter(id=rows.orders[0].id).exists()
