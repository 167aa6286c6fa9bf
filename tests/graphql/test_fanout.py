"""Subscription groups without a server: outboxes, slow members, how a stream's end reaches members."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator

from graphql import GraphQLError
from strawberry.types.execution import ExecutionResult, PreExecutionError

from graphql_schema.fanout import (
    OUTBOX_FRAMES,
    Ended,
    GroupKey,
    Member,
    SubscriptionGroups,
    is_subscription,
)

KEY = GroupKey("subscription { x }", None, "{}", ("key", None, None, None, False))


def _result(value: int) -> ExecutionResult:
    return ExecutionResult(data={"x": value}, errors=None)


def _stream(*results: ExecutionResult | PreExecutionError, hold: asyncio.Event | None = None):  # type: ignore[no-untyped-def]
    async def start() -> AsyncGenerator[ExecutionResult | PreExecutionError, None]:
        async def results_then_hold() -> AsyncGenerator[ExecutionResult | PreExecutionError, None]:
            for result in results:
                yield result
                await asyncio.sleep(0)
            if hold is not None:
                await hold.wait()

        return results_then_hold()

    return start


class Recorder:
    def __init__(self, blocked: asyncio.Event | None = None) -> None:
        self.frames: list[dict[str, object]] = []
        self.blocked = blocked

    async def send(self, text: str) -> None:
        if self.blocked is not None:
            await self.blocked.wait()
        self.frames.append(json.loads(text))


async def test_a_member_too_far_behind_loses_its_oldest_frames_only() -> None:
    member = Member("7")
    for value in range(OUTBOX_FRAMES + 20):
        member.offer(json.dumps({"data": {"x": value}}))
    member.end(Ended())
    recorder = Recorder()

    ended = await member.pump(recorder.send)

    assert ended == Ended()
    assert [frame["payload"]["data"]["x"] for frame in recorder.frames] == list(range(20, OUTBOX_FRAMES + 20))  # type: ignore[index]
    assert {(frame["id"], frame["type"]) for frame in recorder.frames} == {("7", "next")}


async def test_a_stuck_member_does_not_hold_back_the_others() -> None:
    groups = SubscriptionGroups()
    never = asyncio.Event()
    stuck, quick = Member("1"), Member("2")
    stuck_sender, quick_sender = Recorder(blocked=never), Recorder()
    start = _stream(_result(1), _result(2), _result(3))

    group = groups.join(KEY, stuck, start)
    assert groups.join(KEY, quick, start) is group
    stuck_pump = asyncio.create_task(stuck.pump(stuck_sender.send))
    ended = await asyncio.wait_for(quick.pump(quick_sender.send), timeout=5)

    assert ended == Ended()
    assert [frame["payload"] for frame in quick_sender.frames] == [{"data": {"x": n}} for n in (1, 2, 3)]
    assert stuck_sender.frames == []
    stuck_pump.cancel()
    groups.leave(group, stuck)
    groups.leave(group, quick)
    assert groups.group_count == 0


async def test_errors_before_the_first_event_reach_every_member() -> None:
    groups = SubscriptionGroups()
    refusal = PreExecutionError(data=None, errors=[GraphQLError("Cannot query field 'y'.")])
    members = [Member("1"), Member("2")]
    start = _stream(refusal)
    for member in members:
        groups.join(KEY, member, start)

    endings = [await asyncio.wait_for(member.pump(Recorder().send), timeout=5) for member in members]

    messages = [[error.message for error in ending.errors or ()] for ending in endings]
    assert messages == [["Cannot query field 'y'."]] * 2


async def test_the_last_member_leaving_stops_the_stream_and_a_new_one_starts_afresh() -> None:
    groups = SubscriptionGroups()
    hold = asyncio.Event()
    member = Member("1")
    group = groups.join(KEY, member, _stream(_result(1), hold=hold))
    while not member.outbox:  # the stream has started and sent its first frame
        await asyncio.sleep(0)
    groups.leave(group, member)
    await asyncio.sleep(0)

    assert group.task is not None and (group.task.cancelled() or group.task.done())
    again = groups.join(KEY, Member("2"), _stream(_result(2), hold=hold))
    assert again is not group and groups.group_count == 1


def test_only_subscriptions_that_parse_are_grouped() -> None:
    assert is_subscription("subscription { orderStatusChanged { status } }", None)
    assert not is_subscription("query { orders { totalCount } }", None)
    assert not is_subscription("subscription { broken", None)
    assert not is_subscription("subscription A { a } query B { b }", "B")


class Connection:
    """A connection's frame writer that takes frames while `open`, and what it was written."""

    def __init__(self) -> None:
        self.open = True
        self.written: list[dict[str, object]] = []

    def write_now(self, frame: bytes) -> bool:
        if not self.open:
            return False
        assert frame[0] == 0x81  # one unfragmented text frame
        size, start = frame[1], 2
        if size == 126:
            size, start = int.from_bytes(frame[2:4], "big"), 4
        assert len(frame) == start + size
        self.written.append(json.loads(frame[start:]))
        return True


def _payload(value: int) -> tuple[str, bytes]:
    text = json.dumps({"data": {"x": value, "pad": "p" * value}})
    return text, text.encode()


async def test_frames_a_connection_takes_are_written_at_once_and_the_rest_keep_their_order() -> None:
    connection = Connection()
    member = Member("9", connection.write_now)
    member.offer(*_payload(1))
    member.offer(*_payload(200))  # a frame over 125 bytes: a longer header
    assert [frame["payload"]["data"]["x"] for frame in connection.written] == [1, 200]  # type: ignore[index]
    assert {(frame["id"], frame["type"]) for frame in connection.written} == {("9", "next")}

    connection.open = False  # the buffer is full: the member's own task sends what comes now
    member.offer(*_payload(3))
    connection.open = True
    member.offer(*_payload(4))  # must not overtake 3, still waiting
    assert len(connection.written) == 2
    member.end(Ended())
    recorder = Recorder()
    await member.pump(recorder.send)
    assert [frame["payload"]["data"]["x"] for frame in recorder.frames] == [3, 4]  # type: ignore[index]
