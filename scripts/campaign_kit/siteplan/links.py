"""Links between pages: every internal link reaches a page the site plan publishes (or a
file under docs/), every #anchor an id of that page as the build renders it.

Checked against the plan, not a guess at it: generated listings, district and plan
pages are known because the plan made them, and anchors are read from the page's
HTML rendered with the site's own Markdown configuration.
"""

from __future__ import annotations

import posixpath
from difflib import get_close_matches

from ..checks.markup import Link, scan, split_target, target_of
from ..checks.safety import scheme_of
from ..model.content import Page
from ..model.errors import Problems
from ..model.tree import walk
from .plan import SitePlan


def check_links(plan: SitePlan, problems: Problems) -> None:
    docs_dir = plan.content.docs_dir
    files = {path.relative_to(docs_dir).as_posix() for path in walk(docs_dir).files}
    for source in plan.content.sources:
        page = source.page
        if page is None or source.text is None:
            continue
        targets = files | plan.sites[page.language].pages.keys()
        for link in scan(source.text).links:
            _check_link(plan, page, link, targets, problems)


def _check_link(plan: SitePlan, page: Page, link: Link, targets: set[str], problems: Problems) -> None:
    if not link.url or scheme_of(link.url) or link.url.startswith("//"):
        return  # external links: their scheme is the safety check's business
    path, anchor = split_target(link.url)
    if path.startswith("/"):
        problems.add(
            page.path,
            link.line,
            f"liên kết “{link.url}” bắt đầu bằng “/”: nó sẽ hỏng khi trang web có địa chỉ khác.",
            "Viết đường dẫn tính từ thư mục của trang này tới tệp .md, ví dụ ../chinh-sach/bao-hiem-y-te.md",
        )
        return
    here = posixpath.dirname(page.src_uri)
    target = target_of(page.src_uri, path)
    if target not in targets:
        problems.add(page.path, link.line, *_not_found(link, target, here, targets))
        return
    if anchor and plan.has_page(target, page.language):
        anchors = plan.anchors(target, page.language)
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
