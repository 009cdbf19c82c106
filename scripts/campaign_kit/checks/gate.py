"""The two hooks `load_content` calls, and what they remember in between."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..model.errors import Problems
from . import figures, glossary, images, links, privacy, safety, scaffold, text
from .markup import Markup, scan

if TYPE_CHECKING:  # the content model calls these checks: no import at run time
    from ..model.campaign import Campaign
    from ..model.content import Content, Page


class ContentChecks:
    def __init__(self, campaign: Campaign, docs_dir: Path, problems: Problems) -> None:
        self.docs_dir = docs_dir
        self.problems = problems
        self.money = figures.money_figures(campaign.figures)  # amounts no page may type by hand
        self.interest = figures.rate_figures(campaign.figures)  # nor interest rates
        self.markups: dict[str, Markup] = {}  # by file path: what the links check needs of each page
        self.files: set[str] = set()  # paths under docs/ of every Markdown file, loaded or not

    def check_page(self, path: Path, raw: str, page: Page | None) -> None:
        """One Markdown file as written; `page` is None when its front matter could not be read."""
        markup = scan(raw)
        self.markups[str(path)] = markup
        self.files.add(path.relative_to(self.docs_dir).as_posix())
        text.check(path, raw, self.problems)
        scaffold.check(path, raw, self.problems)
        privacy.check(path, raw, page, self.problems)
        safety.check(path, markup, self.problems)
        images.check(path, markup, self.problems)
        figures.check_page(path, raw, self.money, self.interest, self.problems)

    def check_tree(self, content: Content) -> None:
        other_files = sorted(path for path in self.docs_dir.rglob("*") if path.suffix != ".md" and path.is_file())
        every_file = self.files | {path.relative_to(self.docs_dir).as_posix() for path in other_files}
        links.check(content, self.markups, every_file, self.problems)
        figures.check_sources(content, self.problems)
        glossary.check(content, self.problems)
        images.check_files(other_files, self.problems)
        privacy.check_files(other_files, self.problems)
