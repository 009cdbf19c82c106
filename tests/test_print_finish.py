"""The finish of the print kit, read back from rendered PDFs: each topic leaflet's cover question, the
poster's colophon, a banner's preview, draft mark and grommet marks, and a short
topic leaflet's inside panels filled down."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import KIT_UNIT, PROJECT, in_press_kit, kit_project
from pdf_reading import squeezed
from PIL import Image, ImageChops, ImageStat

from campaign_kit.catalogue import GENERAL, Product, content_date
from campaign_kit.model.campaign import PolicyGroup
from campaign_kit.printing.marks import GROMMET_MM
from campaign_kit.printing.outputs import PREVIEW_PAGE_PX, face_crop, preview_png
from campaign_kit.printing.render import DRAFT_MARK, RenderOptions, render_pdf
from campaign_kit.printing.sheet import PT_PER_MM, sheet
from campaign_kit.printing.wording import cover_question

PLAN = kit_project().plan
CAMPAIGN = PLAN.content.campaign
SETTINGS = CAMPAIGN.print_settings
FOLDED = next(fmt for fmt in SETTINGS.leaflets if fmt.panels_mm)
BANNER = next(fmt for fmt in SETTINGS.banners if "top" in fmt.finishing.grommet_edges)
VERSION = content_date(PLAN.content).isoformat()
SHORT = "y-te"  # the fixture's group of one short policy: set at the largest body size
SLOGAN = CAMPAIGN.slogans[0].key


def leaflet(subject: str, language: str, fmt: object = FOLDED) -> Product:
    return Product("leaflet", subject, fmt, language, version=VERSION)  # type: ignore[arg-type]


PRODUCTS = {
    "short-vi": leaflet(SHORT, "vi"),
    "short-en": leaflet(SHORT, "en"),
    "poster": Product("poster", SLOGAN, SETTINGS.poster, "vi", version=VERSION),
    "banner": Product("banner", SLOGAN, BANNER, "vi", version=VERSION),
}


@pytest.fixture(scope="module")
def rendered(press_kit: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The products from the tests' press kit where it has them; the others rendered here. The banner is
    a draft, as make print writes it without PRODUCTION: its draft mark is under test."""
    out = tmp_path_factory.mktemp("finish")
    files = {}
    for name, product in PRODUCTS.items():
        files[name] = press_kit / product.filename
        if name == "banner" or not files[name].is_file():
            options = RenderOptions(fonts_dir=PROJECT / "fonts", production=name != "banner")
            files[name] = out / product.filename
            files[name].write_bytes(render_pdf(PLAN, product, options))
    return files


def page_text(pdf: Path, page: int) -> str:
    """A page's text with spaces and line breaks removed (a question may wrap anywhere)."""
    text = subprocess.run(
        ["pdftotext", "-f", str(page + 1), "-l", str(page + 1), str(pdf), "-"], capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", "", text)


def group(language: str, key: str) -> PolicyGroup:
    return next(g for g in CAMPAIGN.policy_groups[language] if g.key == key)


def test_topic_covers_ask_their_groups_question(rendered: dict[str, Path]) -> None:
    """The outside face (page 1) of the topic leaflet asks its group's question, not the home page's."""
    for name, language in (("short-vi", "vi"), ("short-en", "en")):
        question = group(language, SHORT).question
        assert question, language
        outside = page_text(rendered[name], 0)
        assert squeezed(question) in outside, name
        assert squeezed(CAMPAIGN.strings[language].home_questions[1]) not in outside, name


def test_a5_fronts_ask_the_cover_question_where_the_text_leaves_room(press_kit: Path) -> None:
    """Every Vietnamese A5 sheet asks its question on its front; a sheet whose text needs the room (the
    English general one) leaves the question out rather than overflow its two sides."""
    sheets = [p for p in PLAN.products if not p.format.panels_mm and p.product_type == "leaflet"]
    asked = {}
    for product in sheets:
        if (press_kit / product.filename).is_file():
            question = squeezed(cover_question(CAMPAIGN, product))
            asked[product.filename] = question in page_text(press_kit / product.filename, 0)
    assert all(ask for name, ask in asked.items() if f"_{CAMPAIGN.default_language}_" in name), asked
    # Every A5 sheet of the kit: each language's generic ones and the unit's.
    assert len(asked) == len([p for p in sheets if in_press_kit(p) and p.unit in (None, KIT_UNIT)]) > 8


def test_cover_question_falls_back_to_the_home_question() -> None:
    """A group without a question in a language (Khmer today), and the general leaflet, ask the home
    page's question of that language."""
    assert group("km", SHORT).question is None
    home = CAMPAIGN.strings["km"].home_questions[1]
    assert cover_question(CAMPAIGN, leaflet(SHORT, "km")) == home
    assert cover_question(CAMPAIGN, leaflet(GENERAL, "vi")) == CAMPAIGN.strings["vi"].home_questions[1]
    assert cover_question(CAMPAIGN, PRODUCTS["poster"]) == ""
    every = [group for groups in (CAMPAIGN.policy_groups["vi"], CAMPAIGN.policy_groups["en"]) for group in groups]
    assert all(group.question and group.question.endswith("?") for group in every)


def test_a_question_must_be_one() -> None:
    with pytest.raises(ValueError, match="dấu chấm hỏi"):
        PolicyGroup(key="dien", title="Tiền điện", question="Nhà tôi được hỗ trợ tiền điện.")


def test_poster_carries_the_colophon_inside_the_safe_area(rendered: dict[str, Path]) -> None:
    pdf = rendered["poster"]
    assert "Cơquanxuấtbản" in page_text(pdf, 0)
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">lưu</word>', bbox)
    assert words, "the legal deposit line"
    bottom_mm = float(words[0][1]) / PT_PER_MM - SETTINGS.bleed_mm
    assert bottom_mm <= SETTINGS.poster.height_mm - SETTINGS.safe_mm
    assert bottom_mm > SETTINGS.poster.height_mm * 0.9  # at the foot


def test_banner_preview_shows_the_finished_face(rendered: dict[str, Path]) -> None:
    finished = sheet(BANNER, SETTINGS.safe_mm)
    image = Image.open(io.BytesIO(preview_png(rendered["banner"].read_bytes(), finished)))
    assert max(image.size) >= PREVIEW_PAGE_PX
    assert image.width / image.height == pytest.approx(BANNER.width_mm / BANNER.height_mm, rel=0.01)


def test_banner_draft_mark_is_on_the_face(rendered: dict[str, Path]) -> None:
    finished = sheet(BANNER, SETTINGS.safe_mm)
    document = pdfium.PdfDocument(str(rendered["banner"]))
    page = document[0]
    text = page.get_textpage()
    found = text.search(DRAFT_MARK)
    start, count = found.get_next()
    left, bottom, right, top = text.get_charbox(start)
    _, _, right, _ = text.get_charbox(start + count - 1)
    trim_left, _, trim_right, trim_top = page.get_trimbox()
    document.close()
    per_mm = (trim_right - trim_left) / finished.width_mm  # PT_PER_MM / UserUnit: the 5 m banner is written at 1:10
    assert per_mm == pytest.approx(PT_PER_MM / 10, rel=0.001)
    x_mm = ((left - trim_left) / per_mm, (right - trim_left) / per_mm)
    y_mm = ((trim_top - top) / per_mm, (trim_top - bottom) / per_mm)
    face = finished.face
    assert face.left <= x_mm[0] < x_mm[1] <= face.right
    assert face.top <= y_mm[0] < y_mm[1] <= finished.text.top  # above the slogan's box, below the hem


def test_banner_grommet_marks_in_black_ink_at_the_grommets(rendered: dict[str, Path], tmp_path: Path) -> None:
    """Each grommet of the manifest has a cross (two 6 mm lines through its centre) stroked in 100 K."""
    finished = sheet(BANNER, SETTINGS.safe_mm)
    qdf = tmp_path / "banner.qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(rendered["banner"]), str(qdf)], check=True)
    content = qdf.read_bytes().decode("latin-1")
    marks = content[content.rindex("0 0 0 1 K") :]
    lines = re.findall(r"([\d.-]+) ([\d.-]+) m ([\d.-]+) ([\d.-]+) l", marks)
    centres = {
        (round((float(x1) + float(x2)) / 2, 1), round((float(y1) + float(y2)) / 2, 1)) for x1, y1, x2, y2 in lines
    }
    assert len(lines) == 2 * len(finished.grommets)
    for x1, y1, x2, y2 in lines:
        length = abs(float(x2) - float(x1)) + abs(float(y2) - float(y1))
        assert length == pytest.approx(GROMMET_MM * PT_PER_MM, abs=0.01)
    for x_mm, y_mm in finished.grommets:
        expected = (round(x_mm * PT_PER_MM, 1), round((finished.height_mm - y_mm) * PT_PER_MM, 1))
        assert any(abs(x - expected[0]) <= 0.1 and abs(y - expected[1]) <= 0.1 for x, y in centres), expected
    assert " rg" not in marks and " RG" not in marks  # no RGB colour among the marks


def test_short_topic_leaflet_fills_its_last_inside_panel(rendered: dict[str, Path]) -> None:
    """The last inside panel's text reaches down: before the spread it ended at about a third of the panel."""
    for name in ("short-vi", "short-en"):
        document = pdfium.PdfDocument(str(rendered[name]))
        page = document[1]
        text = page.get_textpage()
        _, _, _, trim_top = page.get_trimbox()
        last_panel = sum(FOLDED.panels_mm[1:])  # the inside face is the outside mirrored
        usable = FOLDED.height_mm - 2 * SETTINGS.safe_mm
        ys = []
        for index in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(index)
            x_mm = (left + right) / 2 / PT_PER_MM - SETTINGS.bleed_mm
            y_mm = (trim_top - bottom) / PT_PER_MM
            if right > left and x_mm > last_panel and y_mm < FOLDED.height_mm - SETTINGS.safe_mm:
                ys.append(((trim_top - top) / PT_PER_MM, y_mm))
        document.close()
        span = max(y for _, y in ys) - min(y for y, _ in ys)
        assert span >= 0.5 * usable, (name, span)


def test_previews_show_the_colours_of_the_pdf(rendered: dict[str, Path]) -> None:
    """A preview has 256 colours: on every kind of product, each pixel stays within a few levels of the page
    rendered in full colour (the inks and the anti-aliased edges of type), 2 of 255 on average at most."""
    for kind, pdf in rendered.items():
        finished = sheet(PRODUCTS[kind].format, SETTINGS.safe_mm)
        preview = Image.open(io.BytesIO(preview_png(pdf.read_bytes(), finished))).convert("RGB")
        document = pdfium.PdfDocument(str(pdf))
        page = document[0]
        left, _, right, _ = page.get_trimbox()
        per_mm = (right - left) / finished.width_mm
        scale = (PREVIEW_PAGE_PX + 1.5) / (max(finished.face.width, finished.face.height) * per_mm)
        full = page.render(scale=scale, crop=face_crop(page, finished, per_mm)).to_pil().convert("RGB")
        document.close()
        first_page = preview.crop((0, 0, full.width, full.height))
        difference = ImageStat.Stat(ImageChops.difference(first_page, full)).mean
        assert sum(difference) / 3 <= 2, (kind, difference)
