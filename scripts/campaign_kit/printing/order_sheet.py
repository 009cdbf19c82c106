"""The order sheet a print shop quotes from (make print ORDER=…): every ordered file with its
quantity, sizes, paper, colours, finishing, scale and SHA-256, as CSV and as a PDF to print."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from weasyprint import HTML

from ..formatting import format_number
from ..model.campaign import Campaign
from .orders import Order
from .outputs import Entry
from .render import font_faces, templates

SHEET_NAME = "lenh-in"  # lenh-in.csv, lenh-in.pdf beside the files


@dataclass(frozen=True)
class SheetRow:
    file: str
    title: str
    kind: str
    size: str
    trim_mm: str  # the file's TrimBox, with a banner's hems and pockets
    bleed_mm: float
    pages: int
    colours: str
    paper: str
    finishing: str
    unit: str
    language: str
    quantity: int
    scale: str  # "1:1", or "1:10 (UserUnit 10)" for pages over 200 inches
    sha256: str


def sheet_rows(order: Order, entries: list[Entry], scales: dict[str, int]) -> list[SheetRow]:
    by_file = {entry.file: entry for entry in entries}
    rows = []
    for item in order.products:
        entry = by_file[item.product.filename]
        scale = scales[entry.file]
        finishing = "; ".join(part for part in (entry.fold, entry.finishing, item.finishing) if part)
        rows.append(
            SheetRow(
                file=entry.file,
                title=entry.title,
                kind=entry.name,
                size=f"{entry.width_mm:g} × {entry.height_mm:g}",
                trim_mm=f"{entry.trim_width_mm:g} × {entry.trim_height_mm:g}",
                bleed_mm=entry.bleed_mm,
                pages=entry.pages,
                colours=f"{entry.colours} CMYK",
                paper=item.paper,
                finishing=finishing,
                unit=entry.unit or "bản chung",
                language=entry.language,
                quantity=item.quantity,
                scale=f"1:{scale} (UserUnit {scale})" if scale > 1 else "1:1",
                sha256=entry.sha256,
            )
        )
    return rows


def write_order_sheet(
    campaign: Campaign, order: Order, entries: list[Entry], scales: dict[str, int], out_dir: Path, fonts_dir: Path
) -> None:
    rows = sheet_rows(order, entries, scales)
    with (out_dir / f"{SHEET_NAME}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(SheetRow.__dataclass_fields__), lineterminator="\n")
        writer.writeheader()
        writer.writerows(row.__dict__ for row in rows)
    reference = campaign.default_language
    data = order.source.order
    html = (
        templates()
        .get_template("order-sheet.html.j2")
        .render(
            order=data,
            publisher=order.publisher,
            profile=order.profile,
            rows=rows,
            total=format_number(sum(row.quantity for row in rows), campaign.language(reference)),
            fonts=font_faces(campaign, reference, fonts_dir),
            source=order.source.path.name,
            number=lambda value: format_number(value, campaign.language(reference)),
        )
    )
    HTML(string=html, base_url=str(fonts_dir)).write_pdf(out_dir / f"{SHEET_NAME}.pdf")
