"""What may live in docs/: every file there is published, linked or not.

Pages, photos (JPEG, PNG, WebP) and PDF documents, nothing else: a script, a
stylesheet, an HTML or SVG file would run or restyle on the site's own address
(and one named like a theme file would replace it on every page). Theme code
lives in overrides/, where a technical reviewer reads it. No symbolic link under
docs/ or campaign/: the build would publish whatever it points to. No file of the build's
cache in the repository: the build would publish it as its own output.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium

from ..model.errors import Problems
from ..model.tree import reached_through_link, walk
from ..published_files import pdf_active_parts
from ..review_boundary import BUILD_CACHE, committed_cache_files

PAGE_SUFFIXES = (".md",)
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
DOCUMENT_SUFFIXES = (".pdf",)
# Photos as phones save them but browsers do not all show (iPhone's HEIC, Android's HEIF, RAW):
# the editor converts them, which also drops the position the phone recorded.
PHONE_PHOTO_SUFFIXES = (".heic", ".heif", ".dng", ".avif", ".tif", ".tiff", ".bmp", ".gif")
MAX_PDF_BYTES = 20 * 1024 * 1024
# Document properties a PDF may not carry: they name the person who wrote it.
_PERSONAL_METADATA = ("Author",)


def is_publishable(path: Path, docs_dir: Path) -> bool:
    """Whether the build may copy `path` (under `docs_dir`) to the site."""
    suffix = path.suffix.lower()
    allowed = suffix in PAGE_SUFFIXES + PHOTO_SUFFIXES + DOCUMENT_SUFFIXES
    if not allowed or reached_through_link(path, docs_dir):
        return False
    return suffix not in DOCUMENT_SUFFIXES or not pdf_problems(path)


def check(docs_dir: Path, campaign_dir: Path, problems: Problems) -> list[Path]:
    """Report every file that may not be published; return the other non-page files."""
    for link in walk(campaign_dir).links:
        _refuse_link(link, problems)
    tree = walk(docs_dir)
    for link in tree.links:
        _refuse_link(link, problems)
    for name in committed_cache_files(campaign_dir.parent):
        problems.add(
            campaign_dir.parent / name,
            1,
            f"tệp này nằm trong bộ nhớ tạm {BUILD_CACHE}/ của bản dựng mà lại được đưa vào kho: trang web sẽ đăng nó"
            " thay cho phông chữ hay thẻ chia sẻ do bản dựng tạo ra.",
            f"Xóa tệp khỏi kho (git rm --cached); {BUILD_CACHE}/ do bản dựng tự tạo.",
        )
    others = []
    for path in tree.files:
        suffix = path.suffix.lower()
        if suffix in PAGE_SUFFIXES:
            continue
        if suffix in DOCUMENT_SUFFIXES:
            _check_pdf(path, problems)
        elif suffix in PHONE_PHOTO_SUFFIXES:
            problems.add(
                path,
                1,
                f"ảnh dạng “{path.suffix}” (ảnh của điện thoại) không hiện được trên mọi máy của bạn đọc.",
                "Chuyển sang JPG rồi tải lên lại: trên iPhone chọn Cài đặt > Camera > Định dạng > Tương thích nhất"
                " (chụp sẵn JPG), hoặc mở ảnh, chia sẻ, lưu lại dưới dạng JPG; trên máy tính, mở ảnh và"
                " “Lưu thành” .jpg.",
            )
            continue
        elif suffix not in PHOTO_SUFFIXES:
            problems.add(
                path,
                1,
                f"không được đặt tệp “{path.suffix or path.name}” trong docs/: mọi tệp ở đây đều được đăng.",
                "docs/ chỉ nhận bài viết (.md), ảnh (.jpg, .png, .webp) và văn bản .pdf. Mã giao diện (.js, .css, "
                ".html, .svg) thuộc thư mục overrides/, do người phụ trách kỹ thuật duyệt.",
            )
            continue
        others.append(path)
    return others


def _refuse_link(link: Path, problems: Problems) -> None:
    problems.add(
        link,
        1,
        "đây là liên kết tượng trưng (symlink) tới tệp khác: trang web sẽ đăng nội dung của tệp đó.",
        "Xóa liên kết này; đặt chính tệp cần đăng vào docs/.",
    )


def _check_pdf(path: Path, problems: Problems) -> None:
    for message, hint in pdf_problems(path):
        problems.add(path, 1, message, hint)


def pdf_problems(path: Path) -> list[tuple[str, str]]:
    """(message, hint) for each reason the PDF at `path` may not be published."""
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        return [
            (
                f"tệp PDF nặng {size // (1024 * 1024)} MB, quá giới hạn {MAX_PDF_BYTES // (1024 * 1024)} MB.",
                "Xuất lại PDF với chất lượng ảnh cho màn hình, hoặc chia thành nhiều tệp.",
            )
        ]
    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:
        return [("không mở được tệp PDF này (hỏng hoặc có mật khẩu).", "Xuất lại tệp PDF từ bản gốc.")]
    try:
        scripts = pdfium.FPDFDoc_GetJavaScriptActionCount(document)
        attachments = document.count_attachments()
        metadata = document.get_metadata_dict(skip_empty=True)
    finally:
        document.close()
    try:
        with pikepdf.open(path) as pdf:
            active = pdf_active_parts(pdf)
    except pikepdf.PdfError:
        return [("không mở được tệp PDF này (hỏng hoặc có mật khẩu).", "Xuất lại tệp PDF từ bản gốc.")]
    found = []
    if scripts or attachments or active:
        parts = ", ".join(active)
        found.append(
            (
                "tệp PDF có mã chạy (JavaScript), hành động tự động, biểu mẫu hoặc tệp đính kèm bên trong"
                + (f" ({parts})" if parts else "")
                + ": không được đăng.",
                "Xuất lại PDF từ bản gốc (In → Lưu thành PDF) để có một tệp chỉ có chữ và ảnh.",
            )
        )
    if any(key in metadata for key in _PERSONAL_METADATA):
        found.append(
            (
                "tệp PDF còn ghi tên người soạn (Tác giả, Author) trong thuộc tính tệp.",
                "Xóa thuộc tính Tác giả (Tệp → Thuộc tính) rồi xuất lại PDF.",
            )
        )
    return found


def pdf_page_texts(path: Path) -> list[str]:
    """The text of each page of the PDF at `path`, as a reader's viewer extracts it."""
    document = pypdfium2.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_bounded() for page in document]
    finally:
        document.close()
