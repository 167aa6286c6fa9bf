"""A cylindrical vase (or pen cup, planter): a hollow body of revolution with a closed bottom.

Parameters (mm): `height` 120, `diameter` 70 (at the bottom), `topDiameter` (the same unless given),
`wallThickness` 2, `bottomThickness` 3, `segments` 96 (around).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manifold3d import CrossSection

from jobs.generators.mesh import GeneratedPart, Mesh
from jobs.generators.parameters import ParameterError, number, whole


def wall_profile(height: float, bottom: float, top: float, wall: float, floor: float) -> CrossSection:
    """Half the vase's section (x = radius, y = height), as one polygon: outside up, inside down."""
    return CrossSection(
        [[(0, 0), (bottom, 0), (top, height), (top - wall, height), (bottom - wall, floor), (0, floor)]]
    )


class Vase:
    key = "vase"
    title = "Cylindrical vase with a closed bottom"

    def build(self, config: Mapping[str, Any]) -> list[GeneratedPart]:
        height = number(config, "height", 120, 10, 600)
        bottom = number(config, "diameter", 70, 10, 500) / 2
        top = number(config, "topDiameter", bottom * 2, 10, 500) / 2
        wall = number(config, "wallThickness", 2, 0.8, 20)
        floor = number(config, "bottomThickness", 3, 0.8, 50)
        segments = whole(config, "segments", 96, 12, 512)
        if wall >= min(bottom, top) - 1 or floor >= height - 1:
            raise ParameterError('"wallThickness" or "bottomThickness" leaves no room inside the vase.')
        solid = wall_profile(height, bottom, top, wall, floor).revolve(segments)
        return [GeneratedPart("vase", "Vase", Mesh.from_manifold(solid))]
