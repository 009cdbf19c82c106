"""Photo files: light, sharp enough, and free of where and with what they were taken.

Every file under docs/ is published, linked or not, so every photo there is checked.
How a page shows an image (its description, its host) is judged on the rendered
page (`checks.safety`).
"""

from __future__ import annotations

import re
from pathlib import Path

from PIL import ExifTags, Image

from ..model.errors import Problems
from ..published_files import image_problems
from . import privacy
from .files import PHOTO_SUFFIXES

MAX_BYTES = 10 * 1024 * 1024
MIN_LONG_EDGE = 800  # px: sharp at the width of a page on a computer, and printed at 300 dpi ≈ 7 cm
_GPS_TAGS = (ExifTags.GPS.GPSLatitude, ExifTags.GPS.GPSLongitude)
_SERIAL_TAGS = (ExifTags.Base.BodySerialNumber, ExifTags.Base.LensSerialNumber)

# What a photo may carry about where and with what it was taken: (what, why it matters).
PRIVATE_METADATA = {
    "gps": ("vị trí GPS nơi chụp", "lộ chỗ ở của gia đình"),
    "serial": ("số sê-ri của máy ảnh", "lần ra được người chụp"),
}


def is_raster(path: Path) -> bool:
    return path.suffix.lower() in PHOTO_SUFFIXES


def private_metadata(image: Image.Image) -> list[str]:
    """Keys of PRIVATE_METADATA the image carries, in EXIF or XMP."""
    exif = image.getexif()
    xmp = image.info.get("xmp") or b""
    xmp = xmp.encode() if isinstance(xmp, str) else xmp
    found = []
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if any(tag in gps for tag in _GPS_TAGS) or b"GPSLatitude" in xmp:
        found.append("gps")
    details = exif.get_ifd(ExifTags.IFD.Exif)
    serial_in_exif = any(tag in details for tag in _SERIAL_TAGS) or ExifTags.Base.CameraSerialNumber in exif
    if serial_in_exif or b"SerialNumber" in xmp:
        found.append("serial")
    return found


# Text a photo carries besides its pixels: EXIF's description, artist, copyright, Windows' title,
# comment, author, keywords and subject (UTF-16), the user comment; JPEG comments and every XMP
# packet (extended XMP too); PNG and WebP text chunks.
_EXIF_TEXT = (
    ExifTags.Base.ImageDescription,
    ExifTags.Base.Artist,
    ExifTags.Base.Copyright,
    ExifTags.Base.XPTitle,
    ExifTags.Base.XPComment,
    ExifTags.Base.XPAuthor,
    ExifTags.Base.XPKeywords,
    ExifTags.Base.XPSubject,
)
_XP_TAGS = frozenset(tag for tag in _EXIF_TEXT if tag.name.startswith("XP"))
_XMP_SEGMENTS = (b"http://ns.adobe.com/xap/1.0/", b"http://ns.adobe.com/xmp/extension/")
_MARKUP = re.compile(r"<[^<>]{0,4096}>")
MAX_METADATA_TEXT = 256 * 1024  # characters read: a page's limit (model.content.MAX_PAGE_BYTES)


def metadata_text(image: Image.Image) -> str:
    """Every text the photo's metadata holds, one piece a line (what `make fix` and the build drop)."""
    pieces: list[bytes | str] = []  # XMP and comments as written; the markup of XMP is dropped
    exif = image.getexif()
    for tag in _EXIF_TEXT:
        value = exif.get(tag)
        if isinstance(value, bytes):  # Windows' XP tags: UTF-16
            pieces.append(value.decode("utf-16-le" if tag in _XP_TAGS else "utf-8", "replace"))
        elif value is not None:
            pieces.append(_as_utf8(str(value)))
    comment = exif.get_ifd(ExifTags.IFD.Exif).get(ExifTags.Base.UserComment)
    if isinstance(comment, bytes):
        pieces.append(comment[8:].decode("utf-16-le" if comment.startswith(b"UNICODE") else "latin-1", "replace"))
    elif comment:
        pieces.append(str(comment))
    for marker, data in getattr(image, "applist", []):
        if marker == "COM" or data.startswith(_XMP_SEGMENTS):
            pieces.append(data)
    for key, value in image.info.items():
        if key in ("comment", "xmp", "Description", "Comment", "Author", "Title") or key.startswith("XML:"):
            pieces.append(value if isinstance(value, bytes) else str(value))
    text = "\n".join(p.decode("utf-8", "replace") if isinstance(p, bytes) else p for p in pieces)
    return _MARKUP.sub(" ", text[:MAX_METADATA_TEXT].replace("\0", " "))


def _as_utf8(text: str) -> str:
    """EXIF's text fields are ASCII by the standard, and phones write UTF-8 in them, which the
    reader returns byte by byte ("NhÃ  sá»‘"): read back as UTF-8 when it is."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def personal_text(image: Image.Image) -> list[str]:
    """What the privacy checks of a page find in the photo's metadata text (messages)."""
    found = Problems(Path("."))
    privacy.check_text(Path("."), metadata_text(image), True, found)
    return [problem.message for problem in found.items]


def check_metadata_text(path: Path, problems: Problems) -> None:
    """A photo's metadata text is read like a page: the repository is public, so a phone or a name
    in a photo's description is published by the pull request itself, whatever the build drops."""
    if not is_raster(path):
        return
    try:
        with Image.open(path) as image:
            found = personal_text(image)
    except (OSError, Image.DecompressionBombError):
        return  # reported by check_files
    for message in found:
        problems.add(
            path,
            1,
            f"thông tin ẩn trong ảnh (EXIF, XMP, ghi chú): {message}",
            "make fix xóa mọi thông tin ẩn của ảnh, ảnh giữ nguyên (nhờ người phụ trách kỹ thuật); hoặc xuất lại"
            " ảnh từ ứng dụng chỉnh ảnh, bỏ chọn giữ thông tin ảnh.",
        )


def check_files(files: list[Path], problems: Problems) -> None:
    """`files`: every file under docs/ but the Markdown pages."""
    for path in filter(is_raster, files):
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.add(
                path,
                1,
                f"ảnh nặng {megabytes(size)}, quá giới hạn {megabytes(MAX_BYTES)}: trang sẽ tải rất chậm.",
                "make fix thu nhỏ ảnh tự động (nhờ người phụ trách kỹ thuật), hoặc thu nhỏ rồi tải lên lại.",
            )
        try:
            with Image.open(path) as image:  # read lazily: the pixels are not decoded here
                long_edge = max(image.size)
                private = private_metadata(image)
                refused = image_problems(image, path.suffix)
        except (OSError, Image.DecompressionBombError):
            problems.add(path, 1, "không mở được ảnh này (tệp hỏng hoặc không phải ảnh).", "Tải lại tệp ảnh gốc.")
            continue
        for message in refused:
            problems.add(path, 1, message, "Chụp hoặc xuất lại thành ảnh tĩnh .jpg từ ảnh gốc, rồi tải lên lại.")
        if long_edge < MIN_LONG_EDGE:
            problems.add(
                path,
                1,
                f"ảnh quá nhỏ: cạnh dài nhất {long_edge} điểm ảnh (cần ít nhất {MIN_LONG_EDGE}), sẽ mờ khi xem và in.",
                "Dùng ảnh gốc từ máy ảnh hay điện thoại; ảnh gửi qua Zalo, Facebook thường đã bị thu nhỏ.",
            )
        for key in private:
            what, why = PRIVATE_METADATA[key]
            problems.add(
                path,
                1,
                f"ảnh còn lưu {what} ({why}).",
                "make fix xóa thông tin này, ảnh giữ nguyên (nhờ người phụ trách kỹ thuật); lần sau tắt lưu vị trí.",
            )


def megabytes(size: int) -> str:
    """10485760 → '10 MB', 13002342 → '12,4 MB' (the Vietnamese decimal comma)."""
    value = f"{size / 1024 / 1024:.1f}".removesuffix(".0")
    return value.replace(".", ",") + " MB"
