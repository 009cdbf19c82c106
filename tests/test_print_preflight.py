"""Preflight of the print kit as a print shop runs it, on every file of the tests' press kit (no draft
mark; conftest.in_press_kit: every generic Vietnamese product, one of each kind, size and language, a
unit's variants). QR codes are read on one file of each kind, size and language and unit variant.

Read back with qpdf --qdf (colour operators, output intent), pdfinfo -box, pdffonts and zbarimg at 150 dpi.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import PROJECT, kit_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_reading import qr_urls
from weasyprint import HTML

from campaign_kit.catalogue import Product
from campaign_kit.model.languages import FontFile
from campaign_kit.printing import preflight
from campaign_kit.printing.preflight import TIGHTEST_LINE_EM
from campaign_kit.printing.wording import product_copy

PLAN = kit_project().plan
CAMPAIGN = PLAN.content.campaign
SETTINGS = CAMPAIGN.print_settings
PX = 0.75  # WeasyPrint's content streams measure in CSS px under a 0.75 scale: Tf 16 is 12 pt
BODY_PT = 14  # below this, text is body text: black ink only
BLACK, PAPER = (0.0, 0.0, 0.0, 1.0), (0.0, 0.0, 0.0, 0.0)


@pytest.fixture(scope="module")
def press_files(press_kit: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Product, Path, Path]]:
    """(product, PDF, its qpdf --qdf expansion) for every file of the kit: expanded once, read by many tests."""
    expansions = tmp_path_factory.mktemp("qdf")
    by_name = {product.filename: product for product in PLAN.products}
    files = []
    for pdf in sorted(press_kit.glob("*.pdf")):
        qdf = expansions / pdf.with_suffix(".qdf").name
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)], check=True)
        files.append((by_name[pdf.name], pdf, qdf))
    return files


def one_of_each(press_files: list[tuple[Product, Path, Path]]) -> list[tuple[Product, Path, Path]]:
    """The first file of each kind, size and language, generic or a unit's variant."""
    kinds = {}
    for file in press_files:
        product = file[0]
        kinds.setdefault((product.product_type, product.format.key, product.language, product.unit), file)
    return list(kinds.values())


def test_the_kit_covers_every_kind_size_and_language(press_files: list[tuple[Product, Path, Path]]) -> None:
    kinds = {(p.product_type, p.format.key, p.language) for p in PLAN.products}
    assert kinds == {(p.product_type, p.format.key, p.language) for p, _, _ in press_files}
    assert any(p.unit for p, _, _ in press_files)


def test_no_rgb_anywhere(press_files: list[tuple[Product, Path, Path]]) -> None:
    for product, _pdf, qdf in press_files:
        body = qdf.read_bytes()
        assert b"/DeviceRGB" not in body and b"/CalRGB" not in body, product.filename
        assert not re.search(rb"^[\d. ]+ (rg|RG)$", body, re.M), product.filename


def colours_of_text(body: bytes) -> list[tuple[tuple[float, ...], float]]:
    """(fill colour, size in pt) of every text run of the content streams."""
    found, fill, size, stack = [], (0.0, 0.0, 0.0, 1.0), 0.0, []
    for line in body.split(b"\n"):
        words = line.split()
        if not words:
            continue
        operator = words[-1]
        if operator == b"q":
            stack.append(fill)
        elif operator == b"Q" and stack:
            fill = stack.pop()
        elif operator in (b"scn", b"sc", b"k") and len(words) == 5:
            fill = tuple(float(w) for w in words[:4])
        elif operator == b"Tf" and len(words) == 3:
            size = float(words[1]) * PX
        elif operator in (b"TJ", b"Tj"):
            found.append((fill, size))
    return found


def test_body_text_and_qr_codes_print_in_black_ink_only(press_files: list[tuple[Product, Path, Path]]) -> None:
    for product, _pdf, qdf in press_files:
        body = qdf.read_bytes()
        runs = colours_of_text(body)
        assert runs, product.filename
        for colour, size in runs:
            assert size >= BODY_PT or colour in (BLACK, PAPER), (product.filename, colour, size)
        # Only QR modules (black ink alone) and the cover's mark (paper: knocked out of the colour) are stroked.
        strokes = re.findall(rb"^([\d. ]+) SCN$", body, re.M)
        assert all(tuple(float(v) for v in s.split()) in (BLACK, PAPER) for s in strokes), product.filename


def test_pdf_x4_with_a_cmyk_output_intent(press_files: list[tuple[Product, Path, Path]]) -> None:
    profile = Path(SETTINGS.output_profile).read_bytes()
    for product, pdf, qdf in press_files:
        body = qdf.read_bytes()
        assert b"/OutputIntents" in body and b"/S /GTS_PDFX" in body, product.filename
        assert b"<pdfx:GTS_PDFXVersion>PDF/X-4</pdfx:GTS_PDFXVersion>" in body, product.filename
        assert re.search(rb"/DestOutputProfile \d+ 0 R", body), product.filename
        assert re.search(rb"/N 4\b", body), product.filename  # the profile has four channels: CMYK
        assert profile[:128] in body, product.filename  # the profile of campaign/print.yml, embedded
        info = subprocess.run(["pdfinfo", "-box", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "TrimBox:" in info and "BleedBox:" in info, product.filename


def test_fonts_embedded_with_a_subset_tag_unique_to_each_file(press_files: list[tuple[Product, Path, Path]]) -> None:
    files_of_tag = defaultdict(set)
    for product, pdf, _qdf in press_files:
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        for line in lines.splitlines()[2:]:
            assert re.search(r"\byes\s+yes\s+yes\b", line), (product.filename, line)
            files_of_tag[line.split()[0].split("+")[0]].add(product.filename)
    shared = {tag: files for tag, files in files_of_tag.items() if len(files) > 1}
    assert not shared


def test_every_qr_code_decodes_at_150_dpi(press_files: list[tuple[Product, Path, Path]], tmp_path: Path) -> None:
    site = str(CAMPAIGN.site.site_url)
    for product, pdf, _qdf in one_of_each(press_files):
        if product.product_type == "banner":
            continue  # read from afar, a banner carries its slogan only (its template draws no code)
        copy = product_copy(PLAN, product)
        articles = [block.url for block in copy.blocks if block.qr and product.format.article_codes]
        expected = {
            "leaflet": [copy.url, *articles, *([copy.finder_url] if copy.finder_url else [])],
            "poster": [copy.url],
        }[product.product_type]
        found = qr_urls(pdf, tmp_path, dpi=150)
        assert sorted(found) == sorted(expected), product.filename
        assert all(url.startswith(site) for url in found), (product.filename, found)


def test_type_is_large_enough_for_elderly_readers(press_files: list[tuple[Product, Path, Path]]) -> None:
    """Leaflets: body text (the most frequent size) ≥ 12 pt on A4 and ≥ 11 pt on A5; nothing under 9 pt;
    Khmer times its print_scale."""
    for product, _pdf, qdf in press_files:
        if product.product_type != "leaflet":
            continue
        scale = CAMPAIGN.language(product.language).print_scale  # Khmer: larger, to look as large
        sizes = [round(size, 1) for _, size in colours_of_text(qdf.read_bytes())]
        assert min(sizes) >= 9 * scale - 0.05, (product.filename, min(sizes))
        body = Counter(sizes).most_common(1)[0][0]
        assert body >= (12 if product.format.width_mm >= 210 else 11) * scale - 0.05, (product.filename, body)


# A word in each script of the campaign's fonts, tall marks and all (stacked Vietnamese tones; Khmer subscripts).
SAMPLES = {"latin": "Hộ nghèo Ỷ", "khmer": "គ្រួសារក្រីក្រ"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    font=st.sampled_from(CAMPAIGN.fonts),
    size_pt=st.floats(7, 48),
    line_em=st.floats(TIGHTEST_LINE_EM, 2.0),
    top_mm=st.floats(4, 150),
)
def test_a_words_distance_down_is_its_lines(
    tmp_path: Path, font: FontFile, size_pt: float, line_em: float, top_mm: float
) -> None:
    """The preflight measures a word's distance up and down from its line box (what the layout keeps safe_mm from
    the trim and folds), not from pdftotext's taller font box: on a line set at TIGHTEST_LINE_EM the two are one,
    a looser line puts its words up to half its extra leading inside it; never above the line's top."""
    style = (
        f"@page {{ size: 148mm 210mm; margin: 0 }} @font-face {{ font-family: F; src: url({font.file}) }}"
        f"p {{ position: absolute; top: {top_mm}mm; left: 20mm; margin: 0; font: {font.style} {font.weight}"
        f" {size_pt}pt/{line_em} F }}"
    )
    pdf = tmp_path / "line.pdf"
    HTML(string=f"<style>{style}</style><p>{SAMPLES[font.script]}</p>", base_url=f"{PROJECT}/fonts/").write_pdf(pdf)
    found = preflight.words(pdf, preflight.page_boxes(pdf))
    assert found
    top = min(word.top for word in found)
    size_mm = size_pt * 25.4 / 72
    slack = 0.05  # pdftotext rounds its boxes to hundredths of a point
    assert top_mm - slack <= top <= top_mm + (line_em - TIGHTEST_LINE_EM) / 2 * size_mm + slack
