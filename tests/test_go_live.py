"""Going live (issue 24): the public site builds from what the website publishes alone, and every page
defends its readers even if the contribution gate misses something (Content-Security-Policy, referrer
policy, outgoing links that carry nothing of ours)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import CSP_VIOLATION, PROJECT, copy_fixture, kit_project
from playwright.sync_api import Browser, Route

from campaign_kit.build import build_site
from campaign_kit.launch import ERROR, SHOWN, WHO, launch_items
from campaign_kit.launch import main as launch_main
from campaign_kit.model.errors import ContentError
from campaign_kit.model.sections import ADMIN_FOLDER, page_url
from campaign_kit.project import STAGING_MARK, load
from campaign_kit.security import OUTGOING_REL, csp, mark_outgoing_links
from campaign_kit.siteplan.short_links import PREFIX as SHORT_PREFIX

# The fictional campaign (tests/fixtures/campaign-mau) and the addresses its office would give on launch day.
CAMPAIGN = kit_project().content.campaign
REAL_SITE = "https://giamngheo.song-may.gov.vn/"
REAL_REPOSITORY = "https://github.com/so-noi-vu-song-may/giam-ngheo"


def ready_for_launch(project: Path) -> Path:
    """What the campaign office does on launch day: real addresses in site.yml, the samples removed.
    Nothing of print: no print order, no contact of any unit."""
    content = load(project).content
    for page in content.samples():
        page.path.unlink()
    for path in {recorded.path for recorded in content.activities if recorded.activity.sample}:
        path.unlink()  # the example activities' file holds examples only
    site_yml = project / "campaign" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    text = text.replace(str(CAMPAIGN.site.site_url), REAL_SITE)
    text = text.replace(str(CAMPAIGN.site.repository.url), REAL_REPOSITORY)
    site_yml.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def launch_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = ready_for_launch(copy_fixture(tmp_path_factory.mktemp("launch") / "project"))
    site = project.parent / "site"
    build_site(project, site, production=True)
    return site


def test_the_website_goes_live_without_print_orders_or_contacts(launch_site: Path) -> None:
    assert not any(CAMPAIGN.contacts_of(unit.key) for unit in CAMPAIGN.admin_map.units)
    home = (launch_site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{REAL_SITE}">' in home
    for html in launch_site.rglob("*.html"):
        assert "campaign-sample" not in html.read_text(encoding="utf-8"), html  # the sample's notice


def test_the_public_print_page_lists_no_file_and_says_where_copies_are(launch_site: Path) -> None:
    """No print order is approved yet: the page names the products and sends readers to their
    commune for a printed copy; no PDF is published and none is linked."""
    for language in CAMPAIGN.languages:
        prefix = "" if language.code == CAMPAIGN.default_language else f"{language.code}/"
        html = (launch_site / prefix / page_url("tai-lieu-in.md") / "index.html").read_text(encoding="utf-8")
        assert CAMPAIGN.strings[language.code].print_copies in html.replace("\u200b", ""), language.code
        assert ".pdf" not in html and "<table>" in html, language.code
    assert not (launch_site / CAMPAIGN.print_settings.site_folder).exists()


def test_missing_print_data_still_stops_a_print_run(launch_site: Path) -> None:
    project = launch_site.parent / "project"
    with pytest.raises(ContentError) as caught:
        load(project, production=True, press=True)
    problems = str(caught.value)
    assert f"tờ rơi in cho {CAMPAIGN.admin_map.units[0].name}" in problems
    # The publication data and print runs are the print order's (check_order), not print.yml's.
    assert "colophon" not in problems and "(quantity)" not in problems


def test_a_draft_names_the_print_files_for_review(kit_site: Path) -> None:
    html = (kit_site / page_url("tai-lieu-in.md") / "index.html").read_text(encoding="utf-8")
    assert ".pdf" in html and CAMPAIGN.strings["vi"].print_copies in html


# ---- Defence in depth: what the gate might miss does not run, load or leak.


def test_every_page_carries_the_policy_first(kit_site: Path) -> None:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp()}">'
    for html_file in kit_site.rglob("*.html"):
        if html_file.is_relative_to(kit_site / "pagefind") or html_file.is_relative_to(kit_site / ADMIN_FOLDER):
            continue  # the admin page carries its own policy (tests/test_cms.py)
        html = html_file.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        # Before any element that loads something, and no inline script anywhere (JSON data is no script).
        first_load = re.search(r"<(link|script|style|img)\b", head)
        assert meta in head and head.index(meta) < (first_load.start() if first_load else len(head)), html_file
        assert '<meta name="referrer" content="no-referrer">' in head, html_file
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), html_file
        assert not re.search(r"\son[a-z]+=", html), html_file


def test_every_outgoing_link_opens_nothing_of_ours(kit_site: Path) -> None:
    outgoing = 0
    own = urlsplit(str(CAMPAIGN.site.site_url)).netloc
    for html_file in kit_site.rglob("*.html"):
        for tag in re.findall(r"<a\b[^>]*>", html_file.read_text(encoding="utf-8")):
            href = re.search(r'href="([^"]*)"', tag)
            if href and urlsplit(href[1]).netloc not in ("", own):
                outgoing += 1
                assert f'rel="{OUTGOING_REL}"' in tag, (html_file, tag)
    assert outgoing > 10


@pytest.mark.parametrize(
    ("link", "marked"),
    [
        ('<a href="https://vbpl.vn/x">', '<a href="https://vbpl.vn/x" rel="noopener noreferrer">'),
        (
            '<a class="x" href="//cdn.example/y" rel="external">',
            '<a class="x" href="//cdn.example/y" rel="external noopener noreferrer">',
        ),
        ('<a rel="noreferrer" href="http://a.example">', '<a rel="noreferrer noopener" href="http://a.example">'),
        ('<a href="https://site.example/page/">', '<a href="https://site.example/page/">'),
        ('<a href="../page/">', '<a href="../page/">'),
        ('<a href="#top">', '<a href="#top">'),
        ("<a>", "<a>"),
        ('<abbr title="https://x.example">', '<abbr title="https://x.example">'),
    ],
)
def test_outgoing_links_are_told_apart_from_the_sites_own(link: str, marked: str) -> None:
    assert mark_outgoing_links(link, "https://site.example/") == marked


# Another host: the browser's requests to it are answered by the test (page.route), and recorded.
FOREIGN_HOST = "https://foreign.example"
PIXEL = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


POLICY_PAGE = page_url(kit_project().content.items("policy")[0].src_uri)


def _open_injected(
    browser: Browser, kit_site_url: str, kit_site: Path, injected: str, *, bypass: bool = False
) -> tuple[list[str], bool, list[str]]:
    """A real built page with `injected` at the end of its article (what a gate could miss), opened as
    a reader would; returns the page's console messages, whether window.injected was set, and the
    requests that left for FOREIGN_HOST."""
    html = (kit_site / POLICY_PAGE / "index.html").read_text(encoding="utf-8")
    body = html.replace("</article>", injected + "</article>", 1)
    context = browser.new_context(bypass_csp=bypass)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    url = kit_site_url + POLICY_PAGE
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body))
    sent: list[str] = []

    def answer(route: Route) -> None:
        sent.append(urlsplit(route.request.url).path)
        route.fulfill(status=200, content_type="image/svg+xml", body=PIXEL)

    page.route(FOREIGN_HOST + "/**", answer)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # a blocked or late request has had its chance
    ran = page.evaluate("window.injected === true")
    context.close()
    return messages, ran, sent


INLINE = {
    "script": "<script>window.injected = true</script>",
    "handler": '<img src="/assets/logo.svg" alt="" onload="window.injected = true">',
    "javascript-url": '<iframe src="javascript:parent.injected = true"></iframe>',
}


@pytest.mark.parametrize("kind", INLINE)
def test_an_injected_inline_script_does_not_run(browser: Browser, kit_site_url: str, kit_site: Path, kind: str) -> None:
    messages, ran, _sent = _open_injected(browser, kit_site_url, kit_site, INLINE[kind])
    assert not ran
    assert any(CSP_VIOLATION in message for message in messages), messages


FOREIGN = {
    "image": '<img src="{host}/image.svg" alt="">',
    "script": '<script src="{host}/script.js"></script>',
    "stylesheet": '<link rel="stylesheet" href="{host}/style.css">',
    "frame": '<iframe src="{host}/frame.html"></iframe>',
    "font": "<style>@font-face {{ font-family: x; src: url({host}/font.woff2) }} body {{ font-family: x }}</style>",
}


@pytest.mark.parametrize("kind", FOREIGN)
def test_an_injected_foreign_resource_is_never_requested(
    browser: Browser, kit_site_url: str, kit_site: Path, kind: str
) -> None:
    messages, _ran, sent = _open_injected(browser, kit_site_url, kit_site, FOREIGN[kind].format(host=FOREIGN_HOST))
    assert sent == []
    assert any(CSP_VIOLATION in message for message in messages), messages


def test_without_the_policy_the_same_injections_would_run(browser: Browser, kit_site_url: str, kit_site: Path) -> None:
    """The two tests above can fail: with the policy bypassed, the script runs and the image is requested."""
    injected = INLINE["script"] + FOREIGN["image"].format(host=FOREIGN_HOST)
    messages, ran, sent = _open_injected(browser, kit_site_url, kit_site, injected, bypass=True)
    assert ran and sent == ["/image.svg"]
    assert not any(CSP_VIOLATION in message for message in messages)


# ---- make launch-check


def test_launch_check_on_a_campaign_not_ready_lists_the_known_blockers(
    capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    project = copy_fixture(tmp_path / "project")
    story = next((project / "docs" / "guong-thoat-ngheo").glob("*-*.md"))
    for number in range(SHOWN):  # more samples of one kind than the check names in full
        story.with_name(f"mau-{number}.md").write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    assert launch_main(["--project", str(project)]) == 1
    out = capsys.readouterr().out
    sections = {who: out.index(title) for who, title in WHO.items()}
    assert list(sections) == sorted(sections, key=sections.get)  # technical, office, editors, translators
    technical = out[sections["technical"] : sections["office"]]
    assert "LỖI" in technical and "site_url" in technical and "repository.url" in technical
    office = out[sections["office"] : sections["editors"]]
    assert "CẦN" in office and "LỖI" not in office  # missing print data is never an error for the website
    assert "campaign/contacts.yml" in office and "chưa có lệnh in nào" in office and "campaign/print-orders/" in office
    editors = out[sections["editors"] : sections["translators"]]
    assert "LỖI" in editors and "sample: true" in editors and "(và " in editors
    assert "docs/guong-thoat-ngheo/ chưa có bài thật nào" in editors
    translators = out[sections["translators"] :]
    for language in CAMPAIGN.languages[1:]:
        assert f"CẦN  {language.code}: " in translators
    assert "LỖI" not in translators


def test_launch_check_is_clean_of_errors_once_ready(launch_site: Path) -> None:
    """The copy that goes live has warnings left (contacts, print, translations), no error."""
    items = launch_items(launch_site.parent / "project")
    assert items and not [item for item in items if item.level == ERROR]


# ---- Staging: the office reviews here before launch.

STAGING_URL = "https://so-noi-vu.github.io/giam-ngheo/"


@pytest.fixture(scope="module")
def staging_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A campaign as it is before launch (samples, placeholder addresses), built as the staging site."""
    project = copy_fixture(tmp_path_factory.mktemp("staging") / "project")
    site = project.parent / "site"
    build_site(project, site, staging_url=STAGING_URL)
    return site


def pages_of(site: Path) -> list[Path]:
    """The site's pages, without the search index's, the short links' and the admin page."""
    return [
        html
        for html in site.rglob("*.html")
        if not html.relative_to(site).as_posix().startswith(("pagefind/", SHORT_PREFIX, f"{ADMIN_FOLDER}/"))
    ]


def test_every_staging_page_says_it_is_not_the_official_site(staging_site: Path, kit_site: Path) -> None:
    pages = pages_of(staging_site)
    assert len(pages) == len(pages_of(kit_site)) > 20  # every page of the same campaign
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        assert f"<strong>{STAGING_MARK}</strong>" in html, html_file
        assert '<meta name="robots" content="noindex, nofollow">' in html, html_file
    assert (staging_site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"
    home = (staging_site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{STAGING_URL}">' in home
    assert any("campaign-sample" in html.read_text(encoding="utf-8") for html in pages)  # samples allowed


def test_the_other_builds_carry_no_staging_mark(kit_site: Path, launch_site: Path) -> None:
    for site in (kit_site, launch_site):
        assert not (site / "robots.txt").exists()
        home = (site / "index.html").read_text(encoding="utf-8")
        assert STAGING_MARK not in home and "noindex" not in home


def test_main_publishes_staging_and_only_a_tag_or_an_approved_run_publishes_production() -> None:
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    staging, production = jobs["staging"], jobs["production"]
    assert staging["if"] == (
        "(github.event_name == 'push' || github.event_name == 'schedule') && github.ref == 'refs/heads/main'"
    )
    assert any("make site STAGING_URL=" in step.get("run", "") for step in staging["steps"])
    assert "refs/tags/v" in production["if"] and "workflow_dispatch" in production["if"]
    # every day the site is rebuilt as of that day, production from its newest release (facts with dates)
    assert any(event.get("cron") for event in workflow[True]["schedule"]) and "schedule" in production["if"]
    newest = next(step for step in production["steps"] if step.get("if") == "github.event_name == 'schedule'")
    assert "git tag --list 'v*'" in newest["run"]
    assert production["environment"]["name"] == "production"  # its required reviewers approve each launch
    runs = [step.get("run", "") for step in production["steps"]]
    assert "make site PRODUCTION=1" in runs and not any("make print" in run for run in runs)
    assert staging["needs"] == production["needs"] == "check"
