"""`siteflow-submit`: submits the order to HP PrintOS Site Flow and waits for its postbacks (DESIGN §10).

The order JSON and the HMAC signature follow HP's public samples (`HPInc/printos-siteflow-api-samples`,
`python/siteflow_api.py`; see `server.domain.siteflow`). Each production file of the order (matching
`filter`) becomes one item with one component whose `path` is a signed link to the file; the shipment
goes to the order's delivery address with `carrier`. The order is POSTed to the space's connection
(`<base URL>/api/order`), and the Site Flow order id of the answer is stored.

A task run submits once: its `SiteflowSubmission` is committed before the POST, so a message
delivered again finds it submitted and only waits, and its `sourceOrderId` (unique per task run) is
one Site Flow refuses to take twice. 4xx fails the task; 5xx and network errors retry with backoff.
The postbacks (`server.services.siteflow`) end the wait: Shipment Dispatched succeeds the task,
Cancelled and Errored fail it. Cancelling the run cancels the Site Flow order: the `cancel` hook
marks the submission (rows only, inside the cancelling transaction) and the `sweep` hook makes the
call (`PUT /api/order/<source account>/<sourceOrderId>/cancel`) after the commit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import re2

from jobs.handlers.base import (
    OBJECT,
    REGEX,
    STRING,
    BaseHandler,
    EndedTask,
    Failed,
    Field,
    HandlerResult,
    HandlerSpec,
    Resumption,
    Retry,
    Succeeded,
    TaskContext,
    Wait,
)
from jobs.handlers.consume_rest_api import MAX_ATTEMPTS, backoff, record_attempt
from server.domain import siteflow as sf
from server.domain.statuses import AssetKind
from server.models import Address, Asset, AssetVersion, Order, Part, Product, SiteflowSubmission
from server.services import assets, outbound, sealed_secrets, siteflow, webhooks
from server.services.orders import context as order_context

SPEC = HandlerSpec(
    "siteflow-submit",
    "Submits the order to HP PrintOS Site Flow and waits for its postbacks (shipped, cancelled, errored).",
    (
        Field(
            "destination",
            STRING,
            description="the Site Flow destination (destination.name); default the space connection's.",
        ),
        Field(
            "carrier",
            OBJECT,
            description='the shipment\'s carrier {"code", "service"}; default {"code": "customer", '
            '"service": "shipping"}.',
        ),
        Field("sku", STRING, description="the SKU of files whose part and product name none (siteflowSku)."),
        Field(
            "componentCode",
            STRING,
            description="the component code of each file, unless its part names one (siteflowComponent).",
            default="Content",
        ),
        Field("filter", REGEX, description="RE2 pattern searched in production file names; all if absent."),
    ),
)

ANSWER_LIMIT = 256 * 1024  # a submission's answer is the whole order (≈10 KB for one item)
CANCEL_ATTEMPTS = 12


class OrderProblem(ValueError):
    """The order cannot become a Site Flow order; the message says what is missing."""


@dataclass(frozen=True)
class Prepared:
    credentials: siteflow.Credentials
    destination: str
    body: dict[str, Any]


def _carrier(payload: dict[str, Any]) -> dict[str, str]:
    given = payload.get("carrier")
    if not given:
        return dict(sf.DEFAULT_CARRIER)
    carrier = {str(k): str(v) for k, v in given.items() if isinstance(v, str | int | float) and str(v)}
    if not carrier.get("code"):
        raise OrderProblem(
            '"carrier.code" is required when a carrier is given (e.g. {"code": "customer", '
            '"service": "shipping"})'
        )
    return carrier


async def _delivery(order: Order) -> dict[str, str]:
    addresses = await Address.filter(order_id=order.id).order_by("position")
    wanted = [a for a in addresses if a.purpose == "delivery" or a.address_type in ("shipping", "delivery")]
    if not wanted:
        raise OrderProblem(
            'The order has no delivery address (purpose "delivery" or type "shipping") for the shipment.'
        )
    customer = order.data.get("customerInfo") if isinstance(order.data, dict) else None
    ship_to = sf.ship_to(wanted[0].data or {}, customer if isinstance(customer, dict) else {})
    missing = [name for name in sf.MISSING_SHIP_TO if name not in ship_to]
    if missing:
        raise OrderProblem(f"The delivery address has no {', '.join(missing)} for Site Flow's shipTo.")
    return ship_to


def _data_text(data: Any, key: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    return str(value).strip() if isinstance(value, str | int) and str(value).strip() else ""


async def _files(order: Order, payload: dict[str, Any]) -> list[sf.ItemFile]:
    pattern = re2.compile(payload["filter"]) if payload.get("filter") else None
    products = {p.id: p for p in await Product.filter(order_id=order.id)}
    parts = {p.id: p for p in await Part.filter(order_id=order.id)}
    rows = await Asset.filter(order_id=order.id, kind=AssetKind.PRODUCTION).order_by("position")
    versions = (
        await AssetVersion.filter(asset__order_id=order.id).order_by("position").values("asset_id", "url")
    )
    current = {v["asset_id"]: str(v["url"]) for v in versions}
    files, unnamed = [], []
    for asset in rows:
        if pattern is not None and not pattern.search(asset.name):
            continue
        product = products.get(asset.product_id)  # type: ignore[attr-defined]
        part = parts.get(asset.part_id)  # type: ignore[attr-defined]
        sku = (
            _data_text(part.data if part else None, "siteflowSku")
            or _data_text(product.data if product else None, "siteflowSku")
            or str(payload.get("sku") or "")
        )
        if not sku:
            unnamed.append(asset.name)
            continue
        default_code = str(payload.get("componentCode") or sf.DEFAULT_COMPONENT_CODE)
        code = _data_text(part.data if part else None, "siteflowComponent") or default_code
        product_ref = (product.client_id or str(product.position + 1)) if product else "order"
        owner_ref = part.client_id if part else "product"
        files.append(
            sf.ItemFile(
                f"{product_ref}-{owner_ref}-{asset.client_id}",
                sku,
                max(1, product.amount_of_units if product else 1),
                code,
                assets.signed_url(current.get(asset.id, asset.url)),
            )
        )
    if unnamed:
        raise OrderProblem(
            f'No Site Flow SKU for {", ".join(unnamed)}: give the task a "sku", or the part or product '
            'a data "siteflowSku".'
        )
    if not files:
        where = f' matching "{payload["filter"]}"' if payload.get("filter") else ""
        raise OrderProblem(f"The order has no production file{where} to send to Site Flow.")
    return files


async def prepare(context: TaskContext, payload: dict[str, Any], source_order_id: str) -> Prepared:
    credentials = await siteflow.credentials(context.space_id)
    if credentials is None:
        raise OrderProblem(
            "The space has no Site Flow connection: an admin sets it on the Integrations page."
        )
    destination = str(payload.get("destination") or credentials.destination)
    if not destination:
        raise OrderProblem('No Site Flow destination: give the task a "destination" or the connection one.')
    order = await Order.get(id=context.order_id)
    body = sf.order_json(
        destination,
        source_order_id,
        siteflow.task_postback_url(context.task_run_id),
        await _files(order, payload),
        await _delivery(order),
        _carrier(payload),
    )
    return Prepared(credentials, destination, body)


def _answer(result: outbound.CallResult) -> Any:
    try:
        return json.loads(result.excerpt)
    except ValueError:
        return None


def _short(result: outbound.CallResult) -> dict[str, Any]:
    return {
        "url": result.url,
        "statusCode": result.status_code,
        "durationMs": result.duration_ms,
        "response": result.excerpt[:1024],
        **({"error": result.error} if result.error else {}),
    }


def _retry_or_fail(context: TaskContext, what: str, result: outbound.CallResult) -> HandlerResult:
    if context.attempt >= MAX_ATTEMPTS:
        return Failed(f"Site Flow {what}, {context.attempt} times; giving up.", _short(result))
    retry_at = datetime.now(UTC) + backoff(context.attempt)
    if context.timeout_at is not None and retry_at >= context.timeout_at:
        return Failed(f"Site Flow {what}; the next try would come after the task's timeout.", _short(result))
    return Retry(retry_at, f"Site Flow {what}; trying again.", _short(result))


class SiteflowSubmit(BaseHandler):
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = self.spec.payload.normalize(context.payload)
        found = await siteflow.submission_of(context.task_run_id)
        if found is not None and found.state == "submitted":  # a message delivered again
            return Wait(response=self._waiting(found))
        if found is not None and found.state not in ("submitting", "retrying"):
            return Failed(f"This task's Site Flow order {found.source_order_id} is {found.state} already.")
        order = await Order.get(id=context.order_id)
        source_order_id = (
            found.source_order_id if found else sf.source_order_id(order.name, context.task_run_id.hex)
        )
        try:
            prepared = await prepare(context, payload, source_order_id)
        except (OrderProblem, sealed_secrets.Unreadable) as exc:
            return Failed(str(exc))
        submission = found or await siteflow.begin_submission(
            context.task_run_id, context.space_id, context.order_id, source_order_id
        )
        uncertain = submission.uncertain or (found is not None and found.state == "submitting")
        return await self._submit(context, prepared, submission, uncertain)

    async def _submit(
        self, context: TaskContext, prepared: Prepared, submission: SiteflowSubmission, uncertain: bool
    ) -> HandlerResult:
        creds = prepared.credentials
        body = json.dumps(prepared.body, separators=(",", ":"), ensure_ascii=False).encode()
        headers = sf.signed_headers(creds.api_key, creds.secret, "POST", sf.ORDER_PATH, datetime.now(UTC))
        await siteflow.set_state(submission, "submitting", uncertain=uncertain)
        try:
            result = await outbound.post(
                creds.base_url + sf.ORDER_PATH,
                body,
                headers,
                policy=webhooks.url_policy(),
                read_limit=ANSWER_LIMIT,
            )
        except webhooks.RefusedUrl as exc:
            await siteflow.set_state(submission, "refused")
            return Failed(f"The Site Flow base URL is refused: {exc}")
        await record_attempt(
            context,
            outbound.CallResult(
                result.url, result.status_code, result.duration_ms, result.excerpt[:1024], result.error
            ),
        )
        status = result.status_code
        if status is not None and 200 <= status < 300:
            return await self._taken(context, prepared, submission, result)
        if status is not None and 400 <= status < 500:
            await siteflow.set_state(submission, "refused")
            earlier = (
                (
                    " An earlier try got no answer, so Site Flow may hold this order already (a second "
                    "order with the same sourceOrderId is refused): check it in Site Flow."
                )
                if uncertain
                else ""
            )
            return Failed(
                f"Site Flow refused the order ({status}): {result.excerpt[:300]}{earlier}", _short(result)
            )
        if status is not None:
            await siteflow.set_state(submission, "retrying", uncertain=uncertain)
            return _retry_or_fail(context, f"answered {status}", result)
        await siteflow.set_state(submission, "submitting", uncertain=True)
        return _retry_or_fail(context, f"could not be reached ({result.error})", result)

    async def _taken(
        self,
        context: TaskContext,
        prepared: Prepared,
        submission: SiteflowSubmission,
        result: outbound.CallResult,
    ) -> HandlerResult:
        taken = sf.read_submission(_answer(result))
        if taken is None:
            await siteflow.set_state(submission, "refused")
            return Failed("Site Flow answered without an order id (order._id).", _short(result))
        account = taken.source_account or prepared.destination
        await siteflow.set_state(
            submission,
            "submitted",
            siteflow_order_id=taken.siteflow_order_id[:100],
            source_account=account[:200],
        )
        submission = await SiteflowSubmission.get(id=submission.id)
        items = len(prepared.body["orderData"]["items"])
        await order_context.record_event(
            context.order_id,
            "siteflow.submitted",
            f"Task {context.task_key}: Site Flow took the order as {taken.siteflow_order_id} "
            f"(sourceOrderId {submission.source_order_id}, {items} item(s), "
            f"destination {prepared.destination}).",
            {
                "task": context.task_key,
                "siteflowOrderId": taken.siteflow_order_id,
                "sourceOrderId": submission.source_order_id,
                "items": items,
            },
        )
        return Wait(response=self._waiting(submission))

    @staticmethod
    def _waiting(submission: SiteflowSubmission) -> dict[str, Any]:
        return {
            "siteflowOrderId": submission.siteflow_order_id,
            "sourceOrderId": submission.source_order_id,
            "sourceAccount": submission.source_account,
            "waitingFor": "Site Flow's postbacks",
        }

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        data = resumption.data
        if data is None:
            return Wait()
        submission = await siteflow.submission_of(context.task_run_id)
        response = {**data, "siteflowOrderId": submission.siteflow_order_id if submission else None}
        order_ref = f"Site Flow order {data.get('sourceOrderId')}"
        note = f": {data['message']}" if data.get("message") else "."
        if data.get("event") == sf.SHIPMENT_DISPATCHED:
            return Succeeded(response)
        if data.get("event") == sf.CANCELLED:
            return Failed(f"{order_ref} was cancelled in Site Flow{note}", response)
        return Failed(f"{order_ref} is in error in Site Flow{note}", response)

    async def cancel(self, task: EndedTask) -> None:
        """Rows only: the Site Flow order is cancelled by the next sweep, after this commit."""
        await siteflow.request_cancel(task.task_run_id, datetime.now(UTC))

    async def sweep(self) -> int:
        moment = datetime.now(UTC)
        due = await siteflow.due_cancellations(moment)
        for submission in due:
            await self._send_cancel(submission, moment)
        return len(due)

    async def _send_cancel(self, submission: SiteflowSubmission, moment: datetime) -> None:
        try:
            creds = await siteflow.credentials(submission.space_id)  # type: ignore[attr-defined]
        except sealed_secrets.Unreadable as exc:
            creds, problem = None, str(exc)
        else:
            problem = "" if creds is not None else "the space has no Site Flow connection any more"
        if creds is None:
            await self._cancel_failed(submission, problem)
            return
        path = sf.cancel_path(
            quote(submission.source_account, safe=""), quote(submission.source_order_id, safe="")
        )
        headers = sf.signed_headers(creds.api_key, creds.secret, "PUT", path, moment)
        try:
            result = await outbound.send(
                "PUT", creds.base_url + path, b"", headers, policy=webhooks.url_policy()
            )
        except webhooks.RefusedUrl as exc:
            await self._cancel_failed(submission, str(exc))
            return
        status = result.status_code
        if status is not None and 200 <= status < 300:
            await siteflow.set_state(submission, "cancelled", next_cancel_at=None, cancel_error="")
            await order_context.record_event(
                submission.order_id,  # type: ignore[attr-defined]
                "siteflow.cancelled",
                f"Site Flow cancelled the order {submission.source_order_id}, as the run was cancelled.",
                {
                    "sourceOrderId": submission.source_order_id,
                    "siteflowOrderId": submission.siteflow_order_id,
                },
            )
            return
        what = f"answered {status}: {result.excerpt[:300]}" if status is not None else result.error
        attempts = submission.cancel_attempts + 1
        if (status is not None and 400 <= status < 500) or attempts >= CANCEL_ATTEMPTS:
            await self._cancel_failed(submission, what, attempts)
            return
        await siteflow.set_state(
            submission,
            "cancelling",
            cancel_attempts=attempts,
            cancel_error=what[:2000],
            next_cancel_at=moment + backoff(attempts),
        )

    async def _cancel_failed(
        self, submission: SiteflowSubmission, why: str, attempts: int | None = None
    ) -> None:
        await siteflow.set_state(
            submission,
            "cancel_failed",
            next_cancel_at=None,
            cancel_error=why[:2000],
            cancel_attempts=attempts or submission.cancel_attempts + 1,
        )
        await order_context.record_event(
            submission.order_id,  # type: ignore[attr-defined]
            "warning",
            f"The Site Flow order {submission.source_order_id} could not be cancelled ({why[:300]}): "
            "cancel it in Site Flow.",
            {"sourceOrderId": submission.source_order_id, "siteflowOrderId": submission.siteflow_order_id},
        )


HANDLER = SiteflowSubmit()
