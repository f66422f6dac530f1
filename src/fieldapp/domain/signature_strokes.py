"""Drawn signatures as vector strokes: the JSON form stored in Signature.strokes_json, and reading it back.

Stored form (what the signature pad writes):
    {"width": 600, "height": 200, "strokes": [[[x, y], [x, y], ...], ...]}
Coordinates are in the pad's own units with y pointing down (screen convention); a point may carry
extra numbers (pressure, time) after x and y, which are ignored. A bare list of strokes is accepted too.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]


@dataclass(frozen=True)
class Strokes:
    strokes: tuple[tuple[Point, ...], ...]
    width: float | None = None
    height: float | None = None

    def bounds(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1): the bounding box of the ink, so a small signature on a large pad still fills its box."""
        xs = [p[0] for s in self.strokes for p in s]
        ys = [p[1] for s in self.strokes for p in s]
        return min(xs), min(ys), max(xs), max(ys)


def to_json(strokes: Sequence[Sequence[Point]], *, width: float, height: float) -> str:
    """The stored form, rounded to 0.1 units to keep it small."""
    data = {"width": width, "height": height,
            "strokes": [[[round(x, 1), round(y, 1)] for x, y in s] for s in strokes if s]}
    return json.dumps(data, separators=(",", ":"))


def _point(value: Any) -> Point | None:
    if isinstance(value, dict):
        value = (value.get("x"), value.get("y"))
    if isinstance(value, (list, tuple)) and len(value) >= 2:
        x, y = value[0], value[1]
        if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool) \
                and math.isfinite(x) and math.isfinite(y):
            return float(x), float(y)
    return None


def parse(text: str | None) -> Strokes | None:
    """The strokes in `text`, or None when there is nothing drawable (missing, empty or not understood).

    A signature is immutable once stored, so a document must still be made from one whose strokes
    cannot be read: callers show a text instead of the drawing.
    """
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    width = height = None
    if isinstance(data, dict):
        w, h = data.get("width"), data.get("height")
        if isinstance(w, (int, float)) and isinstance(h, (int, float)) and w > 0 and h > 0:
            width, height = float(w), float(h)
        data = data.get("strokes")
    if not isinstance(data, list):
        return None
    strokes = []
    for raw in data:
        if isinstance(raw, dict):
            raw = raw.get("points")
        if not isinstance(raw, list):
            continue
        points = tuple(p for p in (_point(v) for v in raw) if p is not None)
        if points:
            strokes.append(points)
    if not strokes:
        return None
    return Strokes(tuple(strokes), width, height)
