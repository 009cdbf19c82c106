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


THEME_CSS = "assets/stylesheets/campaign-theme.css"


def site_assets(campaign: Campaign, fonts_dir: Path, cache_dir: Path, language: str) -> dict[str, Path | str]:
    """The language's web fonts and one stylesheet with their @font-face rules and the palette
    (one request, not two: every render-blocking request delays a slow phone's first paint)."""
    scripts = set(campaign.language(language).scripts)
    fonts = web_fonts(campaign, fonts_dir, scripts)
    built = build_web_fonts(fonts, cache_dir / "webfonts")
    assets: dict[str, Path | str] = {f"{FONT_DIR}/{path.name}": path for path in built}
    families = list(dict.fromkeys(font.family for font in fonts))
    assets[THEME_CSS] = font_face_css(fonts, "../fonts/") + "\n" + palette_css(campaign.site.palette, families)
    return assets


def preloaded_fonts(campaign: Campaign, fonts_dir: Path, language: str) -> list[str]:
    """The upright faces (regular and bold: body text and headings) of each script the language
    is written in, fetched at once so that `font-display: optional` finds them in time."""
    fonts = web_fonts(campaign, fonts_dir, set(campaign.language(language).scripts))
    return [f"{FONT_DIR}/{font.output_name}" for font in fonts if font.style == "normal"]
