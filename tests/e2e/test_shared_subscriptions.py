"""Identical subscriptions share one execution per event, over real websockets (graphql_schema.fanout)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graphql_schema.execution import PlannedExecutionContext
from graphql_schema.fanout import SubscriptionGroups
from graphql_schema.flows import subscriptions
from server.domain.actors import Actor
from server.events import get_bus
from server.services import auth, flow_runs, flows
from tests.e2e.support import LiveServer, Subscriber, until
from tests.e2e.test_subscriptions import FLOW, STATUS
from tests.flows.conftest import MakeOrder


def _groups(server: LiveServer) -> SubscriptionGroups:
    """The subscription groups of the server's GraphQL app, found through the app's routes."""
    pending: list[Any] = [server.server.config.app]
    while pending:
        app = pending.pop()
        groups = getattr(app, "subscription_groups", None)
        if isinstance(groups, SubscriptionGroups):
            return groups
        pending.extend(getattr(route, "app", None) for route in getattr(app, "routes", ()))
        pending.append(getattr(app, "app", None))
        pending = [candidate for candidate in pending if candidate is not None]
    raise AssertionError("the app has no subscription groups")


async def _is(value: bool) -> bool:
    return value


async def test_identical_subscriptions_are_rendered_once_and_each_gets_its_own_frame(
    admin: Actor, space_key: tuple[str, str], make_order: MakeOrder, monkeypatch: pytest.MonkeyPatch
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Review flow", json.dumps(FLOW))
    await auth.create_space(admin, "other-space", "Other")
    other_key = (await auth.create_api_key(admin, "other-space")).secret
    order = await make_order("review-flow", name="SHARED-1")
    rendered: list[str] = []
    render = subscriptions._status_change
    monkeypatch.setattr(subscriptions, "_status_change", lambda m: rendered.append(m.status) or render(m))
    compiled: list[str] = []
    compile_plan = PlannedExecutionContext._compile

    def counted_compile(self: PlannedExecutionContext, object_type: Any, fields: Any) -> Any:
        compiled.append(object_type.name)
        return compile_plan(self, object_type, fields)

    monkeypatch.setattr(PlannedExecutionContext, "_compile", counted_compile)

    async with (
        LiveServer(run_jobs=True) as server,
        Subscriber(server.ws_url, space_key[1]) as first,
        Subscriber(server.ws_url, space_key[1]) as second,
        Subscriber(server.ws_url, space_key[1]) as third,
        Subscriber(server.ws_url, other_key) as stranger,
    ):
        groups = _groups(server)
        for subscriber in (first, second, third, stranger):
            await subscriber.subscribe(STATUS, {})
        await until(lambda: _is(groups.member_count == 4))
        assert (groups.group_count, get_bus().subscriber_count) == (2, 2)  # one per audience

        run = await flow_runs.start_order_flow(admin, order.id)
        started = [await subscriber.next() for subscriber in (first, second, third)]
        plans_after_first_event = len(compiled)
        await flow_runs.cancel_run(admin, run.id, "not needed")
        cancelled = [await subscriber.next() for subscriber in (first, second, third)]

    assert started[0]["orderStatusChanged"]["status"] == "IN_PROGRESS"
    assert cancelled[0]["orderStatusChanged"]["status"] != "IN_PROGRESS"
    assert started == [started[0]] * 3 and cancelled == [cancelled[0]] * 3
    assert rendered == ["IN_PROGRESS", cancelled[0]["orderStatusChanged"]["status"]]  # once per change
    assert plans_after_first_event > 0 and len(compiled) == plans_after_first_event  # plans kept
    assert stranger.received == []


async def test_a_member_leaving_keeps_the_others_and_the_last_one_stops_the_group(
    admin: Actor, space_key: tuple[str, str], make_order: MakeOrder
) -> None:
    await flows.create_flow(admin, "demo-eyewear", "Review flow", json.dumps(FLOW))
    order = await make_order("review-flow", name="SHARED-2")

    async with (
        LiveServer(run_jobs=True) as server,
        Subscriber(server.ws_url, space_key[1]) as leaving,
        Subscriber(server.ws_url, space_key[1]) as staying,
    ):
        groups = _groups(server)
        gone = await leaving.subscribe(STATUS, {})
        kept = await staying.subscribe(STATUS, {})
        await until(lambda: _is(groups.member_count == 2))
        await leaving.complete(gone)
        await until(lambda: _is(groups.member_count == 1))

        await flow_runs.start_order_flow(admin, order.id)
        heard = await staying.next()
        await staying.complete(kept)
        await until(lambda: _is(groups.group_count == 0 and get_bus().subscriber_count == 0))

    assert heard["orderStatusChanged"]["order"]["name"] == "SHARED-2"
    assert leaving.received == []
