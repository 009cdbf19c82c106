"""The real campaign's content as a reader gets it today (generic rules, no page or place of the campaign
named): no hedges where the facts are settled, no abolished unit as a place to go, every amount on a
policy or FAQ page from campaign/figures.yml, and translations covering what a household needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import loaded_project
from site_reading import article_text, html_of

from campaign_kit.checks.figures import amounts, money_figures
from campaign_kit.model.translations import PLAN_PAGE, translation_states

PLAN = loaded_project().plan
CONTENT = PLAN.content
CAMPAIGN = CONTENT.campaign
CODES = [language.code for language in CAMPAIGN.languages]
POLICIES = [page.src_uri for page in CONTENT.items("policy")]
FAQ = [page.src_uri for page in CONTENT.items("faq")]
ABOUT = "gioi-thieu.md"  # the campaign's own page: it tells of the plan of its year and its agencies then
# Pages that tell a reader what to do today (stories, news and the plan keep the names of their year).
PRESENT_TENSE = [*POLICIES, *FAQ, "index.md", ABOUT, "hoi-dap/index.md"]

HEDGES = ("chưa đối chiếu", "theo báo chí", "not yet checked against", "មិនទាន់ផ្ទៀងផ្ទាត់")
# The kinds of unit of 2024 as one list, in each language: on a page of today, where to go, it would name units
# the reform of 2025 abolished (no township); and the department merged away.
ABOLISHED_PLACES = ("xã, phường, thị trấn", "commune, ward or township", "ឃុំ សង្កាត់ ឬទីប្រជុំជន")
MERGED_AGENCY = "Sở Lao động - Thương binh và Xã hội"


@pytest.mark.parametrize("language", CODES)
def test_no_page_hedges_where_the_facts_are_settled(built_site: Path, language: str) -> None:
    for src_uri in CONTENT.pages:
        text = article_text(html_of(built_site, PLAN, src_uri, language)).lower()
        assert not [hedge for hedge in HEDGES if hedge in text], (language, src_uri)


@pytest.mark.parametrize("language", CODES)
def test_no_abolished_unit_is_a_place_to_go_today(built_site: Path, language: str) -> None:
    for src_uri in PRESENT_TENSE:
        text = article_text(html_of(built_site, PLAN, src_uri, language))
        assert not [place for place in ABOLISHED_PLACES if place in text], (language, src_uri)
        assert MERGED_AGENCY not in text or src_uri == ABOUT, src_uri


@pytest.mark.parametrize("language", CODES)
def test_every_amount_on_policy_and_faq_pages_comes_from_figures(built_site: Path, language: str) -> None:
    known = money_figures(CAMPAIGN.figures)
    for src_uri in [*POLICIES, *FAQ, "index.md"]:
        text = article_text(html_of(built_site, PLAN, src_uri, language))
        stray = [amount for amount in amounts(text) if amount not in known]
        assert not stray, (language, src_uri, stray)


# What each language must translate: Khmer what a household needs; English all but the item collections.
ITEM_KINDS = ("story", "commendation", "news")
REQUIRED = {
    "km": {*POLICIES, "index.md", ABOUT, PLAN_PAGE},
    "en": {
        src_uri
        for src_uri in [*CONTENT.pages, PLAN_PAGE]
        if src_uri == PLAN_PAGE or CONTENT.reference(src_uri).content_type not in ITEM_KINDS
    },
}


@pytest.mark.parametrize("language", sorted(set(REQUIRED) & set(CODES)))
def test_translation_coverage(language: str) -> None:
    states = {state.src_uri: state.state for state in translation_states(CONTENT)[language]}
    missing = sorted(src_uri for src_uri in REQUIRED[language] if states[src_uri] in ("missing", "stale"))
    assert not missing, f"{language}: {len(missing)} pages not translated or stale: {missing}"


# Sentences that send a reader to a town or to a district office, on any page but those of history (any language:
# the Vietnamese names are kept). The kinds of unit of 2024 as a list may be named there, as history (the map
# pages list the units of 2024); as a committee to go to, they may not.
TO_ABOLISHED = re.compile(
    rf"(UBND|Ủy ban nhân dân)( \(UBND\))? {ABOLISHED_PLACES[0]}|thị trấn nơi|(hỏi|đến|liên hệ|nộp|gặp|gửi)\b[^.!?]{{0,80}}"
    r"(UBND|Ủy ban nhân dân|Phòng [^.!?]{0,60}) (các )?(huyện|thị trấn)|Hỏi ở huyện|township|Liên hệ: Huyện",
    re.IGNORECASE,
)
HISTORY = ("ke-hoach/", "van-ban/")  # the 2024 plan and the legal texts speak of their own time


def test_no_built_page_sends_a_reader_to_a_town_or_a_district_office(built_site: Path) -> None:
    offending = []
    for path in sorted(built_site.rglob("index.html")):
        relative = path.relative_to(built_site).as_posix()
        if any(part in relative for part in HISTORY) or relative.startswith(("in/", "assets/")):
            continue
        page = path.read_text(encoding="utf-8")
        if "<article" in page:
            offending += [f"{relative}: …{m.group(0)}…" for m in TO_ABOLISHED.finditer(article_text(page))]
    assert offending == []
