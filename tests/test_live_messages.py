"""The bus's messages: their wire form and the one rule of who may see them."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest

from server.domain.actors import SYSTEM, Actor, ActorKind
from server.domain.statuses import Role
from server.live_messages import (
    BusResumed,
    OrderCreated,
    OrderStatusChanged,
    OrderTagsChanged,
    TaskUpdated,
    decode,
    encode,
    may_see,
)

ORG, OTHER_ORG, SPACE, OTHER_SPACE = (uuid.uuid4() for _ in range(4))
AT = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)


def status(space: uuid.UUID = SPACE, org: uuid.UUID = ORG) -> OrderStatusChanged:
    return OrderStatusChanged(
        organization_id=str(org),
        space_id=str(space),
        space_key="demo-eyewear",
        order_id="o-1",
        order_name="LIVE-1",
        previous_status="CREATED",
        status="IN_PROGRESS",
        order={"id": "o-1", "name": "LIVE-1", "status": "IN_PROGRESS", "tags": ["rush"]},
        at=AT,
    )


def test_a_status_change_travels_as_the_flat_camel_case_object_subscribers_read() -> None:
    wire = json.loads(encode(status()))

    assert wire == {
        "type": "order.status",
        "organizationId": str(ORG),
        "spaceId": str(SPACE),
        "spaceKey": "demo-eyewear",
        "orderId": "o-1",
        "orderName": "LIVE-1",
        "previousStatus": "CREATED",
        "status": "IN_PROGRESS",
        "order": {"id": "o-1", "name": "LIVE-1", "status": "IN_PROGRESS", "tags": ["rush"]},
        "at": "2026-03-01T12:30:00+00:00",
    }


@pytest.mark.parametrize(
    "message",
    [
        status(),
        OrderCreated(
            organization_id="g",
            space_id="s",
            space_key="k",
            order_id="o",
            order_name="N",
            status="CREATED",
            at=AT,
        ),
        OrderTagsChanged(
            organization_id="g", space_id="s", space_key="k", order_id="o", order_name="N", at=AT
        ),
        TaskUpdated(
            organization_id="g",
            space_id="s",
            space_key="k",
            order_id="o",
            run_id="r",
            run_status="RUNNING",
            task_run_id="t",
            task_key="check",
            task_state="WAITING",
            at=AT,
        ),
    ],
)
def test_what_is_encoded_decodes_to_the_same_message(message: object) -> None:
    assert decode(encode(message)) == message  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "raw", ['{"type": "order.deleted", "orderId": "o"}', '{"type": "order.status"}', "not json", "[]"]
)
def test_what_is_not_a_known_message_is_refused_by_name(raw: str) -> None:
    with pytest.raises(ValueError, match="not a bus message"):
        decode(raw)


def test_a_space_key_sees_its_own_space_only() -> None:
    key = Actor(kind=ActorKind.SPACE_KEY, organization_id=ORG, space_id=SPACE)

    assert may_see(key, status())
    assert not may_see(key, status(space=OTHER_SPACE))


def test_a_user_sees_every_space_of_its_organization_and_nothing_of_others() -> None:
    user = Actor(kind=ActorKind.USER, organization_id=ORG, role=Role.OPERATOR)

    assert may_see(user, status(space=OTHER_SPACE))
    assert not may_see(user, status(org=OTHER_ORG))


def test_the_system_sees_all_and_a_user_without_organization_nothing() -> None:
    assert may_see(SYSTEM, status(org=OTHER_ORG))
    assert not may_see(Actor(kind=ActorKind.USER), status())


def test_everyone_hears_that_the_bus_is_back() -> None:
    key = Actor(kind=ActorKind.SPACE_KEY, organization_id=ORG, space_id=SPACE)

    assert may_see(key, BusResumed(at=AT))
