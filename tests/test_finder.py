"""The "Hỏi ở đâu?" finder in headless Chromium: a reader types the name of 2024 they know.

Served from the session's built site (tests/conftest.py); the local server and
the browser are those of tests/test_browser.py.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from campaign_kit.project import Project

FINDER = "hoi-o-dau/"

# (what the reader types, the 2024 name that must show, today's unit it leads to)
TYPED = [
    ("dinh hoa", "xã Định Hòa", "Xã Định Hòa"),
    ("Thi tran Go Quao", "thị trấn Gò Quao", "Xã Gò Quao"),
    ("vinh thanh van", "phường Vĩnh Thanh Vân", "Phường Rạch Giá"),
    ("U Minh Thuong", "xã An Minh Bắc", "Xã U Minh Thượng"),
    ("U Minh Thuong", "xã Thạnh Yên", "Xã Vĩnh Hòa"),
    ("my lam", "xã Mỹ Lâm", "Phường Vĩnh Thông"),
    ("Mỹ Lâm", "xã Mỹ Lâm", "Phường Vĩnh Thông"),
    ("duong hoa", "xã Dương Hòa", "Phường Tô Châu"),
    ("DƯƠNG HÒA", "xã Dương Hòa", "Phường Tô Châu"),
    ("phi thong", "xã Phi Thông", "Phường Vĩnh Thông"),
    ("thuan yen", "xã Thuận Yên", "Phường Tô Châu"),
    ("THI TRAN THU BA", "thị trấn Thứ Ba", "Xã An Biên"),
    ("thứ mười một", "thị trấn Thứ Mười Một", "Xã An Minh"),
    ("minh luong", "thị trấn Minh Lương", "Xã Châu Thành"),
    ("soc son", "thị trấn Sóc Sơn", "Xã Mỹ Thuận"),
    ("duong dong", "phường Dương Đông", "Đặc khu Phú Quốc"),
    ("an thoi", "phường An Thới", "Đặc khu Phú Quốc"),
    ("tho chau", "xã Thổ Châu", "Đặc khu Thổ Châu"),
    ("nam du", "xã Nam Du", "Đặc khu Kiên Hải"),
    ("thi tran vinh thuan", "thị trấn Vĩnh Thuận", "Xã Vĩnh Phong"),
    ("xa vinh thuan", "xã Vĩnh Thuận", "Xã Vĩnh Thuận"),
    ("ban tan dinh", "xã Bàn Tân Định", "Xã Giồng Riềng"),
    ("tien hai", "xã Tiên Hải", "Xã Tiên Hải"),
    ("đông hồ", "phường Đông Hồ", "Phường Hà Tiên"),
    ("dong ho", "phường Đông Hồ", "Phường Hà Tiên"),
    ("rach soi", "phường Rạch Sỏi", "Phường Rạch Giá"),
    ("vinh hoa hung bac", "xã Vĩnh Hòa Hưng Bắc", "Xã Vĩnh Hòa Hưng"),
    ("giong rieng", "xã Ngọc Chúc", "Xã Ngọc Chúc"),
    # As people write them: with a kind of unit, its short form, the province, commas (issue 21)
    ("TP Rach Gia", "phường Vĩnh Lạc", "Phường Rạch Giá"),
    ("TT Duong Dong", "phường Dương Đông", "Đặc khu Phú Quốc"),
    ("P. Vinh Thanh", "phường Vĩnh Thanh", "Phường Rạch Giá"),
    ("Rạch Giá, Kiên Giang", "phường Rạch Sỏi", "Phường Rạch Giá"),
    ("xa my lam hon dat", "xã Mỹ Lâm", "Phường Vĩnh Thông"),
    ("TX Hà Tiên", "phường Pháo Đài", "Phường Hà Tiên"),
    ("thành phố Phú Quốc", "xã Hàm Ninh", "Đặc khu Phú Quốc"),
    ("huyện Tân Hiệp, tỉnh Kiên Giang", "xã Thạnh Đông B", "Xã Tân Hiệp"),
    ("X. Định Hòa", "xã Định Hòa", "Xã Định Hòa"),
    ("TT. Hòn Đất", "thị trấn Hòn Đất", "Xã Hòn Đất"),
    ("Giuc Tuong, Chau Thanh", "xã Giục Tượng", "Xã Châu Thành"),
    ("vinh thanh van TP rach gia", "phường Vĩnh Thanh Vân", "Phường Rạch Giá"),
    ("Hon Dat, An Giang", "xã Thổ Sơn", "Xã Hòn Đất"),
    ("Hòa Chánh, U Minh Thượng", "xã Hòa Chánh", "Xã Vĩnh Hòa"),
    ("kien luong", "thị trấn Kiên Lương", "Xã Kiên Lương"),
    ("Duong To", "xã Dương Tơ", "Đặc khu Phú Quốc"),
    ("tay yen a", "xã Tây Yên A", "Xã Tây Yên"),
    ("vinh phuoc b", "xã Vĩnh Phước B", "Xã Gò Quao"),
    # One or two wrong letters in a name of five letters or more
    ("giong reng", "xã Bàn Tân Định", "Xã Giồng Riềng"),
    ("rach gja", "phường Vĩnh Quang", "Phường Rạch Giá"),
    ("Go Quau", "thị trấn Gò Quao", "Xã Gò Quao"),
    ("lin huynh", "xã Lình Huỳnh", "Xã Hòn Đất"),
    ("tho chao", "xã Thổ Châu", "Đặc khu Thổ Châu"),
]

VISIBLE_ROWS_JS = """() => [...document.querySelectorAll('[data-finder-group] li')]
  .filter(row => row.offsetParent !== null)
  .map(row => [row.querySelector('.campaign-finder__old').textContent, row.querySelector('a').textContent])"""


@pytest.fixture
def finder(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + FINDER)
    try:
        yield page
    finally:
        context.close()


def visible_rows(page: Page) -> list[tuple[str, str]]:
    return [tuple(row) for row in page.evaluate(VISIBLE_ROWS_JS)]


def test_without_javascript_the_finder_is_the_whole_listing(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + FINDER)
    rows = visible_rows(page)
    assert len(rows) == 143
    assert ("xã Mỹ Lâm", "Phường Vĩnh Thông") in rows
    assert not page.locator("#campaign-finder-q").is_visible()
    context.close()


@pytest.mark.parametrize(("typed", "old", "unit"), TYPED, ids=[f"{t}->{u}" for t, _, u in TYPED])
def test_typing_a_2024_name_leads_to_todays_unit(finder: Page, typed: str, old: str, unit: str) -> None:
    finder.locator("#campaign-finder-q").press_sequentially(typed)
    rows = visible_rows(finder)
    assert (old, unit) in rows
    assert 0 < len(rows) < 143
    assert str(len(rows)) in finder.locator("[data-finder-status]").text_content()


def test_input_events_decomposed_text_and_clearing(finder: Page) -> None:
    box = finder.locator("#campaign-finder-q")
    box.fill(unicodedata.normalize("NFD", "Định Hòa"))  # one input event, no key events, NFD as some keyboards send
    assert ("xã Định Hòa", "Xã Định Hòa") in visible_rows(finder)
    assert len(visible_rows(finder)) < 10
    box.fill("khong co ten nay")
    assert len(visible_rows(finder)) == 143  # the whole list, as the message says
    said = finder.locator("[data-finder-status]").text_content()
    assert said.startswith("Không thấy tên “khong co ten nay”") and "cả danh sách dưới đây" in said
    box.fill("")
    assert len(visible_rows(finder)) == 143


@pytest.mark.parametrize("typed", ["rach gxx", "dinh hxx", "abc"])
def test_too_many_wrong_letters_find_nothing(finder: Page, typed: str) -> None:
    """One wrong letter under eight letters, two from eight on, none under five: more is no match."""
    finder.locator("#campaign-finder-q").fill(typed)
    assert finder.locator("[data-finder-status]").text_content().startswith("Không thấy tên")


def test_results_come_into_view_above_the_keyboard(finder: Page) -> None:
    """At 360×800 the first result sits just under the box, in the upper part a keyboard leaves."""
    finder.set_viewport_size({"width": 360, "height": 800})
    box = finder.locator("#campaign-finder-q")
    box.press_sequentially("my lam")
    first = finder.locator("[data-finder-group] li:visible").first.bounding_box()
    field = box.bounding_box()
    assert first is not None and field is not None
    header = finder.locator("header").first.bounding_box()
    assert header is not None and field["y"] >= header["y"] + header["height"]  # not under the fixed header
    assert first["y"] > field["y"]
    assert first["y"] - (field["y"] + field["height"]) < 150  # the status line and the district between
    assert first["y"] + first["height"] <= 800 * 0.5


def test_a_link_from_the_leaflet_or_home_can_carry_the_name(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + FINDER + "?q=go+quao")
    rows = visible_rows(page)
    assert ("thị trấn Gò Quao", "Xã Gò Quao") in rows
    assert all(unit in ("Xã Gò Quao", "Xã Định Hòa", "Xã Vĩnh Hòa Hưng", "Xã Vĩnh Tuy") for _, unit in rows)
    context.close()


@pytest.mark.parametrize(("language", "unit"), [("en", "Định Hòa Commune"), ("km", "ឃុំ Định Hòa")])
def test_finder_in_other_languages(browser: Browser, site_url: str, language: str, unit: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}{language}/{FINDER}")
    page.locator("#campaign-finder-q").press_sequentially("dinh hoa")
    assert unit in [found for _, found in visible_rows(page)]
    context.close()


def test_every_where_to_ask_section_links_to_the_finder(built_site: Path, loaded: Project) -> None:
    """In every language, every "Hỏi ở đâu?" section of a built page holds the finder's link (a unit's
    own page, under the finder, is the finder's answer)."""
    campaign = loaded.content.campaign
    sections = 0
    for language in campaign.languages:
        heading = html.escape(campaign.strings[language.code].policy_sections[3], quote=False)
        root = built_site if language.code == campaign.default_language else built_site / language.code
        for path in root.rglob("index.html"):
            if FINDER in path.relative_to(root).as_posix():
                continue
            text = path.read_text(encoding="utf-8").replace("\u200b", "")  # Khmer word breaks
            for match in re.finditer(rf"<h2[^>]*>{re.escape(heading)}</h2>(.*?)(?=<h2|</article>)", text, re.S):
                sections += 1
                assert re.search(rf'href="[^"]*{FINDER}"', match[1]), (path, match[1][:300])
    assert sections > 10 * len(campaign.languages)  # the home page and the policies, in each language


def test_the_finder_in_the_first_three_of_the_menu_and_the_change_early_on_the_home_page(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url)
    entries = page.evaluate(
        """() => [...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item')]
        .map(item => item.querySelector('a, label').getAttribute('href') || '')"""
    )
    assert any(entry.endswith(FINDER) for entry in entries[:3]), entries[:4]
    note = page.locator(".campaign-dated").first.bounding_box()
    assert note is not None and note["y"] + note["height"] <= 2 * 800  # within the first two screens
    context.close()
