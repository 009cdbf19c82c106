"""Shared fixtures: the project tree, a built site, and throwaway copies to break."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest
from playwright.sync_api import Browser, sync_playwright

from campaign_kit.build import render_site
from campaign_kit.catalogue import GENERAL, Product
from campaign_kit.printing.__main__ import build_print
from campaign_kit.project import Project, load

PROJECT = Path(__file__).resolve().parent.parent
# The suite's build date, fixed so that what the tests see does not depend on the day they run: a day
# inside the notice window of a change of the poverty lines (both values shown). Tests of another
# date load the project with their own `today`.
SUITE_TODAY = dt.date(2026, 12, 6)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOST = "127.0.0.1"
# In a console message, what Chromium says when the Content-Security-Policy blocks something.
CSP_VIOLATION = "Content Security Policy"


@cache
def loaded_project() -> Project:
    """The real project as of SUITE_TODAY, loaded, checked and planned once per test session."""
    return load(PROJECT, today=SUITE_TODAY)


# The kit's own tests stand on a small fictional campaign (tests/fixtures/README.md): a few units of today,
# a few pages of each type, in the three languages of the real one. A test of the kit's behaviour copies it
# and names its places; the real campaign (PROJECT) gets its own checks (tests/content/: it loads, builds,
# its links hold).
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "campaign-mau"


# What a build reads besides a campaign's campaign/ and docs/: the kit's own, the same for every campaign.
KIT_PARTS = ("overrides", "fonts", "profiles", "mkdocs.yml")


def copy_fixture(target: Path) -> Path:
    """A whole project of the fictional campaign (its campaign/ and docs/, the kit's theme, fonts and
    mkdocs.yml), to build or change without touching the tree."""
    shutil.copytree(FIXTURE, target)
    for name in KIT_PARTS:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@cache
def kit_project() -> Project:
    """The fictional campaign as of SUITE_TODAY, loaded, checked and planned once per test process: what
    the kit's tests of the site, print and gate read (a copy in a folder of its own, so that builds
    may write their caches beside it)."""
    return load(copy_fixture(Path(tempfile.mkdtemp(prefix="campaign-mau-")) / "project"), today=SUITE_TODAY)


def made_once(
    tmp_path_factory: pytest.TempPathFactory, worker_id: str, name: str, make: Callable[[Path], None]
) -> Path:
    """A folder made once per test session by `make`. The suite's workers (pytest-xdist) share it:
    the first makes it under a lock, the others wait for it and find it done."""
    if worker_id == "master":  # not distributed
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent  # one folder for all workers of this run
    folder, done = shared / name, shared / f"{name}.done"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.is_file():
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real site, built once per test session: Vietnamese at the root, others under /<code>/."""
    return made_once(tmp_path_factory, worker_id, "site", lambda site: render_site(loaded_project(), site))


@pytest.fixture(scope="session")
def kit_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The fictional campaign's site, built once per test session, as built_site is for the real one."""
    return made_once(tmp_path_factory, worker_id, "kit-site", lambda site: render_site(kit_project(), site))


# The fixture's unit of today whose variants the print tests read: a ward without a sourced contact (its
# leaflet names its People's Committee; a print order of it is refused until the office sources one).
KIT_UNIT = "phuong-con-sen"


def in_press_kit(product: Product) -> bool:
    """Of the fictional campaign: every generic product in the reference language; in every language and
    for KIT_UNIT, one of each kind and size (the general leaflet, the first topic's leaflet, the first
    slogan's poster and banners): the other variants are made by the same code from the same kind of data."""
    campaign = kit_project().content.campaign
    if product.unit is None and product.language == campaign.default_language:
        return True
    first_topic = campaign.policy_groups[campaign.default_language][0].key
    return product.subject in (GENERAL, first_topic, campaign.slogans[0].key)


def _print_press_kit(out: Path) -> None:
    # As the press gets it: no draft mark (the production guard and the mark are tested on their own).
    project = dataclasses.replace(kit_project(), production=True)
    first_topic = project.content.campaign.policy_groups[project.content.campaign.default_language][0].key
    _entries, errors = build_print(
        project, out, jobs=2, units={KIT_UNIT}, select=in_press_kit, kit_groups={first_topic}
    )
    (out / "errors.txt").write_text("\n".join(errors), encoding="utf-8")


@pytest.fixture(scope="session")
def press_kit(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The fictional campaign's print products of in_press_kit with their manifest, overview and previews,
    rendered once per test session in worker processes, as make print does."""
    kit = made_once(tmp_path_factory, worker_id, "print", _print_press_kit)
    assert (kit / "errors.txt").read_text(encoding="utf-8") == ""
    return kit


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI (CI=true) a skipped test is a failure: a browser or print test that cannot
    run there means a system package is missing, not that the feature is fine."""
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped; every test must run in CI.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# The longest modules (pytest --durations=0, summed per file), started first: the suite's workers take
# a module at a time (--dist loadfile), and a long module taken last would leave the other worker idle.
LONGEST_FIRST = (
    "test_print.py",
    "test_print_press.py",
    "test_go_live.py",  # two whole builds: the launch copy (production) and the staging site
    "test_stylesheet.py",
    "test_search.py",
    "test_browser.py",
    "test_finder.py",
    "test_offline.py",
    "test_crawl.py",
    "test_build_with_attacks.py",
    "test_content_errors.py",
    "test_check_command.py",
    "test_export.py",  # make export built with Zensical and crawled
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: place for place, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
    }

    def end_headers(self) -> None:
        # Fonts stay in the browser's cache, as a real host lets them: a `font-display: optional`
        # face is drawn from the second page on, whatever the timing of the first.
        if self.path.endswith(".woff2"):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` served over HTTP on a free local port, as a host would: its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def kit_site_url(kit_site: Path) -> Iterator[str]:
    """The fictional campaign's site served over HTTP, as site_url is for the real one."""
    with served(kit_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing, and browser tests are required under CI")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
