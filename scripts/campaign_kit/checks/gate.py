"""What the gate's checks share (the table of checks is `campaign_kit.registry`): the campaign's
figures a page may not type by hand, the day a page speaks of, the memo of what a file was found
to have, and the text of a PDF read like a page."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..model.content import Content, SourceFile
from ..model.errors import Problem, Problems
from ..model.schema import LegalDocumentMeta
from . import figures, files, privacy

ACTIVITY_WORDS = ("title", "place", "evidence", "reported_by")  # the free text of an activity record
# What the checks found in a file, by what they were given (its path as reported, its text or
# size and time, the campaign's figures): the checks are pure functions of these, so a file
# unchanged since the last load in this process (`make serve` rebuilding after an edit, the
# tests' many loads of one tree) is not checked again.
Memo = dict[tuple[str, str | int, int], list[Problem]]  # by Key (below)
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


def dated(content: Content, source: SourceFile) -> tuple[dt.date | None, str | None]:
    """The day a file's page speaks of (None: today) and, for an act's page, the act."""
    if source.page is None:
        return None, None
    act = source.page.key if isinstance(source.page.meta, LegalDocumentMeta) else None
    return content.page_date(source.page), act


Key = tuple[str, str | int, int]
Job = tuple[Key, Callable[[Problems], None]]  # a file's check, by what it is given
# From this many files not in the memo (a build, not `make serve` after an edit), the checks run in forked
# workers, one per core: 18 ms a page, 20 s for a site of 1,000 stories checked in one process. Below it,
# forking costs more than it saves.
PARALLEL_FROM = 64
_PENDING: list[Job] = []  # the workers' jobs, inherited when they fork: checks are closures, not picklable


def remembered(jobs: list[Job], root: Path) -> list[Problem]:
    """What the jobs' checks found, in the jobs' order: each from the memo when its file was checked with the
    same input before, else checked (in workers when many are)."""
    pending = [job for job in dict(jobs).items() if job[0] not in _MEMO]
    if len(pending) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1 and "fork" in mp.get_all_start_methods():
        _PENDING[:] = pending
        try:
            with ProcessPoolExecutor(os.cpu_count(), mp_context=mp.get_context("fork")) as pool:
                found = list(pool.map(_check, range(len(pending)), [root] * len(pending), chunksize=8))
        finally:
            _PENDING.clear()
        _MEMO.update({key: items for (key, _job), items in zip(pending, found, strict=True)})
    for key, check in jobs:
        if key not in _MEMO:
            _MEMO[key] = _check_now(check, root)
    return [problem for key, _job in jobs for problem in _MEMO[key]]


def _check(index: int, root: Path) -> list[Problem]:
    return _check_now(_PENDING[index][1], root)


def _check_now(check: Callable[[Problems], None], root: Path) -> list[Problem]:
    found = Problems(root)
    check(found)
    return found.items


def pdf_text(path: Path, problems: Problems) -> None:
    """What a PDF says is published like a page: each page's text, at its page number."""
    if path.suffix.lower() in files.DOCUMENT_SUFFIXES and not files.pdf_problems(path):
        for number, page_text in enumerate(files.pdf_page_texts(path), 1):
            privacy.check_text(path, page_text.replace("\n", " "), True, problems, first_line=number)
