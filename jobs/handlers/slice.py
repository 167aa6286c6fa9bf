"""`slice`: slices each production mesh of the order to G-code with a real slicer (DESIGN §10).

For every production mesh (STL, OBJ, 3MF; the current version of each, among files Fabflow stores)
whose file name matches `filter` (RE2), runs `engine` (`cura` or `prusa`, see
`jobs.slicing.engines`), stores the G-code as a new production asset version beside the mesh (its
`source` is the mesh), and records on the mesh's part, under `slicing` of its manufacturing data
(other keys kept): print time, filament length, volume, mass, layer count, layer height, the
print's bounding box, engine, version, printer. Files kept elsewhere are listed as skipped: the server
never fetches addresses taken from order data. A mesh the slicer refuses fails the task with the
slicer's own words; a missing engine fails it with how to install it.
"""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
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
    one_of,
    positive_integer,
)
from jobs.slicing import engines, gcode, meshes
from server import settings
from server.domain.flows.payload_specs import Scalar
from server.domain.json_values import kind_of
from server.services import manufacturing
from server.services.orders import context as order_context

DEFAULT_PRINTER = "ultimaker_s5"


def _density_problem(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number of g/cm³, not {kind_of(value)}"
    return None if 0 < value < 25 else f"must be between 0 and 25 g/cm³, not {value}"


DENSITY = Scalar({"type": "number", "exclusiveMinimum": 0, "maximum": 25}, _density_problem)

SPEC = HandlerSpec(
    "slice",
    "Slices each production mesh to G-code with CuraEngine or PrusaSlicer and records print time, "
    "filament and layers on its part.",
    (
        Field("engine", one_of("cura", "prusa"), True, description='"cura" or "prusa".'),
        Field("printer", STRING, description="cura: the machine definition, e.g. ultimaker_s5 or ultimaker2.",
              default=DEFAULT_PRINTER),
        Field("settings", OBJECT, description="slicer settings: cura `-s key=value`, prusa `--key value`."),
        Field("profile", STRING, description="prusa: a profile of the space's settings (prusaProfiles)."),
        Field("filter", REGEX, description="RE2 pattern searched in mesh file names; all meshes if absent."),
        Field("materialDensity", DENSITY, description="g/cm³ of the material, for the mass.", default=1.24),
        Field("timeoutSeconds", positive_integer("a whole number of seconds", settings.SLICE_TIMEOUT_MAX),
              description="how long one slicer run may take.", default=settings.SLICE_TIMEOUT),
    ),
)  # fmt: skip


class PayloadProblem(ValueError):
    pass


@dataclass(frozen=True)
class Job:
    """One slicer call, everything decided."""

    engine: engines.Found
    printer: str | None
    definition: Path | None
    profile_text: str | None
    options: dict[str, str]
    density: float
    timeout: float


def setting_text(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    raise PayloadProblem(f'"settings.{key}" must be a string, number or true/false, not {kind_of(value)}')


async def prepare(context: TaskContext, payload: dict[str, Any]) -> Job:
    key = str(payload["engine"])
    found = await asyncio.to_thread(engines.found, key)
    if found is None:
        raise PayloadProblem(
            f"{engines.ENGINES[key].title} is not installed on this worker: {engines.INSTALL_HINT}."
        )
    options = {str(k): setting_text(str(k), v) for k, v in (payload.get("settings") or {}).items()}
    density = float(payload.get("materialDensity") or gcode.DEFAULT_DENSITY)
    timeout = float(payload.get("timeoutSeconds") or settings.SLICE_TIMEOUT)
    if context.timeout_at is not None:
        timeout = max(1.0, min(timeout, (context.timeout_at - datetime.now(UTC)).total_seconds()))
    if key == "cura":
        printer = str(payload.get("printer") or DEFAULT_PRINTER)
        definition = engines.cura_definition(printer)
        if definition is None:
            raise PayloadProblem(
                f'There is no Cura machine definition "{printer}" on CURA_ENGINE_SEARCH_PATH '
                f"({settings.CURA_ENGINE_SEARCH_PATH}): {engines.INSTALL_HINT}."
            )
        return Job(found, printer, definition, None, options, density, timeout)
    profile_text = None
    if payload.get("profile"):
        profiles = (await manufacturing.space_settings(context.space_id)).get("prusaProfiles") or {}
        profile_text = profiles.get(str(payload["profile"]))
        if not isinstance(profile_text, str):
            raise PayloadProblem(
                f'The space has no PrusaSlicer profile "{payload["profile"]}" (prusaProfiles).'
            )
    options.setdefault("filament_density", str(density))
    return Job(found, None, None, profile_text, options, density, timeout)


async def slice_one(job: Job, mesh: manufacturing.MeshFile) -> dict[str, Any]:
    """Slice one mesh; the figures, stored G-code and the part's data. Raises SliceError or MeshError."""
    content = await asyncio.to_thread(mesh.content)
    with tempfile.TemporaryDirectory(prefix="fabflow-slice-") as work:
        folder = Path(work)
        out = folder / "out.gcode"
        if job.engine.key == "cura":
            source = folder / "in.stl"
            source.write_bytes(await asyncio.to_thread(meshes.for_cura, content, mesh.name))
            assert job.definition is not None
            command = engines.cura_command(job.engine.path, job.definition, job.options, source, out)
        else:
            source = folder / f"in{Path(mesh.name).suffix.lower()}"
            source.write_bytes(content)
            profile = None
            if job.profile_text is not None:
                profile = folder / "profile.ini"
                profile.write_text(job.profile_text)
            command = engines.prusa_command(job.engine.path, profile, job.options, source, out)
        try:
            done = await engines.run(command, out, job.timeout)
        except engines.SliceError as exc:  # the slicer names its input file: say the mesh's name
            raise engines.SliceError(str(exc).replace(str(source), mesh.name)) from None
    text, figures = read_figures(job, done)
    url = await manufacturing.store_derived_file(mesh, ".gcode", text.encode(), "gcode")
    data = {
        "engine": job.engine.key,
        "engineVersion": job.engine.version,
        "printer": job.printer,
        "settings": job.options,
        "source": mesh.name,
        "gcodeUrl": url,
        **figures.as_data(),
    }
    if mesh.part_id is not None:
        await manufacturing.merge_part_data(mesh.part_id, "slicing", data)
    return {"file": mesh.name, **data}


def read_figures(job: Job, done: engines.Run) -> tuple[str, gcode.Print]:
    if job.engine.key == "cura":
        text = engines.with_cura_header(done.gcode, engines.cura_header(done.stderr))
        diameter = float(engines.cura_setting(done.stderr, "material_diameter") or 2.85)
        height = engines.cura_setting(done.stderr, "layer_height")
        return text, gcode.read_cura(text, diameter, job.density, float(height) if height else None)
    return done.gcode, gcode.read_prusa(done.gcode)


class Slice(BaseHandler):
    spec = SPEC

    async def run(self, context: TaskContext) -> HandlerResult:
        payload = self.spec.payload.normalize(context.payload)
        try:
            job = await prepare(context, payload)
        except PayloadProblem as exc:
            return Failed(str(exc))
        found = await manufacturing.production_meshes(context.order_id, payload.get("filter"))
        stored = [mesh for mesh in found if mesh.stored_key is not None]
        skipped = [mesh.name for mesh in found if mesh.stored_key is None]
        if not stored:
            where = f' matching "{payload["filter"]}"' if payload.get("filter") else ""
            return Failed(
                f"The order has no production mesh (STL, OBJ, 3MF) stored by Fabflow{where} to slice."
            )
        results = await asyncio.gather(*(self._slice(job, mesh) for mesh in stored))
        problems = [r["problem"] for r in results if "problem" in r]
        response = {"engine": job.engine.key, "engineVersion": job.engine.version, "sliced": results,
                    "skipped": skipped}  # fmt: skip
        if problems:
            return Failed("; ".join(problems), response)
        await order_context.record_event(
            context.order_id,
            "files-sliced",
            f"Task {context.task_key}: {len(results)} mesh(es) sliced with "
            f"{job.engine.key} {job.engine.version}"
            + (f"; skipped (kept elsewhere): {', '.join(skipped)}" if skipped else "."),
            {"task": context.task_key, "files": [r["file"] for r in results], "skipped": skipped},
        )
        return Succeeded(response)

    @staticmethod
    async def _slice(job: Job, mesh: manufacturing.MeshFile) -> dict[str, Any]:
        try:
            return await slice_one(job, mesh)
        except (engines.SliceError, meshes.MeshError, ValueError) as exc:
            return {"file": mesh.name, "problem": f"{mesh.name}: {job.engine.key} refused it: {exc}"}


HANDLER = Slice()
