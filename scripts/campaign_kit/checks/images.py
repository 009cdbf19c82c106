"""Photo files: light, sharp enough, and free of where and with what they were taken.

Every file under docs/ is published, linked or not, so every photo there is checked.
How a page shows an image (its description, its host) is judged on the rendered
page (`checks.safety`).
"""

from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image

from ..model.errors import Problems
from ..published_files import image_problems
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
