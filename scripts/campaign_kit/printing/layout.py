"""Geometry of folded leaflets, and the overflow check on WeasyPrint's layout.

A block that does not fit its box is an error naming the product and the
block; nothing is ever cut silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from weasyprint import Document
from weasyprint.formatting_structure.boxes import LineBox, ReplacedBox, TextBox

from ..model.campaign import PrintFormat
from .sheet import Sheet

TOLERANCE_PX = 0.5
TOP_OF_PAGE_PX = 8  # a block whose border box begins this near its page area's top begins the page (its margin)
LEADING_TOLERANCE_PX = 3
TOLERANCE_MM = (
    0.1  # the line boxes' rounding (a slogan's last line ends 0.06 mm past its box): the ink lies inside them
)


class PrintError(Exception):
    """A product that cannot be printed as configured (message in Vietnamese)."""


@dataclass(frozen=True)
class Panel:
    left: float
    width: float


@dataclass(frozen=True)
class Columns:
    left: float
    width: float
    gap: float
    count: int

    @property
    def column(self) -> float:
        return (self.width - self.gap * (self.count - 1)) / self.count


def outside_panels(fmt: PrintFormat) -> list[Panel]:
    panels, left = [], 0.0
    for width in fmt.panels_mm:
        panels.append(Panel(left, width))
        left += width
    return panels


def inside_columns(fmt: PrintFormat, safe: float) -> Columns:
    """Equal CSS columns that each keep `safe` mm from the folds and the trim.

    The inside face is the outside mirrored: panel widths in reverse order. Equal,
    evenly spaced columns fit only if every panel but the last has the same width
    (a roll fold), which is checked here.
    """
    widths = list(reversed(fmt.panels_mm))
    if len(set(widths[:-1])) > 1:
        raise PrintError(f"{fmt.key}: cách gấp này cần các cột mặt trong (trừ cột cuối) rộng bằng nhau: {widths}.")
    column = min(widths) - 2 * safe
    gap = widths[0] - column
    return Columns(left=safe, width=column * len(widths) + gap * (len(widths) - 1), gap=gap, count=len(widths))


def overflowing_blocks(document: Document) -> list[str]:
    """Names (data-block) of fixed boxes whose content reaches outside their content area."""
    found: list[str] = []
    for page in document.pages:
        for box in page._page_box.descendants():  # WeasyPrint exposes its layout only here
            element = getattr(box, "element", None)
            name = element.get("data-block") if element is not None and hasattr(element, "get") else None
            if name and name not in found and _overflows(getattr(box, "_box", box)):
                found.append(name)
    return found


def block_fill(document: Document, name: str) -> float:
    """How far down its content area (0-1) the content of the first page's block `name` (data-block) reaches:
    the bottom of its lowest line of text or image (balanced columns: of their longest column; the boxes that
    hold the columns are as tall as the block)."""
    for box in document.pages[0]._page_box.descendants():  # WeasyPrint exposes its layout only here
        element = getattr(box, "element", None)
        if element is not None and hasattr(element, "get") and element.get("data-block") == name and box.height:
            top = box.content_box_y()
            contents = (inner for inner in box.descendants() if isinstance(inner, (LineBox, ReplacedBox)))
            return (max((inner.border_box_y() + inner.border_height() for inner in contents), default=top) - top) / (
                box.height
            )
    return 0.0


def starts_a_page(document: Document, css_class: str) -> bool:
    """Whether the first element of class `css_class` begins at the top of a page after the first: the flow
    before it ended on the page before (kept whole, it did not fit under what came before)."""
    for number, page in enumerate(document.pages):
        area = page._page_box
        for box in area.descendants():
            element = getattr(box, "element", None)
            if element is not None and hasattr(element, "get") and css_class in (element.get("class") or "").split():
                return number > 0 and box.border_box_y() - area.content_box_y() < TOP_OF_PAGE_PX
    return False


def used_share(page: object) -> float:
    """How far down its page area (0–1) the flowing content of a page reaches: the bottom of its lowest box in
    the flow (fixed and absolutely placed boxes, a note or a mark, are not content of the flow)."""
    box = page._page_box  # type: ignore[attr-defined]
    top, height = box.content_box_y(), box.height
    lowest = top
    stack = list(box.children)
    while stack:
        inner = stack.pop()
        if getattr(inner, "style", None) is not None and inner.style["position"] in ("fixed", "absolute"):
            continue
        if hasattr(inner, "border_box_y") and getattr(inner, "element_tag", "") not in ("html", "body"):
            lowest = max(lowest, inner.border_box_y() + inner.border_height())
        stack += getattr(inner, "children", None) or []
    return min(1.0, max(0.0, (lowest - top) / height)) if height else 1.0


def _overflows(box: object) -> bool:
    left, top = box.content_box_x(), box.content_box_y()
    right, bottom = left + box.width, top + box.height
    for inner in box.descendants():
        if inner is box or inner.element is box.element or not hasattr(inner, "border_box_x"):
            continue
        # Border boxes: a paragraph's bottom margin may hang past the box, its text may not.
        # The first line may start a little above the box (half-leading): that is not an overflow.
        x, y = inner.border_box_x(), inner.border_box_y()
        if (
            x < left - TOLERANCE_PX
            or y < top - LEADING_TOLERANCE_PX
            or x + inner.border_width() > right + TOLERANCE_PX
            or y + inner.border_height() > bottom + TOLERANCE_PX
        ):
            return True
    return False


MM_PER_PX = 25.4 / 96  # WeasyPrint lays out in CSS px; page boxes start at the trim's top-left corner


def text_too_close(document: Document, finished: Sheet, clear_mm: float) -> list[str]:
    """Words of text set closer than `clear_mm` to the trim or a fold (a panel edge, a banner's folded
    hems and pockets), each with where and how close: a cut or fold that drifts would take them."""
    found: list[str] = []
    face = finished.face
    for number, page in enumerate(document.pages):
        folds = finished.folds_x[min(number, len(finished.folds_x) - 1)]
        for box in _text_boxes(page._page_box):  # WeasyPrint exposes its layout only here
            if not box.text.strip():
                continue
            left, top = box.position_x * MM_PER_PX, box.position_y * MM_PER_PX
            right, bottom = left + box.width * MM_PER_PX, top + box.height * MM_PER_PX
            # The trim, or the face's edges where a banner's hems and pockets fold.
            edges = [left - face.left, top - face.top, face.right - right, face.bottom - bottom]
            edges += [_to_line(x, left, right) for x in folds]
            edges += [_to_line(y, top, bottom) for y in finished.folds_y]
            nearest = min(edges)
            if nearest < clear_mm - TOLERANCE_MM:
                words = box.text.strip()[:40]
                found.append(f"trang {number + 1}: “{words}” cách mép cắt hoặc nếp gấp {max(nearest, 0):.1f} mm")
    return found


def _text_boxes(box: object) -> Iterator[TextBox]:
    """Every text box under `box`, absolutely positioned ones too (descendants() stops at their placeholders)."""
    box = getattr(box, "_box", box)
    if isinstance(box, TextBox):
        yield box
    for child in getattr(box, "children", None) or []:
        yield from _text_boxes(child)


def _to_line(line: float, start: float, end: float) -> float:
    """Distance from a fold line to the span [start, end] across it: 0 when the span crosses it."""
    return 0.0 if start <= line <= end else min(abs(line - start), abs(line - end))
