"""The canonical flow definition (DESIGN §4.1) as immutable dataclasses.

`FlowDefinition.from_dict` trusts its input: it reads the canonical dict that `parse.to_canonical`
makes from a *validated* source (or that was stored earlier). Validation lives in `validate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from server.domain.statuses import OrderStatus

MAX_TIMEOUT_MS = 30 * 24 * 60 * 60 * 1000  # 30 days
Json = dict[str, Any]


class Trigger(StrEnum):
    SUCCESS = "success"  # the task succeeded
    FAILURE = "failure"  # the task failed
    TIMEOUT = "timeout"  # the task's timeoutDuration passed first
    ALWAYS = "always"  # any of the three


@dataclass(frozen=True)
class FlowError:
    """One problem in what the user wrote: where (a JSON pointer, "" = the whole text) and a sentence."""

    pointer: str
    message: str
    line: int | None = None  # set for JSON syntax errors only
    column: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return self.message
        return f"{self.pointer or '/'}: {self.message}"


@dataclass(frozen=True)
class NextEntry:
    task_definition_key: str
    trigger: Trigger

    def matches(self, outcome: str) -> bool:
        return self.trigger is Trigger.ALWAYS or self.trigger.value == outcome

    def to_dict(self) -> Json:
        return {"taskDefinitionKey": self.task_definition_key, "trigger": self.trigger.value}


@dataclass(frozen=True)
class TaskDefinition:
    key: str
    handler_key: str
    payload: Json = field(default_factory=dict)
    timeout_duration: int | None = None  # milliseconds
    next: tuple[NextEntry, ...] = ()
    success_status: OrderStatus | None = None

    def next_keys(self, outcome: str) -> list[str]:
        """Keys to start after `outcome` ("success" | "failure" | "timeout"), each once, in order."""
        keys = [entry.task_definition_key for entry in self.next if entry.matches(outcome)]
        return list(dict.fromkeys(keys))

    def to_dict(self) -> Json:
        result: Json = {"key": self.key, "handlerKey": self.handler_key, "payload": dict(self.payload)}
        if self.timeout_duration is not None:
            result["timeoutDuration"] = self.timeout_duration
        result["next"] = [entry.to_dict() for entry in self.next]
        if self.success_status is not None:
            result["successStatus"] = self.success_status.value
        return result

    @classmethod
    def from_dict(cls, data: Json) -> TaskDefinition:
        status = data.get("successStatus")
        return cls(
            key=data["key"],
            handler_key=data["handlerKey"],
            payload=dict(data.get("payload") or {}),
            timeout_duration=data.get("timeoutDuration"),
            next=tuple(
                NextEntry(entry["taskDefinitionKey"], Trigger(entry["trigger"]))
                for entry in data.get("next") or ()
            ),
            success_status=parse_status(status) if status is not None else None,
        )


@dataclass(frozen=True)
class Stage:
    key: str
    task_definitions: tuple[TaskDefinition, ...]
    initial_task_definition_keys: tuple[str, ...]

    def task(self, key: str) -> TaskDefinition | None:
        return next((task for task in self.task_definitions if task.key == key), None)

    def to_dict(self) -> Json:
        return {
            "key": self.key,
            "taskDefinitions": [task.to_dict() for task in self.task_definitions],
            "initialTaskDefinitionKeys": list(self.initial_task_definition_keys),
        }

    @classmethod
    def from_dict(cls, data: Json) -> Stage:
        return cls(
            key=data["key"],
            task_definitions=tuple(TaskDefinition.from_dict(task) for task in data["taskDefinitions"]),
            initial_task_definition_keys=tuple(data["initialTaskDefinitionKeys"]),
        )


@dataclass(frozen=True)
class FlowDefinition:
    stages: tuple[Stage, ...]
    tags: tuple[str, ...] = ()

    def to_dict(self) -> Json:
        """The canonical form, as stored next to what the user wrote."""
        return {"tags": list(self.tags), "stages": [stage.to_dict() for stage in self.stages]}

    @classmethod
    def from_dict(cls, data: Json) -> FlowDefinition:
        return cls(
            stages=tuple(Stage.from_dict(stage) for stage in data["stages"]),
            tags=tuple(data.get("tags") or ()),
        )


# Status names as people write them, after `_status_words`: "In progress", "IN_PROGRESS",
# "in-progress" and "InProgress" all match. "Failed" means Failure.
STATUS_NAMES: dict[str, OrderStatus] = {
    "in progress": OrderStatus.IN_PROGRESS,
    "inprogress": OrderStatus.IN_PROGRESS,
    "success": OrderStatus.SUCCESS,
    "succeeded": OrderStatus.SUCCESS,
    "failure": OrderStatus.FAILURE,
    "failed": OrderStatus.FAILURE,
    "unhealthy": OrderStatus.UNHEALTHY,
}
# A flow may not put an order back to CREATED ("no flow started yet").
SETTABLE_STATUSES = (OrderStatus.IN_PROGRESS, OrderStatus.SUCCESS, OrderStatus.FAILURE, OrderStatus.UNHEALTHY)


def _status_words(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().lower())


def parse_status(text: str) -> OrderStatus | None:
    """The order status a `successStatus` names, matched case-insensitively; None if it names none."""
    return STATUS_NAMES.get(_status_words(text))


def _status_pattern() -> str:
    """`STATUS_NAMES` as one regular expression (JSON Schema) accepting what `parse_status` accepts."""

    def spelled(name: str) -> str:
        return "".join(r"[\s_-]+" if char == " " else f"[{char.upper()}{char}]" for char in name)

    return r"^\s*(?:" + "|".join(spelled(name) for name in STATUS_NAMES) + r")\s*$"


STATUS_PATTERN = _status_pattern()
