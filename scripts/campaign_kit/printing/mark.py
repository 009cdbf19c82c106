"""The site's mark for print: its SVG with every colour set to one press colour (the site's file is RGB)."""

from __future__ import annotations

import re
from pathlib import Path

COLOUR = re.compile(r'(fill|stroke)="#[0-9a-fA-F]{3,8}"')


def mark_svg(path: Path, colour: str) -> str:
    """The mark in `colour` (a CSS colour, e.g. device-cmyk); its size is left to the style sheet."""
    svg = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
    svg = COLOUR.sub(lambda match: f'{match.group(1)}="{colour}"', svg)
    opening = re.search(r"<svg[^>]*>", svg)
    assert opening, path
    sized = re.sub(r'\s(width|height)="[^"]*"', "", opening.group())
    return svg[: opening.start()] + sized + svg[opening.end() :]
