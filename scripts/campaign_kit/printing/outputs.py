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
from ..model.campaign import BannerFinishing, Edge
from ..model.content import Content
from .loudspeaker import ScriptFile
from .meeting import KitFile
from .render import templates
from .sheet import Sheet, sheet

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
    width_mm: float  # the finished product
    height_mm: float
    trim_width_mm: float  # the file's TrimBox: the product plus a banner's hems and pole pockets
    trim_height_mm: float
    bleed_mm: float
    finishing: str
    fold: str
    panels_mm: str
    colours: str
    paper: str
    quantity: int | None
    pages: int
    side_order: str
    unit: str
    language: str
    version: str  # the content's date, also in the file name
    translation: str
    sha256: str


def preview_png(pdf: bytes, finished: Sheet) -> bytes:
    """Every page side by side in one PNG, each page's finished face PREVIEW_PAGE_PX on its longer side."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            face = finished.face
            # Points per millimetre in the page's units: a page written at 1:N (UserUnit N) has N times fewer.
            left, _, right, _ = page.get_trimbox()
            per_mm = (right - left) / finished.width_mm
            # + 1.5: pdfium rounds the whole page and each cropped edge, which lost a pixel (1199 px)
            scale = (PREVIEW_PAGE_PX + 1.5) / (max(face.width, face.height) * per_mm)
            images.append(page.render(scale=scale, crop=face_crop(page, finished, per_mm)).to_pil())
    finally:
        document.close()
    canvas = Image.new("RGB", (sum(i.width for i in images), max(i.height for i in images)), "white")
    left = 0
    for image in images:
        canvas.paste(image, (left, 0))
        left += image.width
    out = io.BytesIO()
    # 256 colours (a palette PNG): a leaflet's flat colours and anti-aliased text look the same (mean difference
    # about 1 of 255 per pixel) in a third of the bytes, encoded twice as fast as full colour, which took most of
    # a preview's time. The palette is found on every fourth pixel of every fourth row (the same inks and edges)
    # and each pixel takes its nearest colour, undithered: a third of the time of a palette found on every pixel,
    # which was half a preview's. Level 3 with PIL's default filters: 8× faster than optimize=True and no larger.
    sample = canvas.resize((max(1, canvas.width // 4), max(1, canvas.height // 4)), Image.Resampling.NEAREST)
    palette = sample.quantize(256, method=Image.Quantize.FASTOCTREE)
    canvas.quantize(palette=palette, dither=Image.Dither.NONE).save(out, format="PNG", compress_level=3)
    return out.getvalue()


def face_crop(page: pdfium.PdfPage, finished: Sheet, per_mm: float) -> tuple[float, float, float, float]:
    """Crop the preview to the finished face, what the reader will see: the trim box without the bleed,
    and a banner's face without the hems and pole pockets that fold to its back."""
    media = page.get_mediabox()
    trim = page.get_trimbox()
    face = finished.face
    return (
        trim[0] - media[0] + face.left * per_mm,
        trim[1] - media[1] + (finished.height_mm - face.bottom) * per_mm,
        media[2] - trim[2] + (finished.width_mm - face.right) * per_mm,
        media[3] - trim[3] + face.top * per_mm,
    )


SIDES = {
    # Page order of the file, as the shop images it (outside first for a roll fold).
    "folded": "trang 1: mặt ngoài (cột gấp vào, mặt sau, bìa từ trái sang); trang 2: mặt trong",
    2: "trang 1: mặt trước; trang 2: mặt sau",
    1: "một mặt",
}


def entry(content: Content, product: Product, pdf: bytes, preview: str, quantity: int | None = None) -> Entry:
    """The manifest's row of a file; `quantity`: its run in the print order (None in the preview kit)."""
    unit = content.campaign.admin_map.unit(product.unit).name if product.unit else ""
    fmt = product.format
    settings = content.campaign.print_settings
    trim = sheet(fmt, settings.safe_mm)
    return Entry(
        file=product.filename,
        preview=preview,
        product=product.stem,
        title=subject_title(content, product),
        kind=product.product_type,
        name=product.format.name,
        width_mm=product.format.width_mm,
        height_mm=product.format.height_mm,
        trim_width_mm=round(trim.width_mm, 2),
        trim_height_mm=round(trim.height_mm, 2),
        bleed_mm=settings.bleed_mm,
        finishing=finishing_text(fmt.finishing, trim),
        fold=f"gấp cuốn {len(fmt.panels_mm)} cột" if fmt.panels_mm else "không gấp",
        panels_mm="/".join(f"{width:g}" for width in fmt.panels_mm),
        colours="4/4" if product.pages == 2 else "4/0",
        paper=fmt.paper,
        quantity=quantity,
        pages=product.pages,
        side_order=SIDES["folded" if fmt.panels_mm else product.pages],
        unit=unit,
        language=product.language,
        version=product.version,
        translation=translation_status(content, product),
        sha256=hashlib.sha256(pdf).hexdigest(),
    )


EDGE_NAMES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def finishing_text(finishing: BannerFinishing, trim: Sheet) -> str:
    """The finishing in words for the print order, e.g. "may ống 60 mm cạnh trái, phải; …"."""

    def edges(names: list[Edge]) -> str:
        return ", ".join(EDGE_NAMES[name] for name in names)

    hemmed = [edge for edge in EDGE_NAMES if finishing.hem_mm and edge not in finishing.pole_pocket_edges]
    parts = []
    if finishing.pole_pocket_edges:
        parts.append(f"may ống {finishing.pole_pocket_mm:g} mm cạnh {edges(finishing.pole_pocket_edges)}")
    if hemmed:
        parts.append(f"gấp mép {finishing.hem_mm:g} mm cạnh {edges(hemmed)}")
    if trim.grommets:
        parts.append(
            f"{len(trim.grommets)} khoen cạnh {edges(finishing.grommet_edges)}, "
            f"cách nhau tối đa {finishing.grommet_spacing_mm:g} mm"
        )
    return "; ".join(parts)


def write_manifest(entries: list[Entry], out_dir: Path) -> None:
    rows = [entry.__dict__ for entry in entries]
    (out_dir / "manifest.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with (out_dir / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["file"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_overview(
    content: Content,
    entries: list[Entry],
    out_dir: Path,
    *,
    draft: str,
    scripts: tuple[list[ScriptFile], list[str]] = ([], []),
    kits: list[KitFile] | None = None,
) -> None:
    """The overview page; `scripts`: the loudspeaker scripts' files and the notes about them; `kits`: the
    community-meeting kits' files."""
    html = (
        templates()
        .get_template("overview.html.j2")
        .render(
            site=content.campaign.site,
            # Grouped by product (kind and subject), then unit (the generic version first), size, language.
            entries=sorted(entries, key=lambda e: (e.kind, e.title, e.unit, e.name, e.language)),
            draft=draft,
            scripts=scripts[0],
            script_notes=scripts[1],
            kits=kits or [],
            language=content.campaign.default_language,
            strings=content.campaign.strings[content.campaign.default_language],
        )
    )
    (out_dir / "index.html").write_text(html, encoding="utf-8")
