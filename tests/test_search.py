"""Search as readers type it, in headless Chromium on the fixture campaign's built site (Pagefind, see
campaign_kit.search_index): without tone marks or with some, đ typed as d, capitals, decomposed
(NFD) input as Unikey's "Unicode tổ hợp" sends it, pasted or dictated text that fires no key
events, several words, a term's everyday words; and Khmer typed without spaces. (The search's budget on
a whole campaign's index is measured on the real site: tests/content/test_search_budget.py.)

Each case names the page that must be among the first five results and, when the query has
diacritics, the page that must come first.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import kit_project
from playwright.sync_api import Browser, Page

from campaign_kit.model.sections import SEARCH_BUNDLE, search_data
from campaign_kit.search_index import for_index
from campaign_kit.segmentation import UNSPACED


@dataclass(frozen=True)
class Case:
    query: str
    expected: str  # URL path of the page that must be in the first five
    first: bool = False  # ...and must come first
    how: str = "fill"  # fill: one input event, as paste or dictation; type: key by key; change: no input event
    item: bool = False  # a page of a growing section: listed once its fragment is loaded, when the keys pause


VIETNAMESE = [  # the fixture campaign's pages (tests/fixtures/campaign-mau)
    Case("ho ngheo", "/hoi-dap/ho-ngheo-la-gi/"),
    Case("ho ngheo la gi", "/hoi-dap/ho-ngheo-la-gi/", first=True),
    Case("bao hiem y te", "/chinh-sach/bao-hiem-y-te/"),
    Case("the bao hiem y te", "/hoi-dap/ho-ngheo-co-duoc-cap-the-bao-hiem-y-te-khong/"),
    Case("vay von", "/chinh-sach/vay-von-uu-dai/"),
    Case("ho can ngheo", "/hoi-dap/ho-can-ngheo-khac-ho-ngheo-the-nao/", first=True),  # the answer to "what is it?"
    Case("giay chung nhan", "/hoi-dap/giay-chung-nhan-ho-ngheo-la-gi/"),
    Case("chuan ngheo", "/chinh-sach/xac-dinh-ho-ngheo/"),
    Case("ra soat", "/van-ban/quyet-dinh-24-2021-qd-ttg/"),
    Case("hoc nghe", "/van-ban/quyet-dinh-46-2015-qd-ttg/"),
    Case("tien dien", "/van-ban/quyet-dinh-28-2014-qd-ttg/"),  # đ typed as d
    Case("dien", "/van-ban/quyet-dinh-28-2014-qd-ttg/"),
    Case("hộ ngheo", "/hoi-dap/ho-ngheo-la-gi/"),  # some tone marks
    Case("bảo hiem y tế", "/chinh-sach/bao-hiem-y-te/"),
    Case("BAO HIEM Y TE", "/chinh-sach/bao-hiem-y-te/"),
    Case("Hoc Nghe", "/van-ban/quyet-dinh-46-2015-qd-ttg/"),
    Case("bảo hiểm y tế", "/chinh-sach/bao-hiem-y-te/"),
    Case("học nghề", "/van-ban/quyet-dinh-46-2015-qd-ttg/", first=True),
    Case("tiền điện", "/van-ban/quyet-dinh-28-2014-qd-ttg/", first=True),
    Case("vay vốn", "/hoi-dap/vay-von-o-dau/", first=True),  # the title that is just the words typed
    Case(unicodedata.normalize("NFD", "bảo hiểm y tế"), "/chinh-sach/bao-hiem-y-te/"),
    Case(unicodedata.normalize("NFD", "vay vốn"), "/hoi-dap/vay-von-o-dau/", first=True),
    Case(unicodedata.normalize("NFD", "học nghề"), "/van-ban/quyet-dinh-46-2015-qd-ttg/", first=True),
    Case("thẻ bảo hiểm y tế", "/hoi-dap/ho-ngheo-co-duoc-cap-the-bao-hiem-y-te-khong/", first=True),
    Case("hộ nghèo là gì", "/hoi-dap/ho-ngheo-la-gi/", first=True),  # a phrase: the title that opens with it
    Case("vay vốn ngân hàng chính sách", "/chinh-sach/vay-von-uu-dai/"),
    # Everyday words for the campaign's terms (campaign/glossary.yml, everyday): words the page does not use
    Case("xuat khau lao dong", "/tin-tuc/tu-van-di-lam-viec-o-nuoc-ngoai-ben-lua/", item=True),
    Case("xuất khẩu lao động", "/tin-tuc/tu-van-di-lam-viec-o-nuoc-ngoai-ben-lua/", item=True),
    Case("XKLĐ", "/tin-tuc/tu-van-di-lam-viec-o-nuoc-ngoai-ben-lua/", item=True),
    Case("nuoc sach", "/chinh-sach/xac-dinh-ho-ngheo/"),
    Case("hoc nghe", "/van-ban/quyet-dinh-46-2015-qd-ttg/", how="type"),
    Case("bảo hiểm y tế", "/chinh-sach/bao-hiem-y-te/", how="change"),
]
KHMER = [  # typed as a Khmer keyboard does: no spaces between words
    Case("ធានារ៉ាប់រងសុខភាព", "/km/chinh-sach/bao-hiem-y-te/", first=True),  # health insurance
    Case("ប័ណ្ណធានារ៉ាប់រងសុខភាព", "/km/hoi-dap/ho-ngheo-co-duoc-cap-the-bao-hiem-y-te-khong/"),  # health insurance card
    Case("ខ្ចីប្រាក់", "/km/chinh-sach/vay-von-uu-dai/", first=True),  # borrow money
    Case("ធនាគារគោលនយោបាយសង្គម", "/km/chinh-sach/vay-von-uu-dai/"),  # the Bank for Social Policies
    Case("គ្រួសារក្រីក្រជាអ្វី", "/km/hoi-dap/ho-ngheo-la-gi/", first=True),  # what is a poor household
    Case("គ្រួសារជិតក្រីក្រ", "/km/hoi-dap/ho-can-ngheo-khac-ho-ngheo-the-nao/"),  # near-poor household
    Case("លិខិតបញ្ជាក់", "/km/hoi-dap/giay-chung-nhan-ho-ngheo-la-gi/", first=True),  # certificate
    Case("ស្តង់ដារភាពក្រីក្រ", "/km/chinh-sach/xac-dinh-ho-ngheo/"),  # poverty standard
    Case("ការត្រួតពិនិត្យប្រចាំឆ្នាំ", "/km/chinh-sach/xac-dinh-ho-ngheo/", first=True),  # the yearly review
]


@pytest.fixture(scope="module")
def search_pages(browser: Browser, kit_site_url: str) -> Iterator[dict[str, Page]]:
    """One search page per language, kept open: the index is loaded once, as for a reader."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    pages = {}
    for prefix in ("", "km/"):
        page = context.new_page()
        page.goto(f"{kit_site_url}{prefix}tim-kiem/")
        pages[prefix] = page
    yield pages
    context.close()


def results(page: Page, case: Case) -> list[str]:
    field = page.locator("#campaign-search-input")
    field.fill("")
    if case.how == "type":
        field.press_sequentially(case.query)
    elif case.how == "change":
        page.evaluate(
            """(q) => { const f = document.querySelector('#campaign-search-input');
                        f.value = q; f.dispatchEvent(new Event('change')); }""",
            case.query,
        )
    else:
        field.fill(case.query)
    page.wait_for_function(
        """(q) => document.querySelector('#campaign-search-input').value === q
                  && document.querySelector('.campaign-search__status').dataset.query === q""",
        arg=case.query,
        timeout=15_000,
    )
    if case.item:  # the second listing, with the first excerpts and the growing sections' pages
        page.wait_for_selector(".campaign-search__results li p", timeout=15_000)
    return page.eval_on_selector_all(".campaign-search__results a", "links => links.map(a => new URL(a.href).pathname)")


@pytest.mark.parametrize("case", VIETNAMESE, ids=[f"{c.query}-{c.how}" for c in VIETNAMESE])
def test_vietnamese_search(search_pages: dict[str, Page], case: Case) -> None:
    found = results(search_pages[""], case)
    assert case.expected in found[:5], (case.query, found[:5])
    if case.first:
        assert found[0] == case.expected, (case.query, found[:5])


@pytest.mark.parametrize("case", KHMER, ids=[c.expected.split("/")[-2] for c in KHMER])
def test_khmer_search_typed_without_spaces(search_pages: dict[str, Page], case: Case) -> None:
    found = results(search_pages["km/"], case)
    assert all(path.startswith("/km/") for path in found), found  # each language searches its own pages
    assert case.expected in found[:5], (case.query, found[:5])
    if case.first:
        assert found[0] == case.expected, (case.query, found[:5])


def test_the_index_is_downloaded_only_when_the_reader_searches(browser: Browser, kit_site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{kit_site_url}chinh-sach/")
    page.goto(f"{kit_site_url}tim-kiem/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url or "search_index" in url], requested
    page.locator("#campaign-search-input").fill("ho ngheo")
    page.wait_for_selector(".campaign-search__results a")
    assert any("/pagefind/" in url for url in requested)
    context.close()


def test_a_query_in_the_address_is_searched(browser: Browser, kit_site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{kit_site_url}tim-kiem/?q=hoc%20nghe")
    page.wait_for_selector(".campaign-search__results a")
    assert "/van-ban/quyet-dinh-46-2015-qd-ttg/" in page.eval_on_selector_all(
        ".campaign-search__results a", "links => links.map(a => new URL(a.href).pathname)"
    )
    page.close()


@pytest.mark.parametrize("prefix", ["", "km/"])
def test_the_search_page_fits_a_phone(search_pages: dict[str, Page], prefix: str) -> None:
    page = search_pages[prefix]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    button = page.locator(".campaign-search button").bounding_box()
    assert button is not None and button["x"] + button["width"] <= 360


def test_khmer_result_titles_are_the_page_titles(search_pages: dict[str, Page], kit_site: Path) -> None:
    """Titles as the pages write them: no space put between words, no word split (the index's spaced
    copy stays in the index)."""
    found = results(search_pages["km/"], Case("ធានារ៉ាប់រងសុខភាព", ""))
    links = search_pages["km/"].eval_on_selector_all(
        ".campaign-search__results a", "links => links.map(a => a.textContent)"
    )
    assert found and len(links) == len(found)
    for path, shown in zip(found[:5], links[:5], strict=True):
        built = (kit_site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", built, re.DOTALL)
        assert h1 is not None
        assert shown == html.unescape(re.sub(r"<[^>]+>", "", h1[1])).replace("\u200b", ""), path


def test_the_notes_every_page_carries_are_not_indexed(kit_site: Path) -> None:
    """The "not reviewed" note (on every unreviewed translation), example and dated notes stay out of the
    index: they would match a query on every page and fill its excerpts."""
    page = (kit_site / "km" / "chinh-sach" / "bao-hiem-y-te" / "index.html").read_text(encoding="utf-8")
    assert 'class="campaign-unreviewed"' in page
    indexed = for_index(page)
    assert 'class="campaign-unreviewed"' not in indexed and "\u200b" not in indexed
    assert indexed.count("<h1") == 1 and 'data-pagefind-meta="written:' in indexed
    home = (kit_site / "index.html").read_text(encoding="utf-8")
    assert 'class="campaign-dated"' in home and 'class="campaign-dated"' not in for_index(home)


def test_the_search_data_holds_the_titles_of_all_but_the_growing_sections(kit_site: Path) -> None:
    """One file per language (search.js ranks and lists results by it without a request per result):
    every page id is one of Pagefind's, a policy is there by its URL and title as written, a story is
    not (its number grows), and the word list only for a language written without spaces."""
    project = kit_project()
    plan = project.plan
    story = next(page.src_uri for page in project.content.items("story"))
    for code, site in plan.sites.items():
        data = json.loads((kit_site / search_data(code)).read_text(encoding="utf-8"))
        by_url = {url: written for url, _title, written in data["titles"].values()}
        assert all((kit_site / SEARCH_BUNDLE / "fragment" / f"{page}.pf_fragment").is_file() for page in data["titles"])
        policy = "chinh-sach/bao-hiem-y-te.md"
        assert by_url["/" + plan.path(policy, code)] == plan.title(policy, code).replace("\u200b", "")
        if plan.has_page(story, code):
            assert "/" + plan.path(story, code) not in by_url
        assert bool(data.get("words")) == bool(set(site.language.scripts) & UNSPACED.keys()), code
