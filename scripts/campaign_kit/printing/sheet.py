"""The sheet of a product as the shop handles it: trim, the finished face within it, folds, grommets.

Coordinates are millimetres from the top-left corner of the trim. A leaflet's face is its trim and
its folds are the panel edges; a banner's trim is its face plus the finishing allowances of
campaign/print.yml (hems, pole pockets) that fold to the back, and its folds are the face's edges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.campaign import Edge, PrintFormat

MM_PER_INCH = 25.4
PT_PER_MM = 72 / MM_PER_INCH  # PDF and type measure in points (1/72 inch), the sheet in millimetres
# Text of a banner keeps at least this share of the short side from the face's edges: banners are
# read from afar. The finishing's text_clear_mm may ask for more on any edge.
BANNER_INSET = 0.06


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class Sheet:
    width_mm: float  # the trim (TrimBox): where the shop cuts
    height_mm: float
    face: Box  # what is seen once finished
    text: Box  # where text may go
    folds_x: tuple[tuple[float, ...], ...]  # per page: vertical fold lines
    folds_y: tuple[float, ...]  # horizontal fold lines (every page)
    grommets: tuple[tuple[float, float], ...]  # centres of the grommets (banners)


def _inset(box: Box, top: float, right: float, bottom: float, left: float) -> Box:
    return Box(box.left + left, box.top + top, box.width - left - right, box.height - top - bottom)


def sheet(fmt: PrintFormat, safe_mm: float) -> Sheet:
    finishing = fmt.finishing
    allowance = {edge: finishing.allowance(edge) for edge in ("top", "right", "bottom", "left")}
    width = fmt.width_mm + allowance["left"] + allowance["right"]
    height = fmt.height_mm + allowance["top"] + allowance["bottom"]
    face = Box(allowance["left"], allowance["top"], fmt.width_mm, fmt.height_mm)
    floor = max(safe_mm, BANNER_INSET * min(fmt.width_mm, fmt.height_mm))

    def clear(edge: Edge) -> float:
        return max(floor, allowance[edge] + finishing.text_clear_mm.get(edge, 0))

    text = _inset(face, clear("top"), clear("right"), clear("bottom"), clear("left"))
    if fmt.panels_mm:  # a roll fold: the inside face is the outside mirrored
        outside = tuple(_edges(fmt.panels_mm))
        folds_x: tuple[tuple[float, ...], ...] = (outside, tuple(_edges(list(reversed(fmt.panels_mm)))))
    else:
        folds_x = (tuple(x for x, edge in ((face.left, "left"), (face.right, "right")) if allowance[edge]),)
    folds_y = tuple(y for y, edge in ((face.top, "top"), (face.bottom, "bottom")) if allowance[edge])
    grommets = tuple(
        point
        for edge in finishing.grommet_edges
        for point in _grommets(face, edge, allowance, finishing.grommet_spacing_mm)
    )
    return Sheet(width, height, face, text, folds_x, folds_y, grommets)


def _edges(widths: list[float]) -> list[float]:
    """The inner edges of panels of these widths, from the left."""
    edges, left = [], 0.0
    for width in widths[:-1]:
        left += width
        edges.append(left)
    return edges


def _grommets(face: Box, edge: Edge, allowance: dict[Edge, float], spacing: float | None) -> list[tuple[float, float]]:
    """Centres along one hemmed edge: in the middle of the hem's double layer, one at each corner (clear
    of the other edges' hems or pockets) and the rest evenly between them, at most `spacing` apart."""
    assert spacing is not None  # the model requires it with grommet_edges
    depth = allowance[edge] / 2
    if edge in ("top", "bottom"):
        start, end = face.left + allowance["left"] + depth, face.right - allowance["right"] - depth
        across = face.top + depth if edge == "top" else face.bottom - depth
    else:
        start, end = face.top + allowance["top"] + depth, face.bottom - allowance["bottom"] - depth
        across = face.left + depth if edge == "left" else face.right - depth
    count = math.ceil((end - start) / spacing)
    along = [start + (end - start) * step / count for step in range(count + 1)]
    return [(across, a) if edge in ("left", "right") else (a, across) for a in along]
