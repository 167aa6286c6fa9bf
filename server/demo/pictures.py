"""The demo's files, made on the spot: SVG previews and small STL meshes, so the demo names no outside host.

Pure: the same file description gives the same bytes. A preview is a drawing of the product kind
(a frame, a shade, an insole, a tag) in the configured colour, labelled with the part and version; a
mesh is a closed box of the part's rough size, enough for a viewer, an export or a mesh check.
"""

from __future__ import annotations

from html import escape

COLOURS = {
    "tortoise": "#8a5a2b", "black": "#222222", "crystal": "#b9d6e3", "olive": "#6b7a3a", "navy": "#24365f",
    "honey": "#d49a3a", "white": "#e9e9e4", "sand": "#d8c39a", "terracotta": "#c0643f", "sage": "#9aae8c",
    "charcoal": "#3b3f44",
}  # fmt: skip
DEFAULT_COLOUR = "#7f8aa3"
SHAPES = {
    "frame": '<circle cx="62" cy="60" r="30"/><circle cx="138" cy="60" r="30"/>'
    '<path d="M92 56 q8 -10 16 0"/>',
    "shade": '<path d="M60 30 h80 l30 70 h-140 z"/><path d="M100 100 v14"/>',
    "vase": '<path d="M80 20 h40 q-10 20 10 50 q10 30 -10 40 h-40 q-20 -10 -10 -40 q20 -30 10 -50 z"/>',
    "insole": '<path d="M70 20 q30 -10 45 10 q15 30 0 60 q-10 25 -30 25 q-25 0 -25 -30 q0 -40 10 -65 z"/>',
    "tag": '<rect x="40" y="40" width="120" height="50" rx="10"/><circle cx="58" cy="65" r="6"/>',
}


def preview_svg(shape: str, colour: str, label: str) -> bytes:
    """A 200 × 140 drawing of `shape` (frame, shade, vase, insole, tag) in `colour`, captioned `label`."""
    fill = COLOURS.get(colour, DEFAULT_COLOUR)
    body = SHAPES.get(shape, SHAPES["tag"])
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="140" viewBox="0 0 200 140">'
        '<rect width="200" height="140" fill="#f4f5f7"/>'
        f'<g fill="{fill}" fill-opacity=".85" stroke="#1d2330" stroke-width="3">{body}</g>'
        f'<text x="100" y="132" font-family="sans-serif" font-size="12" text-anchor="middle" fill="#1d2330">'
        f"{escape(label)}</text></svg>"
    )
    return svg.encode("utf-8")


def box_stl(name: str, size_mm: tuple[float, float, float]) -> bytes:
    """An ASCII STL of a closed box of `size_mm` (x, y, z), 12 triangles wound outwards."""
    x, y, z = size_mm
    corners = [(i * x, j * y, k * z) for i in (0, 1) for j in (0, 1) for k in (0, 1)]
    faces = (
        ((0, 1, 3, 2), (-1, 0, 0)), ((4, 6, 7, 5), (1, 0, 0)), ((0, 4, 5, 1), (0, -1, 0)),
        ((2, 3, 7, 6), (0, 1, 0)), ((0, 2, 6, 4), (0, 0, -1)), ((1, 5, 7, 3), (0, 0, 1)),
    )  # fmt: skip
    solid = "".join(c if c.isalnum() else "_" for c in name) or "part"
    lines = [f"solid {solid}"]
    for (a, b, c, d), normal in faces:
        for triangle in ((a, b, c), (a, c, d)):
            lines.append(f"  facet normal {normal[0]} {normal[1]} {normal[2]}")
            lines.append("    outer loop")
            lines += [f"      vertex {corners[i][0]:g} {corners[i][1]:g} {corners[i][2]:g}" for i in triangle]
            lines.append("    endloop")
            lines.append("  endfacet")
    lines.append(f"endsolid {solid}")
    return ("\n".join(lines) + "\n").encode("ascii")
