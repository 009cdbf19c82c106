"""Preflight of the print kit as a print shop runs it, on a sample of the press files (PRODUCTION
rendering, no draft mark): one product of each kind, size and language, and a unit's variants.

Read back with qpdf --qdf (colour operators, output intent), pdfinfo -box, pdffonts and zbarimg at 150 dpi.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import PROJECT, loaded_project
from test_print import qr_urls

from campaign_kit.catalogue import GENERAL, Product
from campaign_kit.printing.render import RenderOptions, render_pdf
from campaign_kit.printing.wording import product_copy

PLAN = loaded_project().plan
CAMPAIGN = PLAN.content.campaign
SETTINGS = CAMPAIGN.print_settings
UNIT = CAMPAIGN.admin_map.units[0].key
PX = 0.75  # WeasyPrint's content streams measure in CSS px under a 0.75 scale: Tf 16 is 12 pt
BODY_PT = 14  # below this, text is body text: black ink only
BLACK, PAPER = (0.0, 0.0, 0.0, 1.0), (0.0, 0.0, 0.0, 0.0)


def sample() -> list[Product]:
    products = [p for p in PLAN.products if p.unit is None and p.subject == GENERAL]  # every leaflet size × language
    groups = [p for p in PLAN.products if p.product_type == "leaflet" and p.subject != GENERAL and p.unit is None]
    products += groups[: len(SETTINGS.leaflets)]  # a policy group's leaflet in each size
    products += [p for p in PLAN.products if p.unit == UNIT and p.subject == GENERAL]
    slogan = CAMPAIGN.slogans[0].key
    products += [p for p in PLAN.products if p.product_type != "leaflet" and p.subject == slogan]
    return products


SAMPLE = sample()


@pytest.fixture(scope="module")
def press_files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Product, Path]]:
    out = tmp_path_factory.mktemp("press")
    options = RenderOptions(fonts_dir=PROJECT / "fonts", production=True)
    files = []
    for product in SAMPLE:
        path = out / product.filename
        path.write_bytes(render_pdf(PLAN, product, options))
        files.append((product, path))
    return files


def expanded(pdf: Path) -> bytes:
    out = pdf.with_suffix(".qdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(out)], check=True)
    return out.read_bytes()


def test_the_sample_covers_every_kind_size_and_language() -> None:
    kinds = {(p.product_type, p.format.key, p.language) for p in PLAN.products}
    assert kinds == {(p.product_type, p.format.key, p.language) for p in SAMPLE}
    assert any(p.unit for p in SAMPLE)


def test_no_rgb_anywhere(press_files: list[tuple[Product, Path]]) -> None:
    for product, pdf in press_files:
        body = expanded(pdf)
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


def test_body_text_and_qr_codes_print_in_black_ink_only(press_files: list[tuple[Product, Path]]) -> None:
    for product, pdf in press_files:
        body = expanded(pdf)
        runs = colours_of_text(body)
        assert runs, product.filename
        for colour, size in runs:
            assert size >= BODY_PT or colour in (BLACK, PAPER), (product.filename, colour, size)
        # Only QR modules (black ink alone) and the cover's mark (paper: knocked out of the colour) are stroked.
        strokes = re.findall(rb"^([\d. ]+) SCN$", body, re.M)
        assert all(tuple(float(v) for v in s.split()) in (BLACK, PAPER) for s in strokes), product.filename


def test_pdf_x4_with_a_cmyk_output_intent(press_files: list[tuple[Product, Path]]) -> None:
    profile = Path(SETTINGS.output_profile).read_bytes()
    for product, pdf in press_files:
        body = expanded(pdf)
        assert b"/OutputIntents" in body and b"/S /GTS_PDFX" in body, product.filename
        assert b"<pdfx:GTS_PDFXVersion>PDF/X-4</pdfx:GTS_PDFXVersion>" in body, product.filename
        assert re.search(rb"/DestOutputProfile \d+ 0 R", body), product.filename
        assert re.search(rb"/N 4\b", body), product.filename  # the profile has four channels: CMYK
        assert profile[:128] in body, product.filename  # the profile of campaign/print.yml, embedded
        info = subprocess.run(["pdfinfo", "-box", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "TrimBox:" in info and "BleedBox:" in info, product.filename


def test_fonts_embedded_with_a_subset_tag_unique_to_each_file(press_files: list[tuple[Product, Path]]) -> None:
    files_of_tag = defaultdict(set)
    for product, pdf in press_files:
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        for line in lines.splitlines()[2:]:
            assert re.search(r"\byes\s+yes\s+yes\b", line), (product.filename, line)
            files_of_tag[line.split()[0].split("+")[0]].add(product.filename)
    shared = {tag: files for tag, files in files_of_tag.items() if len(files) > 1}
    assert not shared


def test_every_qr_code_decodes_at_150_dpi(press_files: list[tuple[Product, Path]], tmp_path: Path) -> None:
    for product, pdf in press_files:
        copy = product_copy(PLAN, product)
        articles = [block.url for block in copy.blocks if block.qr and product.format.article_codes]
        expected = {
            "leaflet": [copy.url, *articles, *([copy.finder_url] if copy.finder_url else [])],
            "poster": [copy.url],
            "banner": [],  # read from afar: the slogan only
        }[product.product_type]
        found = qr_urls(pdf, tmp_path, dpi=150)
        assert sorted(found) == sorted(expected), product.filename


def test_type_is_large_enough_for_elderly_readers(press_files: list[tuple[Product, Path]]) -> None:
    """Leaflets: body text (the most frequent size) ≥ 12 pt on A4 and ≥ 11 pt on A5; nothing under 9 pt;
    Khmer times its print_scale."""
    for product, pdf in press_files:
        if product.product_type != "leaflet":
            continue
        scale = CAMPAIGN.language(product.language).print_scale  # Khmer: larger, to look as large
        sizes = [round(size, 1) for _, size in colours_of_text(expanded(pdf))]
        assert min(sizes) >= 9 * scale - 0.05, (product.filename, min(sizes))
        body = Counter(sizes).most_common(1)[0][0]
        assert body >= (12 if product.format.width_mm >= 210 else 11) * scale - 0.05, (product.filename, body)
