"""End-to-end checks of the built site in headless Chromium (Debian's /usr/bin/chromium).

The ``kit_site`` fixture (tests/conftest.py) gives the folder of the fixture
campaign's built site: Vietnamese at the root, English and Khmer under ``en/``, ``km/``. It is served from a local
``http.server`` on 127.0.0.1, and a few pages are opened on a phone-sized and a
desktop-sized screen, each in a fresh browser context:

* every request goes to 127.0.0.1 (no fonts, CDN or analytics from elsewhere);
* axe-core (the copy bundled with axe-playwright-python) finds no serious or
  critical violation;
* the vendored "Noto Sans" web font is loaded and used for the text (on the next page, from the cache);
* the theme's accessibility fixes are in place (named search link, focusable
  table scroll areas) and body text is large.

Without /usr/bin/chromium the module is skipped, except under CI (env CI set),
where a missing browser fails the tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import CHROMIUM, LOCAL_HOST
from playwright.sync_api import Browser, Page, Route

BLOCKING_IMPACTS = ("serious", "critical")
MIN_PHONE_TEXT_PX = 17.0
TIMEOUT_MS = 30_000

#: A cheap Android phone and a desktop screen.
VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {
        "viewport": {"width": 360, "height": 740},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
PAGES = ("home", "home-en", "home-km", "policy", "story", "finder")


def _under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


if not CHROMIUM.exists() and not _under_ci():
    pytest.skip(
        f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped",
        allow_module_level=True,
    )


# --------------------------------------------------------------------------- #
# Which pages


def _first_policy_page(site: Path) -> str:
    pages = sorted(site.glob("chinh-sach/*/index.html"))
    if not pages:
        pytest.fail(f"no policy page chinh-sach/*/index.html in {site}")
    return pages[0].relative_to(site).as_posix()


def _first_story_page(site: Path) -> str:
    """First story under guong-thoat-ngheo/: a page with a facts line, no card list."""
    section = site / "guong-thoat-ngheo"
    pages = [p for p in sorted(section.glob("**/index.html")) if p.parent != section]
    if not pages:
        pytest.fail(f"no story page under {section}")
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        if "campaign-meta" in html and "campaign-cards" not in html:
            return page.relative_to(site).as_posix()
    return pages[0].relative_to(site).as_posix()


def _page_path(site: Path, which: str) -> str:
    if which == "home":
        return "index.html"
    if which.startswith("home-"):
        language = which.removeprefix("home-")
        if not (site / language / "index.html").is_file():
            pytest.fail(f"no home page {language}/index.html in {site}")
        return f"{language}/index.html"
    if which == "policy":
        return _first_policy_page(site)
    if which == "story":
        return _first_story_page(site)
    if which == "finder":
        return "hoi-o-dau/index.html"
    raise ValueError(which)


# --------------------------------------------------------------------------- #
# Fixtures: local server, browser, one audit per page and screen


@dataclass
class Audit:
    url: str
    requests: list[str]
    fetching_refs: list[str]
    violations: list[dict[str, Any]]
    fonts: dict[str, Any]
    platform_fonts: list[dict[str, Any]]
    theme: dict[str, Any]


AuditFn = Callable[[str, str], Audit]

_AXE_JS = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")

# Elements whose URL the browser fetches by itself (a <link rel=canonical> or an
# <a href> to another host is fine, a preconnect or a stylesheet is not).
_FETCHING_REFS_JS = """() => {
  const fetching = ['stylesheet', 'preload', 'prefetch', 'preconnect', 'dns-prefetch', 'modulepreload',
                    'prerender', 'icon', 'apple-touch-icon', 'manifest'];
  const urls = [];
  for (const el of document.querySelectorAll('link[href]')) {
    if (Array.from(el.relList).some(rel => fetching.includes(rel.toLowerCase()))) urls.push(el.href);
  }
  const sel = 'script[src], img[src], iframe[src], source[src], video[src], audio[src], embed[src], track[src]';
  for (const el of document.querySelectorAll(sel)) urls.push(el.src);
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const part of el.srcset.split(',')) {
      const u = part.trim().split(/\\s+/)[0];
      if (u) urls.push(new URL(u, document.baseURI).href);
    }
  }
  for (const el of document.querySelectorAll('video[poster]')) urls.push(el.poster);
  for (const el of document.querySelectorAll('object[data]')) urls.push(el.data);
  return urls;
}"""

_AXE_RUN_JS = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact}))
  }));
}"""

_FONTS_JS = """async () => {
  await document.fonts.ready;
  const faces = [];
  document.fonts.forEach(f => faces.push({
    family: f.family.replace(/^["']|["']$/g, ''), weight: f.weight, style: f.style, status: f.status
  }));
  return {check: document.fonts.check('16px "Noto Sans"'), faces: faces};
}"""

_THEME_JS = """() => {
  const search = document.querySelector('.md-header a[href*="tim-kiem"]');
  const wraps = Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).map(w => ({
    tabindex: w.getAttribute('tabindex'), role: w.getAttribute('role'), label: w.getAttribute('aria-label')
  }));
  const text = document.querySelector('article.md-content__inner');
  return {
    searchLabel: search ? search.getAttribute('aria-label') : null,
    wraps: wraps,
    textPx: text ? parseFloat(getComputedStyle(text).fontSize) : 0,
  };
}"""


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname == LOCAL_HOST


@pytest.fixture(scope="module")
def audit(browser: Browser, kit_site: Path, kit_site_url: str) -> AuditFn:
    cache: dict[tuple[str, str], Audit] = {}

    def run(which: str, viewport: str) -> Audit:
        key = (which, viewport)
        if key not in cache:
            cache[key] = _run_audit(browser, kit_site_url + _page_path(kit_site, which), viewport)
        return cache[key]

    return run


def _run_audit(browser: Browser, url: str, viewport: str, init_script: str | None = None) -> Audit:
    # axe is added to the page as an inline script, which the pages' Content-Security-Policy refuses
    # (campaign_kit.security; tested in test_go_live.py): the audit is no reader, it bypasses the policy.
    context = browser.new_context(bypass_csp=True, **VIEWPORTS[viewport])
    if init_script:
        context.add_init_script(init_script)
    try:
        context.set_default_timeout(TIMEOUT_MS)
        requests: list[str] = []
        # Context-wide: also sees requests from workers and any pop-up.
        context.on("request", lambda request: requests.append(request.url))

        def keep_local(route: Route) -> None:
            if _is_local(route.request.url):
                route.continue_()
            else:
                route.abort("blockedbyclient")

        context.route("**/*", keep_local)
        page = context.new_page()
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"

        theme = page.evaluate(_THEME_JS)
        fetching_refs = page.evaluate(_FETCHING_REFS_JS)
        page.add_script_tag(content=_AXE_JS)
        violations = page.evaluate(_AXE_RUN_JS)
        page.wait_for_load_state("networkidle")
        # The page again, as a reader's next pages: `font-display: optional` draws a face only if it
        # is there within ~100 ms of the first layout (timing, not the site); from the cache it is,
        # unless the machine is busy (the suite runs on every core): up to three next pages.
        for _next_page in range(3):
            page.goto(url, wait_until="networkidle")
            fonts = page.evaluate(_FONTS_JS)
            platform_fonts = _platform_fonts(page, "article.md-content__inner p, article h1")
            if all(font.get("isCustomFont") for font in platform_fonts):
                break
        return Audit(
            url=url,
            requests=list(requests),
            fetching_refs=fetching_refs,
            violations=violations,
            fonts=fonts,
            platform_fonts=platform_fonts,
            theme=theme,
        )
    finally:
        context.close()


def _platform_fonts(page: Page, selector: str) -> list[dict[str, Any]]:
    """The fonts Chromium actually drew the first ``selector`` match with."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if not node:
            return []
        return list(cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"])
    finally:
        cdp.detach()


# --------------------------------------------------------------------------- #
# Tests

pages = pytest.mark.parametrize("which", PAGES)
screens = pytest.mark.parametrize("viewport", list(VIEWPORTS))


@pages
@screens
def test_requests_stay_on_this_host(audit: AuditFn, which: str, viewport: str) -> None:
    result = audit(which, viewport)
    offenders = sorted({u for u in result.requests if not _is_local(u)})
    offenders += sorted({f"(in page) {u}" for u in result.fetching_refs if not _is_local(u)})
    assert not offenders, f"{result.url} reaches other hosts:\n  " + "\n  ".join(offenders)
    assert any(urlsplit(u).path.endswith(".woff2") for u in result.requests), (
        f"{result.url}: no web font was requested; requests were:\n  " + "\n  ".join(result.requests)
    )


@pages
@screens
def test_no_serious_axe_violations(audit: AuditFn, which: str, viewport: str) -> None:
    result = audit(which, viewport)
    blocking = [v for v in result.violations if v["impact"] in BLOCKING_IMPACTS]
    lines = [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + ", ".join(n["target"] for n in v["nodes"]) for v in blocking
    ]
    assert not blocking, f"{result.url} ({viewport}) axe violations:\n  " + "\n  ".join(lines)


@pages
@screens
def test_vendored_font_is_used(audit: AuditFn, which: str, viewport: str) -> None:
    result = audit(which, viewport)
    assert result.fonts["check"], f"{result.url}: document.fonts.check('16px \"Noto Sans\"') is false"
    loaded = [f for f in result.fonts["faces"] if f["family"] == "Noto Sans" and f["status"] == "loaded"]
    assert loaded, f"{result.url}: no Noto Sans web font loaded: {result.fonts['faces']}"
    # Chromium reports which font drew the text; the system's own Noto Sans does not count.
    used = result.platform_fonts[0] if result.platform_fonts else {}
    assert used.get("isCustomFont") and used.get("familyName") == "Noto Sans", (
        f"{result.url}: text drawn with {result.platform_fonts}"
    )


@pages
@screens
def test_theme_fixes_in_place(audit: AuditFn, which: str, viewport: str) -> None:
    result = audit(which, viewport)
    theme = result.theme
    assert theme["searchLabel"], f"{result.url}: the header's search link has no aria-label"
    bad = [w for w in theme["wraps"] if w["tabindex"] != "0" or w["role"] != "region" or not w["label"]]
    assert not bad, f"{result.url}: table scroll areas not focusable/named: {bad}"
    if viewport == "phone":
        assert theme["textPx"] >= MIN_PHONE_TEXT_PX, f"{result.url}: body text is {theme['textPx']}px on a phone"


def test_old_browser_without_resize_observer_fetches_no_polyfill(browser: Browser, kit_site_url: str) -> None:
    """Material loads a ResizeObserver polyfill from unpkg.com on old browsers; our fallback prevents it."""
    result = _run_audit(browser, kit_site_url, "phone", init_script="delete window.ResizeObserver;")
    offenders = sorted({u for u in result.requests if not _is_local(u)})
    assert not offenders, "an old browser reaches other hosts:\n  " + "\n  ".join(offenders)
