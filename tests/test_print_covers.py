"""Layout of leaflets and posters read back from the tests' press kit (every kind, size and language):
URLs printed whole, the cover's colour through the fold, covers in their language, the mark on A5 and posters,
every word of an A5 sheet 5 mm inside its trim."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdfium2 as pdfium
from conftest import KIT_UNIT, in_press_kit, kit_project
from pdf_reading import squeezed, word_clearances
from PIL import ImageStat

from campaign_kit.catalogue import GENERAL, Product
from campaign_kit.printing.render import printed_url
from campaign_kit.printing.sheet import sheet
from campaign_kit.printing.typography import dashes
from campaign_kit.printing.wording import product_copy

PLAN = kit_project().plan


def kit_products(*kinds: str) -> list[Product]:
    """The generic products of these kinds in the tests' press kit."""
    return [p for p in PLAN.products if p.product_type in kinds and p.unit is None and in_press_kit(p)]


def lines_of(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True)
    return text.stdout.splitlines()


def test_a_url_is_printed_whole_on_one_line(press_kit: Path) -> None:
    """Every URL a leaflet or poster prints (its own, the finder's, each article's) is on one line, never broken
    at a hyphen or a slash (without its scheme, which its QR code carries)."""
    checked = 0
    languages = set()
    for product in kit_products("leaflet", "poster"):
        copy = product_copy(PLAN, product)
        urls = {copy.url} | {block.url for block in copy.blocks if product.format.article_codes}
        if product.product_type == "leaflet":  # a poster has its own code alone
            urls.add(copy.finder_url)
        lines = lines_of(press_kit / product.filename)
        for url in urls - {None}:
            assert any(printed_url(url) in line for line in lines), (product.filename, url)
            checked += 1
        languages.add(product.language)
    assert checked > 30 and languages == set(PLAN.sites)


def test_the_cover_colour_runs_through_the_spine_fold(press_kit: Path) -> None:
    """On the outside face of a tri-fold, every column of pixels from fold_clearance before the cover's fold to
    the cover is in the cover's colour: a fold that drifts leaves no unprinted sliver on the cover."""
    product = next(p for p in kit_products("leaflet") if p.format.panels_mm)
    fmt, settings = product.format, PLAN.content.campaign.print_settings
    document = pdfium.PdfDocument(str(press_kit / product.filename))
    image = document[0].render(scale=200 / 72).to_pil().convert("HSV")
    document.close()
    px_per_mm = image.width / (fmt.width_mm + 2 * settings.bleed_mm)
    saturation = image.getchannel("S").point(lambda value: 255 if value > 80 else 0)
    fold = sum(fmt.panels_mm[:-1])
    coverage = []
    for step in range(-round(settings.fold_clearance_mm * 10) + 2, 31, 2):  # every 0.2 mm, to 3 mm into the cover
        x = round((fold + settings.bleed_mm + step / 10) * px_per_mm)
        coverage.append(ImageStat.Stat(saturation.crop((x, 0, x + 1, image.height))).mean[0] / 255)
    assert min(coverage) > 0.9, (product.filename, coverage)


def test_covers_speak_the_leaflets_language(press_kit: Path) -> None:
    """A leaflet or poster in another language prints the slogan, the programme and the site's name as its
    strings translate them: none of the Vietnamese ones (the colophon alone stays Vietnamese, for the authorities)."""
    content = PLAN.content
    campaign = content.campaign
    vietnamese = [campaign.slogan(s.key).text for s in content.current_slogans()]
    vietnamese += [content.current_programme(), campaign.site.site_name]
    checked = set()
    for product in kit_products("leaflet", "poster"):
        if product.language == campaign.default_language:
            continue
        text = squeezed(" ".join(lines_of(press_kit / product.filename)))
        for words in vietnamese:
            assert squeezed(dashes(words)) not in text, (product.filename, words)
        key = product.subject if product.product_type == "poster" else content.current_slogans()[0].key
        translated = [campaign.strings[product.language].slogans[key]]
        if product.product_type == "poster" or product.format.panels_mm:  # an A5 sheet has the mark alone
            translated.append(campaign.site_name(product.language))
        if product.subject == GENERAL:
            translated.append(content.current_programme(product.language))
        if product.language != "km":  # pdftotext gives Khmer back in visual order
            for words in translated:
                assert squeezed(dashes(words)) in text, (product.filename, words)
        checked.add((product.language, product.product_type))
    assert {language for language, _kind in checked} == set(PLAN.sites) - {campaign.default_language}


def test_a5_leaflets_and_posters_carry_the_mark(press_kit: Path) -> None:
    """The site's mark, drawn in white on the cover colour: the corner of an A5 sheet's header and the top of a
    poster, beside its name, hold a shape of white on green (the same corner of the file without it is flat)."""
    campaign = PLAN.content.campaign
    bleed = campaign.print_settings.bleed_mm
    for product in kit_products("leaflet", "poster"):
        fmt = product.format
        if fmt.panels_mm:
            continue
        document = pdfium.PdfDocument(str(press_kit / product.filename))
        image = document[0].render(scale=150 / 72).to_pil().convert("HSV")
        document.close()
        px_per_mm = image.width / (fmt.width_mm + 2 * bleed)
        # Where each layout sets it (mm from the trim's top-left corner): A5 top right, the poster top left.
        left = fmt.width_mm - 5 - 11 if product.product_type == "leaflet" else 15
        box = [round((edge + bleed) * px_per_mm) for edge in (left, 7, left + 11, 18)]
        white = image.crop(box).getchannel("S").point(lambda value: 255 if value < 60 else 0)
        share = ImageStat.Stat(white).mean[0] / 255
        assert 0.1 < share < 0.9, (product.filename, share)


def test_a5_sheets_keep_every_word_5_mm_inside_the_trim(press_kit: Path) -> None:
    """Every word of every A5 sheet in the kit, the translation's note included (the sheets whose text needs
    both sides are set tighter rather than the note falling into the margin), keeps safe_mm from the trim."""
    safe = PLAN.content.campaign.print_settings.safe_mm
    sheets = [
        p
        for p in PLAN.products
        if p.product_type == "leaflet" and not p.format.panels_mm and p.unit in (None, KIT_UNIT) and in_press_kit(p)
    ]
    for product in sheets:
        path = press_kit / product.filename
        clear = word_clearances(path, sheet(product.format, safe))
        assert clear.across >= safe - 0.1 and clear.down >= safe - 0.1, (product.filename, clear)
    assert {p.language for p in sheets} == set(PLAN.sites)
