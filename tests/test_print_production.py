"""The production guard of the print kit (make print PRODUCTION=1) and the draft mark outside production."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import PROJECT, loaded_project

from campaign_kit.catalogue import GENERAL, Product, content_date
from campaign_kit.printing.__main__ import main
from campaign_kit.printing.render import DRAFT_MARK, RenderOptions, render_pdf

PLAN = loaded_project().plan
CAMPAIGN = PLAN.content.campaign
VERSION = content_date(PLAN.content).isoformat()
A5 = next(f for f in CAMPAIGN.print_settings.leaflets if not f.panels_mm)


def page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "product.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return [page for page in text.stdout.split("\f") if page.strip()]


def test_production_print_lists_every_placeholder_kind(project_copy: Path, capsys: pytest.CaptureFixture) -> None:
    """Placeholder addresses, sample pages, a unit without contacts and an unmarked unreviewed
    translation are all listed at once, and nothing is rendered."""
    settings = project_copy / "campaign" / "print.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "mark_unreviewed_translations: false\n", encoding="utf-8"
    )
    out = project_copy / "dist" / "print"
    assert main(["--project", str(project_copy), "--out", str(out), "--production", "--no-units"]) == 1
    errors = capsys.readouterr().err
    assert "PRODUCTION=1" in errors
    assert re.search(
        r"campaign/site.yml:1: .*site_url “https://kiengiang-giamngheo.example/” vẫn là địa chỉ tạm", errors
    )
    sample = next(iter(loaded_project().content.samples()))
    assert (
        f"{sample.path.relative_to(PROJECT).as_posix()}:1: bản chính thức không được đăng nội dung minh họa" in errors
    )
    unit = CAMPAIGN.admin_map.units[0]
    assert not CAMPAIGN.contacts_of(unit.key)
    assert f"campaign/contacts.yml:1: tờ rơi in cho {unit.name} hứa ghi nơi hỏi của đơn vị" in errors
    english = Product("leaflet", GENERAL, A5, "en", version=VERSION)
    assert f"campaign/print.yml:1: {english.filename}: bản dịch chưa được người bản ngữ kiểm tra" in errors
    fmt = CAMPAIGN.print_settings.leaflets[0]
    assert fmt.quantity is None
    assert f"campaign/print.yml:1: khổ “{fmt.key}” chưa có số bản in (quantity)" in errors
    for field in ("licence", "printer", "legal_deposit"):  # the colophon's blanks
        assert (
            f"campaign/print.yml:1: dòng thông tin xuất bản (tờ rơi, áp phích) còn để trống “colophon: {field}”"
            in errors
        )
    assert not out.exists()


def test_marked_unreviewed_translations_are_not_refused(project_copy: Path, capsys: pytest.CaptureFixture) -> None:
    out = project_copy / "dist" / "print"
    assert main(["--project", str(project_copy), "--out", str(out), "--production", "--no-units"]) == 1
    errors = capsys.readouterr().err
    assert "bản dịch chưa được người bản ngữ kiểm tra" not in errors
    assert "tờ rơi in cho" in errors


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
