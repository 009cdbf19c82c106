"""What the gate's checks share (the table of checks is `campaign_kit.registry`): the campaign's
figures a page may not type by hand, the day a page speaks of, the memo of what a file was found
to have, and the text of a PDF read like a page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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


def dated(content: Content, source: SourceFile) -> tuple[dt.date | None, str | None]:
    """The day a file's page speaks of (None: today) and, for an act's page, the act."""
    if source.page is None:
        return None, None
    act = source.page.key if isinstance(source.page.meta, LegalDocumentMeta) else None
    return content.page_date(source.page), act


def remembered(key: tuple[str, str | int, int], root: Path, check: Callable[[Problems], None]) -> list[Problem]:
    if key not in _MEMO:
        found = Problems(root)
        check(found)
        _MEMO[key] = found.items
    return _MEMO[key]


def pdf_text(path: Path, problems: Problems) -> None:
    """What a PDF says is published like a page: each page's text, at its page number."""
    if path.suffix.lower() in files.DOCUMENT_SUFFIXES and not files.pdf_problems(path):
        for number, page_text in enumerate(files.pdf_page_texts(path), 1):
            privacy.check_text(path, page_text.replace("\n", " "), True, problems, first_line=number)
