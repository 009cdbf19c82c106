"""Links between pages: every internal link reaches a page or file, every #anchor a heading.

Anchors are the ids Python-Markdown's toc extension gives headings (the site
uses its default slugify), so a link written against a heading's text keeps
working exactly when the built page has that id.
"""

from __future__ import annotations

import posixpath
import re
from difflib import get_close_matches
from typing import TYPE_CHECKING
from urllib.parse import unquote

from markdown.extensions.toc import slugify, unique

from ..model.errors import Problems
from ..model.placeholders import find_placeholders
from ..model.sections import DISTRICT_FOLDER, FINDER_FOLDER, PLAN_FOLDER, SECTIONS
from .markup import Link, Markup
from .safety import scheme_of

if TYPE_CHECKING:  # the content model calls these checks: no import at run time
    from ..model.content import Content, Page

_INLINE_MARKUP = re.compile(r"<[^>]+>|[*_`]")
_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def check(content: Content, markups: dict[str, Markup], files: set[str], problems: Problems) -> None:
    """`markups`: the scanned Markup of each page file (by path); `files`: every file under docs/."""
    generated = {f"{PLAN_FOLDER}/index.md"} | {f"{DISTRICT_FOLDER}/{d.key}.md" for d in content.campaign.districts}
    generated |= {f"{FINDER_FOLDER}/index.md"}
    generated |= {f"{FINDER_FOLDER}/{unit.key}.md" for unit in content.campaign.admin_map.units}
    targets = files | generated
    for languages in content.pages.values():
        for page in languages.values():
            for link in markups[str(page.path)].links:
                _check_link(content, page, link, markups, targets, problems)


def _check_link(
    content: Content, page: Page, link: Link, markups: dict[str, Markup], targets: set[str], problems: Problems
) -> None:
    if not link.url or scheme_of(link.url) or link.url.startswith("//"):
        return  # external links: their scheme is the safety check's business
    path, _, anchor = unquote(link.url).partition("#")
    path = path.partition("?")[0]
    if path.startswith("/"):
        problems.add(
            page.path,
            link.line,
            f"liên kết “{link.url}” bắt đầu bằng “/”: nó sẽ hỏng khi trang web có địa chỉ khác.",
            "Viết đường dẫn tính từ thư mục của trang này tới tệp .md, ví dụ ../chinh-sach/bao-hiem-y-te.md",
        )
        return
    here = posixpath.dirname(page.src_uri)
    target = posixpath.normpath(posixpath.join(here, path)) if path else page.src_uri
    if target not in targets and not _is_generated_listing(target):
        problems.add(page.path, link.line, *_not_found(link, target, here, targets))
        return
    linked = content.page(target, page.language) or content.pages.get(target, {}).get(content.campaign.default_language)
    if anchor and linked is not None and _has_only_written_headings(linked):
        anchors = _anchors(content, linked, markups[str(linked.path)], page.language)
        if anchor not in anchors:
            close = get_close_matches(anchor, sorted(anchors), n=1)
            hint = (
                f"Có phải ý bạn là “#{close[0]}”?"
                if close
                else "Các mục của trang: " + ", ".join(f"#{name}" for name in sorted(anchors))
            )
            problems.add(
                page.path,
                link.line,
                f"liên kết “{link.url}” dẫn tới mục “#{anchor}” mà trang “{target}” không có.",
                hint,
            )


def _not_found(link: Link, target: str, here: str, targets: set[str]) -> tuple[str, str]:
    what = "ảnh" if link.image else "liên kết"
    if target.startswith("../") or target == "..":
        return f"{what} “{link.url}” trỏ ra ngoài thư mục docs/.", "Chỉ dẫn tới trang hoặc tệp trong docs/."
    if not target.endswith(".md") and any(known.startswith(target + "/") for known in targets):
        return (
            f"{what} “{link.url}” dẫn tới một thư mục, không phải một trang.",
            f"Dẫn tới tệp .md của trang, ví dụ {posixpath.relpath(target + '/index.md', here or '.')}",
        )
    same_kind = sorted(known for known in targets if posixpath.splitext(known)[1] == posixpath.splitext(target)[1])
    close = get_close_matches(target, same_kind, n=1)
    if close:
        hint = f"Có phải ý bạn là “{posixpath.relpath(close[0], here or '.')}”?"
    elif link.image:
        hint = "Tải ảnh lên thư mục anh/ cạnh bài rồi ghi đúng tên tệp: ![mô tả ảnh](anh/ten-anh.jpg)"
    else:
        hint = "Đường dẫn tính từ thư mục của trang này, ví dụ ../chinh-sach/bao-hiem-y-te.md"
    return f"{what} “{link.url}” không dẫn tới đâu: không có docs/{target}.", hint


def _is_generated_listing(target: str) -> bool:
    """Listings by district, year and tag live in sub-folders of the faceted sections,
    where editors write no pages; the generator makes them from the items."""
    folder, _, rest = target.partition("/")
    faceted = any(section.folder == folder and section.listed_by_facets for section in SECTIONS)
    return faceted and target.endswith(".md") and "/" in rest


def _has_only_written_headings(page: Page) -> bool:
    """Index pages and `{{ block:… }}` get headings from the generator: their anchors are not checked."""
    is_index = page.src_uri == "index.md" or page.src_uri.endswith("/index.md")
    return not is_index and not any(p.kind == "block" for p in find_placeholders(page.body))


def _anchors(content: Content, page: Page, markup: Markup, language: str) -> set[str]:
    """The ids of `page` built in `language`, named as toc names them: ids set by hand
    first (toc collects them before it names headings), then title, headings, legal basis."""
    ids: set[str] = set(markup.ids)
    titles = [page.meta.title]
    for heading in markup.headings:
        if heading.explicit_id:
            ids.add(heading.explicit_id)
        else:
            titles.append(_LINK_TEXT.sub(r"\1", _INLINE_MARKUP.sub("", heading.text)))
    if getattr(page.meta, "legal_basis", None):
        titles.append(content.campaign.strings[language].legal_basis)
    for title in titles:
        unique(slugify(title, "-"), ids)
    return ids
