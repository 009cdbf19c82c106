"""Files that are not pages, as an attacker would put them under docs/: each case with how to make it and the
start of the message that refuses it (the corpus test loads them together; the build test builds with them)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import weasyprint
from corpus import STORY
from PIL import Image


def _made(relative: str, make: Callable[[Path], object]) -> Callable[[Path], Path]:
    """How to make a file at `relative` under a docs/ folder: `make` writes it at its path."""

    def made(docs: Path) -> Path:
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        make(path)
        return path

    return made


def _write(relative: str, content: bytes = b"alert(document.cookie)") -> Callable[[Path], Path]:
    return _made(relative, lambda path: path.write_bytes(content))


def _link(relative: str, target: str) -> Callable[[Path], Path]:
    return _made(relative, lambda path: path.symlink_to(target))


# A PDF whose document-level JavaScript runs when it opens (pdfium rebuilds the missing xref).
PDF_WITH_SCRIPT = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >> endobj
4 0 obj << /Names [(a) 5 0 R] >> endobj
5 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
# A PDF that launches a program when it opens (no JavaScript: pdfium alone did not see it).
PDF_WITH_LAUNCH = PDF_WITH_SCRIPT.replace(b"/Names << /JavaScript 4 0 R >>", b"/OpenAction 5 0 R").replace(
    b"/S /JavaScript /JS (app.alert(1))", b"/S /Launch /F (cmd.exe)"
)


def _image(kind: str) -> Callable[[Path], None]:
    def save(path: Path) -> None:
        frames = [Image.new("RGB", (1600, 1200), colour) for colour in ("white", "black")]
        if kind == "gif":  # a still GIF under a .jpg name
            frames[0].save(path, "GIF")
        else:  # a flashing animation
            frames[0].save(path, "WEBP", save_all=True, append_images=frames[1:], duration=50, loop=0)

    return save


def _png_header(width: int, height: int) -> bytes:
    """A PNG that announces width × height pixels: opened lazily it is tiny, decoded it is a bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def _pdf_saying(text: str) -> Callable[[Path], None]:
    def save(path: Path) -> None:
        path.write_bytes(weasyprint.HTML(string=f"<p>{text}</p>").write_pdf())

    return save


# Files that are not pages: (id, how to make it under docs/, start of the message).
FILE_ATTACKS = [
    ("theme-script", _write("assets/javascripts/a11y.js"), "không được đặt tệp “.js” trong docs/"),
    ("html-page", _write("gioi-thieu/trang.html", b"<script>alert(1)</script>"), "không được đặt tệp “.html”"),
    ("svg-script", _write(STORY + "anh/logo.svg", SVG), "không được đặt tệp “.svg”"),
    ("stylesheet", _write("assets/stylesheets/extra.css", b"body{display:none}"), "không được đặt tệp “.css”"),
    ("unknown-type", _write(STORY + "tai-lieu.docm", b"PK"), "không được đặt tệp “.docm”"),
    ("passwd", _link(STORY + "anh/passwd.jpg", "/etc/passwd"), "đây là liên kết tượng trưng (symlink)"),
    ("git-config", _link("cau-hinh.md", "../../../.git/config"), "đây là liên kết tượng trưng (symlink)"),
    ("environ", _link("moi-truong.md", "/proc/self/environ"), "đây là liên kết tượng trưng (symlink)"),
    ("broken-link", _link(STORY + "khong-co.md", "/khong/co/tep/nay"), "đây là liên kết tượng trưng (symlink)"),
    ("folder-link", _link("he-thong", "/etc"), "đây là liên kết tượng trưng (symlink)"),
    ("pdf-broken", _write("hoi-dap/mau-hong.pdf", b"%PDF-1.4\nnot really a pdf"), "không mở được tệp PDF này"),
    ("pdf-script", _write("hoi-dap/mau.pdf", PDF_WITH_SCRIPT), "tệp PDF có mã chạy (JavaScript)"),
    ("oversized-page", _write(STORY + "bai-rat-dai.md", b"a" * (600 * 1024)), "bài dài quá giới hạn"),
    ("pdf-launch", _write("hoi-dap/mo-chuong-trinh.pdf", PDF_WITH_LAUNCH), "tệp PDF có mã chạy (JavaScript), hành"),
    ("pdf-id-table", _made("hoi-dap/danh-sach.pdf", _pdf_saying("Nguyễn Văn A, CCCD 091234567890")), "dãy số"),
    ("gif-named-jpg", _made(STORY + "anh/gif.jpg", _image("gif")), "tệp tên đuôi “.jpg” nhưng thật ra là ảnh GIF"),
    ("animation", _made(STORY + "anh/nhap-nhay.webp", _image("animation")), "ảnh động (nhiều khung hình)"),
    ("pixel-bomb", _write(STORY + "anh/rat-lon.png", _png_header(16000, 10000)), "ảnh có 16000×10000 điểm ảnh"),
    # An act's PDF nobody registered (a forged decision): only the registered file, byte for byte.
    ("pdf-forged-act", _made("van-ban/quyet-dinh-99-2099.pdf", _pdf_saying("Quyết định")), "tệp PDF văn bản"),
    ("heic", _write(STORY + "anh/chi-ba.heic", b"\0\0\0\x18ftypheic"), "ảnh dạng “.heic” (ảnh của điện thoại)"),
]
