"""Where every page lives: the URL sections, the content type each holds, and the
one spelling of each page's path under docs/ (its `src_uri`) and of its URL."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..slugs import slug
from .schema import CommendationMeta, FaqMeta, LegalDocumentMeta, NewsMeta, PageMeta, PolicyMeta, StoryMeta


@dataclass(frozen=True)
class Section:
    folder: str
    content_type: str
    schema: type[PageMeta]
    listed_by_facets: bool = False  # many items over the years: paginated, by district, year and tag
    search_weight: float = 1.0  # above 1: ranks first in search when the words match as well

    @property
    def index(self) -> str:
        return f"{self.folder}/index.md"

    def item(self, key: str) -> str:
        return f"{self.folder}/{key}.md"

    def by_district(self, district: str) -> str:
        return f"{self.folder}/theo-dia-phuong/{district}.md"

    def by_year(self, year: int) -> str:
        return f"{self.folder}/theo-nam/{year}.md"

    def by_tag(self, tag: str) -> str:
        return f"{self.folder}/theo-chu-de/{slug(tag)}.md"


SECTIONS = (
    Section("chinh-sach", "policy", PolicyMeta, search_weight=2.0),
    Section("van-ban", "legal", LegalDocumentMeta, search_weight=0.5),
    Section("guong-thoat-ngheo", "story", StoryMeta, listed_by_facets=True),
    Section("bieu-duong", "commendation", CommendationMeta, listed_by_facets=True),
    Section("tin-tuc", "news", NewsMeta, listed_by_facets=True),
    Section("hoi-dap", "faq", FaqMeta, search_weight=1.5),
)
BY_TYPE = {section.content_type: section for section in SECTIONS}
BY_FOLDER = {section.folder: section for section in SECTIONS}
PLAN_URI = "ke-hoach/index.md"  # generated from campaign/plan.yml
DISTRICT_FOLDER = "dia-phuong"  # generated from campaign/districts.yml
DISTRICT_INDEX = f"{DISTRICT_FOLDER}/index.md"
FINDER_FOLDER = "hoi-o-dau"  # the finder ("Hỏi ở đâu?") and one page per unit of today (admin_map.yml)
FINDER_URI = f"{FINDER_FOLDER}/index.md"
TRANSLATIONS_URI = "ban-dich.md"  # generated: the state of every translation
SEARCH_URI = "tim-kiem.md"  # generated: the search page
SELF_CHECK_URI = "tu-kiem-tra-ho-ngheo.md"  # generated: "Hộ tôi có thuộc diện hộ nghèo, cận nghèo?"
REPORTS_FOLDER = "bao-cao"  # generated from campaign/activities/: the plan's periodic reports
REPORTS_INDEX = f"{REPORTS_FOLDER}/index.md"
EVENTS_URI = "su-kien/index.md"  # generated from campaign/activities/: the events still to come
ADMIN_FOLDER = "quan-tri"  # the newsroom's forms (Sveltia CMS, campaign_kit.cms), not indexed
SEARCH_BUNDLE = "pagefind"  # folder under the site root of the search index, made after the build


def search_data(language: str) -> str:
    """Path under the site root of what a language's search page reads besides Pagefind's index: its
    pages' titles, and the words of a language written without spaces (campaign_kit.search_index)."""
    return f"{SEARCH_BUNDLE}/search-{language}.json"


# Every folder a page may live in: the sections, the district pages (their index
# only; the rest is generated). A page anywhere else would be published as a plain
# page, with no schema (a story without consent): it is refused.
PAGE_FOLDERS = (*BY_FOLDER, DISTRICT_FOLDER)


def is_known_place(src_uri: str) -> bool:
    """Whether a page may be written at `src_uri`: at the top, or directly in a known folder."""
    folder, _, name = src_uri.partition("/")
    if not name:
        return True
    return folder in PAGE_FOLDERS and "/" not in name and (folder in BY_FOLDER or name == "index.md")


def growing_section(src_uri: str) -> Section | None:
    """The section when the page is one of the many of a section that grows every year (an item,
    or a listing by page, district, year or tag), not its index. Such pages share their section's
    share card and get no short link: their number must not drive the cost of a build."""
    folder, _, _name = src_uri.partition("/")
    section = BY_FOLDER.get(folder)
    return section if section is not None and section.listed_by_facets and src_uri != section.index else None


def section_of(src_uri: str) -> Section | None:
    """The item section of a page, or None for plain pages and section index pages."""
    folder, _, name = src_uri.partition("/")
    if not name or "/" in name or name == "index.md":
        return None
    return BY_FOLDER.get(folder)


def legal_uri(key: str) -> str:
    return BY_TYPE["legal"].item(key)


def district_uri(key: str) -> str:
    return f"{DISTRICT_FOLDER}/{key}.md"


def unit_uri(key: str) -> str:
    """The page of a unit of today."""
    return f"{FINDER_FOLDER}/{key}.md"


def page_url(src_uri: str) -> str:
    """URL (relative to the language root) of a page with directory URLs."""
    path = src_uri[:-3]
    if path == "index" or path.endswith("/index"):
        return path[:-5]
    return path + "/"


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
