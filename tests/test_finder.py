"""The "Hỏi ở đâu?" finder in headless Chromium: a reader types the name of 2024 they know.

On the fictional fixture campaign (tests/fixtures/campaign-mau, its map: campaign/admin_map.yml), its
site built once per session (conftest.kit_site) and served locally; the browser is conftest's.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import kit_project
from playwright.sync_api import Browser, Page

FINDER = "hoi-o-dau/"
CAMPAIGN = kit_project().content.campaign
ROWS = CAMPAIGN.admin_map.units_2024  # the whole listing: one row per unit of 2024

# (what the reader types, the 2024 name that must show, today's unit it leads to)
TYPED = [
    ("sen hong", "phường Sen Hồng", "Phường Cồn Sen"),
    ("sen hong van", "phường Sen Hồng Vân", "Phường Cồn Sen"),
    ("lua vang", "xã Lúa Vàng", "Xã Bến Lúa"),
    ("hon may", "xã Hòn Mây", "Đặc khu Hòn Mây"),
    ("soc bung", "xã Sóc Bưng", "Xã Rạch Tre"),
    # A commune of another 2024 district, with and without its marks, in capitals
    ("dong co", "xã Đồng Cỏ", "Phường Cồn Sen"),
    ("Đồng Cỏ", "xã Đồng Cỏ", "Phường Cồn Sen"),
    ("ĐỒNG CỎ", "xã Đồng Cỏ", "Phường Cồn Sen"),
    # A town and a commune of one name, now in two units; one name in two districts
    ("Thi tran Ben Lua", "thị trấn Bến Lúa", "Xã Bến Lúa"),
    ("xa ben lua", "xã Bến Lúa", "Xã Rạch Tre"),
    ("tan phu", "xã Tân Phú", "Phường Cồn Sen"),
    ("tan phu", "xã Tân Phú", "Xã Rạch Tre"),
    # Names told apart by a letter
    ("rach tre a", "xã Rạch Tre A", "Xã Rạch Tre"),
    ("RACH TRE B", "xã Rạch Tre B", "Xã Rạch Tre"),
    # A district's name finds all its communes, in whichever unit they are now
    ("ben lua", "xã Hòn Mây", "Đặc khu Hòn Mây"),
    ("con sen", "xã Tân Phú", "Phường Cồn Sen"),
    # As people write them: with a kind of unit, its short form, the province, commas (issue 21)
    ("TP Con Sen", "phường Sen Trắng", "Phường Cồn Sen"),
    ("TT Ben Lua", "thị trấn Bến Lúa", "Xã Bến Lúa"),
    ("P. Sen Trang", "phường Sen Trắng", "Phường Cồn Sen"),
    ("Sen Trắng, Sông Mây", "phường Sen Trắng", "Phường Cồn Sen"),
    ("xa dong co ben lua", "xã Đồng Cỏ", "Phường Cồn Sen"),
    ("TX Cồn Sen", "phường Sen Hồng", "Phường Cồn Sen"),
    ("huyện Bến Lúa, tỉnh Sông Mây", "xã Sóc Bưng", "Xã Rạch Tre"),
    ("X. Lúa Vàng", "xã Lúa Vàng", "Xã Bến Lúa"),
    ("TT. Bến Lúa", "thị trấn Bến Lúa", "Xã Bến Lúa"),
    ("Soc Bung, Ben Lua", "xã Sóc Bưng", "Xã Rạch Tre"),
    ("sen hong van TP con sen", "phường Sen Hồng Vân", "Phường Cồn Sen"),
    # One or two wrong letters in a name of five letters or more
    ("sen trag", "phường Sen Trắng", "Phường Cồn Sen"),
    ("lua vag", "xã Lúa Vàng", "Xã Bến Lúa"),
    ("sox bung", "xã Sóc Bưng", "Xã Rạch Tre"),
    ("rach tro a", "xã Rạch Tre A", "Xã Rạch Tre"),
]

VISIBLE_ROWS_JS = """() => [...document.querySelectorAll('[data-finder-group] li')]
  .filter(row => row.offsetParent !== null)
  .map(row => [row.querySelector('.campaign-finder__old').textContent, row.querySelector('a').textContent])"""


@pytest.fixture
def finder(browser: Browser, kit_site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(kit_site_url + FINDER)
    try:
        yield page
    finally:
        context.close()


def visible_rows(page: Page) -> list[tuple[str, str]]:
    return [tuple(row) for row in page.evaluate(VISIBLE_ROWS_JS)]


def test_without_javascript_the_finder_is_the_whole_listing(browser: Browser, kit_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(kit_site_url + FINDER)
    rows = visible_rows(page)
    assert len(rows) == ROWS
    assert ("xã Đồng Cỏ", "Phường Cồn Sen") in rows
    assert not page.locator("#campaign-finder-q").is_visible()
    context.close()


@pytest.mark.parametrize(("typed", "old", "unit"), TYPED, ids=[f"{t}->{u}" for t, _, u in TYPED])
def test_typing_a_2024_name_leads_to_todays_unit(finder: Page, typed: str, old: str, unit: str) -> None:
    finder.locator("#campaign-finder-q").press_sequentially(typed)
    rows = visible_rows(finder)
    assert (old, unit) in rows
    assert 0 < len(rows) < ROWS
    assert str(len(rows)) in finder.locator("[data-finder-status]").text_content()


def test_input_events_decomposed_text_and_clearing(finder: Page) -> None:
    box = finder.locator("#campaign-finder-q")
    box.fill(unicodedata.normalize("NFD", "Đồng Cỏ"))  # one input event, no key events, NFD as some keyboards send
    assert visible_rows(finder) == [("xã Đồng Cỏ", "Phường Cồn Sen")]
    box.fill("khong co ten nay")
    assert len(visible_rows(finder)) == ROWS  # the whole list, as the message says
    said = finder.locator("[data-finder-status]").text_content()
    assert said.startswith("Không thấy tên “khong co ten nay”") and "cả danh sách dưới đây" in said
    box.fill("")
    assert len(visible_rows(finder)) == ROWS


@pytest.mark.parametrize("typed", ["rach txx", "hon mxx", "abc"])
def test_too_many_wrong_letters_find_nothing(finder: Page, typed: str) -> None:
    """One wrong letter under eight letters, two from eight on, none under five: more is no match."""
    finder.locator("#campaign-finder-q").fill(typed)
    assert finder.locator("[data-finder-status]").text_content().startswith("Không thấy tên")


def test_results_come_into_view_above_the_keyboard(finder: Page) -> None:
    """At 360×800 the first result sits just under the box, in the upper part a keyboard leaves."""
    finder.set_viewport_size({"width": 360, "height": 800})
    box = finder.locator("#campaign-finder-q")
    box.press_sequentially("dong co")
    first = finder.locator("[data-finder-group] li:visible").first.bounding_box()
    field = box.bounding_box()
    assert first is not None and field is not None
    header = finder.locator("header").first.bounding_box()
    assert header is not None and field["y"] >= header["y"] + header["height"]  # not under the fixed header
    assert first["y"] > field["y"]
    assert first["y"] - (field["y"] + field["height"]) < 150  # the status line and the district between
    assert first["y"] + first["height"] <= 800 * 0.5


def test_a_link_from_the_leaflet_or_home_can_carry_the_name(browser: Browser, kit_site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(kit_site_url + FINDER + "?q=rach+tre")
    rows = visible_rows(page)
    assert ("xã Rạch Tre A", "Xã Rạch Tre") in rows
    assert len(rows) == 5 and all(unit == "Xã Rạch Tre" for _, unit in rows)
    context.close()


def test_finder_in_every_language(browser: Browser, kit_site_url: str) -> None:
    """Names stay Vietnamese; the kinds of unit are the language's ("Hòn Mây Special zone")."""
    context = browser.new_context()
    page = context.new_page()
    for language in CAMPAIGN.languages:
        words = CAMPAIGN.strings[language.code].map
        unit = words.unit_name.format(kind=words.unit_kinds["dac-khu"], name="Hòn Mây")
        root = "" if language.code == CAMPAIGN.default_language else f"{language.code}/"
        page.goto(f"{kit_site_url}{root}{FINDER}")
        page.locator("#campaign-finder-q").press_sequentially("hon may")
        assert [found.replace("\u200b", "") for _, found in visible_rows(page)] == [unit], (
            language.code
        )  # Khmer word breaks
    context.close()


def test_every_where_to_ask_section_links_to_the_finder(kit_site: Path) -> None:
    """In every language, every "Hỏi ở đâu?" section of a built page holds the finder's link (a unit's
    own page, under the finder, is the finder's answer), also a page not translated yet, shown on another
    language's site with its own heading."""
    campaign = CAMPAIGN
    headings = {html.escape(campaign.strings[code].policy_sections[3], quote=False) for code in campaign.strings}
    where = re.compile(rf"<h2[^>]*>({'|'.join(map(re.escape, headings))})</h2>(.*?)(?=<h2|</article>)", re.S)
    sections = 0
    for path in kit_site.rglob("index.html"):
        if FINDER in path.relative_to(kit_site).as_posix():
            continue
        text = path.read_text(encoding="utf-8").replace("\u200b", "")  # Khmer word breaks
        for match in where.finditer(text):
            sections += 1
            assert re.search(rf'href="[^"]*{FINDER}"', match[2]), (path, match[2][:300])
    policies = len(kit_project().content.items("policy"))
    # Every policy in every language, and the reference home page (other homes may word their heading apart).
    assert policies and sections >= policies * len(campaign.languages) + 1


def test_the_finder_in_the_first_three_of_the_menu_and_the_change_early_on_the_home_page(
    browser: Browser, kit_site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.goto(kit_site_url)
    entries = page.evaluate(
        """() => [...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item')]
        .map(item => item.querySelector('a, label').getAttribute('href') || '')"""
    )
    assert any(entry.endswith(FINDER) for entry in entries[:3]), entries[:4]
    note = page.locator(".campaign-dated").first.bounding_box()
    assert note is not None and note["y"] + note["height"] <= 2 * 800  # within the first two screens
    context.close()


def test_the_examples_given_are_the_campaigns_own_and_find_a_place(finder: Page) -> None:
    """The words' examples come from the map (its first unit of 2024, a town): each, typed, finds it."""
    box = finder.locator("#campaign-finder-q")
    assert box.get_attribute("placeholder").endswith("Sen Hồng")
    intro = finder.locator("article p").first.text_content()
    assert "“sen hong”" in intro and "“thị trấn Bến Lúa”" in intro
    for typed, found in (
        ("sen hong", ("phường Sen Hồng", "Phường Cồn Sen")),
        ("thị trấn Bến Lúa", ("thị trấn Bến Lúa", "Xã Bến Lúa")),
    ):
        box.fill(typed)
        assert found in visible_rows(finder)
