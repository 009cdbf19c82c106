"""Campaign colours for press, as device CMYK.

A palette colour (campaign/site.yml) prints with the CMYK a designer set for it in
campaign/print.yml; only a colour without one is converted from sRGB, through the
output profile with LittleCMS (Pillow's ImageCms). All text and QR codes print in
black ink alone: a screened four-colour black blurs small type when plates drift.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pydyf
from PIL import Image, ImageCms
from weasyprint import Document

from ..model.campaign import Campaign
from .layout import PrintError

BLACK_INK = (0.0, 0.0, 0.0, 1.0)  # text and QR modules
PAPER = (0.0, 0.0, 0.0, 0.0)
PROFILE_PACKAGE = "libgs-common"  # Debian package of the default output profile


def css_cmyk(cmyk: tuple[float, ...]) -> str:
    """CSS colour in the comma syntax, which WeasyPrint also reads in SVG attributes."""
    return "device-cmyk({})".format(", ".join(f"{value:g}" for value in cmyk))


def output_profile(campaign: Campaign) -> Path:
    """The CMYK profile of campaign/print.yml (relative paths from campaign/), checked."""
    return check_profile(campaign.root / campaign.print_settings.output_profile)


def check_profile(path: Path) -> Path:
    """`path` if it is a readable CMYK ICC profile, else PrintError saying what to do."""
    _cmyk_profile(path)
    return path


@cache
def _cmyk_profile(path: Path) -> ImageCms.ImageCmsProfile:
    where = "hồ sơ màu in (output_profile trong campaign/print.yml, hoặc --profile)"
    if not path.is_file():
        raise PrintError(
            f"{where}: không có tệp hồ sơ màu CMYK {path}. "
            f"Cài gói Debian {PROFILE_PACKAGE} (sudo apt-get install {PROFILE_PACKAGE}), "
            "hoặc ghi đường dẫn hồ sơ CMYK của nhà in."
        )
    try:
        profile = ImageCms.getOpenProfile(str(path))
    except (OSError, ImageCms.PyCMSError) as error:
        raise PrintError(f"{where}: không đọc được hồ sơ màu {path}: {error}.") from None
    space = profile.profile.xcolor_space.strip()
    if space != "CMYK":
        raise PrintError(f"{where}: {path} là hồ sơ màu {space}, không phải CMYK: nhà in cần hồ sơ CMYK.")
    return profile


@cache
def _from_srgb(path: Path) -> ImageCms.ImageCmsTransform:
    return ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"),
        _cmyk_profile(path),
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
    )


def press_cmyk(campaign: Campaign, key: str, profile: Path) -> tuple[float, ...]:
    """CMYK (0–1) of a palette colour: the designer's, else its sRGB converted through `profile`,
    the output intent of the files (so that a shop's profile given with --profile drives both)."""
    designed = campaign.print_settings.cmyk.get(key)  # type: ignore[call-overload]
    if designed is not None:
        return tuple(round(value / 100, 4) for value in designed)
    pixel = Image.new("RGB", (1, 1), campaign.site.palette.model_dump()[key])
    converted = Image.new("CMYK", (1, 1))
    # The core transform, not ImageCms.applyTransform: that one also copies the output profile into the
    # image's metadata, which LittleCMS cannot do for some valid CMYK profiles (Ghostscript's ps_cmyk.icc).
    _from_srgb(check_profile(profile)).transform.apply(pixel.getim(), converted.getim())
    return tuple(round(value / 255, 3) for value in converted.getpixel((0, 0)))  # type: ignore[union-attr]


def press_colours(campaign: Campaign, profile: Path) -> dict[str, str]:
    """The colours of the templates as CSS: palette colours, black ink for text, paper white.
    `profile`: the CMYK output profile (output_profile(campaign), or the one given with --profile)."""
    palette = ("primary", "primary_dark", "accent", "surface")
    return {
        **{key: css_cmyk(press_cmyk(campaign, key, profile)) for key in palette},
        "text": css_cmyk(BLACK_INK),
        "white": css_cmyk(PAPER),
    }


def output_intent_finisher(profile: Path) -> Callable[[Document, pydyf.PDF], None]:
    """A WeasyPrint finisher that embeds `profile`'s own bytes as the output intent (and the ICCBased colour space
    that shares it). WeasyPrint embeds the profile as LittleCMS writes it out again: the same tags, but a header
    and padding of its own, so not the file the press condition names; the licences of shipped profiles (profiles/)
    allow them embedded unchanged only."""

    def finish(document: Document, pdf: pydyf.PDF) -> None:
        for intent in pdf.catalog.get("OutputIntents", []):
            stream = pdf.objects[int(bytes(intent["DestOutputProfile"]).split()[0])]
            # Compressed once per process, not by pydyf at level 9 for every file: 0.25 s a product for FOGRA39.
            stream.stream = [_compressed_profile(profile)]
            stream.compress = False
            stream.extra["Filter"] = "/FlateDecode"

    return finish


@cache
def _compressed_profile(path: Path) -> bytes:
    """A profile's bytes (up to 2 MB), Flate-compressed: every product of a kit embeds the same profile."""
    return zlib.compress(path.read_bytes(), level=9)
