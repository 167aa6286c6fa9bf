"""What a slicer says about its print, read from the G-code it wrote (header and comments).

CuraEngine writes its figures in the header (`;TIME:`, `;MATERIAL:` in mm³ or `;Filament used:` in
metres, `;MINX:`…, or Griffin's `;PRINT.TIME:`, `;PRINT.SIZE.MIN.X:`…) and `;LAYER_COUNT:`;
PrusaSlicer in comments at the end (`; estimated printing time (normal mode) = 1h 2m 3s`,
`; filament used [mm] = …`, `[cm3]`, `[g]`, `; layer_height = …`) and one `;LAYER_CHANGE` per layer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

DEFAULT_DENSITY = 1.24  # g/cm³, PLA

_CURA_NUMBER = re.compile(r"^;([A-Z_.0-9]+):\s*(-?[\d.]+(?:e[+-]?\d+)?)\s*$", re.M | re.I)
_CURA_FILAMENT_M = re.compile(r"^;Filament used:\s*([\d.]+)m", re.M)
_CURA_LAYER_HEIGHT = re.compile(r"^;Layer height:\s*([\d.]+)", re.M)
# Anchored on the newline itself, not `^` with re.M: the literal prefix lets the scan skip G-code
# lines at once instead of trying the pattern at every position (several times faster).
_PRUSA_VALUE = re.compile(r"\n; ([a-z_ ()\[\]0-9]+?) = ([^\n]*)")
_DURATION = re.compile(r"(\d+)([dhms])")
_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


@dataclass(frozen=True)
class Print:
    """The figures of one sliced mesh, in the units named."""

    print_seconds: int
    filament_mm: float
    volume_mm3: float
    mass_grams: float
    layer_count: int
    layer_height_mm: float | None
    bounding_box_mm: dict[str, float] | None

    def as_data(self) -> dict[str, Any]:
        return {
            "printSeconds": self.print_seconds,
            "filamentMm": round(self.filament_mm, 2),
            "volumeMm3": round(self.volume_mm3, 2),
            "volumeCm3": round(self.volume_mm3 / 1000, 3),
            "massGrams": round(self.mass_grams, 2),
            "layerCount": self.layer_count,
            "layerHeightMm": self.layer_height_mm,
            "printBoundingBoxMm": self.bounding_box_mm,
        }


def duration_seconds(text: str) -> int:
    """'1d 2h 3m 4s' → seconds."""
    return sum(int(amount) * _SECONDS[unit] for amount, unit in _DURATION.findall(text))


def filament_area(diameter_mm: float) -> float:
    return math.pi * (diameter_mm / 2) ** 2


def read_cura(text: str, diameter_mm: float, density: float, layer_height: float | None) -> Print:
    head = text[:8192]
    read = {key.upper(): _number(value) for key, value in _CURA_NUMBER.findall(head)}
    numbers = {key: value for key, value in read.items() if value is not None}
    seconds = numbers.get("TIME", numbers.get("PRINT.TIME"))
    volume = numbers.get("MATERIAL", numbers.get("EXTRUDER_TRAIN.0.MATERIAL.VOLUME_USED"))
    metres = _CURA_FILAMENT_M.search(head)
    if volume is None and metres:
        volume = float(metres.group(1)) * 1000 * filament_area(diameter_mm)
    if seconds is None or volume is None:
        raise ValueError("the G-code header holds no print time or material figures")
    height = _CURA_LAYER_HEIGHT.search(head)
    layers = re.search(r"^;LAYER_COUNT:(\d+)", text, re.M)
    return Print(
        print_seconds=int(seconds),
        filament_mm=volume / filament_area(diameter_mm),
        volume_mm3=volume,
        mass_grams=volume / 1000 * density,
        layer_count=int(layers.group(1)) if layers else text.count("\n;LAYER:"),
        layer_height_mm=float(height.group(1)) if height else layer_height,
        bounding_box_mm=_cura_box(numbers),
    )


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:  # a version such as 4.13.0
        return None


def _cura_box(numbers: dict[str, float]) -> dict[str, float] | None:
    names = [("MINX", "MAXX"), ("MINY", "MAXY"), ("MINZ", "MAXZ")]
    if not all(a in numbers and b in numbers for a, b in names):
        names = [(f"PRINT.SIZE.MIN.{axis}", f"PRINT.SIZE.MAX.{axis}") for axis in "XYZ"]
    if not all(a in numbers and b in numbers for a, b in names):
        return None
    return {axis: round(numbers[b] - numbers[a], 3) for axis, (a, b) in zip("xyz", names, strict=True)}


def read_prusa(text: str) -> Print:
    tail = "\n" + text[-200_000:]
    values = {key.strip(): value.strip() for key, value in _PRUSA_VALUE.findall(tail)}
    time_text = values.get("estimated printing time (normal mode)")
    if time_text is None or "filament used [mm]" not in values:
        raise ValueError("the G-code holds no estimated printing time or filament figures")
    volume = float(values.get("filament used [cm3]", "0")) * 1000
    height = values.get("layer_height")
    return Print(
        print_seconds=duration_seconds(time_text),
        filament_mm=float(values["filament used [mm]"]),
        volume_mm3=volume,
        mass_grams=float(values.get("filament used [g]", "0")),
        layer_count=text.count("\n;LAYER_CHANGE"),
        layer_height_mm=float(height) if height else None,
        bounding_box_mm=None,
    )
