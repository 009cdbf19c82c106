"""Campaign colours for press: the palette of campaign/site.yml written as CMYK."""

from __future__ import annotations


def hex_to_cmyk(colour: str) -> tuple[float, float, float, float]:
    """Device CMYK of an sRGB hex colour, by the plain formula (no colour profile)."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    black = 1 - max(red, green, blue)
    if black >= 1:
        return (0.0, 0.0, 0.0, 1.0)
    cyan, magenta, yellow = (round((1 - channel - black) / (1 - black), 3) for channel in (red, green, blue))
    return (cyan, magenta, yellow, round(black, 3))


def css_cmyk(colour: str) -> str:
    cyan, magenta, yellow, black = hex_to_cmyk(colour)
    return f"device-cmyk({cyan} {magenta} {yellow} {black})"
