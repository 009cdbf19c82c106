"""QR codes of print products: short links that the built site really serves, codes large enough to scan."""

from __future__ import annotations

import re
from pathlib import Path

import segno
from conftest import kit_project

from campaign_kit.model.sections import SECTIONS
from campaign_kit.printing.qr import MIN_CODE_MM, MIN_MODULE_MM, QUIET_ZONE, qr_svg
from campaign_kit.printing.wording import product_copy

PLAN = kit_project().plan
SITE_URL = PLAN.site_url


def printed_urls() -> set[str]:
    """Every URL the leaflets of every language print (generic versions: unit variants share them)."""
    urls = set()
    for product in PLAN.products:
        if product.product_type != "leaflet" or product.unit:
            continue
        copy = product_copy(PLAN, product)
        urls |= {copy.url, *(block.url for block in copy.blocks if block.url), copy.finder_url or copy.url}
    return urls


def test_short_links_printed_are_pages_of_the_built_site(kit_site: Path) -> None:
    urls = printed_urls()
    short = [url for url in urls if "/q/" in url]
    assert short and len(urls) > len(short) / 2
    for url in short:
        page = kit_site / url.removeprefix(SITE_URL) / "index.html"
        assert page.is_file(), url
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page.read_text(encoding="utf-8"))[1]
        path, _, anchor = target.partition("#")
        landing = (page.parent / path / "index.html").resolve()
        assert landing.is_file(), (url, target)
        if anchor:
            assert f'id="{anchor}"' in landing.read_text(encoding="utf-8"), (url, target)


def test_no_short_link_to_the_many_pages_of_a_growing_section() -> None:
    """One redirect per story would double the files of a build; print never points to a story."""
    growing = "|".join(section.folder for section in SECTIONS if section.listed_by_facets)
    inside = re.compile(rf"^(?:{'|'.join(PLAN.sites)}/)?(?:{growing})/.")  # a page under the section's index
    targets = PLAN.short_links.values()
    assert not [target for target in targets if inside.match(target)]
    assert any(target.startswith("guong-thoat-ngheo/") for target in targets)  # the index keeps its link
    assert any(target.startswith("en/chinh-sach/") for target in targets)


def test_every_printed_link_is_short() -> None:
    """A link prints as the shorter of the page's address and its short link, so codes stay small."""
    longest = max(printed_urls(), key=len)
    assert len(longest) <= len(f"{SITE_URL}q/xxxxx/"), longest


def test_codes_have_modules_of_half_a_millimetre_and_are_at_least_20_mm() -> None:
    for url in (SITE_URL, SITE_URL + "q/abcde/", SITE_URL + "chinh-sach/" + "x" * 120 + "/"):
        svg = qr_svg(url)
        side = float(re.search(r'width="([\d.]+)mm"', svg)[1])
        modules = int(re.search(r'viewBox="0 0 (\d+) ', svg)[1])
        assert modules == segno.make(url, error="m", micro=False).symbol_size(border=QUIET_ZONE)[0]
        assert side / modules >= MIN_MODULE_MM - 0.01, url
        assert side * (modules - 2 * QUIET_ZONE) / modules >= MIN_CODE_MM - 0.01, url
