"""Files the site serves beside its pages: one stylesheet (Material's, cut to what the pages use,
then the campaign's fonts and colours, then overrides' campaign.css) and web fonts cut to the
characters of the pages.

Both are made after the pages are rendered, from what they contain; the renderer adapter writes them.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from .css_pruning import prune_stylesheet
from .model.campaign import Campaign, Palette
from .webfonts import KHMER, LATIN_VIETNAMESE, WebFont, build_web_fonts, font_face_css

FONT_DIR = "assets/fonts"
STYLESHEET = "assets/stylesheets/site.css"
RANGES = {"latin": LATIN_VIETNAMESE, "khmer": KHMER}


def palette_css(palette: Palette, families: list[str]) -> str:
    """CSS variables of the campaign colours and of this language's fonts (the theme's stylesheet reads them)."""
    names = ("primary", "primary_dark", "accent", "surface", "text")
    rules = "".join(f"  --campaign-{name.replace('_', '-')}: {getattr(palette, name)};\n" for name in names)
    rules += "  --campaign-font: " + ", ".join(f'"{family}"' for family in families) + ";\n"
    return ":root {\n" + rules + "}\n"


def web_fonts(campaign: Campaign, fonts_dir: Path, language: str) -> list[WebFont]:
    """The faces of the scripts the language is written in."""
    scripts = set(campaign.language(language).scripts)
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


def theme_css(campaign: Campaign, fonts_dir: Path, language: str) -> str:
    """The @font-face rules of the language's faces and the campaign's palette."""
    fonts = web_fonts(campaign, fonts_dir, language)
    families = list(dict.fromkeys(font.family for font in fonts))
    font_urls = posixpath.relpath(FONT_DIR, posixpath.dirname(STYLESHEET))
    return font_face_css(fonts, font_urls) + "\n" + palette_css(campaign.site.palette, families)


def site_stylesheet(material: str, theme: str, ours: str, names: set[str] | None) -> str:
    """The one stylesheet every page links: Material's, without the rules no element of the site
    can match (`names`: what the pages' markup offers; None keeps it whole), then the fonts and
    palette, then campaign.css. The cascade of three stylesheets in one request: a slow phone
    waits for every stylesheet in the head before it paints."""
    readers = theme + "\n" + ours
    kept = material if names is None else prune_stylesheet(material, names, readers)
    return kept + "\n" + readers


def site_fonts(campaign: Campaign, fonts_dir: Path, cache_dir: Path, language: str, text: set[str]) -> dict[str, Path]:
    """The language's faces as WOFF2, each cut to the characters in `text` (everything its pages
    and stylesheet contain): {URI in the site: built file}. A character a reader types that the
    pages do not have (in the search box) is drawn from the phone's own fonts."""
    used = {ord(character) for character in text}
    fonts = [font.cut_to(used) for font in web_fonts(campaign, fonts_dir, language)]
    built = build_web_fonts(fonts, cache_dir / "webfonts" / language)
    return {f"{FONT_DIR}/{path.name}": path for path in built}


def preloaded_fonts(campaign: Campaign, fonts_dir: Path, language: str) -> list[str]:
    """The upright faces (regular and bold: body text and headings) of each script the language
    is written in, fetched at once so that `font-display: optional` finds them in time."""
    fonts = web_fonts(campaign, fonts_dir, language)
    return [f"{FONT_DIR}/{font.output_name}" for font in fonts if font.style == "normal"]
