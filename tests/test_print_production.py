"""The draft mark outside production and the translation note (the press guard of print orders: test_print_orders.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import PROJECT, kit_project

from campaign_kit.catalogue import GENERAL, Product, content_date
from campaign_kit.printing.render import DRAFT_MARK, RenderOptions, render_pdf

PLAN = kit_project().plan
CAMPAIGN = PLAN.content.campaign
VERSION = content_date(PLAN.content).isoformat()
A5 = next(f for f in CAMPAIGN.print_settings.leaflets if not f.panels_mm)


def page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "product.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return [page for page in text.stdout.split("\f") if page.strip()]


def test_drafts_say_so_on_every_page_and_production_files_do_not(tmp_path: Path) -> None:
    product = Product("leaflet", GENERAL, A5, "vi", version=VERSION)
    draft = page_texts(render_pdf(PLAN, product, RenderOptions(fonts_dir=PROJECT / "fonts")), tmp_path)
    assert len(draft) == product.pages
    assert all(DRAFT_MARK in page for page in draft)
    final = page_texts(render_pdf(PLAN, product, RenderOptions(fonts_dir=PROJECT / "fonts", production=True)), tmp_path)
    assert len(final) == product.pages and not any(DRAFT_MARK in page for page in final)


def test_unreviewed_translation_says_so_on_every_page(tmp_path: Path) -> None:
    product = Product("leaflet", GENERAL, A5, "en", version=VERSION)
    pages = page_texts(render_pdf(PLAN, product, RenderOptions(fonts_dir=PROJECT / "fonts")), tmp_path)
    assert len(pages) == product.pages
    assert all(CAMPAIGN.strings["en"].unreviewed_title in page for page in pages)
    original = page_texts(
        render_pdf(PLAN, Product("leaflet", GENERAL, A5, "vi", version=VERSION), RenderOptions(PROJECT / "fonts")),
        tmp_path,
    )
    assert not any(CAMPAIGN.strings["en"].unreviewed_title in page for page in original)
