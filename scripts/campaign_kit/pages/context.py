"""What every page generator needs: the content, one language, and small helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import markdown

from ..formatting import format_date
from ..model.campaign import Campaign, District, Language, Strings
from ..model.content import Content, Page
from ..model.schema import LegalDocumentMeta


@dataclass
class Context:
    content: Content
    language: Language
    production: bool = False  # a public build: no draft-only details (print file names)

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
        assert isinstance(meta, LegalDocumentMeta)
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
