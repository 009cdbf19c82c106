"""Layout of the folded leaflets, read back from the PDF: every inside panel carries text, a bullet
never runs across a fold, an article's QR code sits in the panel where the article ends.

A sample: a short and a long topic leaflet in Vietnamese, one in English, the general leaflet in Khmer and Vietnamese
and a unit's general leaflet. Positions come from pdfium's character boxes and from zbarimg on each panel's strip.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import KIT_UNIT, PROJECT, kit_project
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from pdf_reading import inside_folds, printed_characters, visible
from PIL import ImageStat

from campaign_kit.catalogue import GENERAL, Product, content_date
from campaign_kit.printing import render
from campaign_kit.printing.layout import _text_boxes
from campaign_kit.printing.render import FOLDED_BODY_PT, RenderOptions
from campaign_kit.printing.typography import COMPOUND_MAX_CHARS, kept_together
from campaign_kit.printing.wording import BLANK, cover_question, product_copy

PLAN = kit_project().plan
CAMPAIGN = PLAN.content.campaign
SETTINGS = CAMPAIGN.print_settings
CURRENT_SLOGANS = PLAN.content.current_slogans()  # ended movements are not printed anew
FOLDED = next(fmt for fmt in SETTINGS.leaflets if fmt.panels_mm)
VERSION = content_date(PLAN.content).isoformat()
MM = 72 / 25.4
INSIDE = 1  # page index of the inside face


def sample() -> list[Product]:
    def leaflet(subject: str, language: str, unit: str | None = None) -> Product:
        return Product("leaflet", subject, FOLDED, language, unit, version=VERSION)

    first_topic = CAMPAIGN.policy_groups["vi"][0].key
    return [
        leaflet(first_topic, "vi"),  # short (the fixture's health group): set larger to fill the panels
        leaflet("xac-dinh-ho-ngheo", "vi"),  # long, with year ranges
        leaflet(first_topic, "en"),
        leaflet(GENERAL, "km"),
        leaflet(GENERAL, "vi"),
        leaflet(GENERAL, "vi", KIT_UNIT),
    ]


@pytest.fixture(scope="module")
def folded(press_kit: Path) -> list[tuple[Product, Path]]:
    """The sample's files in the tests' press kit (no draft mark among the words)."""
    return [(product, press_kit / product.filename) for product in sample()]


@dataclass(frozen=True)
class Printed:
    """A page's printed characters without spaces or line breaks, and for each: its panel, its line, and
    whether it starts a word (a space before it on its line)."""

    text: str
    panels: tuple[int, ...]
    lines: tuple[int, ...]
    word_starts: tuple[bool, ...]


@cache
def printed_page(pdf: Path, page: int = INSIDE) -> Printed:
    edges = inside_folds(FOLDED) if page == INSIDE else [sum(FOLDED.panels_mm[:i]) for i in range(4)]
    document = pdfium.PdfDocument(str(pdf))
    textpage = document[page].get_textpage()
    chars, panels, lines, starts = [], [], [], []
    line, spaced = 0, False
    for index, char in enumerate(textpage.get_text_range()):
        # pdfium's mark for a hyphen that ends a line; the non-breaking hyphen inside a name
        char = "-" if char in "\ufffe\u2011" else char
        if char == "\n":
            line, spaced = line + 1, False
        if not visible(char):
            spaced = spaced or char in " \u00a0"
            continue
        left, _, right, _ = textpage.get_charbox(index)
        x = (left + right) / 2 / MM - SETTINGS.bleed_mm
        chars.append(char)
        panels.append(next(i for i in range(len(edges) - 1) if x < edges[i + 1]))
        lines.append(line)
        starts.append(spaced)
        spaced = False
    document.close()
    text = "".join(chars)
    assert unicodedata.is_normalized("NFC", text)
    return Printed(text, tuple(panels), tuple(lines), tuple(starts))


def inside_text(pdf: Path) -> tuple[str, tuple[int, ...]]:
    printed = printed_page(pdf)
    return printed.text, printed.panels


def panels_of(pdf: Path, html: str, after: str = "") -> set[int]:
    """The panels a source text is printed in: its first occurrence after the text `after` (a heading)."""
    text, panels = inside_text(pdf)
    wanted = printed_characters(html)
    begin = text.find(printed_characters(after)) if after else 0
    assert begin >= 0, (pdf.name, after)
    start = text.find(wanted, begin)
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
    edges = inside_folds(FOLDED)
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
            where = panels_of(pdf, last_item, after=block.heading)
            assert codes.get(block.url) in where, (product.filename, block.key, codes)
            checked += 1
    assert checked


def outside_panel_texts(pdf: Path) -> list[str]:
    """The outside face's text per panel (flap, back, cover), without spaces."""
    printed = printed_page(pdf, 0)
    return [
        "".join(char for char, at in zip(printed.text, printed.panels, strict=True) if at == panel)
        for panel in range(len(FOLDED.panels_mm))
    ]


def test_cover_and_back_panel(folded: list[tuple[Product, Path]]) -> None:
    """The cover: the site's name (in the leaflet's language) beside its mark, the leaflet's title and question, the slogan. The back:
    the colophon, whose unknown values are marked blanks (never invented)."""
    for product, pdf in folded:
        _, back, cover = outside_panel_texts(pdf)
        copy = product_copy(PLAN, product)
        assert copy.question == cover_question(CAMPAIGN, product)
        if product.language != "km":  # pdfium gives Khmer back in visual order; the colophon is Vietnamese
            assert printed_characters(CAMPAIGN.site_name(product.language)) in cover, product.filename
            for text in (copy.title, copy.question, copy.slogan):
                assert printed_characters(text) in cover, (product.filename, text)
        assert len(copy.colophon) == 5
        for line in copy.colophon:
            assert printed_characters(line) in back, (product.filename, line)
        assert back.count(printed_characters(BLANK)) == 4, (
            product.filename
        )  # licence, print run, printer, legal deposit


def test_the_outside_flap_says_where_to_ask_and_how_to_apply(
    folded: list[tuple[Product, Path]], tmp_path: Path
) -> None:
    """The flap, the first panel seen when the cover opens, carries what it is meant for: where to ask (the unit's
    committee, or the finder's QR code on a generic leaflet) and the steps to apply, from the home page's first
    question's policy (site.yml home_questions), not text left over from elsewhere."""
    home = PLAN.content.page(CAMPAIGN.site.home_questions[0], "vi")
    checked = 0
    for product, pdf in latin(folded):
        flap = outside_panel_texts(pdf)[0]
        copy = product_copy(PLAN, product)
        assert len(copy.steps) == len(home.meta.key_points.how) >= 3, product.filename
        for text in (copy.contact_heading, *copy.contact_lines, copy.steps_heading, copy.steps_of, *copy.steps):
            assert printed_characters(text) in flap, (product.filename, text)
        if product.unit is None:
            document = pdfium.PdfDocument(str(pdf))
            image = document[0].render(scale=200 / 72).to_pil()
            document.close()
            right = round(
                (FOLDED.panels_mm[0] + SETTINGS.bleed_mm) * image.width / (FOLDED.width_mm + 2 * SETTINGS.bleed_mm)
            )
            strip = tmp_path / "flap.png"
            image.crop((0, 0, right, image.height)).save(strip)
            decoded = subprocess.run(
                ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(strip)], capture_output=True, text=True
            ).stdout.split()
            assert decoded == [copy.finder_url], (product.filename, decoded)
        checked += 1
    assert checked >= 4


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


@pytest.fixture(scope="module")
def posters(press_kit: Path) -> list[tuple[Product, Path]]:
    return [
        (product, press_kit / product.filename)
        for product in (
            Product("poster", slogan.key, SETTINGS.poster, "vi", version=VERSION) for slogan in CURRENT_SLOGANS
        )
    ]


def latin(folded: list[tuple[Product, Path]]) -> list[tuple[Product, Path]]:
    """Products whose text pdfium gives back in reading order (Khmer comes back in visual order)."""
    return [(product, pdf) for product, pdf in folded if product.language != "km"]


def test_no_line_break_inside_a_listed_name(
    folded: list[tuple[Product, Path]], posters: list[tuple[Product, Path]]
) -> None:
    """Places, agencies and units of any length, glossary terms and print.yml's keep_together list are never
    split across lines."""
    found, long_names = 0, set()
    for product, pdf in latin(folded) + posters:
        names = [printed_characters(name) for name in kept_together(CAMPAIGN, product.language)]
        for page in range(product.pages):
            printed = printed_page(pdf, page)
            for name in names:
                for match in re.finditer(re.escape(name), printed.text):
                    assert len(set(printed.lines[match.start() : match.end()])) == 1, (product.filename, name)
                    found += 1
                    if len(name) > COMPOUND_MAX_CHARS:
                        long_names.add(name)
    assert found > 50 and long_names


def test_no_lone_word_or_dash_on_a_last_line(
    folded: list[tuple[Product, Path]], posters: list[tuple[Product, Path]]
) -> None:
    """The last line of every item and slogan has two words or more; no line is a dash alone; slogans
    print an en dash where campaign/slogans.yml types a hyphen between two parts."""
    checked = 0
    for product, pdf in latin(folded) + posters:
        copy = product_copy(PLAN, product)
        texts = [item for block in copy.blocks for _, items in block.questions for item in items]
        texts += [item for block in copy.blocks for item in block.items] + [copy.slogan]
        for page in range(product.pages):
            printed = printed_page(pdf, page)
            lines: dict[int, str] = {}
            for char, line in zip(printed.text, printed.lines, strict=True):
                lines[line] = lines.get(line, "") + char
            assert not [line for line in lines.values() if set(line) <= set("-–—")], product.filename
            for text in texts:
                wanted = printed_characters(text)
                start = printed.text.find(wanted)
                if start < 0:
                    continue
                span = range(start, start + len(wanted))
                last = [i for i in span if printed.lines[i] == printed.lines[span[-1]]]
                words = 1 + sum(printed.word_starts[i] for i in last[1:])
                assert last[0] == start or words >= 2, (product.filename, text)
                checked += 1
    assert checked > 20
    for product, pdf in posters:
        slogan = CAMPAIGN.slogan(product.subject).text
        if " - " in slogan:
            text = printed_page(pdf, 0).text
            assert printed_characters(slogan) in text and "–" in printed_characters(slogan), product.filename
            assert slogan.replace(" ", "") not in text, product.filename


def ink_height(font: Path, char: str) -> float:
    """Height of a glyph's ink above the baseline, in em."""
    ttf = TTFont(font)
    glyphs = ttf.getGlyphSet()
    pen = BoundsPen(glyphs)
    glyphs[ttf.getBestCmap()[ord(char)]].draw(pen)
    assert pen.bounds is not None
    return pen.bounds[3] / ttf["head"].unitsPerEm


def test_khmer_scale_comes_from_the_fonts() -> None:
    """languages.yml's factor sets a Khmer consonant midway between a Latin lower-case letter and a capital."""
    fonts = {(font.script, font.weight): PROJECT / "fonts" / font.file for font in CAMPAIGN.fonts}
    consonant = ink_height(fonts["khmer", 400], "ក")
    x_height, capital = (ink_height(fonts["latin", 400], char) for char in "xH")
    scale = CAMPAIGN.language("km").print_scale
    assert x_height / consonant < scale < capital / consonant
    assert abs(scale - (x_height + capital) / 2 / consonant) <= 0.05


def font_sizes(pdf: Path, page: int) -> Counter[float]:
    """How many characters of the page are set in each size (pt), as the PDF says."""
    document = pdfium.PdfDocument(str(pdf))
    textpage = document[page].get_textpage()
    sizes = Counter(
        round(pdfium_c.FPDFText_GetFontSize(textpage.raw, index), 1)
        for index, char in enumerate(textpage.get_text_range())
        if visible(char)
    )
    document.close()
    return sizes


def test_khmer_type_is_scaled(folded: list[tuple[Product, Path]]) -> None:
    """The outside flap of the Khmer leaflet is set print_scale times larger than the Vietnamese one's."""
    sizes = {}
    for product, pdf in folded:
        if product.subject == GENERAL:
            flap = Counter({size: n for size, n in font_sizes(pdf, 0).items() if size >= 9})
            sizes[product.language] = flap.most_common(1)[0][0]
    assert sizes["km"] == pytest.approx(sizes["vi"] * CAMPAIGN.language("km").print_scale, abs=0.15), sizes


def test_a_units_variant_prints_the_generic_leaflets_inside(folded: list[tuple[Product, Path]]) -> None:
    """Only the back panel names the unit: the inside of its variant is the generic leaflet's, line for line
    and size for size (the size search is made once for both)."""
    files = {(product.subject, product.language, product.unit): pdf for product, pdf in folded}
    generic, variant = files[GENERAL, "vi", None], files[GENERAL, "vi", KIT_UNIT]
    assert printed_page(variant) == printed_page(generic)
    assert font_sizes(variant, INSIDE) == font_sizes(generic, INSIDE)


def lists_and_their_bullets(box: object, within: object = None) -> Iterator[tuple[object, object]]:
    """(list box, text box of one of its bullets) for every list under a laid-out `box`."""
    box = getattr(box, "_box", box)
    if getattr(box, "element_tag", "") == "ul":
        within = box
    if within is not None and getattr(box, "element_tag", "") == "li::marker":
        yield from ((within, text) for text in _text_boxes(box) if text.text.strip())
        return
    for child in getattr(box, "children", None) or []:
        yield from lists_and_their_bullets(child, within)


@pytest.mark.parametrize("language", [language.code for language in CAMPAIGN.languages])
def test_bullets_stay_in_their_column_at_the_largest_body_size(language: str) -> None:
    """A short leaflet's inside is set as large as fits, up to FOLDED_BODY_PT's top (scaled for the script): there
    too, the bullets hang inside their list's indent, not past its column's edge into the safe margin of a fold
    or the trim."""
    product = Product("leaflet", GENERAL, FOLDED, language, version=content_date(PLAN.content).isoformat())
    options = RenderOptions(fonts_dir=PROJECT / "fonts")
    context = render._context(PLAN, product, options)
    largest = FOLDED_BODY_PT[1] * float(context["scale"])
    inside = {**context, "font_size": largest, "only_inside": True}
    document = render._layout("leaflet-folded.html.j2", inside, options.fonts_dir)
    found = list(lists_and_their_bullets(document.pages[0]._page_box))
    assert found
    for ul, bullet in found:
        assert bullet.position_x >= ul.position_x - 0.01, (language, bullet.position_x, ul.position_x)
