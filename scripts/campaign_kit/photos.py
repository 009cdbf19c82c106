"""Content photos as readers' phones get them: a few widths in modern formats, chosen by the
browser (`<picture>`, srcset and sizes), with a JPEG fallback, the space kept by width and
height, loaded only when scrolled near (loading=lazy, decoding=async).

Every rendition is made from `published_files.clean_pixels` (the first frame, upright,
pixels only: no EXIF, GPS, XMP, ICC or comment can reach a reader) and cached in
.cache/photos/ under the hash of the photo's bytes and of the settings below, as share
cards are: an unchanged photo is not encoded again. A photo is published once, under the
reference language's folders; the pages of the other languages point to it there, never
to a copy of their own.

The budget: what a phone 360 CSS px wide at device pixel ratio 2 downloads for a content
photo (the smallest rendition at least 720 px wide, in its best format) stays under
`PHONE_BUDGET` bytes; a rendition over it is encoded again at a lower quality.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, features

from .atomic import write_atomic
from .published_files import IMAGE_FORMATS, NotPublishable, clean_pixels, encoded, image_problems

WIDTHS = (480, 800, 1200)  # pixels: a small phone, a phone at DPR 2 (360 × 2 = 720), a large screen
# The layout's width of a content photo: the whole screen on a phone; Material's text column
# (about 37rem beside the sidebars) from 60em up.
SIZES = "(min-width: 60em) 40rem, 100vw"
PHONE_WIDTH = 720  # device pixels: 360 CSS px at DPR 2
PHONE_BUDGET = 300 * 1024  # bytes of one content photo on that phone
# Qualities that keep a photo of people and fields clean at these widths; lowered step by step
# for a rendition over the budget (a photo full of fine detail).
QUALITY = {"AVIF": 60, "WEBP": 78, "JPEG": 80}
MIN_QUALITY = 40
MIME = {"AVIF": "image/avif", "WEBP": "image/webp", "JPEG": "image/jpeg", "PNG": "image/png"}
SUFFIX = {"AVIF": ".avif", "WEBP": ".webp", "JPEG": ".jpg", "PNG": ".png"}
# Modern formats, best first, as this Pillow can write them (AVIF since Pillow 11.3's wheels).
MODERN = tuple(name for name in ("AVIF", "WEBP") if features.check(name.lower()))
VERSION = "1"  # change with the settings above: cached renditions are then made again
CACHE_FOLDER = "photos"
IMAGE_SUFFIXES = tuple(IMAGE_FORMATS)  # the content photos: what `published_files` re-encodes
_TURNED = (5, 6, 7, 8)  # EXIF orientations a quarter turn away: width and height swap


@dataclass(frozen=True)
class Rendition:
    uri: str  # under the language root of the reference site, e.g. "guong-thoat-ngheo/anh/x-800.webp"
    width: int
    height: int
    format: str  # Pillow's name: AVIF, WEBP, JPEG, PNG


@dataclass(frozen=True)
class Photo:
    """A content photo (`src_uri`, under docs/) and its renditions, widest last per format."""

    src_uri: str
    width: int  # of the widest rendition (what width= and height= announce)
    height: int
    fallback: str  # JPEG, or PNG for a photo with transparency
    renditions: tuple[Rendition, ...]

    def of(self, image_format: str) -> list[Rendition]:
        return [rendition for rendition in self.renditions if rendition.format == image_format]

    def for_phone(self, image_format: str) -> Rendition:
        """What a phone 360 CSS px wide at DPR 2 takes of `image_format` (the srcset choice)."""
        candidates = self.of(image_format)
        return next((r for r in candidates if r.width >= PHONE_WIDTH), candidates[-1])


def published_photo(path: Path, src_uri: str) -> Photo | None:
    """The photo at `path` (`src_uri` under docs/) as published, or None when it cannot be (the
    gate has said why: `published_files.image_problems`)."""
    try:
        return photo_of(path, src_uri)
    except (NotPublishable, OSError, ValueError, Image.DecompressionBombError):
        return None


def photo_of(path: Path, src_uri: str) -> Photo:
    """The renditions `path` gets, read from its header only (no decoding): each language's
    build knows the markup without waiting for the one that encodes."""
    with Image.open(path) as image:
        problems = image_problems(image, path.suffix)
        if problems:
            raise NotPublishable(f"{path.name}: {' '.join(problems)}")
        width, height = image.size
        if image.getexif().get(ExifTags.Base.Orientation) in _TURNED:
            width, height = height, width
        transparent = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    widths = sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})
    stem, _ = posixpath.splitext(src_uri)
    fallback = "PNG" if transparent else "JPEG"
    renditions = tuple(
        Rendition(f"{stem}-{w}{SUFFIX[name]}", w, round(height * w / width), name)
        for name in (*MODERN, fallback)
        for w in widths
    )
    return Photo(src_uri, widths[-1], round(height * widths[-1] / width), fallback, renditions)


def rendition_files(path: Path, photo: Photo, cache_dir: Path) -> dict[str, Path]:
    """Every rendition of `photo` (its source at `path`) as a file in the cache, made if missing."""
    digest = hashlib.sha256(f"{VERSION}{QUALITY}{MIN_QUALITY}{PHONE_BUDGET}".encode())
    digest.update(path.read_bytes())
    key = digest.hexdigest()
    cache = cache_dir / CACHE_FOLDER
    cache.mkdir(parents=True, exist_ok=True)
    files = {r.uri: cache / f"{key}-{r.width}{SUFFIX[r.format]}" for r in photo.renditions}
    missing = [r for r in photo.renditions if not files[r.uri].exists()]
    if missing:
        frame = clean_pixels(path, alpha=photo.fallback == "PNG")
        for rendition in missing:
            write_atomic(files[rendition.uri], _encode(frame, rendition))
    return files


def _encode(frame: Image.Image, rendition: Rendition) -> bytes:
    image = frame.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
    if rendition.format == "PNG":
        return encoded(image, "PNG")
    quality = QUALITY[rendition.format]
    data = encoded(image, rendition.format, quality)
    while len(data) > PHONE_BUDGET and quality > MIN_QUALITY:
        quality = max(MIN_QUALITY, quality - 10)
        data = encoded(image, rendition.format, quality)
    return data


# Tags of the sanitizer's output: every value double-quoted, a quote inside escaped (a ">" is not).
_IMG = re.compile(r'<img\b((?:[^>"]|"[^"]*")*)>')
_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
_HREF = re.compile(r'(<a\b(?:[^>"]|"[^"]*")*?\shref=")([^"#?:]*)(")')
_KEPT = ("class", "id", "lang", "title")  # the img attributes the sanitizer let through, besides src and alt


def responsive_photos(body: str, page_url: str, photos: Mapping[str, Photo], shared: set[str], prefix: str) -> str:
    """`body` (a page's sanitized HTML, attributes double-quoted) with every content photo as a
    `<picture>`, and every link or image to a file under docs/ (`shared`, the photos among them)
    pointing to its one published copy, in the reference site. `page_url`: the page's address
    under its language root (e.g. "guong-thoat-ngheo/chi-ba/"); `prefix`: that root's ("" or "en/")."""
    here = posixpath.join(prefix, page_url) or "."

    def target(src: str) -> str:
        return posixpath.normpath(posixpath.join(page_url, html.unescape(src)))

    def address(uri: str) -> str:  # of a file under the reference site's root, from this page
        return html.escape(posixpath.relpath(uri, here))

    def image(match: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        src = attributes.get("src", "")
        uri = target(src) if src and ":" not in src else ""
        if uri in photos:
            return _picture(photos[uri], attributes, address)
        if uri in shared and prefix:
            return match.group(0).replace(f'src="{src}"', f'src="{address(uri)}"', 1)
        return match.group(0)

    def link(match: re.Match[str]) -> str:
        start, href, end = match.groups()
        uri = target(href) if href else ""
        return f"{start}{address(uri)}{end}" if uri in shared else match.group(0)

    body = _IMG.sub(image, body)
    return _HREF.sub(link, body) if prefix else body


def _picture(photo: Photo, attributes: dict[str, str], address: Callable[[str], str]) -> str:
    def srcset(image_format: str) -> str:
        return ", ".join(f"{address(r.uri)} {r.width}w" for r in photo.of(image_format))

    sources = "".join(f'<source type="{MIME[name]}" srcset="{srcset(name)}" sizes="{SIZES}">' for name in MODERN)
    kept = "".join(f' {name}="{value}"' for name, value in attributes.items() if name in _KEPT)
    return (
        f'<picture>{sources}<img src="{address(photo.for_phone(photo.fallback).uri)}" '
        f'srcset="{srcset(photo.fallback)}" sizes="{SIZES}" alt="{attributes.get("alt", "")}"{kept} '
        f'width="{photo.width}" height="{photo.height}" loading="lazy" decoding="async"></picture>'
    )
