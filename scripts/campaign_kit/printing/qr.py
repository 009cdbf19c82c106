"""QR codes as vector SVG in black ink only, so they stay sharp and print on one plate."""

from __future__ import annotations

from functools import cache
from itertools import groupby

import segno

from .colours import BLACK_INK, PAPER, css_cmyk

QUIET_ZONE = 4  # modules of paper around the code, as the standard asks, so it scans on any background
MIN_MODULE_MM = 0.5  # a cheap phone camera at arm's length, a 150 dpi scan
MIN_CODE_MM = 20  # the code without its quiet zone


@cache  # a product's codes repeat on its variants and sizes: encoding one is 10 ms
def qr_svg(url: str) -> str:
    """The code as an SVG (mm) of modules of at least MIN_MODULE_MM and at least MIN_CODE_MM wide:
    one paper square, then a row of dark runs per module row.
    Written here rather than by segno, whose SVG colours are RGB only (WeasyPrint reads device-cmyk)."""
    code = segno.make(url, error="m", micro=False)
    size = code.symbol_size(border=QUIET_ZONE)[0]
    module = max(MIN_MODULE_MM, MIN_CODE_MM / code.symbol_size(border=0)[0])
    side = round(size * module, 2)
    runs = []
    for y, row in enumerate(code.matrix_iter(border=QUIET_ZONE)):
        x = 0
        for dark, modules in groupby(row):
            length = len(list(modules))
            if dark:
                runs.append(f"M{x} {y + 0.5}h{length}")
            x += length
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{side}mm" height="{side}mm">'
        f'<path fill="{css_cmyk(PAPER)}" d="M0 0h{size}v{size}H0z"/>'
        f'<path fill="none" stroke="{css_cmyk(BLACK_INK)}" d="{"".join(runs)}"/></svg>'
    )
