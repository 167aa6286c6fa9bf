"""Tortoise models: the stored shape of everything in DESIGN.md §2.

Primary keys are UUIDs made in Python, so a whole order tree can be written
with one bulk insert per table inside one transaction.
Only services, jobs and the composition root import this module; the domain
never does.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from server.domain.statuses import (
    AssetKind,
    ManualTaskStatus,
    OrderStatus,
    Role,
    RunStatus,
    TaskState,
)


class WhereIndex(Index):
    """An index of the rows that match `where` only (a partial index, on SQLite and PostgreSQL).

    A row that leaves the condition (a task that ends) costs the index nothing on its later updates,
    which keeps the flow engine's per-step writes cheap while the sweep's questions stay indexed.
    """

    def __init__(self, *, fields: tuple[str, ...], name: str, where: str) -> None:
        super().__init__(fields=fields, name=name)
        self.where = where
        self.extra = f" WHERE {where}"

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        path, args, kwargs = super().deconstruct()
        kwargs["where"] = self.where
        return path, args, kwargs


class Organization(Model):
    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "organization"


class Space(Model):
    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="spaces", on_delete=fields.RESTRICT
    )
    key = fields.CharField(max_length=100, unique=True)
    name = fields.CharField(max_length=200)
    # HMAC secret of outbound webhooks (Standard Webhooks); rotatable.
    signing_secret = fields.CharField(max_length=100)
    # The secret before the last rotation: still signs (as a second signature) until the grace period ends.
    previous_signing_secret = fields.CharField(max_length=100, null=True)
    signing_secret_rotated_at = fields.DatetimeField(null=True)
    # Per-space settings of the handlers: quote rates, slicer profiles (see `server.services.manufacturing`).
    settings: dict[str, Any] = fields.JSONField(default=dict)
    # Bumped by every change of the space's webhook endpoints; 0 while it never had one. Writers of
    # events read it with the space they already hold and skip webhooks at no cost while it is 0.
    webhooks_version = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "space"


class User(Model):
    id = fields.UUIDField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="users", on_delete=fields.RESTRICT
    )
    email = fields.CharField(max_length=254, unique=True)
    name = fields.CharField(max_length=200, default="")
    password_hash = fields.CharField(max_length=200)
    role = fields.CharEnumField(Role, max_length=16, default=Role.OPERATOR)
    tags: list[str] = fields.JSONField(default=list)
    is_active = fields.BooleanField(default=True)
    # UI preferences, e.g. the visible columns of each table.
    preferences: dict[str, Any] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "app_user"


class ApiKey(Model):
    """A secret key: `ffk_` scoped to one space, or `ffu_` acting as one user.

    Only a SHA-256 hash of the secret is kept; the prefix stays visible so a key
    can be recognised in lists.
    """

    id = fields.UUIDField(primary_key=True)
    space: fields.ForeignKeyNullableRelation[Space] = fields.ForeignKeyField(
        "models.Space", related_name="api_keys", null=True, on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="api_keys", null=True, on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=200, default="")
    prefix = fields.CharField(max_length=16)
    secret_hash = fields.CharField(max_length=64, unique=True)
    created_by = fields.CharField(max_length=254, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    # A personal token may be made to expire; from then on it is refused like a revoked one.
    expires_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_key"


class Order(Model):
    id = fields.UUIDField(primary_key=True)
    space: fields.ForeignKeyRelation[Space] = fields.ForeignKeyField(
        "models.Space", related_name="orders", on_delete=fields.RESTRICT
    )
    # The client's thirdPartyOrderId.
    name = fields.CharField(max_length=200)
    status = fields.CharEnumField(OrderStatus, max_length=16, default=OrderStatus.CREATED)
    value = fields.DecimalField(max_digits=14, decimal_places=2, default=0)
    deadline = fields.DatetimeField(null=True)
    tags: list[str] = fields.JSONField(default=list)
    # Those of `tags` that its flows added when a run started (the page marks them "from flow").
    flow_tags: list[str] = fields.JSONField(default=list)
    data: dict[str, Any] = fields.JSONField(default=dict)
    flow_key = fields.CharField(max_length=100, null=True)
    update_url = fields.CharField(max_length=2000, null=True)
    thumbnail_url = fields.CharField(max_length=2000, null=True)
    # SHA-256 of the canonical intake JSON: tells a repeated create from a conflicting one.
    intake_hash = fields.CharField(max_length=64)
    # Lower-cased names and ids of the order and its products and parts, and the customer's
    # name and e-mail, for free-text search (a trigram index serves it on PostgreSQL).
    search_text = fields.TextField(default="")
    # The latest price of its parts from the `quote` task: {currency, total, parts[…], rates, at}.
    quote: dict[str, Any] | None = fields.JSONField(null=True)
    # The last `sequence` of a webhook payload about this order (incremented with the change).
    webhook_sequence = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "fab_order"
        unique_together = (("space", "name"),)
        indexes = (
            Index(fields=("space_id", "status", "created_at")),
            Index(fields=("space_id", "created_at")),
            Index(fields=("space_id", "deadline")),
            # Keyset pages: one (sort column, id) index per sortable column.
            Index(fields=("created_at", "id")),
            Index(fields=("deadline", "id")),
            Index(fields=("name", "id")),
            Index(fields=("value", "id")),
            Index(fields=("status", "id")),
            # The sweep: orders whose flow did not start.
            WhereIndex(
                fields=("created_at",), name="idx_fab_order_created_waiting", where="status = 'CREATED'"
            ),
        )


class Address(Model):
    id = fields.UUIDField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="addresses", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    address_type = fields.CharField(max_length=100)
    purpose = fields.CharField(max_length=100, default="")
    data: dict[str, Any] = fields.JSONField(default=dict)

    class Meta:
        table = "address"
        indexes = (Index(fields=("order_id", "position")),)


class Product(Model):
    id = fields.UUIDField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="products", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    # The client's orderId of the order line, when given.
    client_id = fields.CharField(max_length=200, null=True)
    title = fields.CharField(max_length=500)
    data: dict[str, Any] = fields.JSONField(default=dict)
    amount_of_units = fields.IntField()
    value_per_unit = fields.DecimalField(max_digits=14, decimal_places=2)
    deadline = fields.DatetimeField(null=True)
    thumbnail_url = fields.CharField(max_length=2000, null=True)
    # The order's name, kept here (it never changes) so the table sorts by it with an index.
    order_name = fields.CharField(max_length=200, default="")
    # Lower-cased title, client id and order name, for free-text search.
    search_text = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "product"
        indexes = (
            Index(fields=("order_id", "position")),
            Index(fields=("created_at", "id")),
            Index(fields=("title", "id")),
            Index(fields=("order_name", "id")),
            Index(fields=("deadline", "id")),
            Index(fields=("amount_of_units", "id")),
            Index(fields=("value_per_unit", "id")),
        )


class Part(Model):
    id = fields.UUIDField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="parts", on_delete=fields.CASCADE
    )
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="parts", on_delete=fields.CASCADE
    )
    parent: fields.ForeignKeyNullableRelation[Part] = fields.ForeignKeyField(
        "models.Part", related_name="children", null=True, on_delete=fields.CASCADE
    )
    position = fields.IntField()
    client_id = fields.CharField(max_length=200)
    name = fields.CharField(max_length=500)
    data: dict[str, Any] = fields.JSONField(default=dict)
    tags: list[str] = fields.JSONField(default=list)
    is_asset = fields.BooleanField(default=False)
    # Bounding box, volume, surface area, watertight, triangle count of its mesh.
    manufacturing_data: dict[str, Any] | None = fields.JSONField(null=True)
    # The order's name and the product's title, kept here (they never change) so the table sorts by them.
    order_name = fields.CharField(max_length=200, default="")
    product_title = fields.CharField(max_length=500, default="")
    # Lower-cased name and client id, for free-text search.
    search_text = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "part"
        indexes = (
            Index(fields=("product_id", "position")),
            # Loading an order's tree and a part's children (foreign keys are not indexed by themselves).
            Index(fields=("order_id",)),
            Index(fields=("parent_id",)),
            Index(fields=("created_at", "id")),
            Index(fields=("name", "id")),
            Index(fields=("order_name", "id")),
            Index(fields=("product_title", "id")),
        )


class Asset(Model):
    """A file of an order, a product or a part (exactly one owner is the most specific)."""

    id = fields.UUIDField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="assets", on_delete=fields.CASCADE
    )
    product: fields.ForeignKeyNullableRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="assets", null=True, on_delete=fields.CASCADE
    )
    part: fields.ForeignKeyNullableRelation[Part] = fields.ForeignKeyField(
        "models.Part", related_name="assets", null=True, on_delete=fields.CASCADE
    )
    position = fields.IntField()
    client_id = fields.CharField(max_length=200)
    name = fields.CharField(max_length=500)
    url = fields.CharField(max_length=2000)
    is_public = fields.BooleanField(default=False)
    kind = fields.CharEnumField(AssetKind, max_length=16, default=AssetKind.OTHER)
    # The asset this file was made from (a G-code's mesh), when Fabflow made it.
    source: fields.ForeignKeyNullableRelation[Asset] = fields.ForeignKeyField(
        "models.Asset", related_name="derived", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "asset"
        indexes = (
            Index(fields=("order_id", "position")),
            Index(fields=("product_id",)),
            Index(fields=("part_id",)),
        )


class AssetVersion(Model):
    id = fields.UUIDField(primary_key=True)
    asset: fields.ForeignKeyRelation[Asset] = fields.ForeignKeyField(
        "models.Asset", related_name="versions", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    url = fields.CharField(max_length=2000)
    date = fields.DatetimeField()

    class Meta:
        table = "asset_version"
        indexes = (Index(fields=("asset_id", "position")),)


class Flow(Model):
    id = fields.UUIDField(primary_key=True)
    space: fields.ForeignKeyRelation[Space] = fields.ForeignKeyField(
        "models.Space", related_name="flows", on_delete=fields.RESTRICT
    )
    key = fields.CharField(max_length=100)
    name = fields.CharField(max_length=200)
    enabled = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Set when the flow was created or enabled, so that the orders that waited for it start (in the
    # background, a batch at a time); touched by each batch, cleared when none is left. The sweep
    # hands over again a flow whose mark has not moved for a while (its message was lost).
    waiting_orders_since = fields.DatetimeField(null=True)

    class Meta:
        table = "flow"
        unique_together = (("space", "key"), ("space", "name"))


class FlowVersion(Model):
    id = fields.UUIDField(primary_key=True)
    flow: fields.ForeignKeyRelation[Flow] = fields.ForeignKeyField(
        "models.Flow", related_name="versions", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    # What the user wrote, verbatim, and its canonical form.
    source = fields.TextField()
    definition: dict[str, Any] = fields.JSONField()
    created_by = fields.CharField(max_length=254, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "flow_version"
        unique_together = (("flow", "number"),)


class FlowRun(Model):
    id = fields.UUIDField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="flow_runs", on_delete=fields.CASCADE
    )
    flow_version: fields.ForeignKeyRelation[FlowVersion] = fields.ForeignKeyField(
        "models.FlowVersion", related_name="runs", on_delete=fields.RESTRICT
    )
    status = fields.CharEnumField(RunStatus, max_length=16, default=RunStatus.RUNNING)
    stage_index = fields.IntField(default=0)
    tasks_started = fields.IntField(default=0)
    reason = fields.TextField(default="")
    # The status the last succeeded task's `successStatus` set; the run's status on success.
    flow_status = fields.CharEnumField(OrderStatus, max_length=16, null=True)
    started_at = fields.DatetimeField(auto_now_add=True)
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "flow_run"
        indexes = (
            Index(fields=("order_id", "started_at")),
            # The sweep and the metrics: the runs whose tasks may be active (an ended run has none).
            WhereIndex(
                fields=("id",), name="idx_flow_run_active", where="status IN ('RUNNING', 'UNHEALTHY')"
            ),
            # The sweep's redelivery horizon: tasks claimed lately whose run ended since.
            WhereIndex(fields=("ended_at",), name="idx_flow_run_ended", where="ended_at IS NOT NULL"),
        )


class TaskRun(Model):
    id = fields.UUIDField(primary_key=True)
    run: fields.ForeignKeyRelation[FlowRun] = fields.ForeignKeyField(
        "models.FlowRun", related_name="task_runs", on_delete=fields.CASCADE
    )
    # Its place among the run's task runs (0-based); the engine derives task run ids from it.
    ordinal = fields.IntField()
    stage_index = fields.IntField()
    key = fields.CharField(max_length=200)
    handler_key = fields.CharField(max_length=100)
    state = fields.CharEnumField(TaskState, max_length=16, default=TaskState.READY)
    # success | failure | timeout, once the task has ended.
    outcome = fields.CharField(max_length=16, null=True)
    attempts = fields.IntField(default=0)
    # Set when its timeout fired and nothing handled it: the task still waits and may recover.
    timed_out = fields.BooleanField(default=False)
    timeout_at = fields.DatetimeField(null=True)
    # When a waiting task (e.g. `wait`) is due to resume on its own.
    resume_at = fields.DatetimeField(null=True)
    # A worker's claim on a RUNNING task; once it lapses the sweep may run the task again.
    lease_until = fields.DatetimeField(null=True)
    # When its message was last handed to the broker; the sweep re-sends READY tasks left too long.
    dispatched_at = fields.DatetimeField(null=True)
    # When a worker last claimed it (to run or to resume). The sweep re-sends a task's message only once
    # a message sent after it was claimed: until then the old one is still queued, not lost.
    claimed_at = fields.DatetimeField(null=True)
    # What arrived for a WAITING task (a completion, a confirmation, feedback) until a worker takes it.
    resume_data: dict[str, Any] | None = fields.JSONField(null=True)
    response: dict[str, Any] | None = fields.JSONField(null=True)
    error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    started_at = fields.DatetimeField(null=True)
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "task_run"
        unique_together = (("run", "ordinal"),)
        # No index on a column a step changes (state, lease_until, dispatched_at, claimed_at...): PostgreSQL
        # then updates a task run in place (a HOT update, no index entry written). The sweep finds the
        # active tasks through the active runs instead (flow_run's `idx_flow_run_active`).


class ManualTask(Model):
    id = fields.UUIDField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="manual_tasks", on_delete=fields.CASCADE
    )
    task_run: fields.ForeignKeyRelation[TaskRun] = fields.ForeignKeyField(
        "models.TaskRun", related_name="manual_tasks", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=500)
    description = fields.TextField(default="")
    assignee_tags: list[str] = fields.JSONField(default=list)
    status = fields.CharEnumField(ManualTaskStatus, max_length=16, default=ManualTaskStatus.OPEN)
    resolved_by = fields.CharField(max_length=254, default="")
    resolved_at = fields.DatetimeField(null=True)
    comment = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "manual_task"
        unique_together = (("task_run",),)  # one per task run, however often its handler runs
        indexes = (Index(fields=("status", "created_at")), Index(fields=("order_id",)))


class HistoryEntry(Model):
    """One entry of an order's history."""

    id = fields.UUIDField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="events", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=50)
    message = fields.TextField(default="")
    data: dict[str, Any] = fields.JSONField(default=dict)
    # Who did it: "user:<email>", "key:<prefix>", or "system".
    actor = fields.CharField(max_length=300, default="system")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "event"
        indexes = (Index(fields=("order_id", "created_at")),)


class OutboxMail(Model):
    """An e-mail kept instead of sent: the embedded mode without SMTP settings keeps every mail here."""

    id = fields.UUIDField(primary_key=True)
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="outbox_mails", null=True, on_delete=fields.CASCADE
    )
    task_run_id = fields.UUIDField(null=True)
    sender = fields.CharField(max_length=254)
    recipients: list[str] = fields.JSONField(default=list)
    cc: list[str] = fields.JSONField(default=list)
    bcc: list[str] = fields.JSONField(default=list)
    subject = fields.CharField(max_length=1000)
    html = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "outbox_mail"
        indexes = (Index(fields=("created_at",)),)


class SentMail(Model):
    """A task's e-mail on its way to the SMTP server: written (and committed) before the server is
    called, marked sent once it took the mail. A "sending" row without "sent" means a worker stopped
    in between: nobody knows whether the mail went out, so it is not sent again for that task run."""

    id = fields.UUIDField(primary_key=True)
    task_run_id = fields.UUIDField(unique=True)
    order_id = fields.UUIDField(null=True)
    message_id = fields.CharField(max_length=500)
    state = fields.CharField(max_length=16)  # "sending", then "sent"
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "sent_mail"


class TaskAttempt(Model):
    """One outbound call of a task (a connector POST): what came back and how long it took."""

    id = fields.UUIDField(primary_key=True)
    task_run: fields.ForeignKeyRelation[TaskRun] = fields.ForeignKeyField(
        "models.TaskRun", related_name="call_attempts", on_delete=fields.CASCADE
    )
    attempt = fields.IntField()
    url = fields.CharField(max_length=2000)
    status_code = fields.IntField(null=True)  # None when no answer came (network error, refused address)
    duration_ms = fields.IntField()
    # The first KiB of the answer's body, as text.
    response_excerpt = fields.TextField(default="")
    error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "task_attempt"
        indexes = (Index(fields=("task_run_id", "attempt")),)


class UsedLink(Model):
    """A single-use signed link (confirmation, connector feedback) that has been used."""

    id = fields.UUIDField(primary_key=True)
    # SHA-256 of the token: the token itself is a credential and is not kept.
    digest = fields.CharField(max_length=64, unique=True)
    purpose = fields.CharField(max_length=32)
    task_run_id = fields.UUIDField(null=True)
    actor = fields.CharField(max_length=300, default="")
    used_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "used_link"


class WorkerCapability(Model):
    """What a machine running workers can do (slicing engines and versions), as its workers last said."""

    id = fields.UUIDField(primary_key=True)
    # The machine's name: engines are installed per machine.
    host = fields.CharField(max_length=255, unique=True)
    # Engine key → {"version", "path"} of each engine found; engines missing are absent.
    engines: dict[str, Any] = fields.JSONField(default=dict)
    reported_at = fields.DatetimeField()

    class Meta:
        table = "worker_capability"


class WebhookEndpoint(Model):
    """A URL of an integrator that receives the space's events it subscribed to (DESIGN §9)."""

    id = fields.UUIDField(primary_key=True)
    space: fields.ForeignKeyRelation[Space] = fields.ForeignKeyField(
        "models.Space", related_name="webhook_endpoints", on_delete=fields.CASCADE
    )
    url = fields.CharField(max_length=2000)
    # Event type names of the catalogue, or ["*"] for all.
    events: list[str] = fields.JSONField(default=list)
    description = fields.TextField(default="")
    enabled = fields.BooleanField(default=True)
    # Deliver strictly in order per order: a delivery waits until the one before it succeeded or gave up.
    ordered = fields.BooleanField(default=False)
    secret = fields.CharField(max_length=100)
    previous_secret = fields.CharField(max_length=100, null=True)
    secret_rotated_at = fields.DatetimeField(null=True)
    # Since when every attempt failed (None after a success); long enough, and the endpoint is disabled.
    failing_since = fields.DatetimeField(null=True)
    disabled_reason = fields.TextField(default="")
    created_by = fields.CharField(max_length=300, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "webhook_endpoint"
        indexes = (Index(fields=("space_id", "created_at")),)


class WebhookDelivery(Model):
    """One event for one receiver: an endpoint, or (endpoint None) the order's `updateUrl`.

    Written in the transaction of the change (an outbox); its body is fixed then, and its id is the
    `webhook-id` of every attempt, resends included.
    """

    id = fields.UUIDField(primary_key=True)
    space: fields.ForeignKeyRelation[Space] = fields.ForeignKeyField(
        "models.Space", related_name="webhook_deliveries", on_delete=fields.CASCADE
    )
    endpoint: fields.ForeignKeyNullableRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="deliveries", null=True, on_delete=fields.CASCADE
    )
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="webhook_deliveries", null=True, on_delete=fields.CASCADE
    )
    url = fields.CharField(max_length=2000)
    event_type = fields.CharField(max_length=50)
    sequence = fields.IntField(default=0)
    body = fields.TextField()
    # pending (due at next_attempt_at) | sending (a worker holds it until lease_until) | succeeded | failed
    state = fields.CharField(max_length=16, default="pending")
    attempts = fields.IntField(default=0)  # every attempt ever, resends included
    tries = fields.IntField(default=0)  # attempts since the delivery was made or last resent (the schedule's)
    next_attempt_at = fields.DatetimeField(null=True)
    lease_until = fields.DatetimeField(null=True)
    last_status_code = fields.IntField(null=True)
    last_error = fields.TextField(default="")
    created_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhook_delivery"
        indexes = (
            Index(fields=("state", "next_attempt_at")),  # the sweep: due deliveries
            Index(fields=("endpoint_id", "created_at")),
            Index(fields=("order_id", "created_at")),
            Index(fields=("created_at",)),  # pruning
        )


class WebhookAttempt(Model):
    """One POST of a delivery: the headers sent (the body is the delivery's), the answer, the time."""

    id = fields.UUIDField(primary_key=True)
    delivery: fields.ForeignKeyRelation[WebhookDelivery] = fields.ForeignKeyField(
        "models.WebhookDelivery", related_name="attempt_rows", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    request_headers: dict[str, str] = fields.JSONField(default=dict)
    status_code = fields.IntField(null=True)
    response_excerpt = fields.TextField(default="")
    error = fields.TextField(default="")
    duration_ms = fields.IntField(default=0)
    created_at = fields.DatetimeField()

    class Meta:
        table = "webhook_attempt"
        indexes = (Index(fields=("delivery_id", "number")),)


class WebhookReplay(Model):
    """A background job that resends an endpoint's failed deliveries made since `since`.

    It works in batches in the order the deliveries were made; `cursor_at`/`cursor_id` name the last
    one handled, saved with each batch, so a job taken up again after a stop goes on where it was.
    Only deliveries made before the job (`created_at`) count: the job ends.
    """

    id = fields.UUIDField(primary_key=True)
    space: fields.ForeignKeyRelation[Space] = fields.ForeignKeyField(
        "models.Space", related_name="webhook_replays", on_delete=fields.CASCADE
    )
    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="replays", on_delete=fields.CASCADE
    )
    since = fields.DatetimeField()
    # running | done | failed
    state = fields.CharField(max_length=16, default="running")
    total = fields.IntField(default=0)  # failed deliveries found when the job was made
    resent = fields.IntField(default=0)
    cursor_at = fields.DatetimeField(null=True)
    cursor_id = fields.UUIDField(null=True)
    lease_until = fields.DatetimeField(null=True)
    error = fields.TextField(default="")
    created_by = fields.CharField(max_length=300, default="")
    created_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhook_replay"
        indexes = (Index(fields=("endpoint_id", "created_at")), Index(fields=("state", "lease_until")))


class SiteflowConnection(Model):
    """A space's HP PrintOS Site Flow account: where its orders go and what signs the calls."""

    id = fields.UUIDField(primary_key=True)
    space: fields.ForeignKeyRelation[Space] = fields.ForeignKeyField(
        "models.Space", related_name="siteflow_connections", on_delete=fields.CASCADE, unique=True
    )
    # e.g. https://printos.api.hp.com/siteflow (production) or https://stage.printos.api.hp.com/siteflow
    base_url = fields.CharField(max_length=2000)
    api_key = fields.CharField(max_length=300)
    # The API secret, sealed with the server's key (`sealed_secrets`): the HMAC needs it, never shown.
    sealed_secret = fields.TextField()
    # The Site Flow destination (`destination.name`) of orders whose task names none.
    destination = fields.CharField(max_length=200, default="")
    # The static token Site Flow's account-wide triggers send in their `Authorization` header, sealed
    # (admins see it on the integrations page, to paste it into Site Flow).
    sealed_postback_token = fields.TextField()
    updated_by = fields.CharField(max_length=300, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "siteflow_connection"


class SiteflowSubmission(Model):
    """One task run's order in Site Flow. Written (and committed) before the order is POSTed, so a
    message delivered again finds it and submits nothing twice."""

    id = fields.UUIDField(primary_key=True)
    task_run_id = fields.UUIDField(unique=True)
    space: fields.ForeignKeyRelation[Space] = fields.ForeignKeyField(
        "models.Space", related_name="siteflow_submissions", on_delete=fields.CASCADE
    )
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="siteflow_submissions", on_delete=fields.CASCADE
    )
    source_order_id = fields.CharField(max_length=200)
    # submitting (the POST may be under way) | retrying (Site Flow answered 5xx: not taken) | submitted
    # | refused (4xx) | cancelling (the run was cancelled: the cancel call is due) | cancelled
    # | cancel_failed | shipped | errored
    state = fields.CharField(max_length=16, default="submitting")
    # A submission whose answer never came (a network error, a worker that stopped): Site Flow may
    # have the order, so a refusal of the next try may be its refusal of a duplicate sourceOrderId.
    uncertain = fields.BooleanField(default=False)
    siteflow_order_id = fields.CharField(max_length=100, null=True)
    source_account = fields.CharField(max_length=200, default="")
    last_event = fields.CharField(max_length=32, default="")
    tracking_number = fields.CharField(max_length=200, default="")
    cancel_attempts = fields.IntField(default=0)
    next_cancel_at = fields.DatetimeField(null=True)
    cancel_error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "siteflow_submission"
        unique_together = (("space", "source_order_id"),)
        indexes = (Index(fields=("state", "next_cancel_at")),)


class ExportJob(Model):
    """An export of a table (CSV or zip) made in the background by any worker, its file in the asset
    store: every `fabflow serve` process can show its progress and hand out the file."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="export_jobs", on_delete=fields.CASCADE
    )
    table = fields.CharField(max_length=16)  # orders | products | parts
    format = fields.CharField(max_length=16)  # csv | zip | zip-files
    # What to export: {"ids": [...]} (ticked rows) or {"query": "..."} (the table's filter and sort,
    # as its URL says), and the "columns" to write.
    selection: dict[str, Any] = fields.JSONField(default=dict)
    state = fields.CharField(max_length=16, default="queued")  # queued | running | done | failed
    attempts = fields.IntField(default=0)
    done = fields.IntField(default=0)  # rows (then files) written so far
    total = fields.IntField(null=True)  # rows (then files) to write, when known
    total_is_exact = fields.BooleanField(default=True)
    stage = fields.CharField(max_length=16, default="rows")  # rows | files
    message = fields.TextField(default="")  # why it failed
    file_key = fields.CharField(max_length=500, null=True)  # in the asset store
    file_name = fields.CharField(max_length=200, default="")
    file_size = fields.BigIntField(null=True)
    lease_until = fields.DatetimeField(null=True)  # a worker holds a running job until then
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "export_job"
        indexes = (
            Index(fields=("user_id", "created_at")),
            Index(fields=("state", "created_at")),
            Index(fields=("expires_at",)),
        )


def _json_columns_with_stdlib_json() -> None:
    """JSON columns are written and read with Python's `json`, as before orjson was installed.

    Tortoise switches every `JSONField` to orjson once orjson is importable (it is, for GraphQL
    answers); orjson refuses integers beyond 64 bits and reads them back as floats, and the API
    accepts them in `data`.
    """
    dumps, loads = functools.partial(json.dumps, separators=(",", ":")), json.loads
    for model in _all_models(Model):
        for field in model._meta.fields_map.values():
            if isinstance(field, fields.JSONField):
                field.encoder, field.decoder = dumps, loads


def _all_models(base: type[Model]) -> list[type[Model]]:
    found = []
    for model in base.__subclasses__():
        found += [model, *_all_models(model)]
    return found


_json_columns_with_stdlib_json()
