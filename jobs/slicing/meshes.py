"""Reading production meshes (STL, OBJ, 3MF) and checking them before anything is spent on them.

trimesh reads the files and measures them; a mesh is *watertight* when every edge joins exactly two
faces, *manifold* (orientable) when its faces are wound consistently; its *shells* are its connected
pieces. The build volume comes from the Cura machine definition of the chosen printer
(`machine_width`, `machine_depth`, `machine_height`, following `inherits`) or from the payload.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trimesh

MESH_SUFFIXES = (".stl", ".obj", ".3mf")


class MeshError(ValueError):
    """The file is not a mesh trimesh can read."""


def load(content: bytes, name: str) -> trimesh.Trimesh:
    suffix = Path(name).suffix.lower().lstrip(".")
    try:
        mesh = trimesh.load(io.BytesIO(content), file_type=suffix, force="mesh", process=True)
    except Exception as exc:
        raise MeshError(f"cannot be read as {suffix.upper()}: {exc}") from exc
    if not isinstance(mesh, trimesh.Trimesh) or len(mesh.faces) == 0:
        raise MeshError("holds no triangles")
    return mesh


def for_cura(content: bytes, name: str) -> bytes:
    """The mesh as binary STL (CuraEngine reads only STL), resting on the build plate (lowest z = 0):
    CuraEngine, unlike Cura's front end, cuts away what lies below the plate. An STL that cannot be
    read goes to CuraEngine as it is, so that the refusal is the engine's own."""
    try:
        mesh = load(content, name)
    except MeshError:
        if name.lower().endswith(".stl"):
            return content
        raise
    lowest = float(mesh.bounds[0][2])
    if name.lower().endswith(".stl") and lowest == 0:
        return content
    mesh.apply_translation([0.0, 0.0, -lowest])
    exported = mesh.export(file_type="stl")
    return exported if isinstance(exported, bytes) else str(exported).encode()


@dataclass(frozen=True)
class Report:
    name: str
    data: dict[str, Any]
    problems: list[str]

    def sentence(self) -> str:
        return f"{self.name}: {'; '.join(self.problems)}"


def check(content: bytes, name: str, build_volume: dict[str, float] | None) -> Report:
    try:
        mesh = load(content, name)
    except MeshError as exc:
        return Report(name, {}, [str(exc)])
    open_edges = len(trimesh.grouping.group_rows(mesh.edges_sorted, require_count=1))
    shells = len(mesh.split(only_watertight=False))
    size = [round(float(v), 3) for v in mesh.extents]
    box = dict(zip("xyz", size, strict=True))
    data: dict[str, Any] = {
        "watertight": bool(mesh.is_watertight),
        "manifold": bool(mesh.is_winding_consistent),
        "openEdges": open_edges,
        "shells": shells,
        "volumeMm3": round(float(mesh.volume), 3) if mesh.is_watertight else None,
        "boundingBoxMm": box,
        "triangleCount": len(mesh.faces),
    }
    problems: list[str] = []
    if not mesh.is_watertight:
        problems.append(f"not watertight ({open_edges} open edges)")
    if not mesh.is_winding_consistent:
        problems.append("not manifold (faces wound inconsistently)")
    if shells > 1:
        problems.append(f"{shells} shells")
    if mesh.is_watertight and mesh.volume <= 0:
        problems.append("encloses no volume (inside out?)")
    if build_volume:
        data["buildVolumeMm"] = build_volume
        too_big = [
            f"{axis} {box[axis]:g} > {build_volume[axis]:g}"
            for axis in "xyz"
            if box[axis] > build_volume[axis]
        ]
        if too_big:
            problems.append(f"larger than the build volume ({', '.join(too_big)} mm)")
    return Report(name, data, problems)


def cura_build_volume(definition: Path) -> dict[str, float] | None:
    """machine_width/depth/height of a Cura machine definition, following its `inherits` chain."""
    wanted = {"x": "machine_width", "y": "machine_depth", "z": "machine_height"}
    found: dict[str, float] = {}
    current: Path | None = definition
    while current is not None and current.is_file() and len(found) < 3:
        document = json.loads(current.read_text())
        for axis, key in wanted.items():
            if axis in found:
                continue
            value = (document.get("overrides") or {}).get(key, {}).get("default_value")
            if value is None:
                value = _setting_default(document.get("settings") or {}, key)
            if isinstance(value, int | float):
                found[axis] = float(value)
        parent = document.get("inherits")
        current = current.with_name(f"{parent}.def.json") if parent else None
    return found if len(found) == 3 else None


def _setting_default(tree: dict[str, Any], key: str) -> Any:
    for name, node in tree.items():
        if not isinstance(node, dict):
            continue
        if name == key:
            return node.get("default_value")
        found = _setting_default(node.get("children") or {}, key)
        if found is not None:
            return found
    return None
