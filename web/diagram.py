"""The flow drawn as SVG: stages left to right, each task a box, each `next` entry an arrow.

Inside a stage, tasks sit in columns by their distance from the stage's initial tasks;
arrows to the same or an earlier column (loops, retries) bend below the boxes. Each box
carries the state of the task's newest run when a run is given. Every piece of text is
escaped here: keys and handler names come from what users wrote.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from server.domain.flows import FlowDefinition, Stage

TASK_W, TASK_H = 168, 54
GAP_X, GAP_Y = 46, 22
PAD, TITLE_H = 14, 24
STAGE_GAP = 36
MAX_LABEL = 22


@dataclass(frozen=True)
class TaskMark:
    """What the diagram shows of a task's newest run."""

    state: str  # a TaskState value
    timed_out: bool = False
    attempts: int = 0


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    column: int


def _columns(stage: Stage) -> dict[str, int]:
    """Distance of each task from the initial tasks (unreachable tasks after the rest)."""
    depth: dict[str, int] = {}
    queue = deque((key, 0) for key in stage.initial_task_definition_keys)
    while queue:
        key, level = queue.popleft()
        if key in depth or stage.task(key) is None:
            continue
        depth[key] = level
        task = stage.task(key)
        assert task is not None
        queue.extend((entry.task_definition_key, level + 1) for entry in task.next)
    last = max(depth.values(), default=-1) + 1
    return {task.key: depth.get(task.key, last) for task in stage.task_definitions}


def _layout(stage: Stage, left: int) -> tuple[dict[str, Box], int, int]:
    columns = _columns(stage)
    rows: dict[int, int] = {}
    boxes: dict[str, Box] = {}
    for task in stage.task_definitions:
        column = columns[task.key]
        row = rows.get(column, 0)
        rows[column] = row + 1
        x = left + PAD + column * (TASK_W + GAP_X)
        y = TITLE_H + PAD + row * (TASK_H + GAP_Y)
        boxes[task.key] = Box(x, y, column)
    width = PAD * 2 + max(len(rows), 1) * (TASK_W + GAP_X) - GAP_X
    height = TITLE_H + PAD * 2 + max(rows.values(), default=1) * (TASK_H + GAP_Y) - GAP_Y + 30
    return boxes, width, height


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _task_svg(stage: Stage, key: str, box: Box, mark: TaskMark | None) -> str:
    task = stage.task(key)
    assert task is not None
    classes = ["task"]
    if key in stage.initial_task_definition_keys:
        classes.append("initial")
    state = "not started"
    if mark is not None:
        classes.append(f"state-{mark.state.lower()}")
        state = mark.state.replace("_", " ").lower() + (" (timed out)" if mark.timed_out else "")
        if mark.timed_out:
            classes.append("timed-out")
    tip = f"{key} · {task.handler_key} · {state}"
    if mark is not None and mark.attempts > 1:
        tip += f" · {mark.attempts} attempts"
    return (
        f'<g class="{" ".join(classes)}" data-task="{escape(key)}">'
        f"<title>{escape(tip)}</title>"
        f'<rect x="{box.x}" y="{box.y}" width="{TASK_W}" height="{TASK_H}" rx="6"/>'
        f'<text x="{box.x + 8}" y="{box.y + 18}">{escape(_short(key))}</text>'
        f'<text class="handler" x="{box.x + 8}" y="{box.y + 33}">{escape(_short(task.handler_key))}</text>'
        f'<text class="handler" x="{box.x + 8}" y="{box.y + 47}">{escape(state)}</text>'
        "</g>"
    )


def _edge_svg(source: Box, target: Box, trigger: str) -> str:
    if target.column > source.column:
        x1, y1 = source.x + TASK_W, source.y + TASK_H // 2
        x2, y2 = target.x, target.y + TASK_H // 2
        bend = (x2 - x1) // 2
        path = f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
        label_x, label_y = (x1 + x2) // 2, (y1 + y2) // 2 - 4
    else:
        x1, y1 = source.x + TASK_W // 2 + 10, source.y + TASK_H
        x2, y2 = target.x + TASK_W // 2 - 10, target.y + TASK_H
        low = max(y1, y2) + 26
        path = f"M{x1},{y1} C{x1},{low} {x2},{low} {x2},{y2}"
        label_x, label_y = (x1 + x2) // 2, low - 2
    return (
        f'<path class="edge {escape(trigger)}" d="{path}" marker-end="url(#arrow)"/>'
        f'<text class="edge-label" x="{label_x}" y="{label_y}" text-anchor="middle">{escape(trigger)}</text>'
    )


def _stage_svg(stage: Stage, index: int, left: int, marks: Mapping[str, TaskMark]) -> tuple[str, int, int]:
    boxes, width, height = _layout(stage, left)
    parts = [
        f'<rect class="stage" x="{left}" y="0" width="{width}" height="{height}" rx="8"/>',
        f'<text class="stage-title" x="{left + PAD}" y="17">{index + 1}. {escape(_short(stage.key))}</text>',
    ]
    for task in stage.task_definitions:
        for entry in task.next:
            target = boxes.get(entry.task_definition_key)
            if target is not None:
                parts.append(_edge_svg(boxes[task.key], target, entry.trigger.value))
    parts += [_task_svg(stage, key, box, marks.get(key)) for key, box in boxes.items()]
    return "".join(parts), width, height


ARROW = (
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
    'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8793a8"/></marker></defs>'
)


def flow_svg(definition: FlowDefinition, marks: Mapping[str, TaskMark] | None = None) -> Markup:
    """The whole flow as one `<svg>`; `marks` colours tasks by the state of their newest run."""
    marks = marks or {}
    parts, left, height = [ARROW], 0, 0
    for index, stage in enumerate(definition.stages):
        if index:
            start, end = left - STAGE_GAP + 4, left - 4
            parts.append(f'<path class="edge" d="M{start},40 L{end},40" marker-end="url(#arrow)"/>')
        svg, width, stage_height = _stage_svg(stage, index, left, marks)
        parts.append(svg)
        left += width + STAGE_GAP
        height = max(height, stage_height)
    width = max(left - STAGE_GAP, 1)
    return Markup(
        f'<svg class="diagram" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 2}" '
        f'viewBox="0 0 {width} {height + 2}" role="img" aria-label="Flow diagram">{"".join(parts)}</svg>'
    )
