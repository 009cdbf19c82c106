"""Apply the safe automatic fixes to docs/ and print every change.

    python -m campaign_kit.fix [--project .]      (make fix)

Only fixes that lose nothing an editor meant: text normalised to Unicode NFC;
photos carrying a GPS position or camera serial rewritten without their
metadata (orientation and colour profile kept); photos over the size limit
downscaled. Everything else `make check` reports is the editor's to decide.
An animated photo (WebP, APNG) is never rewritten, since that would flatten it, and a
lossless WebP is written back lossless; what could not be fixed is printed too.
Symbolic links are never followed or written through.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import unicodedata
from pathlib import Path

from PIL import ExifTags, Image

from .checks.images import MAX_BYTES, PRIVATE_METADATA, is_raster, megabytes, personal_text, private_metadata
from .checks.text import is_nfc
from .model.tree import walk

DOWNSCALED_LONG_EDGE = 2560  # px: sharp on any screen and for printing a half-page photo
# Format a photo is read as → format it is written back in. Some phones save JPEGs with
# extra frames (MPO); only the photo itself is kept. Animated GIFs are not rewritten.
_WRITTEN_AS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    project = parser.parse_args(argv).project.resolve()
    changes: list[tuple[Path, str]] = []
    not_fixed: list[tuple[Path, str]] = []
    for path in walk(project / "docs").files:
        if path.suffix == ".md":
            changes += normalise_text(path)
        elif is_raster(path):
            fixed, left = clean_photo(path)
            changes += fixed
            not_fixed += left
    for change in changes:
        print(f"{path_in(project, change[0])}: {change[1]}")
    print(f"Đã sửa {len(changes)} chỗ." if changes else "Không có gì cần sửa tự động.")
    for path, why in not_fixed:
        print(f"Không sửa được {path_in(project, path)}: {why}")
    if changes:
        print("Chạy make check để xem còn lỗi nào cần tự sửa.")
    return 0


def normalise_text(path: Path) -> list[tuple[Path, str]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return []  # make check tells the editor how to re-save it
    if is_nfc(text):
        return []
    lines = sum(1 for line in text.split("\n") if not is_nfc(line))
    _replace(path, unicodedata.normalize("NFC", text).encode("utf-8"))
    return [(path, f"đã chuẩn hóa chữ về Unicode NFC ({lines} dòng).")]


def clean_photo(path: Path) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """(changes made, what needed a fix but was left alone, and why)."""
    try:
        image = Image.open(path)
    except (OSError, Image.DecompressionBombError):
        return [], [(path, "không mở được ảnh (tệp hỏng hoặc không phải ảnh).")]
    with image:
        if image.format not in _WRITTEN_AS:
            return [], []
        private = private_metadata(image)
        described = bool(personal_text(image))  # a phone, an ID, an address in its description
        oversized = path.stat().st_size > MAX_BYTES
        if not private and not described and not oversized:
            return [], []
        if getattr(image, "n_frames", 1) > 1 and image.format != "MPO":
            why = "ảnh động: viết lại sẽ mất chuyển động. Xuất lại ảnh từ bản gốc, không kèm vị trí, cỡ nhỏ hơn."
            return [], [(path, why)]
        data, size = _without_metadata(image, shrink=oversized, lossless=_is_lossless_webp(path))
    changes = []
    if private or described:
        what = [PRIVATE_METADATA[key][0] for key in private]
        removed = ", ".join(what + ["thông tin cá nhân trong phần mô tả ảnh"] * described)
        changes.append((path, f"đã xóa {removed} và mọi thông tin kèm ảnh (giữ hướng xoay, màu)."))
    if oversized:
        before = f"{image.width}×{image.height} ({megabytes(path.stat().st_size)})"
        changes.append((path, f"đã thu nhỏ ảnh từ {before} xuống {size[0]}×{size[1]} ({megabytes(len(data))})."))
    _replace(path, data)
    return changes, []


def _is_lossless_webp(path: Path) -> bool:
    """A WebP whose image is stored lossless (a VP8L chunk): it is written back lossless."""
    with path.open("rb") as file:
        head = file.read(64)
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP" and b"VP8L" in head


def _without_metadata(image: Image.Image, *, shrink: bool, lossless: bool) -> tuple[bytes, tuple[int, int]]:
    """The image re-saved with only its orientation and colour profile; smaller if `shrink`."""
    options: dict[str, object] = {"lossless": True} if lossless else {}
    orientation = image.getexif().get(ExifTags.Base.Orientation)
    if orientation:  # kept as a tag: turning the pixels instead would re-compress the photo
        kept = Image.Exif()
        kept[ExifTags.Base.Orientation] = orientation
        options["exif"] = kept.tobytes()
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    written_as = _WRITTEN_AS[image.format or ""]
    if written_as == "JPEG":
        options["comment"] = b""  # else the encoder copies the photo's own comment
    if not shrink:
        # A JPEG keeps its own quantisation tables: no visible re-compression.
        options["quality"] = "keep" if image.format == "JPEG" else 100 if lossless else 95
        return _encode(image, written_as, options), image.size
    long_edge = DOWNSCALED_LONG_EDGE
    while True:
        smaller = image.copy()
        smaller.thumbnail((long_edge, long_edge), Image.Resampling.LANCZOS)
        data = _encode(smaller, written_as, {**options, "quality": 100 if lossless else 85})
        if len(data) <= MAX_BYTES:
            return data, smaller.size
        long_edge = long_edge * 3 // 4


def _encode(image: Image.Image, image_format: str, options: dict[str, object]) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def _replace(path: Path, data: bytes) -> None:
    """Write through a temporary file, so an interrupted fix never leaves half a file."""
    temporary = path.with_name(f".{path.name}.fix")
    temporary.write_bytes(data)
    shutil.copymode(path, temporary)
    os.replace(temporary, path)


def path_in(project: Path, path: Path) -> str:
    return path.relative_to(project).as_posix()


if __name__ == "__main__":
    sys.exit(main())
