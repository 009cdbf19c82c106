"""What the built site tells a reader today, as the kit writes it (on the fixture campaign): policies cite
their acts with number, date and when they were checked, translated policies name the articles in their
language, the translation status page shows the term list, and amounts are read however they are
written. The real content's own rules (no hedges, today's units, figures from one place, translations
covering what a household needs) are checked in tests/content/test_reader_today.py."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from conftest import kit_project
from site_reading import article_text, html_of

from campaign_kit.checks.figures import amounts

PLAN = kit_project().plan
CONTENT = PLAN.content
CAMPAIGN = CONTENT.campaign
CODES = [language.code for language in CAMPAIGN.languages]
POLICIES = [page.src_uri for page in CONTENT.items("policy")]
DATE = r"\d{2}/\d{2}/\d{4}"


def test_every_policy_page_cites_its_acts_with_number_and_date_and_when_it_was_checked(kit_site: Path) -> None:
    groups = {group.key for group in CAMPAIGN.policy_groups[CAMPAIGN.default_language]}
    assert {CONTENT.reference(src_uri).meta.group for src_uri in POLICIES} == groups  # a policy of every group
    for src_uri in POLICIES:
        html = html_of(kit_site, PLAN, src_uri, CAMPAIGN.default_language)
        legal = re.search(r'<ul class="campaign-legal">(.*?)</ul>', html, re.S)
        assert legal, src_uri
        items = re.findall(r"<li>(.*?)</li>", legal[1], re.S)
        assert len(items) == len(CONTENT.reference(src_uri).meta.legal_basis), src_uri
        for item in items:
            assert re.search(r"số \S+/\S+", item) and re.search(rf"ngày {DATE}", item), (src_uri, item)
        assert re.search(rf"Cập nhật theo văn bản pháp luật ngày {DATE}", article_text(html)), src_uri


def test_translated_policies_name_the_articles_in_their_language(kit_site: Path) -> None:
    checked = 0
    for src_uri in POLICIES:
        for language in CODES[1:]:
            page = CONTENT.page(src_uri, language)
            if page is None:
                continue
            legal = re.search(
                r'<ul class="campaign-legal">(.*?)</ul>', html_of(kit_site, PLAN, src_uri, language), re.S
            )
            assert legal, (language, src_uri)
            for ref in page.meta.legal_basis:
                if ref.articles:
                    assert f"({ref.articles})" in unescape(legal[1]), (language, src_uri, ref.articles)
                    checked += 1
    assert checked, "some translated policy cites articles"


def test_the_amount_check_reads_the_ways_amounts_are_written() -> None:
    written = "vay 100 triệu đồng, 1.500.000 đồng, VND 1.5 million, 2,500,000 dong, 100 លានដុង, 1,5 triệu"
    assert amounts(written) == [100_000_000, 1_500_000, 1_500_000, 2_500_000, 100_000_000, 1_500_000]
    assert amounts("1,28% hộ nghèo, năm 2025, 6,6%/năm, 15 km, 3.618 căn nhà, 12.690 tỷ") == [12_690_000_000_000]


def test_the_translation_status_page_shows_the_term_list_in_every_language(kit_site: Path) -> None:
    for language in CODES:
        text = article_text(html_of(kit_site, PLAN, "ban-dich.md", language))
        for term in CAMPAIGN.glossary:
            assert term.vi in text and all(word in text for word in term.say.values()), (language, term.vi)
