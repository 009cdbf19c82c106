"""Preflight of rendered print files, as a print shop runs it: each rule measured from the PDF alone, in one
place, for the tests and for the table a person reads.

    python -m campaign_kit.printing.preflight <kit folder>

prints one row per kind, size and language: boxes (trim, bleed), colour spaces, fonts embedded, the least
filled panel, the least distance from a word to the trim and to a fold, the largest page in PDF units and
its UserUnit. Read back with qpdf --json and --qdf, pdffonts, pdftotext -bbox and pypdfium2.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageChops

from ..catalogue import Product
from ..model.campaign import PrintSettings
from .sheet import MM_PER_INCH, Sheet, sheet

MM_PER_UNIT = MM_PER_INCH / 72  # a PDF unit (at UserUnit 1) in millimetres
# A panel's filled share: 1 less its blank bands (rows without ink across the panel's text area) at least this
# tall. Smaller gaps are the composition's own (between paragraphs, around a heading or a code); a band this tall
# reads as an empty part of the panel.
BLANK_BAND_MM = 12.0
MIN_PANEL_FILL = 0.6  # every panel of a leaflet: no panel left mostly empty (issue: content meant for each panel)
FILL_DPI = 50  # enough to see a line of 9 pt type (1.6 mm tall, 3 pixels)
INK_DIFFERENCE = 60  # a pixel's difference (R + G + B, about) from the paper that counts as ink
PAPER = (255, 255, 255)  # a panel in the cover's colour is filled from the panel's ground that counts as ink


@dataclass(frozen=True)
class PageBoxes:
    media: tuple[float, ...]  # PDF units: x0, y0, x1, y1
    trim: tuple[float, ...]
    bleed: tuple[float, ...] | None
    user_unit: float

    @property
    def largest(self) -> float:
        """The page's longer side in PDF units (the limit without UserUnit is 14,400)."""
        return max(self.media[2] - self.media[0], self.media[3] - self.media[1])

    @property
    def mm(self) -> float:
        return self.user_unit * MM_PER_UNIT


def page_boxes(pdf: Path) -> list[PageBoxes]:
    """Each page's boxes and UserUnit, read back with qpdf --json."""
    data = json.loads(subprocess.run(["qpdf", "--json", str(pdf)], capture_output=True, text=True, check=True).stdout)
    objects = data["qpdf"][1]
    pages = []
    for page in data["pages"]:
        raw = objects[f"obj:{page['object']}"]["value"]
        bleed = raw.get("/BleedBox")
        pages.append(
            PageBoxes(
                media=tuple(raw["/MediaBox"]),
                trim=tuple(raw.get("/TrimBox", raw["/MediaBox"])),
                bleed=tuple(bleed) if bleed else None,
                user_unit=float(raw.get("/UserUnit", 1)),
            )
        )
    return pages


@dataclass(frozen=True)
class Word:
    """A word's box in millimetres from the trim's top-left corner, on page `page` (from 0)."""

    page: int
    left: float
    top: float
    right: float
    bottom: float


# pdftotext's word box is its font's ascent-to-descent box (font_box_em: Noto's, for stacked Vietnamese marks, is
# 1.362 em), taller than the line box the layout keeps safe_mm from the trim and folds (the press guard measures
# that box; the templates set lines at TIGHTEST_LINE_EM or more): a word's distance up or down is its line's, the
# box less half the difference.
TIGHTEST_LINE_EM = 1.12


def font_box_em(pdf: Path) -> float:
    """The lowest ascent-to-descent height (em) among the fonts a file embeds, from their descriptors: pdftotext's
    word box per em of type. The lowest, as a word's font is not known: a word of a taller font then measures
    nearer to the edge than it is, never farther."""
    with pikepdf.open(pdf) as document:
        heights = [
            (float(item.Ascent) - float(item.Descent)) / 1000
            for item in document.objects
            if isinstance(item, pikepdf.Dictionary) and item.get("/Type") == "/FontDescriptor"
        ]
    if not heights:
        raise ValueError(f"{pdf.name}: no font embedded")
    return min(heights)


def words(pdf: Path, pages: list[PageBoxes]) -> list[Word]:
    """Every word pdftotext -bbox finds, its top and bottom those of its line (see TIGHTEST_LINE_EM)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    shrink = (1 - TIGHTEST_LINE_EM / font_box_em(pdf)) / 2 if "<word " in html else 0.0
    found = []
    for number, page in enumerate(html.split("<page ")[1:]):
        box = pages[number]
        left_mm, top_mm = (box.trim[0] - box.media[0]) * box.mm, (box.media[3] - box.trim[3]) * box.mm
        for x1, y1, x2, y2 in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page
        ):
            top, bottom = float(y1) * box.mm - top_mm, float(y2) * box.mm - top_mm
            overshoot = (bottom - top) * shrink
            found.append(
                Word(
                    number,
                    float(x1) * box.mm - left_mm,
                    top + overshoot,
                    float(x2) * box.mm - left_mm,
                    bottom - overshoot,
                )
            )
    return found


def _to_line(line: float, start: float, end: float) -> float:
    """Distance from a line to the span [start, end] across it: 0 when the span crosses it."""
    return 0.0 if start <= line <= end else min(abs(line - start), abs(line - end))


@dataclass(frozen=True)
class Clearances:
    """Each word's least distance (mm) to the trim (or a banner's face edge) and to a fold, across (to vertical
    lines) and down (to horizontal ones); None where the sheet has no such fold."""

    trim_across: float
    trim_down: float
    fold_across: float | None
    fold_down: float | None

    @property
    def across(self) -> float:
        return min(d for d in (self.trim_across, self.fold_across) if d is not None)

    @property
    def down(self) -> float:
        return min(d for d in (self.trim_down, self.fold_down) if d is not None)


def clearances(found: Iterable[Word], finished: Sheet) -> Clearances:
    face = finished.face
    trim_across, trim_down, fold_across, fold_down = [], [], [], []
    for word in found:
        trim_across.append(min(word.left - face.left, face.right - word.right))
        trim_down.append(min(word.top - face.top, face.bottom - word.bottom))
        folds = finished.folds_x[min(word.page, len(finished.folds_x) - 1)]
        fold_across += [_to_line(x, word.left, word.right) for x in folds]
        fold_down += [_to_line(y, word.top, word.bottom) for y in finished.folds_y]
    if not trim_across:
        raise ValueError("no word found")
    return Clearances(min(trim_across), min(trim_down), min(fold_across, default=None), min(fold_down, default=None))


@dataclass(frozen=True)
class PanelFill:
    page: int  # from 0
    panel: int  # from the left, from 0
    fill: float  # 0–1


def panel_fills(pdf: Path, product: Product, settings: PrintSettings) -> list[PanelFill]:
    """The filled share of each panel's text area (a folded leaflet's panels, a sheet's sides), from its pixels:
    rows with ink (any pixel not paper: text, codes, rules, a ground of colour) across the area inside the safe
    margin of its trim and folds; 1 less the blank bands at least BLANK_BAND_MM tall."""
    fmt = product.format
    finished = sheet(fmt, settings.safe_mm)
    boxes = page_boxes(pdf)
    document = pdfium.PdfDocument(str(pdf))
    try:
        fills = []
        for number, box in enumerate(boxes):
            image = document[number].render(scale=FILL_DPI / 72 / box.user_unit).to_pil().convert("RGB")
            px_per_mm = image.width / ((box.media[2] - box.media[0]) * box.mm)
            left_mm, top_mm = (box.trim[0] - box.media[0]) * box.mm, (box.media[3] - box.trim[3]) * box.mm
            folds = finished.folds_x[min(number, len(finished.folds_x) - 1)]
            edges = [finished.face.left, *folds, finished.face.right]
            for index, (start, end) in enumerate(itertools.pairwise(edges)):
                area = [
                    start + settings.safe_mm,
                    finished.face.top + settings.safe_mm,
                    end - settings.safe_mm,
                    finished.face.bottom - settings.safe_mm,
                ]
                crop = image.crop(
                    tuple(round((v + (left_mm if i % 2 == 0 else top_mm)) * px_per_mm) for i, v in enumerate(area))
                )
                fills.append(PanelFill(number, index, _filled_share(crop, px_per_mm)))
        return fills
    finally:
        document.close()


def _filled_share(image: Image.Image, px_per_mm: float) -> float:
    difference = ImageChops.difference(image, Image.new("RGB", image.size, PAPER)).convert("L")
    ink = difference.point(lambda value: 255 if value > INK_DIFFERENCE / 3 else 0)
    band, blank, least = 0, 0, BLANK_BAND_MM * px_per_mm
    for row in [*range(image.height), None]:
        if row is None or ink.crop((0, row, image.width, row + 1)).getbbox():
            blank += band if band >= least else 0
            band = 0
        else:
            band += 1
    return 1 - blank / image.height


def colour_spaces(pdf: Path) -> set[str]:
    """The colour spaces a file paints in: those its content streams set (cs, CS; k, K are DeviceCMYK; rg, RG
    DeviceRGB; g, G DeviceGray) and its images' (qpdf's expansion, uncompressed). Spaces a resource dictionary
    only defines are not counted."""
    with tempfile.TemporaryDirectory() as folder:
        qdf = Path(folder) / "file.qdf"
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)], check=True)
        body = qdf.read_bytes()
    spaces = {name.decode() for name in re.findall(rb"^/([\w.-]+) (?:cs|CS)$", body, re.M)}
    spaces |= {name.decode() for name in re.findall(rb"/ColorSpace\s*/([\w.-]+)", body)}
    for operators, space in ((b"k|K", "DeviceCMYK"), (b"rg|RG", "DeviceRGB"), (b"g|G", "DeviceGray")):
        if re.search(rb"^[\d. ]+ (?:" + operators + rb")$", body, re.M):
            spaces.add(space)
    return spaces


def fonts_embedded(pdf: Path) -> tuple[int, int]:
    """(fonts, of them embedded as subsets), from pdffonts."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return len(lines), sum(1 for line in lines if re.search(r"\byes\s+yes\s+yes\b", line))


@dataclass(frozen=True)
class FileCheck:
    """What preflight reads from one product's file."""

    product: Product
    boxes: list[PageBoxes]
    spaces: set[str]
    fonts: tuple[int, int]
    fills: list[PanelFill]
    clear: Clearances


def check_file(pdf: Path, product: Product, settings: PrintSettings) -> FileCheck:
    boxes = page_boxes(pdf)
    fills = panel_fills(pdf, product, settings) if product.product_type == "leaflet" else []
    return FileCheck(
        product,
        boxes,
        colour_spaces(pdf),
        fonts_embedded(pdf),
        fills,
        clearances(words(pdf, boxes), sheet(product.format, settings.safe_mm)),
    )


COLUMNS = (
    "loại",
    "khổ",
    "ngôn ngữ",
    "tệp",
    "xén (mm)",
    "bù xén (mm)",
    "không gian màu",
    "phông nhúng",
    "cột đầy ít nhất",
    "chữ–mép xén (mm)",
    "chữ–nếp gấp (mm)",
    "trang lớn nhất (đơn vị)",
    "UserUnit",
)


def table(checks: list[FileCheck]) -> list[list[str]]:
    """One row per kind, size and language (a unit's variants with their generic product)."""
    groups: dict[tuple[str, str, str], list[FileCheck]] = {}
    for check in checks:
        product = check.product
        groups.setdefault((product.product_type, product.format.key, product.language), []).append(check)
    rows = []
    for (kind, size, language), group in groups.items():
        first = group[0].boxes[0]
        trim_w, trim_h = ((first.trim[2] - first.trim[0]) * first.mm, (first.trim[3] - first.trim[1]) * first.mm)
        bleed = (first.trim[0] - first.bleed[0]) * first.mm if first.bleed else None
        fills = [fill.fill for check in group for fill in check.fills]
        folds = [d for check in group for d in (check.clear.fold_across, check.clear.fold_down) if d is not None]
        fonts, embedded = sum(check.fonts[0] for check in group), sum(check.fonts[1] for check in group)
        rows.append(
            [
                kind,
                size,
                language,
                str(len(group)),
                f"{trim_w:.0f} × {trim_h:.0f}",
                "—" if bleed is None else f"{bleed:.1f}",
                " ".join(sorted(set().union(*(check.spaces for check in group)))),
                f"{embedded}/{fonts}",
                f"{min(fills):.0%}" if fills else "—",
                f"{min(min(c.clear.trim_across, c.clear.trim_down) for c in group):.1f}",
                f"{min(folds):.1f}" if folds else "—",
                f"{max(box.largest for check in group for box in check.boxes):,.0f}",
                " ".join(sorted({f"{box.user_unit:g}" for check in group for box in check.boxes})),
            ]
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    from ..project import load  # the command alone loads a project: the tests pass their products

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kit", type=Path, help="a folder of rendered products (make print's dist/print)")
    parser.add_argument("--project", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    project = load(args.project.resolve())
    settings = project.content.campaign.print_settings
    by_name = {product.filename: product for product in project.plan.products}
    pdfs = sorted(args.kit.glob("*.pdf"))
    checks = [check_file(pdf, by_name[pdf.name], settings) for pdf in pdfs if pdf.name in by_name]
    if not checks:
        print(f"LỖI: {args.kit} không có tệp in nào của danh mục sản phẩm.", file=sys.stderr)
        return 1
    rows = [list(COLUMNS), *table(checks)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    for number, row in enumerate(rows):
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if number == 0:
            print("-+-".join("-" * width for width in widths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
