"""`asset-email`: e-mail links to the order's assets whose file names match a filter.

The filter is an RE2 pattern (linear time, whatever the input), searched in each asset's file name.
`{assetOverview}` in the body becomes a list of links to the matching assets' current versions;
links to files Fabflow stores are signed, so recipients need no account. With `needConfirmation`
the mail also carries a single-use confirmation link (`{confirmationUrl}`, or a paragraph added at
the end when the body does not place it) and the task waits until it is used.
"""

from __future__ import annotations

import html
from typing import Any

import re2

from jobs.handlers.base import (
    BOOLEAN,
    CONFIRM,
    REGEX,
    STRING,
    EndedTask,
    Failed,
    Field,
    HandlerResult,
    HandlerSpec,
    Resumption,
    Succeeded,
    TaskContext,
    Wait,
)
from jobs.handlers.send_email import BCC, CC, RECIPIENTS, SUBJECT, compose, deliver
from server.domain.variables import SafeHtml
from server.services import assets, signed_links
from server.services.orders import context as order_context

SPEC = HandlerSpec(
    "asset-email",
    "E-mails links to the order's assets whose file names match a filter; optionally waits for "
    "the recipient to confirm.",
    (
        Field("filter", REGEX, True, description="a regular expression on asset file names."),
        RECIPIENTS,
        SUBJECT,
        Field("body", STRING, True, ("message",), "the HTML body; {assetOverview} lists the assets."),
        Field("needConfirmation", BOOLEAN, description="wait until the recipient confirms.", default=False),
        CC,
        BCC,
    ),
)


def compile_filter(pattern: str) -> Any:
    options = re2.Options()
    options.log_errors = False
    return re2.compile(pattern, options)


async def matching_assets(order_id: Any, pattern: str) -> list[assets.CurrentVersion]:
    compiled = compile_filter(pattern)
    return [asset for asset in await assets.current_versions(order_id) if compiled.search(asset.name)]


def overview(matches: list[assets.CurrentVersion]) -> SafeHtml:
    """The HTML list of links that replaces {assetOverview}."""
    if not matches:
        return SafeHtml("<p>(no files)</p>")
    return SafeHtml("<ul>" + "".join(_item(asset) for asset in matches) + "</ul>")


def _item(asset: assets.CurrentVersion) -> str:
    href = html.escape(assets.signed_url(asset.url), quote=True)
    return f'<li><a href="{href}">{html.escape(asset.name)}</a></li>'


def confirmation_paragraph(url: str) -> str:
    link = html.escape(url, quote=True)
    return f'<p><a href="{link}">Confirm</a> (the link works once).</p>'


class AssetEmail:
    spec = SPEC
    link_purposes = frozenset({CONFIRM})
    variables = {"assetOverview": "the list of links to the matching assets"}

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = self.spec.payload.normalize(context.payload)
        try:
            matches = await matching_assets(context.order_id, str(payload["filter"]))
        except re2.error as exc:
            return Failed(f"The filter is not a valid RE2 pattern: {exc}")
        variables = await order_context.variables_of(context.order_id)
        variables["assetOverview"] = overview(matches)
        confirm = bool(payload.get("needConfirmation"))
        if confirm:
            payload = self._with_confirmation(payload, variables, context)
        if not matches:
            await self._warn_nothing_matched(context, str(payload["filter"]))
        outcome = await deliver(compose(payload, variables, context), context)
        if not isinstance(outcome, Succeeded):
            return outcome
        response = {**(outcome.response or {}), "assets": [{"name": a.name, "url": a.url} for a in matches]}
        return Wait(response=response) if confirm else Succeeded(response)

    async def resume(self, context: TaskContext, resumption: Resumption) -> HandlerResult:
        if not resumption.data or not resumption.data.get("confirmed"):
            return Wait()
        return Succeeded({"confirmed": True, "by": resumption.data.get("by", resumption.actor)})

    async def cancel(self, task: EndedTask) -> None:
        """The task is over, so its confirmation link answers that it no longer waits; say so once."""
        if not task.was_waiting:
            return  # no mail with a link went out yet, so there is nothing to void
        await order_context.record_event(
            task.order_id,
            "confirmation-voided",
            f"Task {task.task_key} {task.why}: its confirmation link no longer confirms anything.",
            {"task": task.task_key, "taskRunId": str(task.task_run_id)},
        )

    @staticmethod
    def _with_confirmation(
        payload: dict[str, Any], variables: dict[str, Any], context: TaskContext
    ) -> dict[str, Any]:
        url = signed_links.task_url(signed_links.CONFIRM, context.task_run_id)
        variables["confirmationUrl"] = url
        body = str(payload["body"])
        if "{confirmationUrl}" not in body:
            body += confirmation_paragraph(url)
        return {**payload, "body": body}

    @staticmethod
    async def _warn_nothing_matched(context: TaskContext, pattern: str) -> None:
        await order_context.record_event(
            context.order_id,
            "warning",
            f"Task {context.task_key}: no asset name matches the filter {pattern!r}.",
            {"task": context.task_key, "filter": pattern},
        )


HANDLER = AssetEmail()
