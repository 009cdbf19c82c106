"""The print kit, read back the way a print shop would: pdffonts, pdfinfo, pdftotext, zbarimg, qpdf."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import KIT_UNIT, PROJECT, copy_fixture, kit_project
from pdf_reading import qr_urls, run, user_unit
from PIL import Image, ImageChops, ImageStat

from campaign_kit.catalogue import GENERAL, Product, catalogue, content_date
from campaign_kit.model.sections import FINDER_URI
from campaign_kit.pages.blocks import expand
from campaign_kit.pages.context import Context
from campaign_kit.printing.layout import PrintError
from campaign_kit.printing.render import RenderOptions, layout_product, render_pdf
from campaign_kit.printing.typography import dashes
from campaign_kit.project import load

TOOLS = ("pdffonts", "pdfinfo", "pdftotext", "qpdf", "zbarimg")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS), reason="needs poppler-utils, qpdf and zbar-tools"
)
CAMPAIGN = kit_project().content.campaign
CURRENT_SLOGANS = kit_project().content.current_slogans()  # ended movements are not printed anew
PLAN = kit_project().plan
CONTENT = PLAN.content
VERSION = content_date(CONTENT).isoformat()  # in every file name
UNIT = CAMPAIGN.admin_map.unit(KIT_UNIT)
MM = 72 / 25.4


def manifest(press_kit: Path) -> list[dict[str, object]]:
    return json.loads((press_kit / "manifest.json").read_text(encoding="utf-8"))


def flat(text: str) -> str:
    """Text with its spaces (no-break ones too) made single; the non-breaking hyphen of a bound name is a hyphen,
    a word joiner (in a range) nothing."""
    return re.sub(r"\s+", " ", text.replace("\u2011", "-").replace("\u2060", "")).strip()


def test_every_product_is_listed_with_its_checksum(press_kit: Path) -> None:
    rows = manifest(press_kit)
    files = sorted(path.name for path in press_kit.glob("*.pdf"))
    assert sorted(row["file"] for row in rows) == files
    csv_text = (press_kit / "manifest.csv").read_text(encoding="utf-8")
    overview = (press_kit / "index.html").read_text(encoding="utf-8")
    for row in rows:
        assert row["file"] in csv_text and f'href="{row["file"]}"' in overview
        assert (press_kit / row["preview"]).stat().st_size > 1000
    for row in rows:  # what a print order needs, per file
        assert row["bleed_mm"] == CAMPAIGN.print_settings.bleed_mm and row["paper"], row["file"]
        assert row["colours"] == ("4/4" if row["pages"] == 2 else "4/0"), row["file"]
        assert row["translation"] == ("original" if row["language"] == "vi" else "unreviewed"), row["file"]
        assert bool(row["panels_mm"]) == (row["fold"] != "không gấp") and row["side_order"], row["file"]
        with Image.open(press_kit / row["preview"]) as preview:
            assert max(preview.size) >= 1200, row["preview"]
    assert {row["panels_mm"] for row in rows} >= {"97/100/100", ""}
    kinds = {row["kind"] for row in rows}
    assert kinds == {"leaflet", "poster", "banner"}
    assert any(row["unit"] == UNIT.name for row in rows)


def test_fonts_are_the_vendored_ones_embedded_and_subset(press_kit: Path) -> None:
    for pdf in press_kit.glob("*.pdf"):
        lines = run("pdffonts", str(pdf)).splitlines()[2:]
        assert lines, pdf.name
        for line in lines:
            assert "Noto" in line.split()[0], (pdf.name, line)
            assert re.search(r"\byes\s+yes\s+yes\b", line), (pdf.name, line)


def test_bleed_box_is_three_millimetres_outside_the_trim_box(press_kit: Path) -> None:
    for row in manifest(press_kit):
        info = run("pdfinfo", "-box", str(press_kit / row["file"]))
        unit = user_unit(press_kit / row["file"])
        trim = [float(v) * unit for v in re.search(r"TrimBox:\s+(.+)", info)[1].split()]
        bleed = [float(v) * unit for v in re.search(r"BleedBox:\s+(.+)", info)[1].split()]
        assert trim[2] - trim[0] == pytest.approx(row["trim_width_mm"] * MM, abs=0.5)
        assert trim[3] - trim[1] == pytest.approx(row["trim_height_mm"] * MM, abs=0.5)
        for inner, outer, sign in zip(trim, bleed, (1, 1, -1, -1), strict=True):
            assert (inner - outer) * sign == pytest.approx(CAMPAIGN.print_settings.bleed_mm * MM, abs=0.1)
        assert f"Pages:           {row['pages']}" in info


def test_text_comes_back_in_nfc_with_the_source_strings(press_kit: Path) -> None:
    for row in manifest(press_kit):
        text = run("pdftotext", "-raw", "-enc", "UTF-8", str(press_kit / row["file"]), "-")
        assert unicodedata.normalize("NFC", text) == text, row["file"]
        # A leaflet's slogan in its language (strings/<code>.yml); pdftotext gives Khmer back in visual order.
        if row["kind"] == "leaflet" and row["language"] != "km":
            slogan = CAMPAIGN.slogan_text(CAMPAIGN.slogans[0].key, row["language"])
            assert flat(dashes(slogan)) in flat(text), row["file"]
    ctx = Context(CONTENT, CAMPAIGN.language("vi"))
    groups = [
        p for p in catalogue(CONTENT, ["vi"]) if p.product_type == "leaflet" and p.subject != GENERAL and p.unit is None
    ]
    assert groups
    for leaflet in groups:
        text = flat(run("pdftotext", "-raw", "-enc", "UTF-8", str(press_kit / leaflet.filename), "-"))
        for policy in CONTENT.items("policy"):
            if policy.meta.group != leaflet.subject:
                continue
            assert flat(dashes(policy.meta.title)) in text, (leaflet.filename, policy.meta.title)
            for items in policy.meta.key_points.sections():
                for item in items:
                    plain = re.sub(r"\*\*|__|<[^>]+>", "", expand(ctx, policy.src_uri, item))
                    assert flat(dashes(plain)) in text, (leaflet.filename, plain)


def test_banners_carry_their_slogan(press_kit: Path) -> None:
    for slogan in CURRENT_SLOGANS:
        for fmt in CAMPAIGN.print_settings.banners:
            product = Product("banner", slogan.key, fmt, "vi", version=VERSION)
            text = flat(run("pdftotext", "-raw", "-enc", "UTF-8", str(press_kit / product.filename), "-"))
            assert text == flat(dashes(slogan.text))


def test_every_pdf_passes_qpdf_check(press_kit: Path) -> None:
    for pdf in press_kit.glob("*.pdf"):
        result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, (pdf.name, result.stdout, result.stderr)


def test_folded_leaflet_keeps_text_inside_its_panels(press_kit: Path) -> None:
    settings = CAMPAIGN.print_settings
    fmt = next(f for f in settings.leaflets if f.panels_mm)
    product = Product("leaflet", GENERAL, fmt, "vi", UNIT.key, version=VERSION)
    html = run("pdftotext", "-bbox", "-f", "1", "-l", "1", str(press_kit / product.filename), "-")
    folds = [0.0]
    for width in fmt.panels_mm:
        folds.append(folds[-1] + width)
    # pdftotext measures from the media box, which includes the bleed.
    bleed = settings.bleed_mm
    words = [
        (float(a) / MM - bleed, float(b) / MM - bleed)
        for a, b in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html)
    ]
    assert words
    for left, right in words:
        panel = next(i for i in range(len(fmt.panels_mm)) if folds[i] <= left < folds[i + 1])
        assert left >= folds[panel] + settings.safe_mm - 0.5, (left, right)
        assert right <= folds[panel + 1] - settings.safe_mm + 0.5, (left, right)


def test_text_that_cannot_fit_is_an_error_naming_product_and_block(tmp_path: Path) -> None:
    project_copy = copy_fixture(tmp_path / "project")
    slogans = project_copy / "campaign" / "slogans.yml"
    long_word = "Khôngbaogiờbỏlạiphíasau" * 40
    slogans.write_text(
        slogans.read_text(encoding="utf-8").replace(CAMPAIGN.slogans[0].text, long_word, 1), encoding="utf-8"
    )
    plan = load(project_copy).plan
    fmt = CAMPAIGN.print_settings.banners[1]
    product = Product("banner", CAMPAIGN.slogans[0].key, fmt, "vi", version=VERSION)
    with pytest.raises(PrintError, match=rf"{product.filename}.*khẩu hiệu"):
        layout_product(plan, product, RenderOptions(fonts_dir=PROJECT / "fonts"))


def test_too_much_text_for_a_leaflet_is_an_error(tmp_path: Path) -> None:
    project_copy = copy_fixture(tmp_path / "project")
    policy = CONTENT.items("policy")[0]
    source = policy.path.read_text(encoding="utf-8")
    for number in range(12):
        (project_copy / "docs" / "chinh-sach" / f"ban-sao-{number}.md").write_text(source, encoding="utf-8")
    plan = load(project_copy).plan
    fmt = next(f for f in CAMPAIGN.print_settings.leaflets if not f.panels_mm)
    product = Product("leaflet", policy.meta.group, fmt, "vi", version=VERSION)
    with pytest.raises(PrintError, match=rf"{product.filename}: nội dung cần \d+ trang"):
        layout_product(plan, product, RenderOptions(fonts_dir=PROJECT / "fonts"))


GHOSTSCRIPT_CMYK = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")


@pytest.mark.skipif(not GHOSTSCRIPT_CMYK.exists(), reason="no CMYK profile (Debian libgs-common) on this machine")
def test_pdf_x_variant_with_a_cmyk_output_intent(tmp_path: Path) -> None:
    options = RenderOptions(fonts_dir=PROJECT / "fonts", cmyk_profile=GHOSTSCRIPT_CMYK)
    product = next(p for p in catalogue(CONTENT) if p.product_type == "poster")
    pdf = tmp_path / product.filename
    pdf.write_bytes(render_pdf(PLAN, product, options))
    assert subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, check=False).returncode == 0
    expanded = tmp_path / "expanded.pdf"  # uncompressed, to read the catalogue and the XMP metadata
    run("qpdf", "--qdf", "--object-streams=disable", str(pdf), str(expanded))
    body = expanded.read_bytes()
    assert b"/OutputIntents" in body and b"/GTS_PDFX" in body
    assert b"<pdfx:GTS_PDFXVersion>PDF/X-4</pdfx:GTS_PDFXVersion>" in body


REFERENCES = Path(__file__).parent / "references"


@pytest.mark.skipif(
    not any(language.code == "km" for language in CAMPAIGN.languages), reason="no Khmer in campaign/languages.yml"
)
def test_khmer_leaflet_is_shaped_with_the_khmer_font(tmp_path: Path) -> None:
    """Khmer needs shaping (subscript consonants, vowel signs) and line breaks between words.

    pdftotext gives Khmer back only as far as the PDF's ToUnicode maps allow: the
    reordered vowel signs and subscripts of a cluster may come out in visual order,
    so the round trip is checked on characters, not on whole words. Shaping is
    checked on the picture, against a reference rendered and looked at by a person
    (UPDATE_REFERENCES=1 rewrites it)."""
    fmt = next(f for f in CAMPAIGN.print_settings.leaflets if not f.panels_mm)
    product = Product("leaflet", GENERAL, fmt, "km", version=VERSION)
    pdf = tmp_path / product.filename
    pdf.write_bytes(render_pdf(PLAN, product, RenderOptions(fonts_dir=PROJECT / "fonts")))
    fonts = run("pdffonts", str(pdf))
    assert "NotoSansKhmer" in fonts.replace("-", "")
    for line in fonts.splitlines()[2:]:
        assert "Noto" in line.split()[0] and re.search(r"\byes\s+yes\s+yes\b", line), line
    text = run("pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-").replace("\u200b", "")
    assert "\u25cc" not in text, "a dotted circle: a Khmer cluster was not shaped"
    title = CONTENT.page("index.md", "km").meta.title
    khmer_in_title = {char for char in title if "\u1780" <= char <= "\u17ff"}
    assert khmer_in_title <= set(text)
    page = pdfium.PdfDocument(str(pdf))[0].render(scale=1).to_pil().convert("L")
    reference = REFERENCES / f"to-roi-chung-{fmt.key}-km.png"  # not the file's name: that carries the version
    if os.environ.get("UPDATE_REFERENCES") == "1" or not reference.exists():
        REFERENCES.mkdir(exist_ok=True)
        page.save(reference)
        pytest.skip(f"reference written to {reference}: look at it, then commit it")
    expected = Image.open(reference).convert("L")
    assert expected.size == page.size
    difference = ImageChops.difference(expected, page)
    assert ImageStat.Stat(difference).mean[0] < 1.0, "the Khmer leaflet no longer looks like its reference"


def test_leaflets_send_readers_to_units_of_today(press_kit: Path, tmp_path: Path) -> None:
    """The unit's version names its People's Committee; the generic one says how to find one's unit
    (a QR code to the finder); every leaflet dates its content; none sends a reader to a town or district."""
    leaflets = [row for row in manifest(press_kit) if row["kind"] == "leaflet"]
    assert leaflets
    scanned = set()  # the finder's code is made the same way on every leaflet: one per size and language
    for row in leaflets:
        text = flat(run("pdftotext", "-raw", "-enc", "UTF-8", str(press_kit / row["file"]), "-"))
        assert "thị trấn" not in text and "Liên hệ: Huyện" not in text, row["file"]
        assert f"tỉnh {CAMPAIGN.site.province_now}" in text, row["file"]  # its province of today, not the site name
        assert "đang được cập nhật" not in text, row["file"]
        if row["unit"]:
            assert "Ủy ban nhân dân phường Cồn Sen" in text, row["file"]
            continue
        if (row["width_mm"], row["language"]) not in scanned:
            scanned.add((row["width_mm"], row["language"]))
            assert PLAN.short_url(FINDER_URI, row["language"]) in qr_urls(press_kit / row["file"], tmp_path), row[
                "file"
            ]


def test_one_type_size_per_series_of_posters_and_of_banners(press_kit: Path) -> None:
    """Every slogan of a series (posters, or banners of one size) is set in the same size: the largest
    slogan word's height, as pdftotext measures it, is the same in every file of the series."""
    settings = CAMPAIGN.print_settings
    pattern = r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<'
    for kind, fmt in [("poster", settings.poster), *(("banner", banner) for banner in settings.banners)]:
        sizes = set()
        for slogan in CURRENT_SLOGANS:
            product = Product(kind, slogan.key, fmt, "vi", version=VERSION)
            html = run("pdftotext", "-bbox", str(press_kit / product.filename), "-")
            heights = [float(b) - float(a) for a, b, word in re.findall(pattern, html) if word in slogan.text.split()]
            sizes.add(round(max(heights), 1))
        assert len(sizes) == 1, (kind, fmt.key, sizes)
