"""QR codes as vector SVG, so they stay sharp at any print size."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str) -> str:
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    # The standard quiet zone (4 modules) on white, so the code scans on any background.
    code.save(out, kind="svg", scale=1, border=4, xmldecl=False, svgns=True, nl=False, dark="#000", light="#fff")
    return out.getvalue().decode("ascii")
