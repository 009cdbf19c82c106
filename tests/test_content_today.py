"""What the built site tells a reader today: no hedges, today's units, sourced policies, figures from one place,
and translations covering what a household needs."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import loaded_project

from campaign_kit.checks.figures import amounts, money_figures
from campaign_kit.model.sections import page_url
from campaign_kit.model.translations import PLAN_PAGE, translation_states
from campaign_kit.segmentation import ZWSP

CONTENT = loaded_project().content
CAMPAIGN = CONTENT.campaign
CODES = [language.code for language in CAMPAIGN.languages]
POLICIES = [page.src_uri for page in CONTENT.items("policy")]
FAQ = [page.src_uri for page in CONTENT.items("faq")]
# Pages that tell a reader what to do today (stories, news and the 2024 plan keep their 2024 names).
PRESENT_TENSE = [*POLICIES, *FAQ, "index.md", "gioi-thieu.md", "hoi-dap/index.md"]

HEDGES = ("chưa đối chiếu", "theo báo chí", "not yet checked against", "មិនទាន់ផ្ទៀងផ្ទាត់")
ABOLISHED_PLACES = ("xã, phường, thị trấn", "commune, ward or township", "ឃុំ សង្កាត់ ឬទីប្រជុំជន")
DATE = r"\d{2}/\d{2}/\d{4}"


def html_of(site: Path, src_uri: str, language: str) -> str:
    root = site if language == CAMPAIGN.default_language else site / language
    return (root / page_url(src_uri) / "index.html").read_text(encoding="utf-8")


def article_text(html: str) -> str:
    """The page's own words: the article, without navigation, tags, scripts or the Khmer word breaks."""
    article = html[html.index("<article") : html.index("</article>")].replace(ZWSP, "")
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))


@pytest.mark.parametrize("language", CODES)
def test_no_page_hedges_where_the_facts_are_settled(built_site: Path, language: str) -> None:
    for src_uri in CONTENT.pages:
        text = article_text(html_of(built_site, src_uri, language)).lower()
        assert not [hedge for hedge in HEDGES if hedge in text], (language, src_uri)


@pytest.mark.parametrize("language", CODES)
def test_no_abolished_unit_is_a_place_to_go_today(built_site: Path, language: str) -> None:
    for src_uri in PRESENT_TENSE:
        text = article_text(html_of(built_site, src_uri, language))
        assert not [place for place in ABOLISHED_PLACES if place in text], (language, src_uri)
        assert "Sở Lao động - Thương binh và Xã hội" not in text or src_uri == "gioi-thieu.md", src_uri


def test_every_policy_page_cites_its_acts_with_number_and_date_and_when_it_was_checked(built_site: Path) -> None:
    assert {"tin-dung", "dien"} <= {CONTENT.reference(src_uri).meta.group for src_uri in POLICIES}
    for src_uri in POLICIES:
        html = html_of(built_site, src_uri, "vi")
        legal = re.search(r'<ul class="campaign-legal">(.*?)</ul>', html, re.S)
        assert legal, src_uri
        items = re.findall(r"<li>(.*?)</li>", legal[1], re.S)
        assert items, src_uri
        for item in items:
            assert re.search(r"số \S+/\S+", item) and re.search(rf"ngày {DATE}", item), (src_uri, item)
        assert re.search(rf"Cập nhật theo văn bản pháp luật ngày {DATE}", article_text(html)), src_uri


def test_translated_policies_name_the_articles_in_their_language(built_site: Path) -> None:
    checked = 0
    for src_uri in POLICIES:
        for language in CODES[1:]:
            page = CONTENT.page(src_uri, language)
            if page is None:
                continue
            legal = re.search(r'<ul class="campaign-legal">(.*?)</ul>', html_of(built_site, src_uri, language), re.S)
            assert legal, (language, src_uri)
            for ref in page.meta.legal_basis:
                if ref.articles:
                    assert f"({ref.articles})" in unescape(legal[1]), (language, src_uri, ref.articles)
                    checked += 1
    assert checked, "some translated policy cites articles"


@pytest.mark.parametrize("language", CODES)
def test_every_amount_on_policy_and_faq_pages_comes_from_figures(built_site: Path, language: str) -> None:
    known = money_figures(CAMPAIGN.figures)
    for src_uri in [*POLICIES, *FAQ, "index.md"]:
        text = article_text(html_of(built_site, src_uri, language))
        stray = [amount for amount in amounts(text) if amount not in known]
        assert not stray, (language, src_uri, stray)


def test_the_amount_check_reads_the_ways_amounts_are_written() -> None:
    written = "vay 100 triệu đồng, 1.500.000 đồng, VND 1.5 million, 2,500,000 dong, 100 លានដុង, 1,5 triệu"
    assert amounts(written) == [100_000_000, 1_500_000, 1_500_000, 2_500_000, 100_000_000, 1_500_000]
    assert amounts("1,28% hộ nghèo, năm 2025, 6,6%/năm, 15 km, 3.618 căn nhà, 12.690 tỷ") == [12_690_000_000_000]


def test_the_translation_status_page_shows_the_term_list_in_every_language(built_site: Path) -> None:
    for language in CODES:
        text = article_text(html_of(built_site, "ban-dich.md", language))
        for term in CAMPAIGN.glossary:
            assert term.vi in text and all(word in text for word in term.say.values()), (language, term.vi)


# What each language must translate: Khmer what a household needs; English all but the item collections.
ITEM_KINDS = ("story", "commendation", "news")
REQUIRED = {
    "km": {*POLICIES, "index.md", "gioi-thieu.md", PLAN_PAGE},
    "en": {
        src_uri
        for src_uri in [*CONTENT.pages, PLAN_PAGE]
        if src_uri == PLAN_PAGE or CONTENT.reference(src_uri).content_type not in ITEM_KINDS
    },
}


@pytest.mark.parametrize("language", sorted(REQUIRED))
def test_translation_coverage(language: str) -> None:
    states = {state.src_uri: state.state for state in translation_states(CONTENT)[language]}
    missing = sorted(src_uri for src_uri in REQUIRED[language] if states[src_uri] in ("missing", "stale"))
    assert not missing, f"{language}: {len(missing)} pages not translated or stale: {missing}"
