"""The page as published: nothing in it may run code, embed another site, collect
readers' data or reach out to another host by itself.

The body is rendered with the site's own Markdown configuration and the HTML judged
by the site's sanitizer (`campaign_kit.html_policy`): whatever the sanitizer would
remove or change is a mistake at its line in the file. No second guess at what
Markdown makes of the text: the build publishes the same HTML, sanitized again.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..html_policy import ATTRIBUTES, URL_SCHEMES, Difference, anchors, differences, images
from ..markdown_config import render
from ..model.content import Page
from ..model.errors import Problems

_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_WHY_NOT = {
    "script": "chạy mã trên máy người đọc",
    "style": "đổi giao diện của cả trang",
    "iframe": "nhúng trang khác, trang đó theo dõi được người đọc",
    "object": "nhúng nội dung từ nơi khác",
    "embed": "nhúng nội dung từ nơi khác",
    "form": "thu thập thông tin của người đọc",
    "input": "thu thập thông tin của người đọc",
    "svg": "có thể chứa mã chạy trên máy người đọc",
}
_FILE_NAME_ALT = re.compile(r"\.(?:jpe?g|png|webp|gif|heic)$|^(?:img|dsc|dcim|image|photo|anh|ảnh)[-_ ]?\d*$", re.I)
_SHOWN = 60  # characters of a value quoted in a message: enough to find it, no more
# Link text that reads as an address: "https://dichvucong.gov.vn", "dichvucong.gov.vn/trang".
_HOST_TEXT = re.compile(r"^\s*(?:https?://)?(?:www\.)?((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})(?:[/:?#]\S*)?\s*$", re.I)


def check(page: Page, problems: Problems) -> None:
    check_body(page.path, page.body, page.body_line, problems)


def check_body(path: Path, body: str, body_line: int, problems: Problems) -> None:
    """A page's body as the site renders it (`body_line`: the file line where it starts)."""
    rendered = render(body)
    finder = _LineFinder(body)
    for difference in differences(rendered):
        line = finder.line_of(_needles(difference))
        problems.add(path, body_line + line, *message(difference))
    for href, text in anchors(rendered):
        shown = _HOST_TEXT.match(text)
        target = urlsplit(href.strip()).hostname if "//" in href or ":" in href else None
        if shown and target is not None and shown[1].lower() != target.lower().removeprefix("www."):
            problems.add(
                path,
                body_line + finder.line_of([href, text]),
                f"chữ của liên kết ghi “{_shown(text)}” nhưng liên kết dẫn tới trang khác ({_shown(target)}).",
                "Ghi đúng địa chỉ mà liên kết dẫn tới, hoặc viết chữ thường: [Cổng dịch vụ công](https://…).",
            )
    for src, alt in images(rendered):
        if not alt.strip() or _FILE_NAME_ALT.search(alt.strip()):
            problems.add(
                path,
                body_line + finder.line_of([src, "!["]),
                f"ảnh “{_shown(src)}” chưa có lời mô tả (alt) cho người không xem được ảnh.",
                "Viết trong ngoặc vuông điều ảnh cho thấy: ![Chị Tư cho heo ăn trong chuồng mới](anh/chi-tu.jpg)",
            )


def scheme_of(url: str) -> str:
    """The scheme of `url` as a browser reads it ('javascript' for ' jav&#x09;ascript:'), or ''."""
    compact = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    match = _SCHEME.match(compact)
    return match[1] if match else ""


def _needles(difference: Difference) -> list[str]:
    """What to look for in the source, most telling first."""
    if difference.kind == "attribute":
        return [difference.value.split("\n")[0].strip(), *difference.value.split(), difference.name]
    if difference.kind == "tag":
        return [f"<{difference.tag}"]
    if difference.kind == "comment":
        return ["<!--"]
    return [difference.value.strip()[:30]]


class _LineFinder:
    """0-based body line of the next occurrence of a needle: the same needle found
    again points at its next occurrence, so each of several problems gets its line."""

    def __init__(self, body: str) -> None:
        self.body = body.lower()
        self.after: dict[str, int] = {}

    def line_of(self, needles: list[str]) -> int:
        for needle in filter(None, (needle.lower() for needle in needles)):
            start = self.body.find(needle, self.after.get(needle, 0))
            if start < 0:
                start = self.body.find(needle)
            if start >= 0:
                self.after[needle] = start + 1
                return self.body.count("\n", 0, start)
        return 0


def message(difference: Difference) -> tuple[str, str]:
    tag, name, value = difference.tag, difference.name, _shown(difference.value)
    if difference.kind == "tag":
        why = _WHY_NOT.get(tag, "không nằm trong danh sách thẻ được dùng")
        return (
            f"không được dùng thẻ HTML <{tag}> ({why}).",
            "Xóa thẻ này. Muốn giới thiệu video hay bài ở trang khác, viết một liên kết thường: "
            "[Xem video](https://…).",
        )
    if difference.kind == "comment":
        return (
            "ghi chú HTML <!-- … --> vẫn được gửi tới máy người đọc (ai xem mã nguồn trang cũng đọc được).",
            "Xóa ghi chú này. Lời nhắn cho người duyệt bài ghi trong phần mô tả của pull request.",
        )
    if difference.kind == "text":
        return (
            f"đoạn “{value}” sẽ bị đổi khi đăng (có mã HTML không dùng được).",
            "Viết chữ thường, không chèn mã HTML.",
        )
    if name.startswith("on"):
        return (
            f"thuộc tính “{name}” trong thẻ <{tag}> chạy mã trên máy người đọc: không được dùng.",
            "Xóa thuộc tính này.",
        )
    if name == "style":
        return (
            f"thuộc tính “style” trong thẻ <{tag}> đổi giao diện trang: không được dùng.",
            "Xóa thuộc tính này; trang dùng giao diện chung của trang web.",
        )
    if tag == "img" and name == "src" and scheme_of(difference.value) in ("http", "https", ""):
        return (
            f"ảnh “{value}” lấy từ trang khác: trình duyệt của người đọc sẽ gửi yêu cầu tới trang đó.",
            "Tải ảnh lên thư mục anh/ cạnh bài (nếu được phép dùng) rồi dẫn tới tệp đó: ![mô tả](anh/ten-anh.jpg)",
        )
    if name in ("href", "src"):
        scheme = scheme_of(difference.value) or "?"
        return (
            f"liên kết kiểu “{scheme}:” không được dùng.",
            "Chỉ dùng liên kết https://, http://, mailto:, tel: hoặc đường dẫn tới một trang .md trong docs/.",
        )
    if name == "class":
        return (
            f"lớp (class) “{value}” trong thẻ <{tag}> không được dùng: nó mượn giao diện của trang web.",
            'Xóa {: .…} hoặc class="…"; các khung ghi chú dùng cú pháp !!! note.',
        )
    if name == "id":
        return (
            f"mã mục (id) “{value}” trùng với tên giao diện của trang web dùng.",
            "Đặt tên mục khác, bắt đầu bằng chữ cái: {#ten-muc}.",
        )
    allowed = sorted(ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set()))
    return (
        f"thuộc tính “{name}” không được dùng trong thẻ <{tag}>.",
        "Các thuộc tính dùng được: " + ", ".join(allowed) + ". Liên kết: " + ", ".join(sorted(URL_SCHEMES)) + ".",
    )


def _shown(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= _SHOWN else value[: _SHOWN - 1] + "…"
