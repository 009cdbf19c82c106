"""The gate over loaded content: every check a Markdown file or another file under docs/ must pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model.content import Content, SourceFile
from ..model.errors import Problem, Problems
from ..model.schema import LegalDocumentMeta
from . import figures, files, front_matter, glossary, images, privacy, safety, scaffold, text, truth

ACTIVITY_WORDS = ("title", "place", "evidence", "reported_by")  # the free text of an activity record
# What the checks found in a file, by what they were given (its path as reported, its text or
# size and time, the campaign's figures): the checks are pure functions of these, so a file
# unchanged since the last load in this process (`make serve` rebuilding after an edit, the
# tests' many loads of one tree) is not checked again.
Memo = dict[tuple[str, str | int, int], list[Problem]]
_MEMO: Memo = {}


@dataclass(frozen=True)
class Rules:
    """What the per-file checks need from campaign/: the amounts and rates no page may type by hand."""

    money: dict[int, list[figures.Known]]
    interest: dict[float, list[figures.Known]]

    @property
    def fingerprint(self) -> int:
        def periods(table: dict) -> tuple:
            return tuple((v, tuple((k.key, k.period.start, k.period.until) for k in ks)) for v, ks in table.items())

        return hash((periods(self.money), periods(self.interest)))


def _dated(content: Content, source: SourceFile) -> tuple[dt.date | None, str | None]:
    """The day a file's page speaks of (None: today) and, for an act's page, the act."""
    if source.page is None:
        return None, None
    act = source.page.key if isinstance(source.page.meta, LegalDocumentMeta) else None
    return content.page_date(source.page), act


def run_gate(content: Content, problems: Problems) -> None:
    """Each Markdown file as written (also when its front matter could not be read),
    then the other files under docs/. Links are checked against the site plan
    (`campaign_kit.siteplan.links`), once the plan is made."""
    memo = _MEMO
    docs = content.docs_dir
    rules = Rules(figures.money_figures(content.campaign.figures), figures.rate_figures(content.campaign.figures))
    for source in content.sources:
        if source.text is not None:
            day, act = _dated(content, source)
            key = (source.path.relative_to(docs.parent).as_posix(), source.text, hash((rules.fingerprint, day, act)))
            found = _remembered(
                memo, key, problems.root, lambda found, s=source, d=day, a=act: check_page(s, rules, found, d, a)
            )
            problems.items.extend(found)
    for path in files.check(content.docs_dir, content.campaign.root, problems):
        stat = path.stat()
        key = (path.relative_to(docs.parent).as_posix(), stat.st_mtime_ns ^ stat.st_size, 0)
        problems.items.extend(_remembered(memo, key, problems.root, lambda found, p=path: check_file(p, found)))
    for recorded in content.activities:
        # Activity records are published (report pages, CSV, XLSX): their words (title, place, evidence,
        # who reported) are read for personal details like a page's; counts are their only people data.
        for field in ACTIVITY_WORDS:
            value = getattr(recorded.activity, field, None)
            if isinstance(value, str):
                privacy.check_text(recorded.path, value, False, problems, first_line=recorded.line)
    figures.check_sources(content, problems)
    glossary.check(content, problems)
    truth.check(content, problems)


def _remembered(memo: Memo, key: tuple[str, str | int, int], root: Path, check: Callable[[Problems], None]):
    if key not in memo:
        found = Problems(root)
        check(found)
        memo[key] = found.items
    return memo[key]


def check_page(
    source: SourceFile, rules: Rules, problems: Problems, day: dt.date | None = None, act: str | None = None
) -> None:
    assert source.text is not None
    text.check(source.path, source.text, problems)
    scaffold.check(source.path, source.text, problems)
    privacy.check(source.path, source.text, source.page, problems)
    if source.page is not None:  # a page whose front matter is wrong is refused already
        safety.check(source.page, problems)
        front_matter.check(source.page, problems)
    figures.check_page(source.path, source.text, rules.money, rules.interest, problems, day=day, act=act)


def check_file(path: Path, problems: Problems) -> None:
    images.check_files([path], problems)
    privacy.check_files([path], problems)
    if path.suffix.lower() in files.DOCUMENT_SUFFIXES and not files.pdf_problems(path):
        # What the PDF says is published like a page: each page's text, at its page number.
        for number, page_text in enumerate(files.pdf_page_texts(path), 1):
            privacy.check_text(path, page_text.replace("\n", " "), True, problems, first_line=number)
