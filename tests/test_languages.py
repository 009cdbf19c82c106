"""Every language of campaign/languages.yml: its own tree, lang, alternates, switcher, search and fallbacks."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_fixture, kit_project

from campaign_kit.model.sections import ADMIN_FOLDER, page_url
from campaign_kit.model.translations import translation_states
from campaign_kit.project import load
from campaign_kit.segmentation import ZWSP, mark_word_breaks
from campaign_kit.siteplan.short_links import PREFIX as SHORT_PREFIX

CAMPAIGN = kit_project().content.campaign
CONTENT = kit_project().content
CODES = [language.code for language in CAMPAIGN.languages]
BASE = CAMPAIGN.site.base_path


def root_of(site: Path, code: str) -> Path:
    return site if code == CAMPAIGN.default_language else site / code


def pages_of(site: Path, code: str) -> list[Path]:
    root = root_of(site, code)
    # short links: redirects, not pages; the admin page: for editors, out of the sitemap (test_cms.py)
    others = set(CODES) - {code} | {SHORT_PREFIX.strip("/"), ADMIN_FOLDER}
    return [page for page in root.rglob("index.html") if page.relative_to(root).parts[0] not in others]


@pytest.mark.parametrize("code", CODES)
def test_every_page_has_its_lang_and_a_switcher_to_the_same_page(kit_site: Path, code: str) -> None:
    root = root_of(kit_site, code)
    for page in pages_of(kit_site, code):
        html = page.read_text(encoding="utf-8")
        url = page.parent.relative_to(root).as_posix()
        url = "" if url == "." else url + "/"
        assert f'<html lang="{code}"' in html[:400], page
        # No <link rel="alternate">: Material's script would fetch a sitemap.xml for each one.
        assert 'rel="alternate"' not in html, page
        for other in CODES:
            prefix = "" if other == CAMPAIGN.default_language else f"{other}/"
            target = f"{BASE}{prefix}{url}"
            assert f'href="{target}" hreflang="{other}"' in html, (page, other)  # the language switcher
            assert (root_of(kit_site, other) / url / "index.html").exists(), (page, other)


@pytest.mark.parametrize("code", CODES)
def test_sitemap_gives_every_page_its_alternates_as_absolute_urls(kit_site: Path, code: str) -> None:
    sitemap = (root_of(kit_site, code) / "sitemap.xml").read_text(encoding="utf-8")
    site_url = str(CAMPAIGN.site.site_url).rstrip("/")
    entries = re.findall(r"<url><loc>([^<]+)</loc>(.*?)</url>", sitemap)
    assert len(entries) == len(pages_of(kit_site, code))  # 404.html is not an index.html
    for loc, alternates in entries:
        links = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', alternates))
        assert set(links) == set(CODES), loc
        assert all(url.startswith(site_url + "/") for url in links.values()), loc
        assert links[code] == loc


@pytest.mark.parametrize("code", CODES[1:])
def test_untranslated_pages_fall_back_with_a_notice_in_the_readers_language(kit_site: Path, code: str) -> None:
    strings = CAMPAIGN.strings[code]
    untranslated = [uri for uri in CONTENT.pages if CONTENT.page(uri, code) is None]
    assert untranslated
    for uri in untranslated[:10]:
        html = (root_of(kit_site, code) / page_url(uri) / "index.html").read_text(encoding="utf-8")
        assert strings.fallback_title in html.replace(ZWSP, "")
        assert re.search(rf'<div[^>]* lang="{CAMPAIGN.default_language}">', html)
        assert f'href="{BASE}{page_url(uri)}" hreflang="{CAMPAIGN.default_language}"' in html


def test_each_language_has_its_own_search_index(kit_site: Path) -> None:
    entry = json.loads((kit_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(CODES)
    for code in CODES:
        assert entry["languages"][code]["page_count"] > 0


def test_khmer_pages_are_split_into_words_in_what_search_indexes(kit_site: Path) -> None:
    if "km" not in CODES:
        pytest.skip("no Khmer in campaign/languages.yml")
    notice = CAMPAIGN.strings["km"].fallback_title  # on every untranslated page
    assert re.search(r"[\u1780-\u17ff]", notice), "campaign/strings/km.yml is not in Khmer yet"
    segmented = mark_word_breaks(notice, ["khmer"])
    assert ZWSP in segmented
    untranslated = next(uri for uri in CONTENT.pages if CONTENT.page(uri, "km") is None)
    html = (kit_site / "km" / page_url(untranslated) / "index.html").read_text(encoding="utf-8")
    body = html[html.index("data-pagefind-body") :]
    assert segmented in body


def test_status_reports_a_translation_stale_when_its_source_changes(tmp_path: Path) -> None:
    project_copy = copy_fixture(tmp_path / "project")
    content = load(project_copy).content
    translated = next(state for state in translation_states(content)["en"] if state.state in ("unreviewed", "reviewed"))
    source = project_copy / "docs" / translated.src_uri
    if not source.exists():  # the plan: its source is campaign/plan.yml
        source = project_copy / "campaign" / "plan.yml"
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    content = load(project_copy).content
    states = {state.src_uri: state.state for state in translation_states(content)["en"]}
    assert states[translated.src_uri] == "stale"
    result = subprocess.run(
        [sys.executable, "-m", "campaign_kit.check", "--project", str(project_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0  # a stale translation is a warning, not an error
    assert f"bản dịch đã cũ: trang gốc {translated.src_uri}" in result.stdout


def test_status_page_lists_each_language(kit_site: Path) -> None:
    for code in CODES:
        html = (root_of(kit_site, code) / "ban-dich" / "index.html").read_text(encoding="utf-8").replace(ZWSP, "")
        for other in CAMPAIGN.languages[1:]:
            assert other.name in html
        assert CAMPAIGN.strings[code].translation_states["missing"] in html


def test_khmer_pages_name_the_site_and_its_slogan_in_khmer(kit_site: Path) -> None:
    """The header's short name, the home page's slogan and every menu entry in Khmer (strings/km.yml,
    translated pages): no Vietnamese sentence in a Khmer page's frame."""
    home = (kit_site / "km" / "index.html").read_text(encoding="utf-8")
    short = re.search(r'class="md-ellipsis campaign-short-name">([^<]*)<', home)
    assert short is not None and re.search("[\u1780-\u17ff]", short[1])
    slogan = re.search(r'class="campaign-slogan"[^>]*>(.*?)</p>', home, re.DOTALL)
    assert slogan is not None and re.search("[\u1780-\u17ff]", slogan[1]) and CAMPAIGN.slogans[0].text not in slogan[1]
    nav = home[home.index("md-nav--primary") : home.index('class="md-content"')]
    entries = [html.unescape(text).strip() for text in re.findall(r'class="md-ellipsis">\s*([^<]+?)\s*<', nav)]
    assert entries and all(re.search("[\u1780-\u17ff]", entry) for entry in entries), entries
