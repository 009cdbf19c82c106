"""Files the site serves beside its pages: colours from campaign/site.yml and web fonts.

Returned as {URI in the site: Path of a built file, or text}; the renderer adapter copies them.
"""

from __future__ import annotations

from pathlib import Path

from .model.campaign import Campaign, Palette
from .webfonts import KHMER, LATIN_VIETNAMESE, WebFont, build_web_fonts, font_face_css

FONT_DIR = "assets/fonts"
RANGES = {"latin": LATIN_VIETNAMESE, "khmer": KHMER}


def palette_css(palette: Palette, families: list[str]) -> str:
    """CSS variables of the campaign colours and of this language's fonts (the theme's stylesheet reads them)."""
    names = ("primary", "primary_dark", "accent", "surface", "text")
    rules = "".join(f"  --campaign-{name.replace('_', '-')}: {getattr(palette, name)};\n" for name in names)
    rules += "  --campaign-font: " + ", ".join(f'"{family}"' for family in families) + ";\n"
    return ":root {\n" + rules + "}\n"


def web_fonts(campaign: Campaign, fonts_dir: Path, scripts: set[str]) -> list[WebFont]:
    return [
        WebFont(
            source=fonts_dir / font.file,
            family=font.family,
            weight=font.weight,
            style=font.style,
            unicode_ranges=RANGES[font.script],
        )
        for font in campaign.fonts
        if font.script in scripts
    ]


def site_assets(campaign: Campaign, fonts_dir: Path, cache_dir: Path, language: str) -> dict[str, Path | str]:
    scripts = set(campaign.language(language).scripts)
    fonts = web_fonts(campaign, fonts_dir, scripts)
    built = build_web_fonts(fonts, cache_dir / "webfonts")
    assets: dict[str, Path | str] = {f"{FONT_DIR}/{path.name}": path for path in built}
    assets["assets/stylesheets/campaign-fonts.css"] = font_face_css(fonts, "../fonts/")
    families = list(dict.fromkeys(font.family for font in fonts))
    assets["assets/stylesheets/campaign-palette.css"] = palette_css(campaign.site.palette, families)
    return assets
