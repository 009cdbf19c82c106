"""What the people ordering prints get beside the PDFs: previews, a manifest, an overview page."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ..catalogue import Product, subject_title, translation_status
from ..model.content import Content
from .render import templates

PREVIEW_PAGE_PX = 1200  # the longer side of each page: enough to proofread a leaflet on screen


@dataclass(frozen=True)
class Entry:
    """One file of dist/print/ as listed in the manifest."""

    file: str
    preview: str
    product: str
    title: str
    kind: str
    name: str
    width_mm: float
    height_mm: float
    bleed_mm: float
    fold: str
    panels_mm: str
    colours: str
    paper: str
    quantity: int | None
    pages: int
    side_order: str
    unit: str
    language: str
    translation: str
    sha256: str


def preview_png(pdf: bytes) -> bytes:
    """Every page side by side in one PNG, each page PREVIEW_PAGE_PX on its longer side."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            left, bottom, right, top = page.get_trimbox()
            scale = (PREVIEW_PAGE_PX + 0.5) / max(right - left, top - bottom)  # + 0.5: pdfium rounds down
            images.append(page.render(scale=scale, crop=_bleed_crop(page)).to_pil())
    finally:
        document.close()
    sheet = Image.new("RGB", (sum(i.width for i in images), max(i.height for i in images)), "white")
    left = 0
    for image in images:
        sheet.paste(image, (left, 0))
        left += image.width
    out = io.BytesIO()
    sheet.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _bleed_crop(page: pdfium.PdfPage) -> tuple[float, float, float, float]:
    """Crop the preview to the trim box: what the reader will hold."""
    media = page.get_mediabox()
    trim = page.get_trimbox()
    return (trim[0] - media[0], trim[1] - media[1], media[2] - trim[2], media[3] - trim[3])


SIDES = {
    # Page order of the file, as the shop images it (outside first for a roll fold).
    "folded": "trang 1: mặt ngoài (cột gấp vào, mặt sau, bìa từ trái sang); trang 2: mặt trong",
    2: "trang 1: mặt trước; trang 2: mặt sau",
    1: "một mặt",
}


def entry(content: Content, product: Product, pdf: bytes, preview: str) -> Entry:
    unit = content.campaign.admin_map.unit(product.unit).name if product.unit else ""
    fmt = product.format
    return Entry(
        file=product.filename,
        preview=preview,
        product=product.stem,
        title=subject_title(content, product),
        kind=product.product_type,
        name=product.format.name,
        width_mm=product.format.width_mm,
        height_mm=product.format.height_mm,
        bleed_mm=content.campaign.print_settings.bleed_mm,
        fold=f"gấp cuốn {len(fmt.panels_mm)} cột" if fmt.panels_mm else "không gấp",
        panels_mm="/".join(f"{width:g}" for width in fmt.panels_mm),
        colours="4/4" if product.pages == 2 else "4/0",
        paper=fmt.paper,
        quantity=fmt.quantity,
        pages=product.pages,
        side_order=SIDES["folded" if fmt.panels_mm else product.pages],
        unit=unit,
        language=product.language,
        translation=translation_status(content, product),
        sha256=hashlib.sha256(pdf).hexdigest(),
    )


def write_manifest(entries: list[Entry], out_dir: Path) -> None:
    rows = [entry.__dict__ for entry in entries]
    (out_dir / "manifest.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with (out_dir / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["file"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_overview(content: Content, entries: list[Entry], out_dir: Path, *, draft: str) -> None:
    html = (
        templates()
        .get_template("overview.html.j2")
        .render(
            site=content.campaign.site,
            # Grouped by product (kind and subject), then unit (the generic version first), size, language.
            entries=sorted(entries, key=lambda e: (e.kind, e.title, e.unit, e.name, e.language)),
            draft=draft,
            language=content.campaign.default_language,
            strings=content.campaign.strings[content.campaign.default_language],
        )
    )
    (out_dir / "index.html").write_text(html, encoding="utf-8")
