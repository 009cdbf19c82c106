"""A photo's metadata text is read like a page (the repository is public: the pull request publishes
it whatever the build drops): a phone, an ID or an e-mail in any of its places — EXIF description,
artist, copyright, Windows' comment, the user comment, a JPEG comment, XMP (extended too), a PNG
text chunk, WebP's XMP — is refused; `make fix` removes it, and what the build publishes has none."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image, PngImagePlugin

from campaign_kit.checks.images import check_metadata_text, metadata_text
from campaign_kit.fix import clean_photo
from campaign_kit.model.errors import Problems
from campaign_kit.published_files import clean_image

SECRETS = ["Gọi 0912 345 678", "CCCD 091234567890", "chi.ba@gmail.com", "Nhà số 12 đường Lê Lợi"]
PLACES = ["description", "artist", "copyright", "xp-comment", "user-comment", "comment", "xmp", "png-text", "webp-xmp"]


def _xmp(text: str) -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>{text}</dc:description>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


def described(path: Path, place: str, text: str) -> Path:
    """A small photo at `path` carrying `text` in metadata `place`."""
    image = Image.radial_gradient("L").resize((900, 600)).convert("RGB")
    exif = Image.Exif()
    tags = {"description": ExifTags.Base.ImageDescription, "artist": ExifTags.Base.Artist}
    tags["copyright"] = ExifTags.Base.Copyright
    if place in tags:
        exif[tags[place]] = text.encode()  # UTF-8 in an ASCII field, as phones write it
    elif place == "xp-comment":
        exif[ExifTags.Base.XPComment] = text.encode("utf-16-le")
    elif place == "user-comment":
        exif[ExifTags.IFD.Exif] = {ExifTags.Base.UserComment: b"UNICODE\0" + text.encode("utf-16-le")}
    options: dict[str, object] = {"exif": exif.tobytes()}
    if place == "comment":
        options["comment"] = text.encode()
    if place == "xmp":
        options["xmp"] = _xmp(text)
    if place == "png-text":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("Description", text)
        path = path.with_suffix(".png")
        options = {"pnginfo": info}
    if place == "webp-xmp":
        path = path.with_suffix(".webp")
        options["xmp"] = _xmp(text)
    image.save(path, **options)
    return path


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(place=st.sampled_from(PLACES), secret=st.sampled_from(SECRETS))
def test_personal_details_in_any_metadata_place_are_refused(tmp_path: Path, place: str, secret: str) -> None:
    path = described(tmp_path / f"anh-{place}.jpg", place, f"Ảnh nhà chị Ba. {secret}.")
    problems = Problems(tmp_path)
    check_metadata_text(path, problems)
    assert problems.items, (place, secret, metadata_text(Image.open(path)))
    assert all(p.message.startswith("thông tin ẩn trong ảnh") and p.line == 1 for p in problems.items)
    assert "091234567890" not in " ".join(p.message for p in problems.items), "numbers are quoted half-hidden"


@pytest.mark.parametrize("place", PLACES)
def test_harmless_metadata_passes_and_fix_removes_the_rest(tmp_path: Path, place: str) -> None:
    harmless = described(tmp_path / "sach.jpg", place, "Ruộng lúa mùa nước nổi")
    problems = Problems(tmp_path)
    check_metadata_text(harmless, problems)
    assert problems.items == []
    path = described(tmp_path / "anh.jpg", place, "Gọi 0912 345 678")
    changes, left = clean_photo(path)
    assert left == [] and changes, "make fix cleans it"
    problems = Problems(tmp_path)
    check_metadata_text(path, problems)
    assert problems.items == []


def test_extended_xmp_is_read_too(tmp_path: Path) -> None:
    """Extended XMP lives in APP1 segments of its own, after the main packet."""
    path = described(tmp_path / "anh.jpg", "description", "Ruộng lúa")
    data = path.read_bytes()
    payload = b"http://ns.adobe.com/xmp/extension/\0" + b"0" * 32 + b"\0\0\0\x40\0\0\0\0" + _xmp("Gọi 0912 345 678")
    segment = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
    path.write_bytes(data[:2] + segment + data[2:])
    problems = Problems(tmp_path)
    check_metadata_text(path, problems)
    assert problems.items


@pytest.mark.parametrize("place", PLACES)
def test_what_the_build_publishes_has_no_metadata_text(tmp_path: Path, place: str) -> None:
    path = described(tmp_path / "anh.jpg", place, "Gọi 0912 345 678")
    with Image.open(io.BytesIO(clean_image(path))) as published:
        assert "0912" not in metadata_text(published)
