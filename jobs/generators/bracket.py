"""An L-shaped mounting bracket with a screw hole in each leg.

Parameters (mm): `legLength` 40, `width` 20, `thickness` 4, `holeDiameter` 4.5 (M4 clearance).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manifold3d import Manifold

from jobs.generators.mesh import GeneratedPart, Mesh
from jobs.generators.parameters import ParameterError, number

SEGMENTS = 48


class Bracket:
    key = "bracket"
    title = "L bracket with two screw holes"

    def build(self, config: Mapping[str, Any]) -> list[GeneratedPart]:
        leg = number(config, "legLength", 40, 10, 300)
        width = number(config, "width", 20, 8, 300)
        thickness = number(config, "thickness", 4, 1, 30)
        hole = number(config, "holeDiameter", 4.5, 1, 30)
        if hole >= width - 2 or hole >= leg - thickness - 2:
            raise ParameterError('"holeDiameter" is too large for the bracket.')
        base = Manifold.cube((leg, width, thickness))
        upright = Manifold.cube((thickness, width, leg))
        centre = thickness + (leg - thickness) / 2
        drill = Manifold.cylinder(leg * 3, hole / 2, hole / 2, SEGMENTS, center=True)
        base_hole = drill.translate((centre, width / 2, 0))
        wall_hole = drill.rotate((0, 90, 0)).translate((0, width / 2, centre))
        solid = (base + upright) - base_hole - wall_hole
        return [GeneratedPart("bracket", "Bracket", Mesh.from_manifold(solid))]
