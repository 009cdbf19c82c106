"""Geometry of folded leaflets, and the overflow check on WeasyPrint's layout.

A block that does not fit its box is an error naming the product and the
block; nothing is ever cut silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from weasyprint import Document

from ..model.campaign import PrintFormat

TOLERANCE_PX = 0.5
LEADING_TOLERANCE_PX = 3


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
