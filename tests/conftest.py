"""Shared fixtures: the project tree, a built site, and throwaway copies to break."""

from __future__ import annotations

import os
import shutil
from functools import cache
from pathlib import Path

import pytest

from campaign_kit.build import render_site
from campaign_kit.project import Project, load

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("campaign", "docs", "overrides", "fonts", "mkdocs.yml")


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
    if (PROJECT / ".cache").is_dir():  # subset fonts, so copies do not subset them again
        shutil.copytree(PROJECT / ".cache", target / ".cache")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session: Vietnamese at the root, others under /<code>/."""
    site = tmp_path_factory.mktemp("site")
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
