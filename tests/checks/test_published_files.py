"""Files are never published as sent: photos re-encoded without metadata, PDFs re-written without
what acts or hides. Each property is tried on generated variants (Hypothesis)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
import weasyprint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ExifTags, Image

from campaign_kit.published_files import NotPublishable, clean_image, clean_pdf, pdf_active_parts

PERSONAL = "Nguyễn Văn Sơn 0912345678"
EXIF_TEXT = [ExifTags.Base.Artist, ExifTags.Base.ImageDescription, ExifTags.Base.Copyright, ExifTags.Base.Make]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    saved_as=st.sampled_from(["JPEG", "PNG", "WEBP", "GIF"]),
    suffix=st.sampled_from([".jpg", ".jpeg", ".png", ".webp"]),
    tags=st.lists(st.sampled_from(EXIF_TEXT), max_size=4),
    comment=st.booleans(),
    xmp=st.booleans(),
    frames=st.integers(1, 3),
    orientation=st.sampled_from([None, 3, 6]),
)
def test_a_photo_is_published_as_its_picture_only(
    tmp_path: Path, saved_as: str, suffix: str, tags: list[int], comment: bool, xmp: bool, frames: int, orientation
) -> None:
    exif = Image.Exif()
    for tag in tags:
        exif[tag] = PERSONAL
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSDestLatitude: (9.0, 50.0, 12.5)}
    images = [Image.new("RGB", (40, 20), colour) for colour in ("red", "blue", "green")[:frames]]
    options: dict = {"exif": exif.tobytes()} if saved_as in ("JPEG", "PNG", "WEBP") else {}
    if comment and saved_as in ("JPEG", "GIF"):
        options["comment"] = PERSONAL.encode()
    if xmp and saved_as in ("JPEG", "PNG", "WEBP"):
        options["xmp"] = f'<x:xmpmeta xmlns:x="adobe:ns:meta/">{PERSONAL}</x:xmpmeta>'.encode()
    if frames > 1 and saved_as in ("PNG", "WEBP", "GIF"):
        options.update(save_all=True, append_images=images[1:], duration=50)
    path = tmp_path / f"anh{suffix}"
    images[0].save(path, saved_as, **options)

    data = clean_image(path)
    assert PERSONAL.encode() not in data and b"Exif" not in data and b"xmpmeta" not in data
    with Image.open(io.BytesIO(data)) as published:
        assert published.format == {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}[suffix]
        assert getattr(published, "n_frames", 1) == 1
        assert not published.getexif() and "comment" not in published.info
        upright = (20, 40) if orientation == 6 and saved_as != "GIF" else (40, 20)
        assert published.size == upright
        assert published.convert("RGB").getpixel((5, 5))[0] > 200  # the first frame: red


def test_an_image_beyond_the_pixel_limit_is_never_decoded(tmp_path: Path) -> None:
    path = tmp_path / "lon.png"
    Image.new("1", (9000, 5000)).save(path)
    with pytest.raises(NotPublishable):
        clean_image(path)


ACTIONS = {
    "open-javascript": lambda pdf: setattr(pdf.Root, "OpenAction", _action(pdf, "/JavaScript", JS="app.alert(1)")),
    "open-uri": lambda pdf: setattr(pdf.Root, "OpenAction", _action(pdf, "/URI", URI="https://evil.example/")),
    "launch": lambda pdf: setattr(pdf.pages[0].obj, "AA", pikepdf.Dictionary(O=_action(pdf, "/Launch", F="cmd"))),
    "submit-form": lambda pdf: setattr(pdf.Root, "AcroForm", pikepdf.Dictionary(Fields=pikepdf.Array())),
    "widget": lambda pdf: _annotate(pdf, "/Widget", _action(pdf, "/SubmitForm", F="https://evil.example/")),
    "link-launch": lambda pdf: _annotate(pdf, "/Link", _action(pdf, "/Launch", F="cmd")),
    "attachment": lambda pdf: pdf.attachments.__setitem__("a.txt", pikepdf.AttachedFileSpec(pdf, PERSONAL.encode())),
    "names-js": lambda pdf: setattr(pdf.Root, "Names", pikepdf.Dictionary(JavaScript=pikepdf.Dictionary())),
    "author": lambda pdf: pdf.docinfo.__setitem__("/Author", PERSONAL),
}


def _action(pdf: pikepdf.Pdf, kind: str, **values: str) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(S=pikepdf.Name(kind), **{key: pikepdf.String(value) for key, value in values.items()})


def _annotate(pdf: pikepdf.Pdf, subtype: str, action: pikepdf.Dictionary) -> None:
    annotation = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name(subtype), Rect=[0, 0, 9, 9], A=action)
    annotations = [*pdf.pages[0].obj.get("/Annots", []), pdf.make_indirect(annotation)]
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array(annotations))


@pytest.fixture(scope="module")
def document() -> bytes:
    return weasyprint.HTML(string="<p>Mẫu đơn <a href='https://dichvucong.gov.vn/'>cổng dịch vụ</a></p>").write_pdf()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(attacks=st.lists(st.sampled_from(sorted(ACTIONS)), min_size=1, max_size=4, unique=True), xmp=st.booleans())
def test_a_pdf_is_published_without_what_acts_or_names(tmp_path: Path, document: bytes, attacks, xmp) -> None:
    pdf = pikepdf.open(io.BytesIO(document))
    for attack in attacks:
        ACTIONS[attack](pdf)
    if xmp:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = [PERSONAL]
    path = tmp_path / "van-ban.pdf"
    pdf.save(path)
    if set(attacks) - {"author"}:
        assert pdf_active_parts(pikepdf.open(path)), "the gate sees what the build removes"
    published = pikepdf.open(io.BytesIO(clean_pdf(path)))
    assert pdf_active_parts(published) == []
    assert "/Metadata" not in published.Root and "/Info" not in published.trailer
    assert not published.attachments
    links = [a for a in published.pages[0].obj.get("/Annots", []) if a.get("/A", {}).get("/S") == "/URI"]
    assert links, "the document's plain link stays"
    assert len(published.pages) == 1
