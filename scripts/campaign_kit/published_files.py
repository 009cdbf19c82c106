"""Files under docs/ as the site publishes them: never the bytes an editor sent.

A photo is decoded (within a pixel limit, checked before decoding), its first frame
turned upright and encoded again in the format its name says, with no metadata at
all (EXIF, XMP, comments, ICC profiles, other frames): what reaches readers is the
picture. A PDF is written again by qpdf (pikepdf) without what can act or hide:
document and page actions, JavaScript, forms, embedded files, annotations other
than plain links, and without its properties and XMP metadata. The gate refuses a
file that needs any of this (`checks.images`, `checks.files`), so the editor
knows; the build applies it whatever reached it.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pikepdf
from PIL import Image, ImageOps

MAX_PIXELS = 40_000_000  # 8000 × 5000: more than any phone camera; a bigger image is a bomb
# A photo's own address (a link to it) serves it no wider than this; pages show it through the
# smaller renditions of `campaign_kit.photos`.
LARGEST_WIDTH = 1600
AVIF_SPEED = 8  # libavif's 0 (slowest, smallest) to 10: 8 is several times faster than its default, a few % larger
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
# Annotations a reader's viewer acts on or that carry content of their own; plain links (/Link
# with a /URI or a destination inside the document) stay.
_SAFE_LINK_ACTIONS = ("/URI", "/GoTo")
# Keys of the document catalogue that act, collect or hide: opening actions, scripts, forms,
# embedded files, XMP metadata, and the names table (JavaScript, EmbeddedFiles) is rebuilt without them.
_CATALOG_KEYS = ("/OpenAction", "/AA", "/AcroForm", "/Metadata", "/URI", "/Collection", "/Threads")
_NAMES_KEYS = ("/JavaScript", "/EmbeddedFiles", "/AlternatePresentations", "/Renditions")


class NotPublishable(ValueError):
    """A file the site cannot publish even cleaned; the message says why, in Vietnamese."""


def image_problems(image: Image.Image, suffix: str) -> list[str]:
    """Why the (opened, not decoded) `image` cannot be published under `suffix`."""
    found = []
    width, height = image.size
    if width * height > MAX_PIXELS:
        found.append(
            f"ảnh có {width}×{height} điểm ảnh, quá giới hạn {MAX_PIXELS // 1_000_000} triệu điểm ảnh "
            "(mở ảnh này làm treo máy)."
        )
    expected = IMAGE_FORMATS.get(suffix.lower())
    if image.format != expected:
        found.append(f"tệp tên đuôi “{suffix}” nhưng thật ra là ảnh {image.format or 'không rõ định dạng'}.")
    if getattr(image, "n_frames", 1) > 1:
        found.append("ảnh động (nhiều khung hình): trang chỉ đăng ảnh tĩnh; ảnh nhấp nháy gây hại cho người xem.")
    return found


def clean_pixels(path: Path, *, alpha: bool = True) -> Image.Image:
    """The first frame of the photo at `path`, upright, as pixels only: a new image carries none
    of the file's info (EXIF, comments, ICC, XMP), which Pillow's encoders would otherwise write
    back. RGB, or RGBA when the photo has transparency and `alpha` allows it."""
    with Image.open(path) as image:
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise NotPublishable(f"{path.name}: quá {MAX_PIXELS} điểm ảnh")
        image.seek(0)
        frame = ImageOps.exif_transpose(image.copy())
    keeps_alpha = alpha and frame.mode in ("RGBA", "LA", "P")
    frame = frame.convert("RGBA" if keeps_alpha else "RGB")
    return Image.frombytes(frame.mode, frame.size, frame.tobytes())


def encoded(frame: Image.Image, target: str, quality: int = 90) -> bytes:
    """`frame` in the format `target` (a Pillow format name), with no metadata written."""
    out = io.BytesIO()
    options: dict[str, object] = {"quality": quality} if target in ("JPEG", "WEBP", "AVIF") else {"optimize": True}
    if target == "AVIF":
        options["speed"] = AVIF_SPEED
    frame.save(out, target, **options)  # no exif=, icc_profile= or comment: none is written
    return out.getvalue()


def clean_image(path: Path, max_width: int | None = None) -> bytes:
    """The first frame of the photo at `path`, upright, in its name's format, without metadata;
    no wider than `max_width` (scaled down, proportions kept)."""
    target = IMAGE_FORMATS[path.suffix.lower()]
    frame = clean_pixels(path, alpha=target != "JPEG")
    if max_width and frame.width > max_width:
        frame = frame.resize((max_width, round(frame.height * max_width / frame.width)), Image.Resampling.LANCZOS)
    return encoded(frame, target)


def pdf_active_parts(pdf: pikepdf.Pdf) -> list[str]:
    """Names of what in `pdf` acts or carries content beyond its pages (empty: a plain document)."""
    found = [key for key in _CATALOG_KEYS if key in pdf.Root and key != "/Metadata"]
    names = pdf.Root.get("/Names")
    if names is not None:
        found += [key for key in _NAMES_KEYS if key in names]
    for page in pdf.pages:
        if "/AA" in page.obj:
            found.append("/AA")
        for annotation in page.obj.get("/Annots", []):
            if not _plain_link(annotation):
                found.append(str(annotation.get("/Subtype", "/Annot")))
    return sorted(set(found))


def clean_pdf(path: Path) -> bytes:
    """The PDF at `path` written again with pages, text, images and plain links only."""
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, pikepdf.PasswordError) as error:
        raise NotPublishable(f"{path.name}: {error}") from error
    with pdf:
        for key in _CATALOG_KEYS:
            if key in pdf.Root:
                del pdf.Root[key]
        names = pdf.Root.get("/Names")
        if names is not None:
            for key in _NAMES_KEYS:
                if key in names:
                    del names[key]
        for page in pdf.pages:
            if "/AA" in page.obj:
                del page.obj["/AA"]
            if "/Annots" in page.obj:
                kept = [annotation for annotation in page.obj.Annots if _plain_link(annotation)]
                page.obj.Annots = pdf.make_indirect(pikepdf.Array(kept))
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        pdf.remove_unreferenced_resources()
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False, deterministic_id=True)
    return out.getvalue()


def _plain_link(annotation: pikepdf.Object) -> bool:
    if annotation.get("/Subtype") != "/Link" or "/AA" in annotation:
        return False
    action = annotation.get("/A")
    return action is None or (action.get("/S") in _SAFE_LINK_ACTIONS and "/Next" not in action)


@lru_cache(maxsize=256)
def _published(path: Path, _stamp: tuple[int, int]) -> bytes:
    return clean_pdf(path) if path.suffix.lower() == ".pdf" else clean_image(path, LARGEST_WIDTH)


def published_bytes(path: Path) -> bytes | None:
    """What the site publishes for the photo or PDF at `path` (remembered while it is unchanged),
    or None when nothing of it can be published (the gate has said why)."""
    stat = path.stat()
    try:
        return _published(path, (stat.st_mtime_ns, stat.st_size))
    except (NotPublishable, OSError, ValueError, Image.DecompressionBombError, pikepdf.PdfError):
        return None
