"""Photos as phones make them: EXIF with GPS position, camera serial and orientation."""

from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image

GPS_POSITION = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (9.0, 50.0, 12.5),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (105.0, 10.0, 1.0),
}


def photo(
    path: Path,
    size: tuple[int, int] = (1600, 1200),
    *,
    gps: bool = False,
    serial: bool = False,
    orientation: int | None = None,
    padding: int = 0,
) -> Path:
    """A JPEG at `path`; `padding` bytes after its end make it heavy without slowing the test."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Điện thoại"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        exif[ExifTags.IFD.GPSInfo] = GPS_POSITION
    if serial:
        exif[ExifTags.IFD.Exif] = {ExifTags.Base.BodySerialNumber: "R58M12ABCDE"}
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.radial_gradient("L").resize(size).convert("RGB").save(path, exif=exif.tobytes(), quality=90)
    if padding:
        with path.open("ab") as file:
            file.write(b"\0" * padding)
    return path
