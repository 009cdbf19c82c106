"""Print orders (campaign/print-orders/): an order renders exactly its products for the press, with the
colophon filled from it and an order sheet with checksums; the press guard refuses, one rule at a time."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import re
import subprocess
from pathlib import Path

import pytest
from conftest import KIT_UNIT, kit_project
from pdf_reading import word_clearances
from print_order_samples import COMPLETE, FOLDED, OTHER_UNIT, WIDE
from weasyprint import HTML

from campaign_kit.model.errors import Problems
from campaign_kit.model.print_order import MAX_PAGE_UNITS
from campaign_kit.printing import preflight
from campaign_kit.printing.__main__ import build_print, main
from campaign_kit.printing.layout import text_too_close
from campaign_kit.printing.order_sheet import SHEET_NAME
from campaign_kit.printing.orders import Order, load_order
from campaign_kit.printing.sheet import PT_PER_MM, sheet
from campaign_kit.production import check_order

PLAN = kit_project().plan
CAMPAIGN = PLAN.content.campaign
PROJECT = kit_project().root
SAMPLE = PROJECT / "campaign" / "print-orders" / "2026-12-06-mau-lenh-in.yml"


def order_of(tmp_path: Path, text: str) -> tuple[Order | None, Problems]:
    path = tmp_path / "lenh-in.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems(tmp_path)
    order = load_order(PROJECT, PLAN, path, problems)
    if order:
        check_order(PLAN.content, order, problems)
    return order, problems


def messages(problems: Problems) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message}" for p in problems.items]


def test_an_order_renders_exactly_its_products_with_its_colophon_and_sheet(tmp_path: Path) -> None:
    order, _problems = order_of(tmp_path, COMPLETE)
    assert order is not None
    out = tmp_path / "out"
    project = dataclasses.replace(kit_project(), production=True)
    entries, errors = build_print(project, out, jobs=2, order=order)
    assert errors == []
    ordered = {item.product.filename: item for item in order.products}
    assert {path.name for path in out.glob("*.pdf")} - {f"{SHEET_NAME}.pdf"} == set(ordered)
    assert len(ordered) == 3 and {e.file for e in entries} == set(ordered)
    with (out / f"{SHEET_NAME}.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["file"] for row in rows} == set(ordered)
    for row in rows:
        assert row["sha256"] == hashlib.sha256((out / row["file"]).read_bytes()).hexdigest()
        assert int(row["quantity"]) == ordered[row["file"]].quantity
        assert row["paper"] and row["colours"].endswith("CMYK")
    banner = next(row for row in rows if row["file"].startswith("bang-ron"))
    assert banner["scale"] == "1:10 (UserUnit 10)" and "Giao kèm dây buộc" in banner["finishing"]
    sheet_text = pdf_text(out / f"{SHEET_NAME}.pdf")
    assert order.publisher in sheet_text and "KIỂM-THỬ-01" in sheet_text and "2.220" in sheet_text  # the total
    for item in order.products:
        path = out / item.product.filename
        if item.product.has_colophon:
            text = " ".join(pdf_text(path).split())
            assert f"Cơ quan xuất bản: {order.publisher}." in text
            assert "Quyết định xuất bản số KIỂM-THỬ-01 của Cơ quan kiểm thử, ngày 30/11/2026" in text
            assert f"Số lượng in: {item.quantity:,} bản".replace(",", ".") in text
            assert "In tại: Xưởng in kiểm thử, Số 1 đường Kiểm Thử." in text and "[còn trống]" not in text
        pages = preflight.page_boxes(path)
        for box in pages:
            assert box.largest <= MAX_PAGE_UNITS, path.name
        finished = sheet(item.product.format, CAMPAIGN.print_settings.safe_mm)
        clear = word_clearances(path, finished)
        safe = CAMPAIGN.print_settings.safe_mm
        assert clear.across >= safe - 0.1 and clear.down >= safe - 0.1, (path.name, clear)
        if item.product.product_type == "banner":
            assert pages[0].user_unit == 10
            assert pages[0].trim[2] - pages[0].trim[0] == pytest.approx(finished.width_mm * PT_PER_MM / 10, abs=0.01)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True).stdout


# The guard's refusals, one rule each (no rendering: check_order on the order as written).


def test_unknown_publisher_is_refused(tmp_path: Path) -> None:
    order, problems = order_of(tmp_path, re.sub(r"publisher: \S+", "publisher: so-khong-co", COMPLETE))
    assert order is None
    assert any(
        ":2: cơ quan xuất bản “so-khong-co” không có trong campaign/agencies.yml" in m for m in messages(problems)
    )


@pytest.mark.parametrize(
    ("field", "words"),
    [("licence", "giấy phép hoặc quyết định xuất bản"), ("printer", "cơ sở in"), ("legal_deposit", "nộp lưu chiểu")],
)
def test_missing_publication_data_is_refused(tmp_path: Path, field: str, words: str) -> None:
    text = re.sub(rf"^{field}: .*$", f"{field}:", COMPLETE, flags=re.M)
    _order, problems = order_of(tmp_path, text)
    line = text.splitlines().index(f"{field}:") + 1
    assert [m for m in messages(problems) if words in m] == [
        m for m in messages(problems) if m.startswith(f"lenh-in.yml:{line}: lệnh in thiếu")
    ]
    assert len([m for m in messages(problems) if "lệnh in thiếu" in m]) == 1


def test_a_line_without_a_run_is_refused(tmp_path: Path) -> None:
    _order, problems = order_of(tmp_path, COMPLETE.replace("    runs: {moi-xa-phuong: 20}\n", ""))
    assert any(f"khổ {WIDE.key} chưa có số bản in (runs)" in m for m in messages(problems))


def test_a_unit_leaflet_without_a_sourced_contact_is_refused(tmp_path: Path) -> None:
    assert not CAMPAIGN.contacts_of(KIT_UNIT)
    _order, problems = order_of(tmp_path, COMPLETE)
    name = CAMPAIGN.admin_map.unit(KIT_UNIT).name
    assert any(f"tờ rơi in cho {name} hứa ghi nơi hỏi" in m for m in messages(problems))
    generic = COMPLETE.replace(f"{{{KIT_UNIT}: 1500, {OTHER_UNIT}: 700}}", "{moi-xa-phuong: 1500}")
    _order, problems = order_of(tmp_path, generic)
    assert messages(problems) == [m for m in messages(problems) if "tờ rơi in hôm nay sẽ sớm sai" in m]


def test_a_page_over_200_inches_without_user_unit_is_refused(tmp_path: Path) -> None:
    _order, problems = order_of(tmp_path, COMPLETE.replace("large_page_scale: 10", "large_page_scale: 1"))
    assert [m for m in messages(problems) if "UserUnit" in m] == [
        next(m for m in messages(problems) if m.startswith("lenh-in.yml:7: ") and WIDE.key in m)
    ]


def test_unknown_products_are_named_at_their_line(tmp_path: Path) -> None:
    order, problems = order_of(tmp_path, COMPLETE.replace(f"{KIT_UNIT}: 1500", "xa-khong-co: 1500"))
    assert order is None
    assert any(
        m.startswith("lenh-in.yml:11: ") and "“xa-khong-co” không có trong admin_map.yml" in m
        for m in messages(problems)
    )


def test_the_sample_order_is_refused_with_the_sites_placeholders_and_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "print"
    assert main(["--project", str(PROJECT), "--out", str(out), "--order", str(SAMPLE), "--today", "2026-12-06"]) == 1
    errors = capsys.readouterr().err
    order = "campaign/print-orders/2026-12-06-mau-lenh-in.yml"
    assert re.search(rf"{order}:\d+: lệnh in minh họa \(sample: true\) không được in", errors)
    assert f"site_url “{PLAN.site_url}” vẫn là địa chỉ tạm" in errors
    assert "bản chính thức không được đăng nội dung minh họa (sample: true)" in errors
    assert not out.exists()


def test_a_production_run_needs_an_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(PROJECT), "--production"]) == 1
    assert "ORDER=campaign/print-orders/" in capsys.readouterr().err


@pytest.mark.parametrize(("inset_mm", "close"), [(2.0, True), (4.8, True), (5.2, False), (20.0, False)])
def test_text_near_the_trim_or_a_fold_is_found(inset_mm: float, close: bool) -> None:
    """The guard measures the layout: words at `inset_mm` from the trim (A5), and from the first fold of a tri-fold."""
    a5 = next(f for f in CAMPAIGN.print_settings.leaflets if not f.panels_mm)
    html = (
        f"<style>@page {{ size: {a5.width_mm}mm {a5.height_mm}mm; margin: 0 }} body {{ margin: 0 }}"
        f"p {{ position: absolute; left: {inset_mm}mm; top: 50mm; margin: 0; font-size: 10pt }}</style><p>Lời</p>"
    )
    document = HTML(string=html).render()
    assert bool(text_too_close(document, sheet(a5, 5), 5)) == close
    fold = FOLDED.panels_mm[0]
    html = html.replace(f"left: {inset_mm}mm", f"left: {fold + inset_mm}mm").replace(
        f"size: {a5.width_mm}mm {a5.height_mm}mm", f"size: {FOLDED.width_mm}mm {FOLDED.height_mm}mm"
    )
    assert bool(text_too_close(HTML(string=html).render(), sheet(FOLDED, 5), 5)) == close
