"""Triangle meshes: what generators return, the files written from them, and their manufacturing data.

Units are millimetres. Files: binary STL (80-byte header, triangle count, 50 bytes a triangle) and
Wavefront OBJ (shared vertices, 1-based faces). The measures come from the mesh itself: the volume
by the divergence theorem, watertight when every edge joins exactly two triangles in opposite
directions.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

STL_RECORD = np.dtype([("normal", "<f4", 3), ("vertices", "<f4", (3, 3)), ("attribute", "<u2")])


@dataclass(frozen=True)
class Mesh:
    vertices: NDArray[np.float64]  # (n, 3)
    triangles: NDArray[np.int64]  # (m, 3), counter-clockwise seen from outside

    @classmethod
    def from_manifold(cls, manifold: Any) -> Mesh:
        mesh = manifold.to_mesh()
        vertices = np.asarray(mesh.vert_properties, dtype=np.float64)[:, :3]
        return cls(vertices, np.asarray(mesh.tri_verts, dtype=np.int64))

    @property
    def corners(self) -> NDArray[np.float64]:
        """(m, 3, 3): the three corners of every triangle."""
        return self.vertices[self.triangles]

    def translated(self, offset: NDArray[np.float64]) -> Mesh:
        return Mesh(self.vertices + offset, self.triangles)


@dataclass(frozen=True)
class GeneratedPart:
    key: str  # stable within the generator: "tag", "vase", "bracket"
    name: str  # shown to people
    mesh: Mesh


def face_normals(mesh: Mesh) -> NDArray[np.float64]:
    corners = mesh.corners
    normals = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])
    lengths = np.linalg.norm(normals, axis=1, keepdims=True)
    return np.divide(normals, lengths, out=np.zeros_like(normals), where=lengths > 0)


def to_stl(mesh: Mesh, title: str = "Fabflow") -> bytes:
    records = np.zeros(len(mesh.triangles), dtype=STL_RECORD)
    records["normal"] = face_normals(mesh)
    records["vertices"] = mesh.corners
    header = title.encode("ascii", "replace")[:80].ljust(80, b" ")
    return header + struct.pack("<I", len(records)) + records.tobytes()


def from_stl(data: bytes) -> Mesh:
    """A binary STL read back, corners shared where they are equal."""
    (count,) = struct.unpack_from("<I", data, 80)
    records = np.frombuffer(data, dtype=STL_RECORD, count=count, offset=84)
    corners = records["vertices"].astype(np.float64).reshape(-1, 3)
    vertices, inverse = np.unique(corners, axis=0, return_inverse=True)
    return Mesh(vertices, inverse.reshape(-1, 3).astype(np.int64))


def to_obj(mesh: Mesh, title: str = "Fabflow") -> bytes:
    lines = [f"# {title}", f"o {title.replace(' ', '_') or 'mesh'}"]
    lines += [f"v {x:.6f} {y:.6f} {z:.6f}" for x, y, z in mesh.vertices]
    lines += [f"f {a + 1} {b + 1} {c + 1}" for a, b, c in mesh.triangles]
    return ("\n".join(lines) + "\n").encode()


def write(mesh: Mesh, file_format: str, title: str = "Fabflow") -> bytes:
    return to_stl(mesh, title) if file_format == "stl" else to_obj(mesh, title)


def volume(mesh: Mesh) -> float:
    corners = mesh.corners
    return float(np.einsum("ij,ij->i", corners[:, 0], np.cross(corners[:, 1], corners[:, 2])).sum() / 6.0)


def surface_area(mesh: Mesh) -> float:
    corners = mesh.corners
    return float(
        np.linalg.norm(np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0]), axis=1).sum()
        / 2
    )


def is_watertight(mesh: Mesh) -> bool:
    """Every directed edge appears once, and its reverse once: a closed, consistently oriented surface."""
    t = mesh.triangles
    edges = np.concatenate([t[:, [0, 1]], t[:, [1, 2]], t[:, [2, 0]]])
    directed, counts = np.unique(edges, axis=0, return_counts=True)
    if len(directed) != len(edges) or (counts != 1).any():
        return False
    forward = {(int(a), int(b)) for a, b in directed}
    return all((b, a) in forward for a, b in forward)


def manufacturing_data(mesh: Mesh) -> dict[str, Any]:
    low, high = mesh.vertices.min(axis=0), mesh.vertices.max(axis=0)
    size = high - low
    return {
        "boundingBoxMm": {
            "x": round(float(size[0]), 3),
            "y": round(float(size[1]), 3),
            "z": round(float(size[2]), 3),
        },
        "volumeMm3": round(volume(mesh), 3),
        "surfaceAreaMm2": round(surface_area(mesh), 3),
        "watertight": is_watertight(mesh),
        "triangleCount": len(mesh.triangles),
        "vertexCount": len(mesh.vertices),
    }
