"""The flow format's declarations are built once per process and cached; each test builds them again,
so a test sees the declarations as the code under test builds them now, not as an earlier run did."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from server.domain.flows import validate

BUILDERS = (
    validate.status_type,
    validate.timeout_type,
    validate.trigger_type,
    validate.next_entry,
    validate.task_definition,
    validate.stage,
    validate.flow,
    validate.step,
    validate.step_list,
)


@pytest.fixture(autouse=True)
def fresh_flow_format() -> Iterator[None]:
    for builder in BUILDERS:
        builder.cache_clear()
    yield
