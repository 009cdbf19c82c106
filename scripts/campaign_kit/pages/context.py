"""What every page generator needs: the content, one language, and small helpers."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from functools import cached_property

import markdown

from ..formatting import format_date
from ..model.campaign import Campaign, District, Language, Strings
from ..model.content import Content, Page
from ..slugs import slug


def page_url(src_uri: str) -> str:
    """URL (relative to the language root) of a page with directory URLs."""
    path = src_uri[:-3]
    if path == "index" or path.endswith("/index"):
        return path[:-5]
    return path + "/"


@dataclass
class Context:
    content: Content
    language: Language

    @property
    def campaign(self) -> Campaign:
        return self.content.campaign

    @cached_property
    def strings(self) -> Strings:
        return self.campaign.strings[self.language.code]

    @property
    def is_reference(self) -> bool:
        return self.language.code == self.campaign.default_language

    def page(self, src_uri: str) -> Page:
        """The page in this language, else the reference page."""
        return self.content.page(src_uri, self.language.code) or self.content.reference(src_uri)

    def date(self, value: dt.date) -> str:
        return format_date(value, self.language, self.strings)

    def citation(self, document: Page) -> str:
        """'Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ' for a legal document."""
        meta = self.page(document.src_uri).meta
        return self.strings.citation.format(
            kind=self.strings.legal_kinds.get(meta.kind, meta.kind),
            number=meta.number,
            date=self.date(meta.date),
            issuer=meta.issuer,
        )

    def district_name(self, district: District) -> str:
        return f"{self.strings.district_kinds[district.kind]} {district.name}"


def inline_html(text: str) -> str:
    """Markdown of one sentence (bold, a link) as inline HTML."""
    return markdown.markdown(text).removeprefix("<p>").removesuffix("</p>")


def link(here: str, target: str) -> str:
    """Relative Markdown link from page `here` to page `target` (both src_uris)."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def href(here: str, target: str) -> str:
    """Relative URL from page `here` to page `target` (src_uris), for generated HTML.

    Long listings are written as HTML rather than Markdown: Python-Markdown is
    the slowest step of a build, and these links are correct by construction."""
    start, end = page_url(here), page_url(target)
    common = 0
    for a, b in zip(start.split("/")[:-1], end.split("/")[:-1], strict=False):
        if a != b:
            break
        common += 1
    ups = start.count("/") - common
    rest = "/".join(end.split("/")[common:])
    return "../" * ups + rest or "./"


def tag_uri(folder: str, tag: str) -> str:
    """The listing page of one tag in a section."""
    return f"{folder}/theo-chu-de/{slug(tag)}.md"
