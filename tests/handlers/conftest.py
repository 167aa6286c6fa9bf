"""Fixtures of the handler tests: an order of the eyewear example, task contexts on real rows,
a real SMTP server and a real HTTP server on loopback."""

from __future__ import annotations

import json
import socket
import threading
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword

from jobs.handlers.base import TaskContext
from server import settings
from server.domain.actors import Actor
from server.domain.flows.payload_specs import handler_spec
from server.models import Asset, AssetVersion, Flow, FlowRun, FlowVersion, Order, Part, Product, Space
from tests.conftest import EXAMPLES_DIR

ContextFactory = Callable[..., Awaitable[TaskContext]]


def eyewear_body() -> dict[str, Any]:
    return json.loads((EXAMPLES_DIR / "order-eyewear.json").read_text())["order"]


async def insert_order(space: Space, body: dict[str, Any]) -> Order:
    """The order tree of a connector body, written row by row."""
    order = await Order.create(
        id=uuid.uuid4(),
        space=space,
        name=body["thirdPartyOrderId"],
        data=body.get("data") or {},
        intake_hash=uuid.uuid4().hex,
        update_url=body.get("updateUrl"),
        flow_key=body.get("flowKey"),
    )
    for position, line in enumerate(body.get("orderLines") or []):
        product = await Product.create(
            id=uuid.uuid4(),
            order=order,
            position=position,
            title=line["title"],
            data=line.get("data") or {},
            amount_of_units=line.get("amountOfUnits", 1),
            value_per_unit=line.get("valuePerUnit", 0),
            client_id=line.get("orderId"),
        )
        await _insert_items(order, product, None, line.get("items") or [])
    return order


async def _insert_items(
    order: Order, product: Product, parent: Part | None, items: list[dict[str, Any]]
) -> None:
    for position, item in enumerate(items):
        part = await Part.create(
            id=uuid.uuid4(),
            order=order,
            product=product,
            parent=parent,
            position=position,
            client_id=item["id"],
            name=(item.get("data") or {}).get("name") or item["id"],
            data=item.get("data") or {},
            tags=item.get("tags") or [],
            is_asset=bool(item.get("isAsset")),
        )
        for index, asset in enumerate(item.get("assets") or []):
            row = await Asset.create(
                id=uuid.uuid4(),
                order=order,
                product=product,
                part=part,
                position=index,
                client_id=asset["id"],
                name=asset["url"].rsplit("/", 1)[-1],
                url=asset["url"],
                is_public=bool(asset.get("isPublic")),
            )
            for number, version in enumerate(asset.get("versions") or []):
                await AssetVersion.create(
                    id=uuid.uuid4(),
                    asset=row,
                    position=number,
                    url=version["url"],
                    date=datetime.fromisoformat(version["date"].replace("Z", "+00:00")),
                )
        await _insert_items(order, product, part, item.get("items") or [])


@pytest.fixture
async def space(space_key: tuple[str, str]) -> Space:
    return await Space.get(key=space_key[0])


@pytest.fixture
async def order(space: Space, admin: Actor) -> Order:
    """The eyewear example, stored by the order intake (or row by row where the intake is absent)."""
    body = {key: value for key, value in eyewear_body().items() if key != "flowKey"}
    try:
        from server.services.orders.intake import create_order
    except ImportError:
        return await insert_order(space, body)
    return (await create_order(admin, body)).order


@pytest.fixture
def make_context(order: Order) -> ContextFactory:
    """A task context on real flow, run and task-run rows of `order`."""

    async def make(handler_key: str, payload: dict[str, Any], *, attempt: int = 1) -> TaskContext:
        from server.models import TaskRun

        assert handler_spec(handler_key) is not None
        definition = {
            "stages": [
                {
                    "key": "s",
                    "taskDefinitions": [
                        {"key": "task", "handlerKey": handler_key, "payload": payload, "next": []}
                    ],
                    "initialTaskDefinitionKeys": ["task"],
                }
            ]
        }
        flow = await Flow.create(
            id=uuid.uuid4(), space_id=order.space_id, key=f"f-{uuid.uuid4().hex[:8]}", name=uuid.uuid4().hex
        )
        version = await FlowVersion.create(
            id=uuid.uuid4(), flow=flow, number=1, source=json.dumps(definition), definition=definition
        )
        run = await FlowRun.create(id=uuid.uuid4(), order=order, flow_version=version)
        task_run = await TaskRun.create(
            id=uuid.uuid4(),
            run=run,
            ordinal=0,
            stage_index=0,
            key="task",
            handler_key=handler_key,
            attempts=attempt,
        )
        return TaskContext(
            task_run_id=task_run.id,
            run_id=run.id,
            order_id=order.id,
            space_id=order.space_id,
            task_key="task",
            handler_key=handler_key,
            payload=payload,
            attempt=attempt,
            timeout_at=None,
        )

    return make


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Inbox:
    """What the SMTP server received."""

    envelopes: list[Envelope] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def messages(self) -> list[Message]:
        return [message_from_bytes(envelope.content) for envelope in self.envelopes]  # type: ignore[arg-type]


class _Authenticator:
    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"fabflow", b"s3cret")
        return AuthResult(success=ok)


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    """A real SMTP server on loopback that wants a login; the settings point at it."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=_Authenticator(), auth_require_tls=False
    )
    controller.start()
    monkeypatch.setattr(settings, "SMTP_HOST", "127.0.0.1")
    monkeypatch.setattr(settings, "SMTP_PORT", port)
    monkeypatch.setattr(settings, "SMTP_TLS", "none")
    monkeypatch.setattr(settings, "SMTP_USER", "fabflow")
    monkeypatch.setattr(settings, "SMTP_PASSWORD", "s3cret")
    monkeypatch.setattr(settings, "SMTP_FROM", "orders@fabflow.test")
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def no_smtp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "SMTP_HOST", "")


@pytest.fixture
async def events_of(order: Order) -> AsyncIterator[Callable[[str], Awaitable[list[Any]]]]:
    from server.models import HistoryEntry

    async def events(kind: str) -> list[Any]:
        return await HistoryEntry.filter(order_id=order.id, kind=kind).order_by("created_at")

    yield events


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Connector:
    """A real HTTP server on loopback that answers from a script and keeps what it received."""

    port: int
    script: list[tuple[int, dict[str, str], bytes]]
    received: list[Received] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/orders"

    def answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.script.append((status, headers or {}, body))


def _handler_for(connector: Connector) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            connector.received.append(
                Received(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            status, headers, answer = connector.script.pop(0) if connector.script else (200, {}, b"ok")
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_POST = _serve
        do_GET = _serve

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@pytest.fixture
def connector(monkeypatch: pytest.MonkeyPatch) -> Iterator[Connector]:
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "::1"])
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    state = Connector(port=server.server_address[1], script=[])
    server.RequestHandlerClass = _handler_for(state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def asset_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "assets"
    monkeypatch.setattr(settings, "ASSET_DIR", directory)
    return directory


def html_part(message: Message) -> str:
    part = next(part for part in message.walk() if part.get_content_type() == "text/html")
    return part.get_payload(decode=True).decode()  # type: ignore[union-attr]
