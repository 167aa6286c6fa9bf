"""A flat name tag (key fob, bag label): a rounded rectangle with a hole for a ring.

Parameters (mm): `width` 60, `height` 25, `thickness` 3, `cornerRadius` 4, `holeDiameter` 5,
`holeMargin` 4 (from the left edge to the hole).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manifold3d import CrossSection, JoinType

from jobs.generators.mesh import GeneratedPart, Mesh
from jobs.generators.parameters import ParameterError, number

SEGMENTS = 48


def outline(width: float, height: float, radius: float, hole: float, margin: float) -> CrossSection:
    core = CrossSection.square((width - 2 * radius, height - 2 * radius), center=True)
    body = core.offset(radius, JoinType.Round, circular_segments=SEGMENTS)
    ring = CrossSection.circle(hole / 2, SEGMENTS).translate((-width / 2 + margin + hole / 2, 0))
    return body - ring


class NameTag:
    key = "name-tag"
    title = "Name tag with rounded corners and a ring hole"

    def build(self, config: Mapping[str, Any]) -> list[GeneratedPart]:
        width = number(config, "width", 60, 15, 300)
        height = number(config, "height", 25, 10, 300)
        thickness = number(config, "thickness", 3, 0.8, 20)
        radius = number(config, "cornerRadius", 4, 0.5, min(width, height) / 2 - 0.01)
        hole = number(config, "holeDiameter", 5, 1, height - 4)
        margin = number(config, "holeMargin", 4, 1, width / 2)
        if margin + hole + 2 > width / 2:
            raise ParameterError('"holeDiameter" and "holeMargin" leave no room on the tag.')
        solid = outline(width, height, radius, hole, margin).extrude(thickness)
        return [GeneratedPart("tag", "Name tag", Mesh.from_manifold(solid))]
