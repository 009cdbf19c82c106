"""Panel fill, measured from the pixels of the tests' press kit: every panel of a folded leaflet and every side of
a two-sided sheet, in every language, is at least MIN_PANEL_FILL filled (printing/preflight.py measures it:
rows with ink across the panel's text area, less blank bands of BLANK_BAND_MM or more). The measure itself is
checked on pages made for it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import PROJECT, kit_project
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from weasyprint import HTML

from campaign_kit.printing import render
from campaign_kit.printing.preflight import BLANK_BAND_MM, MIN_PANEL_FILL, PAPER, _filled_share, panel_fills
from campaign_kit.printing.render import RenderOptions, search_key
from campaign_kit.printing.wording import product_copy

PLAN = kit_project().plan
SETTINGS = PLAN.content.campaign.print_settings


def test_every_panel_of_a_leaflet_is_filled(press_kit: Path) -> None:
    by_name = {product.filename: product for product in PLAN.products}
    short, kinds = [], set()
    for pdf in sorted(press_kit.glob("*.pdf")):
        product = by_name[pdf.name]
        if product.product_type != "leaflet":
            continue
        fills = panel_fills(pdf, product, SETTINGS)
        assert len(fills) == max(len(product.format.panels_mm), 1) * product.pages, pdf.name
        short += [(pdf.name, f.page + 1, f.panel + 1, round(f.fill, 2)) for f in fills if f.fill < MIN_PANEL_FILL]
        kinds.add((product.format.key, product.language))
    assert not short, short
    leaflets = {(p.format.key, p.language) for p in PLAN.products if p.product_type == "leaflet"}
    assert kinds == leaflets


def _a5_product():
    return next(p for p in PLAN.products if p.product_type == "leaflet" and not p.format.panels_mm)


@pytest.mark.parametrize(
    ("body", "least", "most"),
    [
        # One line at the top: the rest of the page is one blank band.
        ('<p style="margin:0">Hỏi ở đâu?</p>', 0.0, 0.1),
        # Lines every 8 mm down the page: gaps under BLANK_BAND_MM are the composition's own.
        ("".join(f'<p style="position:absolute;top:{8 * i}mm;margin:0">dòng {i}</p>' for i in range(26)), 0.95, 1.0),
        # Text at the top and the foot, nothing between: the band between is empty.
        ('<p style="margin:0">đầu</p><p style="position:absolute;bottom:0;margin:0">cuối</p>', 0.0, 0.15),
        # A ground of colour is ink: a panel in the cover's colour is filled.
        ('<div style="position:absolute;inset:-10mm;background:#2e7d32"></div>', 1.0, 1.0),
    ],
)
def test_the_fill_measure(tmp_path: Path, body: str, least: float, most: float) -> None:
    product = _a5_product()
    fmt, safe = product.format, SETTINGS.safe_mm
    style = f"@page {{ size: {fmt.width_mm}mm {fmt.height_mm}mm; margin: {safe}mm }} body {{ margin: 0 }}"
    html = f"<style>{style}</style>{body}<p style='break-before:page;margin:0'>&nbsp;</p>"
    pdf = tmp_path / "page.pdf"
    HTML(string=html).write_pdf(pdf)
    fill = panel_fills(pdf, product, SETTINGS)[0].fill
    assert least <= fill <= most, (fill, BLANK_BAND_MM)


@settings(max_examples=60, deadline=None)
@given(
    inked=st.lists(st.tuples(st.integers(0, 399), st.integers(1, 60)), max_size=8),
    px_per_mm=st.floats(1.0, 4.0),
    ink=st.sampled_from([(0, 0, 0), (46, 125, 50), (200, 200, 200)]),
)
def test_the_fill_measure_on_generated_panels(inked: list[tuple[int, int]], px_per_mm: float, ink: tuple) -> None:
    """On any panel: the filled share is 1 less the blank bands (rows without ink) of at least BLANK_BAND_MM; a
    shorter gap counts as filled, whatever colour the ink (a light grey rule as much as black type)."""
    height = 400
    image = Image.new("RGB", (60, height), PAPER)
    rows: set[int] = set()
    for top, tall in inked:
        bottom = min(top + tall, height)
        ImageDraw.Draw(image).rectangle((10, top, 30, bottom - 1), fill=ink)
        rows.update(range(top, bottom))
    gaps, run = [], 0
    for row in range(height):
        if row in rows:
            gaps.append(run)
            run = 0
        else:
            run += 1
    gaps.append(run)
    blank = sum(gap for gap in gaps if gap >= BLANK_BAND_MM * px_per_mm)
    assert _filled_share(image, px_per_mm) == pytest.approx(1 - blank / height)


@pytest.mark.parametrize(
    ("extra_lines", "generic_first"), [(lines, False) for lines in range(0, 9, 2)] + [(0, True), (4, True), (8, True)]
)
def test_both_sides_of_a_sheet_are_filled_however_long_its_contact_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra_lines: int, generic_first: bool
) -> None:
    """A unit's contact block is as long as its sourced contacts: kept whole, it may not fit under the policies
    and start the back, leaving the front's foot empty; the sheet then fills each side with what it has (the
    income lines after the policies, the steps to apply on the back), whatever the block's length. Also when
    the unit's sheet starts from its generic sheet's arrangement (render._sheet_product), as in the kit."""
    sheets = [p for p in PLAN.products if p.product_type == "leaflet" and not p.format.panels_mm and p.unit]
    language = PLAN.content.campaign.default_language
    chosen = [p for p in sheets if p.language == language][:2]
    assert chosen
    made = product_copy

    def longer(plan: object, product: object, order: object = None) -> object:
        copy = made(plan, product, order)  # type: ignore[arg-type]
        added = [
            f"Tổ liên lạc {n + 1}: gặp cán bộ phụ trách tại nhà văn hóa ấp (giờ hành chính)" for n in range(extra_lines)
        ]
        return dataclasses.replace(copy, contact_lines=[*copy.contact_lines, *added])

    options = RenderOptions(fonts_dir=PROJECT / "fonts", production=True)
    monkeypatch.setattr(render, "_SHEETS", {})
    if generic_first:  # the generic sheets, with their own contacts, arrange the units' sheets
        for product in chosen:
            generic = next(p for p in PLAN.products if p.unit is None and search_key(p) == search_key(product))
            render.layout_product(PLAN, generic, options)
        assert len(render._SHEETS) == len({search_key(product) for product in chosen})
    monkeypatch.setattr(render, "product_copy", longer)
    for product in chosen:
        pdf = tmp_path / product.filename
        pdf.write_bytes(render.render_pdf(PLAN, product, options))
        fills = [round(fill.fill, 2) for fill in panel_fills(pdf, product, SETTINGS)]
        assert min(fills) >= MIN_PANEL_FILL, (product.stem, extra_lines, fills)
