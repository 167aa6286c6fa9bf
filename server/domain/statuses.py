"""Status vocabularies shared by the domain, the models and every transport."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    CREATED = "CREATED"  # stored, no flow started yet
    IN_PROGRESS = "IN_PROGRESS"  # a flow run is under way
    SUCCESS = "SUCCESS"  # the flow finished (or a task's successStatus said so)
    UNHEALTHY = "UNHEALTHY"  # a task timed out and nothing handles the timeout
    FAILURE = "FAILURE"  # a failure nothing handles ended the run

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Role(StrEnum):
    ADMIN = "admin"  # manages users, spaces, keys and flows
    OPERATOR = "operator"  # works on orders


class AssetKind(StrEnum):
    PRODUCTION = "production"  # a file to manufacture from (STL, OBJ, 3MF, zip)
    PREVIEW = "preview"  # an image shown to people
    OTHER = "other"


class RunStatus(StrEnum):
    RUNNING = "RUNNING"  # tasks are ready, running or waiting
    UNHEALTHY = "UNHEALTHY"  # a task timed out unhandled; it may still recover
    SUCCESS = "SUCCESS"  # every stage finished
    FAILURE = "FAILURE"  # an unhandled failure ended it
    CANCELLED = "CANCELLED"  # an operator cancelled it, or a restart replaced it


class TaskState(StrEnum):
    READY = "READY"  # decided; its message is (or will be) on the broker
    RUNNING = "RUNNING"  # a worker claimed it
    WAITING = "WAITING"  # waits for a person, a connector or a duration
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    TIMED_OUT = "TIMED_OUT"  # ended by its timeout and handled by a next entry
    CANCELLED = "CANCELLED"


class ManualTaskStatus(StrEnum):
    OPEN = "OPEN"
    COMPLETED = "COMPLETED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"
