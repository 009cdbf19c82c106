"""Printer's marks: crop marks and fold marks outside the bleed, in registration colour (make print
MARKS=1); grommet marks on a banner's hems (always).

WeasyPrint's own `marks: crop` draws inside the bleed, in RGB, without fold marks. These are drawn into
the PDF WeasyPrint writes (a finisher): the media box grows to hold them, while the trim and bleed boxes,
and the artwork, stay where they are. Marks are in registration colour, the separation named All
(PDF 32000 §8.6.6.4): a RIP puts it on every plate, whatever inks the job has (its stand-in for a
preview is all four process inks at 100 %).
"""

from __future__ import annotations

from collections.abc import Callable

import pydyf
from weasyprint import Document

from .sheet import PT_PER_MM, Sheet

GAP_MM = 2.0  # between the bleed's edge and the start of a mark: marks never touch the bleed
LENGTH_MM = 5.0
MARGIN_MM = 2.0  # paper beyond the marks
LINE_PT = 0.25
FOLD_DASH = "[1.5 1] 0 d"  # fold marks dashed, crop marks solid: the usual convention
REGISTRATION = "Registration"  # the name of the All separation in the page's colour spaces
GROMMET_MM = 6.0  # diameter of a grommet mark's circle, and length of its cross
GROMMET_LINE_PT = 0.5
BLACK_STROKE = "0 0 0 1 K"  # 100 K in device CMYK: one plate, no registration to drift
KAPPA = 0.5523  # control-point distance of a quarter circle drawn as a Bézier curve, per unit radius


def offset_mm(bleed_mm: float) -> float:
    """Distance from the trim to where a mark starts: beyond the bleed, and never under 3 mm."""
    return max(bleed_mm, 3.0) + GAP_MM


def grown_mm(bleed_mm: float) -> float:
    """How far the media box reaches beyond the trim with marks."""
    return offset_mm(bleed_mm) + LENGTH_MM + MARGIN_MM


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l"


def mark_lines(sheet: Sheet, page: int, bleed_mm: float) -> tuple[list[str], list[str]]:
    """(crop mark paths, fold mark paths) in PDF points, the origin at the trim's lower left, y up."""
    width, height = sheet.width_mm * PT_PER_MM, sheet.height_mm * PT_PER_MM
    near, far = offset_mm(bleed_mm) * PT_PER_MM, (offset_mm(bleed_mm) + LENGTH_MM) * PT_PER_MM
    crops = []
    for x in (0.0, width):
        crops += [_line(x, -near, x, -far), _line(x, height + near, x, height + far)]
    for y in (0.0, height):
        crops += [_line(-near, y, -far, y), _line(width + near, y, width + far, y)]
    folds = []
    for x_mm in sheet.folds_x[min(page, len(sheet.folds_x) - 1)]:
        x = x_mm * PT_PER_MM
        folds += [_line(x, -near, x, -far), _line(x, height + near, x, height + far)]
    for y_mm in sheet.folds_y:
        y = height - y_mm * PT_PER_MM  # sheet coordinates run down from the top
        folds += [_line(-near, y, -far, y), _line(width + near, y, width + far, y)]
    return crops, folds


def marks_finisher(sheet: Sheet, bleed_mm: float) -> Callable[[Document, pydyf.PDF], None]:
    """A WeasyPrint finisher that draws the marks on every page and grows its media box."""

    def finish(document: Document, pdf: pydyf.PDF) -> None:
        grow = grown_mm(bleed_mm) * PT_PER_MM
        registration = _registration_space(pdf)
        for page, pdf_page in enumerate(_pages(pdf)):
            resources = _resolved(pdf, pdf_page["Resources"])
            spaces = _resolved(pdf, resources.setdefault("ColorSpace", pydyf.Dictionary()))
            spaces[REGISTRATION] = registration
            left, bottom, right, top = (float(value) for value in pdf_page["TrimBox"])
            pdf_page["MediaBox"] = pydyf.Array([left - grow, bottom - grow, right + grow, top + grow])
            crops, folds = mark_lines(sheet, page, bleed_mm)
            _draw(
                pdf,
                pdf_page,
                [
                    f"{LINE_PT} w /{REGISTRATION} CS 1 SCN [] 0 d",
                    *(f"{path} S" for path in crops),
                    FOLD_DASH,
                    *(f"{path} S" for path in folds),
                ],
            )

    return finish


def grommet_paths(sheet: Sheet) -> list[str]:
    """A cross in a circle centred on each grommet, in PDF points, the origin at the trim's lower left, y up."""
    radius = GROMMET_MM / 2 * PT_PER_MM
    paths = []
    for x_mm, y_mm in sheet.grommets:
        x, y = x_mm * PT_PER_MM, (sheet.height_mm - y_mm) * PT_PER_MM
        k = radius * KAPPA
        circle = (
            f"{x + radius:.3f} {y:.3f} m "
            f"{x + radius:.3f} {y + k:.3f} {x + k:.3f} {y + radius:.3f} {x:.3f} {y + radius:.3f} c "
            f"{x - k:.3f} {y + radius:.3f} {x - radius:.3f} {y + k:.3f} {x - radius:.3f} {y:.3f} c "
            f"{x - radius:.3f} {y - k:.3f} {x - k:.3f} {y - radius:.3f} {x:.3f} {y - radius:.3f} c "
            f"{x + k:.3f} {y - radius:.3f} {x + radius:.3f} {y - k:.3f} {x + radius:.3f} {y:.3f} c h"
        )
        paths += [circle, _line(x - radius, y, x + radius, y), _line(x, y - radius, x, y + radius)]
    return paths


def grommets_finisher(sheet: Sheet) -> Callable[[Document, pydyf.PDF], None]:
    """A WeasyPrint finisher that marks where the shop punches each grommet of a banner.

    Drawn on every file, not only with MARKS=1: the shop punches the grommets from these marks, and the
    manifest alone gives it numbers to measure out by hand on a 5 m banner. The marks lie on the hem,
    which folds to the back, so they never show on the face."""

    def finish(document: Document, pdf: pydyf.PDF) -> None:
        for pdf_page in _pages(pdf):
            _draw(
                pdf, pdf_page, [f"{GROMMET_LINE_PT} w {BLACK_STROKE} [] 0 d", *(f"{p} S" for p in grommet_paths(sheet))]
            )

    return finish


def _pages(pdf: pydyf.PDF) -> list[pydyf.Dictionary]:
    return [pdf.objects[number] for number in pdf.pages["Kids"][::3]]


def _draw(pdf: pydyf.PDF, pdf_page: pydyf.Dictionary, operations: list[str]) -> None:
    """Append drawing operations to a page, in points from the trim's lower left corner."""
    left, bottom, _, _ = (float(value) for value in pdf_page["TrimBox"])
    content = pdf.objects[int(pdf_page["Contents"].split()[0])]
    # The page's own stream changes the coordinates (y down) and leaves them so: wrap it in q … Q.
    content.stream.insert(0, b"q")
    first, *rest = operations
    lines = [f"1 0 0 1 {left:.3f} {bottom:.3f} cm {first}", *rest]  # origin and graphics state on one line
    content.stream += [b"Q q", *(line.encode() for line in lines), b"Q"]


def _registration_space(pdf: pydyf.PDF) -> pydyf.Array:
    """[/Separation /All /DeviceCMYK tint]: the tint function maps 1 to all four inks at 100 %."""
    tint = pydyf.Dictionary({"FunctionType": 2, "Domain": pydyf.Array([0, 1]), "N": 1})
    tint.update(C0=pydyf.Array([0, 0, 0, 0]), C1=pydyf.Array([1, 1, 1, 1]))
    pdf.add_object(tint)
    return pydyf.Array(["/Separation", "/All", "/DeviceCMYK", tint.reference])


def _resolved(pdf: pydyf.PDF, value: pydyf.Dictionary | bytes) -> pydyf.Dictionary:
    """A dictionary, or the object an indirect reference (b"5 0 R") names: WeasyPrint writes resources as
    objects of their own, shared by pages."""
    return value if isinstance(value, pydyf.Dictionary) else pdf.objects[int(bytes(value).split()[0])]


def user_unit_finisher(scale: int) -> Callable[[Document, pydyf.PDF], None]:
    """A WeasyPrint finisher that writes every page at 1:`scale` with /UserUnit `scale` (PDF 1.6): its boxes
    and drawing shrink by `scale`, so no side passes the 14,400 units a reader must take, and a RIP that
    reads UserUnit prints full size, one that does not a stated 1:`scale` file for the shop to enlarge.
    Applied after the other finishers, which draw in full-size points."""

    def finish(document: Document, pdf: pydyf.PDF) -> None:
        for pdf_page in _pages(pdf):
            for box in ("MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox"):
                if box in pdf_page:
                    pdf_page[box] = pydyf.Array([float(value) / scale for value in pdf_page[box]])
            pdf_page["UserUnit"] = scale
            content = pdf.objects[int(pdf_page["Contents"].split()[0])]
            content.stream.insert(0, f"q {1 / scale:.6f} 0 0 {1 / scale:.6f} 0 0 cm".encode())
            content.stream.append(b"Q")

    return finish
