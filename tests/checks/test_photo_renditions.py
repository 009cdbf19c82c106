"""Content photos as readers get them (campaign_kit.photos): a few widths, modern formats with a
JPEG fallback, no metadata, cached, and within the phone budget; the markup a page gets."""

from __future__ import annotations

import io
import shutil
from html.parser import HTMLParser
from pathlib import Path

from photos import photo
from PIL import Image
from playwright.sync_api import Browser

from campaign_kit.photos import (
    MODERN,
    PHONE_BUDGET,
    PHONE_WIDTH,
    QUALITY,
    WIDTHS,
    photo_of,
    rendition_files,
    responsive_photos,
)
from campaign_kit.published_files import encoded

PERSONAL = b"R58M12ABCDE"  # the camera serial photos.photo writes


def test_a_phone_photo_becomes_small_clean_renditions_made_once(tmp_path: Path) -> None:
    source = photo(tmp_path / "anh" / "chi-ba.jpg", (1600, 1200), gps=True, serial=True, orientation=6)
    made = photo_of(source, "guong-thoat-ngheo/anh/chi-ba.jpg")
    assert "AVIF" in MODERN and "WEBP" in MODERN, "the pinned Pillow writes both modern formats"
    assert (made.width, made.height, made.fallback) == (WIDTHS[-1], WIDTHS[-1] * 4 // 3, "JPEG")  # upright
    assert [(r.width, r.format) for r in made.renditions] == [
        (width, name) for name in (*MODERN, "JPEG") for width in WIDTHS
    ]
    files = rendition_files(source, made, tmp_path / "cache")
    for rendition in made.renditions:
        data = files[rendition.uri].read_bytes()
        assert PERSONAL not in data and b"Exif" not in data, rendition.uri
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == rendition.format and image.size == (rendition.width, rendition.height)
            assert not image.getexif() and not image.info.get("xmp") and not image.info.get("icc_profile")
    stamps = {path: path.stat().st_mtime_ns for path in files.values()}
    assert rendition_files(source, made, tmp_path / "cache") == files
    assert {path: path.stat().st_mtime_ns for path in files.values()} == stamps, "cached: not encoded again"

    small = photo_of(photo(tmp_path / "nho.jpg", (600, 400)), "anh/nho.jpg")
    assert [r.width for r in small.of("JPEG")] == [480, 600], "never enlarged"


def test_a_photo_full_of_detail_stays_within_the_phone_budget(tmp_path: Path) -> None:
    size = (800, 1000)  # a portrait photo of leaves and water: fine detail everywhere
    noise = Image.merge("RGB", [Image.effect_noise(size, 50) for _ in range(3)])
    detail = Image.blend(Image.linear_gradient("L").resize(size).convert("RGB"), noise, 0.7)
    assert len(encoded(detail, "JPEG", QUALITY["JPEG"])) > PHONE_BUDGET, "the usual quality would be too heavy"
    detail.save(tmp_path / "la.png")
    made = photo_of(tmp_path / "la.png", "anh/la.png")
    files = rendition_files(tmp_path / "la.png", made, tmp_path / "cache")
    for name in (*MODERN, made.fallback):
        chosen = made.for_phone(name)
        assert chosen.width >= PHONE_WIDTH
        assert files[chosen.uri].stat().st_size <= PHONE_BUDGET, chosen.uri


def test_the_page_markup_lets_the_browser_choose(tmp_path: Path) -> None:
    made = photo_of(photo(tmp_path / "anh" / "chi-ba.jpg", (1600, 1200)), "guong-thoat-ngheo/anh/chi-ba.jpg")
    body = (
        '<p><img src="../anh/chi-ba.jpg" alt="Chị Ba &gt; vườn rau &quot;mới&quot;" title="x"></p>'
        '<p><a href="../anh/chi-ba.jpg">ảnh lớn</a> <a href="../../chinh-sach/">chính sách</a>'
        ' <img src="../anh/khac.svg" alt="khác"></p>'
    )
    photos = {made.src_uri: made}
    shared = {made.src_uri}
    here = responsive_photos(body, "guong-thoat-ngheo/chi-ba/", photos, shared, "")
    there = responsive_photos(body, "guong-thoat-ngheo/chi-ba/", photos, shared, "en/")
    for html, folder in ((here, "../anh/"), (there, "../../../guong-thoat-ngheo/anh/")):
        elements = _Elements()
        elements.feed(html)
        sources = [attributes for tag, attributes in elements.found if tag == "source"]
        assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
        img = next(attributes for tag, attributes in elements.found if tag == "img")
        assert img["src"] == f"{folder}chi-ba-800.jpg"
        assert img["srcset"] == ", ".join(f"{folder}chi-ba-{w}.jpg {w}w" for w in WIDTHS)
        assert (img["width"], img["height"], img["loading"], img["decoding"]) == ("1200", "900", "lazy", "async")
        assert img["alt"] == 'Chị Ba > vườn rau "mới"' and img["title"] == "x"
        assert all(source["sizes"] == img["sizes"] for source in sources)
        links = [attributes["href"] for tag, attributes in elements.found if tag == "a"]
        assert links == [f"{folder}chi-ba.jpg", "../../chinh-sach/"], "only links to shared files move"
        assert ("img", {"src": "../anh/khac.svg", "alt": "khác"}) in elements.found, "not a file of docs/"
        assert html.count("<picture>") == 1 and html.endswith("</p>")


def test_a_phone_takes_the_rendition_the_budget_counts(tmp_path: Path, browser: Browser) -> None:
    """Chromium at 360 CSS px, DPR 2, takes what `for_phone` says (the budget test's choice)."""
    source = photo(tmp_path / "src" / "anh" / "chi-ba.jpg", (1600, 1200))
    made = photo_of(source, "anh/chi-ba.jpg")
    site = tmp_path / "site"
    for uri, cached in rendition_files(source, made, tmp_path / "cache").items():
        (site / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(cached, site / uri)
    body = responsive_photos(
        '<p><img src="../anh/chi-ba.jpg" alt="Chị Ba"></p>', "trang/", {made.src_uri: made}, set(), ""
    )
    (site / "trang").mkdir()
    (site / "trang" / "index.html").write_text(f"<!doctype html><meta charset=utf-8>{body}", encoding="utf-8")
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto((site / "trang" / "index.html").as_uri())
        page.wait_for_function("document.querySelector('img').complete && document.querySelector('img').currentSrc")
        taken = page.evaluate("document.querySelector('img').currentSrc")
    finally:
        context.close()
    assert taken.endswith("/" + made.for_phone(MODERN[0]).uri)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "source", "a"):
            self.found.append((tag, {name: value or "" for name, value in attrs}))
