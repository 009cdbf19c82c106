"""Raw HTML and link schemes: nothing in a page may run code, embed another site,
collect readers' data or reach out to another host by itself."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..model.errors import Problems
from .markup import Markup

# What plain writing needs, and what the generated pages use (div markdown, small).
ALLOWED_TAGS = frozenset((
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul",
))  # fmt: skip
ALLOWED_ATTRIBUTES = frozenset((
    "alt", "class", "colspan", "datetime", "height", "href", "hreflang", "id", "lang", "markdown", "open", "rel",
    "role", "rowspan", "scope", "src", "target", "title", "width",
))  # fmt: skip
ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_WHY_NOT = {
    "script": "chạy mã trên máy người đọc",
    "style": "đổi giao diện của cả trang",
    "iframe": "nhúng trang khác, trang đó theo dõi được người đọc",
    "object": "nhúng nội dung từ nơi khác",
    "embed": "nhúng nội dung từ nơi khác",
    "form": "thu thập thông tin của người đọc",
}


def check(path: Path, markup: Markup, problems: Problems) -> None:
    for tag in markup.tags:
        if tag.name not in ALLOWED_TAGS:
            if not tag.closing:
                why = _WHY_NOT.get(tag.name, "không nằm trong danh sách thẻ được dùng")
                problems.add(
                    path,
                    tag.line,
                    f"không được dùng thẻ HTML <{tag.name}> ({why}).",
                    "Xóa thẻ này. Muốn giới thiệu video hay bài ở trang khác, viết một liên kết thường: "
                    "[Xem video](https://…).",
                )
            continue
        for name, _ in tag.attributes:
            if name.startswith("on"):
                problems.add(
                    path,
                    tag.line,
                    f"thuộc tính “{name}” trong thẻ <{tag.name}> chạy mã trên máy người đọc: không được dùng.",
                    "Xóa thuộc tính này.",
                )
            elif name not in ALLOWED_ATTRIBUTES:
                problems.add(
                    path,
                    tag.line,
                    f"thuộc tính “{name}” không được dùng trong thẻ <{tag.name}>.",
                    "Các thuộc tính dùng được: " + ", ".join(sorted(ALLOWED_ATTRIBUTES)) + ".",
                )
    for link in markup.links:
        scheme = scheme_of(link.url)
        if scheme and scheme not in ALLOWED_SCHEMES:
            problems.add(
                path,
                link.line,
                f"liên kết kiểu “{scheme}:” không được dùng.",
                "Chỉ dùng liên kết https://, http://, mailto:, tel: hoặc đường dẫn tới một trang .md trong docs/.",
            )


def scheme_of(url: str) -> str:
    """The scheme of `url` as a browser reads it ('javascript' for ' jav&#x09;ascript:'), or ''."""
    compact = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    match = _SCHEME.match(compact)
    return match[1] if match else ""
