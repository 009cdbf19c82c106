"""The gate over loaded content: every check a Markdown file or another file under docs/ must pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..model.content import Content, SourceFile
from ..model.errors import Problem, Problems
from . import images, privacy, safety, scaffold, text
from .markup import scan

T = TypeVar("T")
# What the checks found in a file, by what they were given: a file unchanged since the
# last run (`make serve` rebuilding after an edit) is not checked again.
Memo = dict[tuple[str, str | int], list[Problem]]


def run_gate(content: Content, problems: Problems, memo: Memo | None = None) -> None:
    """Each Markdown file as written (also when its front matter could not be read),
    then the other files under docs/. Links are checked against the site plan
    (`campaign_kit.siteplan.links`), once the plan is made."""
    memo = {} if memo is None else memo
    for source in content.sources:
        if source.text is not None:
            key = (str(source.path), source.text)
            problems.items.extend(_remembered(memo, key, problems.root, check_page, source))
    for path in sorted(path for path in content.docs_dir.rglob("*") if path.suffix != ".md" and path.is_file()):
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns ^ stat.st_size)
        problems.items.extend(_remembered(memo, key, problems.root, check_file, path))


def _remembered(memo: Memo, key: tuple[str, str | int], root: Path, check: Callable[[T, Problems], None], subject: T):
    if key not in memo:
        found = Problems(root)
        check(subject, found)
        memo[key] = found.items
    return memo[key]


def check_page(source: SourceFile, problems: Problems) -> None:
    assert source.text is not None
    markup = scan(source.text)
    text.check(source.path, source.text, problems)
    scaffold.check(source.path, source.text, problems)
    privacy.check(source.path, source.text, source.page, problems)
    safety.check(source.path, markup, problems)
    images.check(source.path, markup, problems)


def check_file(path: Path, problems: Problems) -> None:
    images.check_files([path], problems)
    privacy.check_files([path], problems)
