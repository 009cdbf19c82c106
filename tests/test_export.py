"""make export, built with Zensical (Material for MkDocs' successor, pinned in requirements-test.txt)
and crawled: every internal link and #anchor of every built page resolves, pages open in headless
Chromium without a console error, and the renderer's search finds a page. Built once for the module."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import kit_project, served
from playwright.sync_api import Browser
from site_reading import crawl

from campaign_kit.export import export
from campaign_kit.model.sections import FINDER_URI, SEARCH_URI, SELF_CHECK_URI, page_url

HREFS = "links => links.map(link => link.getAttribute('href'))"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "export"
    prints = tmp_path_factory.mktemp("print")
    (prints / "manifest.json").write_text("{}", encoding="utf-8")  # stands for dist/print, already built
    plan = kit_project().plan
    counts = export(kit_project(), out, prints)
    assert counts["pages"] == sum(len(site.pages.keys() - {SEARCH_URI}) for site in plan.sites.values())
    assert (out / "docs" / plan.content.campaign.print_settings.site_folder / "manifest.json").is_file()
    command = [sys.executable, "-m", "zensical", "build", "-f", str(out / "zensical.toml")]
    subprocess.run(command, check=True, capture_output=True)
    return out


def test_the_export_is_markdown_with_anchors_written_out(zensical_site: Path) -> None:
    plan = kit_project().plan
    docs = zensical_site / "docs"
    policy = plan.content.items("policy")[0].src_uri
    text = (docs / policy).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings and all(re.search(r" \{ #[^ }]+ \}$", line) for line in headings), headings
    assert not (docs / SEARCH_URI).exists()  # the renderer's own search takes its place
    for site in plan.sites.values():
        assert (docs / site.prefix / FINDER_URI).is_file()
    assert (zensical_site / "zensical.toml").read_text(encoding="utf-8").startswith("# Written by `make export`")


def test_every_link_and_anchor_of_the_zensical_build_resolves(zensical_site: Path) -> None:
    result = crawl(zensical_site / "site")
    print(
        f"Zensical crawl: {result.pages} pages, {result.links} links, {result.anchors} anchors, "
        f"{len(result.broken)} broken"
    )
    exported = sum(1 for _ in (zensical_site / "docs").rglob("*.md"))
    assert result.pages >= exported and result.links > 10 * exported and result.anchors > exported
    assert not result.broken, f"{len(result.broken)} broken, first ones:\n" + "\n".join(result.broken[:30])


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with served(zensical_site / "site") as url:
        yield url


def test_zensical_pages_run_without_console_errors_and_search_finds_a_page(browser: Browser, zensical_url: str) -> None:
    plan = kit_project().plan
    policy = plan.content.items("policy")[0]
    paths = [plan.path(uri, code) for code in plan.sites for uri in ("index.md", FINDER_URI)]
    paths += [plan.path(SELF_CHECK_URI, plan.reference.code), plan.path(policy.src_uri, plan.reference.code)]
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    for path in paths:
        page.goto(zensical_url + path, wait_until="load")
    assert not problems, "\n".join(problems)
    # The finder's page loads its own script (overrides/main.html of the export).
    page.goto(zensical_url + plan.path(FINDER_URI, plan.reference.code), wait_until="load")
    assert page.locator("script[src$='finder.js']").count() == 1
    # Search: the header's button opens the renderer's dialog (in a shadow root: locators pierce it).
    page.goto(zensical_url, wait_until="load")
    page.click(".md-search__button")
    page.locator("dialog input").fill(policy.meta.title)
    expected = "/" + page_url(policy.src_uri)
    page.locator(f'ol[role=listbox] a[href*="{expected}?"]').first.wait_for(timeout=20_000)
    results = [urlsplit(href or "").path for href in page.locator("ol[role=listbox] a").evaluate_all(HREFS)]
    assert expected in results[:3], results[:10]
    assert not problems, "\n".join(problems)
    page.close()
