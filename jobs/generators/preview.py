"""A preview picture of meshes: flat-shaded, seen from the front and above, drawn with a depth buffer.

Pure numpy, one triangle at a time over its bounding box of pixels (meshes here have thousands of
triangles, not millions), written as an 8-bit RGB PNG with zlib.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from numpy.typing import NDArray

from jobs.generators.mesh import Mesh, face_normals

BACKGROUND = np.array([244, 245, 247], dtype=np.float64)
COLOUR = np.array([70, 110, 200], dtype=np.float64)
LIGHT = np.array([-0.4, 0.5, 0.77]) / np.linalg.norm([-0.4, 0.5, 0.77])  # view space: upper left, front


def view_rotation(elevation: float = 30.0, azimuth: float = 35.0) -> NDArray[np.float64]:
    """World to view coordinates (x right, y up, z towards the viewer) for a camera above the front."""
    el, az = np.radians(elevation), np.radians(azimuth)
    towards_viewer = np.array([np.cos(el) * np.sin(az), -np.cos(el) * np.cos(az), np.sin(el)])
    right = np.cross([0.0, 0.0, 1.0], towards_viewer)
    right /= np.linalg.norm(right)
    up = np.cross(towards_viewer, right)
    return np.array([right, up, towards_viewer])


def render(mesh: Mesh, size: int = 512) -> bytes:
    """PNG bytes of the mesh, centred and scaled to fill most of a `size` × `size` square."""
    points = mesh.vertices @ view_rotation().T
    low, high = points.min(axis=0), points.max(axis=0)
    centre = (low + high) / 2
    scale = size * 0.85 / (float(np.max(high[:2] - low[:2])) or 1.0)
    screen = np.empty_like(points)
    screen[:, 0] = (points[:, 0] - centre[0]) * scale + size / 2
    screen[:, 1] = size / 2 - (points[:, 1] - centre[1]) * scale
    screen[:, 2] = points[:, 2]
    shade = np.clip(face_normals(Mesh(points, mesh.triangles)) @ LIGHT, 0, 1)
    image = _rasterize(screen, mesh.triangles, 0.3 + 0.7 * shade, size)
    return png(image)


def _rasterize(
    screen: NDArray[np.float64], triangles: NDArray[np.int64], shade: NDArray[np.float64], size: int
) -> NDArray[np.uint8]:
    depth = np.full((size, size), -np.inf)
    image = np.tile(BACKGROUND, (size, size, 1))
    for index, triangle in enumerate(triangles):
        corners = screen[triangle]
        _fill(corners, COLOUR * shade[index], depth, image)
    return image.astype(np.uint8)


def _fill(
    corners: NDArray[np.float64],
    colour: NDArray[np.float64],
    depth: NDArray[np.float64],
    image: NDArray[np.float64],
) -> None:
    size = depth.shape[0]
    x0, y0 = np.maximum(np.floor(corners[:, :2].min(axis=0)).astype(int), 0)
    x1, y1 = np.minimum(np.ceil(corners[:, :2].max(axis=0)).astype(int), size - 1)
    if x0 > x1 or y0 > y1:
        return
    ys, xs = np.mgrid[y0 : y1 + 1, x0 : x1 + 1] + 0.5
    (ax, ay, az), (bx, by, bz), (cx, cy, cz) = corners
    area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    if abs(area) < 1e-12:
        return
    w0 = ((bx - xs) * (cy - ys) - (by - ys) * (cx - xs)) / area
    w1 = ((cx - xs) * (ay - ys) - (cy - ys) * (ax - xs)) / area
    w2 = 1 - w0 - w1
    inside = (w0 >= 0) & (w1 >= 0) & (w2 >= 0)
    z = w0 * az + w1 * bz + w2 * cz
    window = depth[y0 : y1 + 1, x0 : x1 + 1]
    nearer = inside & (z > window)
    window[nearer] = z[nearer]
    image[y0 : y1 + 1, x0 : x1 + 1][nearer] = colour


def png(image: NDArray[np.uint8]) -> bytes:
    height, width, _ = image.shape
    rows = np.concatenate([np.zeros((height, 1), dtype=np.uint8), image.reshape(height, width * 3)], axis=1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), 6))
        + chunk(b"IEND", b"")
    )
