"""The site's mark for print: its SVG with every colour set to one press colour (the site's file is RGB)."""

from __future__ import annotations

import re
from pathlib import Path

COLOUR = re.compile(r'(fill|stroke)="#[0-9a-fA-F]{3,8}"')


def mark_svg(path: Path, colour: str) -> str:
    """The mark with every colour, the default fill included, in `colour` (a CSS colour, e.g. device-cmyk)."""
    svg = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
    svg = COLOUR.sub(lambda match: f'{match.group(1)}="{colour}"', svg)
    opening = re.search(r"<svg[^>]*>", svg)
    assert opening, path
    # No size (the style sheet sets it); the default fill (black, in RGB) in the press colour too.
    sized = re.sub(r'\s(width|height|fill)="[^"]*"', "", opening.group()).replace("<svg", f'<svg fill="{colour}"', 1)
    return svg[: opening.start()] + sized + svg[opening.end() :]
