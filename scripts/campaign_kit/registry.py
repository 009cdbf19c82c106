"""Every check of the contribution gate, in one table (`CHECKS`).

Each check has one interface: what it is given (a Markdown file, another file under docs/, the
loaded content, or the site plan) and the `Problems` it adds to, each with file, line, message
and hint; its severity is the table's, not its own. All of them run on every load, so no
mistake hides another: a page whose front matter cannot be read still has its text, privacy and
figures checked, and a warning is reported beside the errors (`Problems.raise_if_any` stops
publishing on errors only). The schema and cross-references are the loader's
(`model.content.load_content`), run before the gate on the same `Problems`.

`campaign_kit.project.load` runs the page, file and content checks on the loaded content
(`run_gate`), then the plan's (`run_plan_checks`) once the site plan is made. The table is
what THREAT-MODEL.md's rows name; `tests/checks/test_registry.py` keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from .checks import (
    figures,
    files,
    front_matter,
    glossary,
    images,
    people,
    privacy,
    pull_request,
    safety,
    scaffold,
    text,
    truth,
)
from .checks.gate import ACTIVITY_WORDS, Job, Rules, dated, pdf_text, remembered
from .checks.present_map import abolished_mentions
from .model.content import Content, SourceFile
from .model.errors import Problems, Severity
from .model.translations import translation_states
from .siteplan import SitePlan
from .siteplan.links import check_links
from .siteplan.reserved import check_reserved

Stage = Literal["page", "file", "content", "plan"]


@dataclass(frozen=True)
class PageInput:
    """A Markdown file as written, with what its checks need: the campaign's figures, the day the
    page speaks of and, on an act's page, the act."""

    source: SourceFile
    rules: Rules
    day: dt.date | None
    act: str | None

    @property
    def path(self) -> Path:
        return self.source.path

    @property
    def text(self) -> str:
        assert self.source.text is not None
        return self.source.text


@dataclass(frozen=True)
class Check:
    name: str
    stage: Stage
    run: Callable[[Any, Problems], None]
    severity: Severity = "error"


def _valid_page(check: Callable[[Any, Problems], None]) -> Callable[[PageInput, Problems], None]:
    """A check of a page's parsed values: only once its front matter is valid (else refused already)."""

    def run(given: PageInput, problems: Problems) -> None:
        if given.source.page is not None:
            check(given.source.page, problems)

    return run


def _markup(given: PageInput, problems: Problems) -> None:
    """The body as the site renders it, also when a front-matter value is wrong (a wrong date hides
    no script); not when the front matter cannot be read or the body is beyond the limits."""
    if given.source.page is not None:
        safety.check(given.source.page, problems)
    elif given.source.body is not None:
        safety.check_body(given.path, *given.source.body, problems)


def _activity_words(content: Content, problems: Problems) -> None:
    """Activity records are published (report pages, CSV, XLSX): their words (title, place, evidence,
    who reported) are read for personal details like a page's; counts are their only people data."""
    for recorded in content.activities:
        for field in ACTIVITY_WORDS:
            value = getattr(recorded.activity, field, None)
            if isinstance(value, str):
                privacy.check_text(recorded.path, value, False, problems, first_line=recorded.line)


def _abolished_units(content: Content, problems: Problems) -> None:
    problems.items.extend(abolished_mentions(content))


def _stale_translations(content: Content, problems: Problems) -> None:
    """A stale translation is published as it is (with its notice), but the translator should know."""
    for states in translation_states(content).values():
        for state in states:
            page = content.page(state.src_uri, state.language)
            if state.state == "stale" and page is not None:
                problems.add(
                    page.path,
                    page.line_of("translation", "source_hash"),
                    f"bản dịch đã cũ: trang gốc {state.src_uri} đã sửa sau khi dịch.",
                    "Dịch lại phần đã sửa, rồi ghi mã mới của trang gốc vào translation: source_hash.",
                )


CHECKS: tuple[Check, ...] = (
    # Each Markdown file as written (also when its front matter could not be read).
    Check("text", "page", lambda given, out: text.check(given.path, given.text, out)),
    Check("scaffold", "page", lambda given, out: scaffold.check(given.path, given.text, out)),
    Check("privacy", "page", lambda given, out: privacy.check(given.path, given.text, given.source.page, out)),
    Check("markup", "page", _markup),
    Check("front-matter-values", "page", _valid_page(front_matter.check)),
    Check(
        "figures",
        "page",
        lambda given, out: figures.check_page(
            given.path, given.text, given.rules.money, given.rules.interest, out, day=given.day, act=given.act
        ),
    ),
    # Every other file under docs/ that would be published (the allowlist of types: `files.check`).
    Check("images", "file", lambda path, out: images.check_files([path], out)),
    Check("image-metadata-text", "file", images.check_metadata_text),
    Check("file-names", "file", lambda path, out: privacy.check_files([path], out)),
    Check("pdf-text", "file", pdf_text),
    # Across the content.
    Check("people-named", "content", people.check),
    Check("activity-words", "content", _activity_words),
    Check("figure-sources", "content", figures.check_sources),
    Check("glossary", "content", glossary.check),
    Check("truth", "content", truth.check),
    Check("acts-registry", "content", truth.acts_registered),
    Check("pull-request-limits", "content", pull_request.check),
    Check("present-map", "content", _abolished_units, "warning"),
    Check("stale-translations", "content", _stale_translations, "warning"),
    # Against the site plan.
    Check("links", "plan", check_links),
    Check("reserved-paths", "plan", check_reserved),
)


def _run(stage: Stage, given: Any, problems: Problems) -> None:
    for check in CHECKS:
        if check.stage != stage:
            continue
        if check.severity == "error":
            check.run(given, problems)
            continue
        found = Problems(problems.root)
        check.run(given, found)
        problems.items.extend(replace(problem, severity=check.severity) for problem in found.items)


def run_gate(content: Content, problems: Problems) -> None:
    """The page, file and content checks. What the page and file checks found is remembered by
    what they were given (`checks.gate.remembered`): `make serve` re-checks only changed files."""
    docs = content.docs_dir
    rules = Rules(figures.money_figures(content.campaign.figures), figures.rate_figures(content.campaign.figures))
    jobs: list[Job] = []
    for source in content.sources:
        if source.text is not None:
            day, act = dated(content, source)
            given = PageInput(source, rules, day, act)
            key = (source.path.relative_to(docs.parent).as_posix(), source.text, hash((rules.fingerprint, day, act)))
            jobs.append((key, lambda found, g=given: _run("page", g, found)))
    for path in files.check(content.docs_dir, content.campaign.root, problems):
        stat = path.stat()
        key = (path.relative_to(docs.parent).as_posix(), stat.st_mtime_ns ^ stat.st_size, 0)
        jobs.append((key, lambda found, p=path: _run("file", p, found)))
    problems.items.extend(remembered(jobs, problems.root))
    _run("content", content, problems)


def run_plan_checks(plan: SitePlan, problems: Problems) -> None:
    """The checks that need the site plan: links to pages and files, and generated or reserved paths."""
    _run("plan", plan, problems)
