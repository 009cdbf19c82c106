"""The URL sections of the site and the content type each one holds."""

from __future__ import annotations

from dataclasses import dataclass

from .schema import CommendationMeta, FaqMeta, LegalDocumentMeta, NewsMeta, PageMeta, PolicyMeta, StoryMeta


@dataclass(frozen=True)
class Section:
    folder: str
    kind: str
    schema: type[PageMeta]
    listed_by_facets: bool = False  # many items over the years: paginated, by district, year and tag


SECTIONS = (
    Section("chinh-sach", "policy", PolicyMeta),
    Section("van-ban", "legal", LegalDocumentMeta),
    Section("guong-thoat-ngheo", "story", StoryMeta, listed_by_facets=True),
    Section("bieu-duong", "commendation", CommendationMeta, listed_by_facets=True),
    Section("tin-tuc", "news", NewsMeta, listed_by_facets=True),
    Section("hoi-dap", "faq", FaqMeta),
)
PLAN_FOLDER = "ke-hoach"
DISTRICT_FOLDER = "dia-phuong"
FINDER_FOLDER = "hoi-o-dau"  # the finder ("Hỏi ở đâu?") and one page per unit of today
BY_KIND = {section.kind: section for section in SECTIONS}
BY_FOLDER = {section.folder: section for section in SECTIONS}


def section_of(src_uri: str) -> Section | None:
    """The item section of a page, or None for plain pages and section index pages."""
    folder, _, name = src_uri.partition("/")
    if not name or "/" in name or name == "index.md":
        return None
    return BY_FOLDER.get(folder)
