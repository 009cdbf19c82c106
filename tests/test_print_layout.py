"""Layout of the folded leaflets, read back from the PDF: every inside panel carries text, a bullet
never runs across a fold, an article's QR code sits in the panel where the article ends.

A sample: a topic leaflet in Vietnamese and in English, the general leaflet in Khmer and a unit's
general leaflet. Positions come from pdfium's character boxes and from zbarimg on each panel's strip.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from functools import cache
from html import unescape
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import PROJECT, loaded_project
from PIL import ImageStat

from campaign_kit.catalogue import GENERAL, Product
from campaign_kit.printing.render import RenderOptions, render_pdf
from campaign_kit.printing.wording import BLANK, colophon_lines, product_copy
from campaign_kit.project import load

PLAN = loaded_project().plan
CAMPAIGN = PLAN.content.campaign
SETTINGS = CAMPAIGN.print_settings
FOLDED = next(fmt for fmt in SETTINGS.leaflets if fmt.panels_mm)
UNIT = CAMPAIGN.admin_map.units[0].key
MM = 72 / 25.4
INSIDE = 1  # page index of the inside face


def sample() -> list[Product]:
    def leaflet(subject: str, language: str, unit: str | None = None) -> Product:
        return Product("leaflet", subject, FOLDED, language, unit)

    return [leaflet("y-te", "vi"), leaflet("tin-dung", "en"), leaflet(GENERAL, "km"), leaflet(GENERAL, "vi", UNIT)]


@pytest.fixture(scope="module")
def folded(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Product, Path]]:
    out = tmp_path_factory.mktemp("folded")
    options = RenderOptions(fonts_dir=PROJECT / "fonts", production=True)  # no draft mark among the words
    files = []
    for product in sample():
        path = out / product.filename
        path.write_bytes(render_pdf(PLAN, product, options))
        files.append((product, path))
    return files


def inside_folds() -> list[float]:
    """Left edges of the inside panels and the right trim, in mm from the trim: the outside mirrored."""
    edges = [0.0]
    for width in reversed(FOLDED.panels_mm):
        edges.append(edges[-1] + width)
    return edges


def panel_at(x_mm: float) -> int:
    edges = inside_folds()
    return next(i for i in range(len(edges) - 1) if x_mm < edges[i + 1])


def visible(char: str) -> bool:
    return not (char.isspace() or unicodedata.category(char) in ("Cf", "Zs"))


@cache
def inside_text(pdf: Path) -> tuple[str, tuple[int, ...]]:
    """The inside face's printed characters without spaces or line breaks, and the panel of each."""
    document = pdfium.PdfDocument(str(pdf))
    textpage = document[INSIDE].get_textpage()
    chars, panels = [], []
    for index, char in enumerate(textpage.get_text_range()):
        char = "-" if char == "\ufffe" else char  # pdfium's mark for a hyphen that ends a line
        if not visible(char):
            continue
        left, _, right, _ = textpage.get_charbox(index)
        chars.append(char)
        panels.append(panel_at((left + right) / 2 / MM - SETTINGS.bleed_mm))
    document.close()
    return unicodedata.normalize("NFC", "".join(chars)), tuple(panels)


def squeezed(html: str) -> str:
    text = unescape(re.sub(r"<[^>]+>", "", html))
    return unicodedata.normalize("NFC", "".join(char for char in text if visible(char)))


def panels_of(pdf: Path, html: str) -> set[int]:
    text, panels = inside_text(pdf)
    wanted = squeezed(html)
    start = text.find(wanted)
    assert start >= 0, (pdf.name, wanted)
    return set(panels[start : start + len(wanted)])


def test_every_inside_panel_carries_text(folded: list[tuple[Product, Path]]) -> None:
    for product, pdf in folded:
        _, panels = inside_text(pdf)
        counts = [panels.count(panel) for panel in range(len(FOLDED.panels_mm))]
        assert min(counts) >= 40, (product.filename, counts)


def test_no_bullet_runs_across_a_fold(folded: list[tuple[Product, Path]]) -> None:
    """Every item of every article is in one panel (Latin script: pdfium gives Khmer back in visual order)."""
    checked = 0
    for product, pdf in folded:
        if product.language == "km":
            continue
        for block in product_copy(PLAN, product).blocks:
            items = block.items + [item for _, items in block.questions for item in items]
            for item in items:
                assert len(panels_of(pdf, item)) == 1, (product.filename, item)
                checked += 1
    assert checked > 20


def codes_by_panel(pdf: Path, tmp_path: Path) -> dict[str, int]:
    """Which panel each QR code of the inside face is in: zbarimg on each panel's strip at 200 dpi."""
    document = pdfium.PdfDocument(str(pdf))
    image = document[INSIDE].render(scale=200 / 72).to_pil()
    document.close()
    px_per_mm = image.width / (FOLDED.width_mm + 2 * SETTINGS.bleed_mm)
    edges = inside_folds()
    found = {}
    for panel in range(len(edges) - 1):
        left, right = (round((edges[i] + SETTINGS.bleed_mm) * px_per_mm) for i in (panel, panel + 1))
        strip = tmp_path / f"panel-{panel}.png"
        image.crop((left, 0, right, image.height)).save(strip)
        decoded = subprocess.run(
            ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(strip)], capture_output=True, text=True
        ).stdout.split()
        found |= {url: panel for url in decoded}
    return found


def test_an_articles_qr_code_sits_where_the_article_ends(folded: list[tuple[Product, Path]], tmp_path: Path) -> None:
    checked = 0
    for product, pdf in folded:
        if product.language == "km":
            continue
        codes = codes_by_panel(pdf, tmp_path)
        for block in product_copy(PLAN, product).blocks:
            if not block.qr:
                continue
            last_item = block.questions[-1][1][-1]
            assert codes.get(block.url) in panels_of(pdf, last_item), (product.filename, block.key, codes)
            checked += 1
    assert checked


def outside_panel_texts(pdf: Path) -> list[str]:
    """The outside face's text per panel (flap, back, cover), without spaces."""
    edges = [0.0]
    for width in FOLDED.panels_mm:
        edges.append(edges[-1] + width)
    document = pdfium.PdfDocument(str(pdf))
    textpage = document[0].get_textpage()
    texts = [""] * len(FOLDED.panels_mm)
    for index, char in enumerate(textpage.get_text_range()):
        if visible(char):
            left, _, right, _ = textpage.get_charbox(index)
            x = (left + right) / 2 / MM - SETTINGS.bleed_mm
            texts[next(i for i in range(len(texts)) if x < edges[i + 1])] += char
    document.close()
    return [unicodedata.normalize("NFC", text) for text in texts]


def test_cover_and_back_panel(folded: list[tuple[Product, Path]]) -> None:
    """The cover: the site's name beside its mark, the leaflet's title and question, the slogan. The back:
    where to ask and the colophon, whose unknown values are marked blanks (never invented)."""
    for product, pdf in folded:
        _, back, cover = outside_panel_texts(pdf)
        copy = product_copy(PLAN, product)
        assert copy.question == CAMPAIGN.strings[product.language].home_questions[1]
        assert squeezed(CAMPAIGN.site.site_name) in cover, product.filename
        if product.language != "km":  # pdfium gives Khmer back in visual order; the colophon is Vietnamese
            for text in (copy.title, copy.question, copy.slogan):
                assert squeezed(text) in cover, (product.filename, text)
            assert squeezed(copy.contact_heading) in back, product.filename
        assert len(copy.colophon) == 5
        for line in copy.colophon:
            assert squeezed(line) in back, (product.filename, line)
        assert back.count(squeezed(BLANK)) == 4, product.filename  # licence, print run, printer, legal deposit


def test_colophon_prints_the_values_given(project_copy: Path) -> None:
    settings = project_copy / "campaign" / "print.yml"
    text = settings.read_text(encoding="utf-8").replace("  printer:  ", "  printer: Cơ sở in thử nghiệm  ", 1)
    settings.write_text(text.replace("    quantity:   #", "    quantity: 2000   #", 1), encoding="utf-8")
    plan = load(project_copy).plan
    fmt = plan.content.campaign.print_settings.leaflets[0]
    lines = colophon_lines(plan, Product("leaflet", GENERAL, fmt, "vi"))
    assert "In tại: Cơ sở in thử nghiệm." in lines
    assert "Số lượng in: 2.000 bản. Khổ: 297 × 210 mm." in lines
    assert f"Giấy phép xuất bản: {BLANK}." in lines


def test_cover_colour_keeps_clear_of_the_folds(folded: list[tuple[Product, Path]]) -> None:
    """Within fold_clearance of each fold on the outside face, a column of pixels is either free of colour or
    coloured like its neighbours across the fold: a fold that drifts shows no sliver."""
    clearance = SETTINGS.fold_clearance_mm
    assert clearance >= 1.5
    product, pdf = folded[0]
    document = pdfium.PdfDocument(str(pdf))
    image = document[0].render(scale=300 / 72).to_pil().convert("HSV")
    document.close()
    px_per_mm = image.width / (FOLDED.width_mm + 2 * SETTINGS.bleed_mm)
    saturation = image.getchannel("S").point(lambda value: 255 if value > 80 else 0)
    fold = 0.0
    for width in FOLDED.panels_mm[:-1]:
        fold += width
        coverage = []
        for step in range(-15, 16):  # every 0.1 mm across the fold, ± 1.5 mm
            x = round((fold + SETTINGS.bleed_mm + step * 0.1) * px_per_mm)
            column = saturation.crop((x, 0, x + 1, image.height))
            coverage.append(ImageStat.Stat(column).mean[0] / 255)
        assert max(coverage) < 0.02 or min(coverage) > 0.9, (product.filename, fold, coverage)
    assert fold > 0
