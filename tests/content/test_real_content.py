"""The checkout's own campaign (campaign/ and docs/), checked as content: it passes the gate, its site builds
in every language, its links and anchors hold, its figures are sourced, no placeholder is shown, and its
sample content stays off the public site. Generic: no name or key of any campaign, so that a second
province's checkout runs them on its own content (the kit's behaviour is tested on tests/fixtures/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROJECT, SUITE_TODAY, loaded_project
from site_reading import crawl, placeholders_shown

from campaign_kit import check
from campaign_kit.model.errors import ContentError
from campaign_kit.model.placeholders import find_placeholders
from campaign_kit.model.sections import legal_uri, page_url
from campaign_kit.project import load
from campaign_kit.siteplan.short_links import PREFIX as SHORT_PREFIX

PLAN = loaded_project().plan
CONTENT = PLAN.content


def test_the_campaign_passes_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    """`make check` on the checkout, as of the suite's date."""
    assert check.main(["--project", str(PROJECT), "--today", SUITE_TODAY.isoformat()]) == 0
    assert "Không có lỗi" in capsys.readouterr().out


def test_every_page_of_every_language_is_built(built_site: Path) -> None:
    for site in PLAN.sites.values():
        assert site.pages.keys() - site.generated, f"{site.code}: no written page"
        for src_uri in site.pages:
            page = built_site / site.prefix / page_url(src_uri) / "index.html"
            assert page.is_file(), (site.code, src_uri)
            assert f'<html lang="{site.code}"' in page.read_text(encoding="utf-8")[:400], (site.code, src_uri)


def test_every_link_and_anchor_of_the_site_holds(built_site: Path) -> None:
    """Every local href and src of every page (short links and the admin page too) leads to a file of
    the site, and every #anchor to an id there."""
    found = crawl(built_site, skip=("pagefind/",))
    assert found.pages >= sum(len(site.pages) for site in PLAN.sites.values())
    assert found.links and found.anchors
    assert not found.broken, f"{len(found.broken)} lead nowhere, first ones:\n" + "\n".join(found.broken[:30])
    assert any((built_site / SHORT_PREFIX).iterdir())  # the printed short links are crawled too


def test_every_figure_is_sourced_by_an_act_the_site_publishes(built_site: Path) -> None:
    """Each value of each figure names the act that sets it and its FACTS.md entry; the act is a page of
    the site. Every figure a page shows is one of them."""
    assert CONTENT.campaign.figures
    for key, figure in CONTENT.campaign.figures.items():
        for period in figure.periods:
            assert period.facts, key
            act = legal_uri(period.source)
            assert act in CONTENT.pages, (key, period.source)
            assert (built_site / page_url(act) / "index.html").is_file(), (key, period.source)
    shown = {
        placeholder.name
        for languages in CONTENT.pages.values()
        for page in languages.values()
        for placeholder in find_placeholders(page.body)
        if placeholder.kind == "figure"
    }
    assert shown <= CONTENT.campaign.figures.keys()


def test_no_built_file_shows_a_placeholder(built_site: Path) -> None:
    shown = placeholders_shown(built_site)
    assert not shown, shown[:10]


def test_a_production_load_refuses_the_sample_content() -> None:
    """Example stories, households and activities are for the review copy: the public build names each one
    (and nothing else is sample)."""
    samples = {page.path.relative_to(PROJECT).as_posix() for page in CONTENT.samples()}
    samples |= {r.path.relative_to(PROJECT).as_posix() for r in CONTENT.activities if r.activity.sample}
    try:
        load(PROJECT, production=True, today=SUITE_TODAY)
    except ContentError as error:
        refused = {p.path for p in error.problems if "minh họa (sample: true)" in p.message}
    else:
        refused = set()
    assert refused == samples
