"""Share cards: og tags on every page, a 1200×630 card per page whose text (the renderer's
PDF, read back with pdftotext before rasterising) is the site's name, the page's title and a line of
its summary, drawn in the PNG with the site's mark; Khmer as large as Vietnamese; cached by content."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import kit_project
from PIL import Image
from weasyprint.formatting_structure.boxes import TextBox

from campaign_kit.cards import (
    CARD_FOLDER,
    ELLIPSIS,
    TITLE_SIZES,
    Card,
    Measure,
    card_uri,
    card_url,
    cards_document,
    page_cards,
    write_cards,
)
from campaign_kit.model.sections import BY_TYPE
from campaign_kit.segmentation import ZWSP

FONTS = kit_project().root / "fonts"
KHMER = re.compile(r"[\u1780-\u17ff]")
META = re.compile(r'<meta (?:property|name)="((?:og|twitter):[a-z:]+)" content="([^"]*)">')


def _html_of(site: Path, prefix: str, path: str) -> str:
    return (site / prefix / path / "index.html").read_text(encoding="utf-8")


def test_every_page_has_its_card_and_og_tags(kit_site: Path) -> None:
    plan = kit_project().plan
    checked = 0
    for code, site in plan.sites.items():
        for src_uri in site.pages:
            card = kit_site / site.prefix / card_uri(src_uri)
            with Image.open(card) as image:
                assert image.size == (1200, 630), card
                assert image.format == "PNG"
            html = (kit_site / plan.path(src_uri, code).removeprefix("/") / "index.html").read_text(encoding="utf-8")
            tags = dict(META.findall(html))
            assert tags["og:image"] == card_url(plan, src_uri, code)
            assert tags["og:image"].startswith(plan.site_url)
            assert tags["og:url"] == plan.url(src_uri, code)
            assert tags["twitter:card"] == "summary_large_image"
            assert tags["og:title"] and tags["og:description"]
            assert tags["og:locale"] == kit_project().content.campaign.language(code).locale
            assert tags["og:image:alt"] == tags["og:title"]
            assert not re.search("[\u00ad\u200b-\u200d\u2060\ufeff]", "".join(tags.values())), src_uri
            checked += 1
    assert checked == sum(len(site.pages) for site in plan.sites.values()) > 100


def _letters(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(ZWSP, "")).strip()


def _laid_out_text(box: object) -> str:
    """The text WeasyPrint laid out in a page, in order (what HarfBuzz shaped)."""
    if isinstance(box, TextBox):
        return box.text + " "
    return "".join(_laid_out_text(child) for child in getattr(box, "children", []))


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_card_text_reads_back_as_the_title(tmp_path: Path, language: str) -> None:
    cards = list(page_cards(kit_project().plan, language).values())
    document = cards_document(cards, kit_project().content.campaign, FONTS)
    assert len(document.pages) == len(cards)  # no title overflows onto a second page
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(document.write_pdf())
    # -layout: lines as laid out (the default joins "tôm -" at a line end with the next line)
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True)
    pages = text.stdout.split("\f")[: len(cards)]
    summaries = 0
    for card, page, laid_out in zip(cards, pages, document.pages, strict=True):
        expected = f"{_letters(card.site_name)} {_letters(card.title)}"
        if KHMER.search(expected):
            # pdftotext cannot give Khmer back: glyphs of a cluster (្រ, ើ) are reordered, dropped or
            # doubled in the PDF's text. The shaped text of the layout is compared instead, and
            # the Khmer font must be in the PDF.
            # (lines may break between Khmer words, where no space is written)
            shown = _letters(_laid_out_text(laid_out._page_box)).replace(" ", "")
            expected, summary = expected.replace(" ", ""), _letters(card.summary).replace(" ", "")
        else:
            shown, summary = _letters(page), _letters(card.summary)
        assert shown.startswith(expected), card.title
        # Then the summary's first words, whole, or all of it: one line.
        rest = shown.removeprefix(expected).strip().removesuffix(ELLIPSIS)
        assert summary.startswith(rest), (card.title, rest)
        assert bool(rest) == bool(summary), card.title
        summaries += bool(rest)
    assert summaries > len(cards) / 2
    if language == "km":
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Noto-Sans-Khmer-Bold" in fonts and re.search(r"\+Noto-Sans-Khmer\s", fonts)  # bold title, regular name


def test_cards_are_cached_by_content(tmp_path: Path) -> None:
    cache, site = tmp_path / "cache", tmp_path / "site"
    rendered, cached = write_cards(kit_project().plan, "en", site, FONTS, cache)
    assert rendered > 1
    assert write_cards(kit_project().plan, "en", site, FONTS, cache) == (0, rendered + cached)
    files = sorted((cache / "cards").glob("*.png"))
    files[0].unlink()  # one card's content is new: only it is drawn again
    again = write_cards(kit_project().plan, "en", tmp_path / "site2", FONTS, cache)
    assert again[0] == 1
    shutil.rmtree(site)


def test_pages_of_a_growing_section_show_its_card(kit_site: Path) -> None:
    """Stories and their listings share the section's card (their og:title still names them); pages
    with a card of their own are the ones a campaign shares: policies, questions, the plan."""
    plan = kit_project().plan
    stories = BY_TYPE["story"]
    story = next(page.src_uri for page in kit_project().content.items("story"))
    for code, site in plan.sites.items():
        assert card_url(plan, story, code) == card_url(plan, stories.index, code)
        assert not (kit_site / site.prefix / CARD_FOLDER / story).with_suffix(".png").exists()
        policy = next(uri for uri in site.pages if uri.startswith("chinh-sach/") and uri != "chinh-sach/index.md")
        assert card_url(plan, policy, code).endswith(f"/{policy.removesuffix('.md')}.png")


def _ink(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """Share of the pixels in `box` that are not the card's background (its top left pixel)."""
    area = image.convert("RGB").crop(box)
    background = image.convert("RGB").getpixel((2, 2))
    pixels = list(area.get_flattened_data())
    return sum(pixel != background for pixel in pixels) / len(pixels)


def _ink_rows(image: Image.Image, box: tuple[int, int, int, int]) -> list[int]:
    """The rows of `box` (from its top) that hold a pixel of text."""
    area = image.convert("RGB").crop(box)
    background = image.convert("RGB").getpixel((2, 2))
    return [y for y in range(area.height) if any(area.getpixel((x, y)) != background for x in range(0, area.width, 2))]


def test_the_card_png_shows_mark_name_title_and_summary(kit_site: Path) -> None:
    """Read back from the published PNGs: the mark and the site's name in the top band, the title in the
    middle, a line of summary above the accent band; in Khmer the same, with its type as large."""
    heights = {}
    for prefix, code in (("", "vi"), ("km/", "km")):
        path = kit_site / prefix / card_uri("chinh-sach/bao-hiem-y-te.md")
        with Image.open(path) as image:
            assert image.size == (1200, 630)
            assert _ink(image, (80, 56, 152, 128)) > 0.15, code  # the mark
            assert _ink(image, (170, 56, 1120, 128)) > 0.03, code  # the site's name
            assert _ink(image, (80, 160, 1120, 460)) > 0.08, code  # the title: three lines of large type
            assert _ink(image, (80, 500, 1120, 570)) > 0.02, code  # one line of summary
            assert _ink(image, (0, 610, 1200, 630)) > 0.95, code  # the accent band
            rows = _ink_rows(image, (80, 500, 1120, 580))
            heights[code] = rows[-1] - rows[0]
    # The summary's line: Khmer's ink (consonants, vowels above and subscripts below) is no smaller than
    # Vietnamese with its tone marks, as the language's print_scale makes it.
    assert heights["km"] >= heights["vi"], heights


def test_a_short_khmer_title_is_set_as_large_as_a_short_vietnamese_one() -> None:
    """The title's size comes from its shaped width, not its length in code points: a Khmer title's marks,
    subscripts and word breaks are characters that take no room of their own (they made it ⅔ size)."""
    campaign = kit_project().content.campaign
    measure = Measure.of(campaign, FONTS)
    khmer = campaign.language("km")
    title = "ធានារ៉ាប់រងសុខភាព"  # health insurance: 17 code points, as wide as about 9 Latin letters
    card = Card(title, "", "", tuple(khmer.scripts), khmer.print_scale)
    assert measure.title(card)[0] == TITLE_SIZES[0] * khmer.print_scale
    latin = tuple(campaign.language("vi").scripts)
    vietnamese = Card("Bảo hiểm y tế", "", "", latin)
    assert measure.title(vietnamese)[0] == TITLE_SIZES[0]
    long_title = Card("Bảo hiểm y tế " * 12, "", "", latin)
    size, lines = measure.title(long_title)
    assert size == TITLE_SIZES[-1] and len(lines) > 3  # the smallest size; the box hides the rest
