"""`check-mesh`: gates each production mesh before anything is spent on it (DESIGN §10).

Every production mesh (STL, OBJ, 3MF) stored by Fabflow whose name matches `filter` must be
watertight and manifold, one shell, enclose a volume, and fit the build volume: the payload's
`buildVolume` ({x, y, z} mm), else that of the Cura machine definition named in `printer`. The
measures go to the part's manufacturing data under `meshCheck`; a failing mesh fails the task with
what is wrong, per file ("lamp.stl: not watertight (12 open edges); 2 shells").
"""

from __future__ import annotations

import asyncio
from typing import Any

from jobs.handlers.base import (
    OBJECT,
    REGEX,
    STRING,
    BaseHandler,
    Failed,
    Field,
    HandlerResult,
    HandlerSpec,
    Succeeded,
    TaskContext,
)
from jobs.slicing import engines, meshes
from server.services import manufacturing
from server.services.orders import context as order_context

SPEC = HandlerSpec(
    "check-mesh",
    "Checks each production mesh: watertight, manifold, one shell, volume, fits the printer.",
    (
        Field(
            "printer", STRING, description="a Cura machine definition whose build volume the meshes must fit."
        ),
        Field("buildVolume", OBJECT, description="{x, y, z} in mm, instead of a printer's."),
        Field("filter", REGEX, description="RE2 pattern searched in mesh file names; all meshes if absent."),
    ),
)


class CheckMesh(BaseHandler):
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = self.spec.payload.normalize(context.payload)
        volume, problem = build_volume(payload)
        if problem:
            return Failed(problem)
        found = await manufacturing.production_meshes(context.order_id, payload.get("filter"))
        stored = [mesh for mesh in found if mesh.stored_key is not None]
        if not stored:
            return Failed("The order has no production mesh (STL, OBJ, 3MF) stored by Fabflow to check.")
        reports = []
        for mesh in stored:
            content = await asyncio.to_thread(mesh.content)
            report = await asyncio.to_thread(meshes.check, content, mesh.name, volume)
            if mesh.part_id is not None and report.data:
                await manufacturing.merge_part_data(
                    mesh.part_id, "meshCheck", {"file": mesh.name, **report.data}
                )
            reports.append(report)
        response = {"meshes": [{"file": r.name, "problems": r.problems, **r.data} for r in reports]}
        failing = [report.sentence() for report in reports if report.problems]
        if failing:
            return Failed("; ".join(failing), response)
        await order_context.record_event(
            context.order_id,
            "meshes-checked",
            f"Task {context.task_key}: {len(reports)} mesh(es) checked, all printable.",
            {"task": context.task_key, "files": [r.name for r in reports]},
        )
        return Succeeded(response)


def build_volume(payload: dict[str, Any]) -> tuple[dict[str, float] | None, str | None]:
    given = payload.get("buildVolume")
    if given is not None:
        try:
            volume = {axis: float(given[axis]) for axis in "xyz"}
        except (KeyError, TypeError, ValueError):
            return None, '"buildVolume" must hold the numbers x, y and z (mm).'
        return volume, None
    printer = payload.get("printer")
    if not printer:
        return None, None
    definition = engines.cura_definition(str(printer))
    if definition is None:
        return None, f'There is no Cura machine definition "{printer}": {engines.INSTALL_HINT}.'
    return meshes.cura_build_volume(definition), None


HANDLER = CheckMesh()
