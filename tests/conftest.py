"""Shared fixtures: the project tree, a built site, and throwaway copies to break."""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest
from playwright.sync_api import Browser, sync_playwright

from campaign_kit.build import render_site
from campaign_kit.project import Project, load
from campaign_kit.review_boundary import BUILD_CACHE

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("campaign", "docs", "overrides", "fonts", "mkdocs.yml")
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


@cache
def loaded_project() -> Project:
    """The real project, loaded, checked and planned once per test session."""
    return load(PROJECT)


def copy_project(target: Path) -> Path:
    """A copy of everything a build reads, to change without touching the real tree."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    if (PROJECT / BUILD_CACHE).is_dir():  # subset fonts and cards, so copies do not make them again
        shutil.copytree(PROJECT / BUILD_CACHE, target / BUILD_CACHE)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real site, built once per test session: Vietnamese at the root, others under /<code>/.
    The suite's workers (pytest-xdist) share it: the first builds it under a lock, the others wait
    for it (the build replaces the folder only when it is whole)."""
    if worker_id == "master":  # not distributed
        site = tmp_path_factory.mktemp("site")
        render_site(loaded_project(), site)
        return site
    shared = tmp_path_factory.getbasetemp().parent  # one folder for all workers of this run
    site = shared / "site"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (site / "index.html").is_file():
            render_site(loaded_project(), site)
    return site


@pytest.fixture(scope="session")
def loaded() -> Project:
    return loaded_project()


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


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


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
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
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing, and browser tests are required under CI")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
