"""The built site, read back as HTML: languages, pages, notices, privacy, formats."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import kit_project
from fontTools.ttLib import TTFont
from site_reading import html_of, placeholders_shown

from campaign_kit.formatting import format_date, format_number
from campaign_kit.model.placeholders import find_placeholders
from campaign_kit.model.sections import ADMIN_FOLDER, legal_uri, page_url
from campaign_kit.site_assets import FONT_DIR, STYLESHEET, web_fonts
from campaign_kit.siteplan.short_links import PREFIX as SHORT_PREFIX
from campaign_kit.webfonts import parse_unicode_ranges

CONTENT = kit_project().content
CAMPAIGN = CONTENT.campaign
PLAN = kit_project().plan
VI = CAMPAIGN.language("vi")
SITE_HOST = urlsplit(str(CAMPAIGN.site.site_url)).hostname


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_every_page_of_the_plan_is_built_in_its_language(kit_site: Path) -> None:
    """Written pages and the ones made from campaign/ data (districts, units, listings), in every language."""
    for site in kit_project().plan.sites.values():
        generated = site.generated & set(site.pages)
        assert generated, site.code
        for src_uri in site.pages:
            assert (kit_site / site.prefix / page_url(src_uri) / "index.html").is_file(), (site.code, src_uri)


@pytest.mark.parametrize("language", [lang.code for lang in CAMPAIGN.languages])
def test_every_page_declares_its_language(kit_site: Path, language: str) -> None:
    root = kit_site if language == "vi" else kit_site / language
    for page in root.rglob("*.html"):
        if language == "vi" and page.relative_to(kit_site).parts[0] in {entry.code for entry in CAMPAIGN.languages}:
            continue
        head = page.read_text(encoding="utf-8")[:300]
        assert f'<html lang="{language}"' in head, page


def test_every_content_page_is_built_in_every_language(kit_site: Path) -> None:
    for src_uri in CONTENT.pages:
        for language in CAMPAIGN.languages:
            assert "<h1" in html_of(kit_site, PLAN, src_uri, language.code), (src_uri, language.code)


def test_navigation_lists_the_sections_not_the_stories(kit_site: Path) -> None:
    home = html_of(kit_site, PLAN, "index.md")
    nav = home[home.index('class="md-nav md-nav--primary"') : home.index('class="md-content"')]
    for section in ("chinh-sach/", "van-ban/", "guong-thoat-ngheo/", "hoi-dap/", "dia-phuong/", "ke-hoach/"):
        assert f'href="{section}"' in nav, section
    for story in CONTENT.items("story"):
        assert page_url(story.src_uri) not in nav


def test_sample_pages_carry_a_visible_notice_and_real_pages_do_not(kit_site: Path) -> None:
    samples = CONTENT.samples()
    assert samples, "the repository ships example stories"
    for page in samples:
        assert CAMPAIGN.strings["vi"].sample_title in text_of(html_of(kit_site, PLAN, page.src_uri)), page.src_uri
    real = [p for kind in ("legal", "policy") for p in CONTENT.items(kind)]
    for page in real:
        assert 'class="campaign-sample"' not in html_of(kit_site, PLAN, page.src_uri)


class ResourceCollector(HTMLParser):
    """URLs a browser would fetch by itself while loading the page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") not in ("canonical", "alternate"):
            self.urls.append(values.get("href") or "")
        for name in ("src", "poster", "data"):
            if values.get(name):
                self.urls.append(values[name] or "")
        if values.get("srcset"):
            self.urls += [part.split()[0] for part in (values["srcset"] or "").split(",") if part.strip()]
        if values.get("style"):
            self.urls += re.findall(r"url\(['\"]?([^'\")]+)", values["style"] or "")


def external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return (bool(parts.netloc) and parts.hostname != SITE_HOST) or url.strip().startswith("//")


def test_no_page_loads_anything_from_another_host(kit_site: Path) -> None:
    offenders = []
    for page in kit_site.rglob("*.html"):
        collector = ResourceCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        offenders += [(page.name, url) for url in collector.urls if external(url)]
    for sheet in kit_site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        offenders += [(sheet.name, url) for url in urls if external(url)]
    assert not offenders


def test_scripts_name_no_font_cdn_or_analytics_host(kit_site: Path) -> None:
    # Material's bundle names unpkg.com for polyfills of old browsers; the browser
    # test runs a page without ResizeObserver to show that it is never fetched.
    hosts = (
        "fonts.googleapis",
        "fonts.gstatic",
        "google-analytics",
        "googletagmanager",
        "cdn.jsdelivr",
        "cdnjs",
        "facebook.net",
    )
    for script in kit_site.rglob("*.js"):
        text = script.read_text(encoding="utf-8", errors="replace")
        assert not [host for host in hosts if host in text], script


@pytest.mark.parametrize("language", ["vi", "km"])
def test_vendored_fonts_are_served_cut_to_the_characters_of_the_pages(kit_site: Path, language: str) -> None:
    """Each face keeps the characters of its script that the language's pages show, and only those."""
    root = kit_site if language == CAMPAIGN.default_language else kit_site / language
    css = (root / STYLESHEET).read_text(encoding="utf-8")
    assert STYLESHEET in html_of(kit_site, PLAN, "index.md", language)
    shown = set()
    others = {entry.code for entry in CAMPAIGN.languages} | {"pagefind", SHORT_PREFIX.strip("/"), ADMIN_FOLDER}
    for page in root.rglob("*.html"):
        if page.relative_to(root).parts[0] not in others:
            shown.update(ord(character) for character in html.unescape(page.read_text(encoding="utf-8")))
    shown |= {ord(character) for character in css}  # generated content, and a few signs more
    faces = web_fonts(CAMPAIGN, kit_project().root / "fonts", language)
    assert {face.output_name for face in faces} == {font.name for font in (root / FONT_DIR).glob("*.woff2")}
    for face in faces:
        assert face.output_name in css
        with TTFont(face.source) as source, TTFont(root / FONT_DIR / face.output_name) as font:
            script = parse_unicode_ranges(face.unicode_ranges) & set(source.getBestCmap())
            drawn = set(font.getBestCmap())
        assert shown & script <= drawn, (face.output_name, "".join(chr(c) for c in sorted(shown & script - drawn)))
        assert drawn & script <= shown, (face.output_name, "".join(chr(c) for c in sorted(drawn & script - shown)))


def test_policy_pages_cite_their_legal_basis_with_number_and_date(kit_site: Path) -> None:
    policies = CONTENT.items("policy")
    assert policies
    for policy in policies:
        text = text_of(html_of(kit_site, PLAN, policy.src_uri))
        assert CAMPAIGN.strings["vi"].legal_basis in text
        for ref in policy.meta.legal_basis:
            document = CONTENT.reference(legal_uri(ref.doc)).meta
            assert document.number in text
            assert format_date(document.date, VI, CAMPAIGN.strings["vi"]) in text


def test_figures_are_written_the_vietnamese_way(kit_site: Path) -> None:
    """Every figure a policy page uses appears as campaign/ defines it, written 1.500.000 đồng."""
    used = 0
    for policy in CONTENT.items("policy"):
        text = text_of(html_of(kit_site, PLAN, policy.src_uri))
        assert "{{" not in text, policy.src_uri
        for placeholder in find_placeholders(policy.body):
            if placeholder.kind != "figure":
                continue
            reading = CONTENT.figure(placeholder, policy.src_uri)  # the value on the site's build date
            assert format_number(reading.current.value, VI) in text, (policy.src_uri, placeholder)
            used += 1
    assert used
    money = [f for f in CAMPAIGN.figures.values() if f.unit.startswith("dong") and f.periods[0].value >= 1000]
    assert money
    xac_dinh = " ".join(text_of(html_of(kit_site, PLAN, p.src_uri)) for p in CONTENT.items("policy"))
    assert re.search(r"\b\d{1,3}(\.\d{3})+ đồng", xac_dinh)


def test_dates_are_written_day_month_year(kit_site: Path) -> None:
    story = CONTENT.items("story")[0]
    text = text_of(html_of(kit_site, PLAN, story.src_uri))
    written = format_date(story.meta.date, VI, CAMPAIGN.strings["vi"])
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", written) and written in text
    assert story.meta.date.isoformat() not in text


def test_plan_page_is_rendered_from_campaign_data(kit_site: Path) -> None:
    plan = CAMPAIGN.plans["vi"]
    text = text_of(html_of(kit_site, PLAN, "ke-hoach/index.md"))
    for task in plan.tasks:
        assert CAMPAIGN.agencies["vi"][task.agency].name in text
        for item in task.items:
            assert item in text
    english = text_of(html_of(kit_site, PLAN, "ke-hoach/index.md", "en"))
    assert CAMPAIGN.plans["en"].title in english


def test_one_page_per_district_with_its_stories(kit_site: Path) -> None:
    listed = 0
    for district in CAMPAIGN.districts:
        html = html_of(kit_site, PLAN, f"dia-phuong/{district.key}.md")
        assert district.name in text_of(html)
        for story in CONTENT.items("story"):
            if story.meta.district == district.key:
                assert story.meta.title in text_of(html)
                listed += 1
    assert len(CAMPAIGN.districts) >= 2 and listed


def test_listings_by_district_year_and_tag(kit_site: Path) -> None:
    story = CONTENT.items("story")[0]
    for listing in (
        f"guong-thoat-ngheo/theo-dia-phuong/{story.meta.district}.md",
        f"guong-thoat-ngheo/theo-nam/{story.meta.date.year}.md",
    ):
        assert story.meta.title in text_of(html_of(kit_site, PLAN, listing))


def test_urls_have_no_diacritics(kit_site: Path) -> None:
    for path in kit_site.rglob("*"):
        assert path.relative_to(kit_site).as_posix().isascii(), path


def test_english_pages_link_to_the_vietnamese_ones(kit_site: Path) -> None:
    html = html_of(kit_site, PLAN, "index.md", "en")
    assert 'hreflang="vi"' in html
    untranslated = next(uri for uri in sorted(CONTENT.pages) if CONTENT.page(uri, "en") is None)
    fallback = html_of(kit_site, PLAN, untranslated, "en")
    assert CAMPAIGN.strings["en"].fallback_title in text_of(fallback)
    assert f'href="/{page_url(untranslated)}"' in fallback


def test_no_built_file_shows_a_placeholder(kit_site: Path) -> None:
    """Every `{{ kind:name }}` is filled wherever its text goes: bodies, and front-matter titles and
    summaries that listings, meta descriptions and feeds show (a summary once showed
    `{{ figure:credit_ceiling_household }}` raw in the FAQ listing)."""
    shown = placeholders_shown(kit_site)
    assert not shown, shown[:10]
