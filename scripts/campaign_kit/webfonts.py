"""Subset vendored TTF fonts into WOFF2 web fonts and write their @font-face rules.

Pure functions, no MkDocs import: the ``campaign`` plugin calls
:func:`build_web_fonts` into a cache or site folder and serves the result of
:func:`font_face_css` as a stylesheet. Nothing here reaches the network.

Subsetting is cached: a WOFF2 file is rebuilt only when it is missing, older
than its source TTF, or when the parameters it was built with (recorded in a
hidden ``.<name>.json`` beside it) have changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

from .atomic import write_atomic

__all__ = [
    "KHMER",
    "LATIN_VIETNAMESE",
    "WebFont",
    "build_web_fonts",
    "font_face_css",
    "parse_unicode_ranges",
    "unicode_ranges_of",
]

#: Basic Latin + Latin-1, the Vietnamese letters and combining marks, general
#: punctuation (dashes, quotes, ellipsis, bullet), currency (dong, euro) and a
#: few symbols: the union of the "latin" and "vietnamese" ranges used by common
#: web-font services. No arrows (U+2190-21FF): Noto Sans 2.004 has none, so
#: they would only make the browser fetch a file that cannot draw them.
LATIN_VIETNAMESE: tuple[str, ...] = (
    "U+0000-00FF",  # Basic Latin, Latin-1 Supplement (à á â ã è é ê ì í ò ó ô õ ù ú ý)
    "U+0102-0103",  # Ă ă
    "U+0110-0111",  # Đ đ
    "U+0128-0129",  # Ĩ ĩ
    "U+0131",  # dotless i
    "U+0152-0153",  # Œ œ
    "U+0168-0169",  # Ũ ũ
    "U+01A0-01A1",  # Ơ ơ
    "U+01AF-01B0",  # Ư ư
    "U+02BB-02BC",  # modifier apostrophes
    "U+02C6",
    "U+02DA",
    "U+02DC",
    "U+0300-0301",  # combining grave, acute
    "U+0303-0304",  # combining tilde, macron
    "U+0308-0309",  # combining diaeresis, hook above
    "U+0323",  # combining dot below
    "U+0329",
    "U+1EA0-1EF9",  # Latin Extended Additional: Ạ … ỹ
    "U+2000-206F",  # General Punctuation: – — ‘ ’ “ ” • …
    "U+2074",
    "U+20AB",  # ₫
    "U+20AC",  # €
    "U+2116",  # №
    "U+2122",  # ™
    "U+2212",  # minus
    "U+2215",
    "U+25CC",  # dotted circle (base for a lone combining mark)
    "U+FEFF",
    "U+FFFD",
)

#: Khmer, Khmer Symbols, the joiners and the dotted circle used in shaping.
KHMER: tuple[str, ...] = (
    "U+1780-17FF",
    "U+19E0-19FF",
    "U+200B-200D",
    "U+25CC",
)

#: Bump when the subsetting recipe changes in a way the recorded parameters
#: would not show, so every cached WOFF2 is rebuilt once.
_RECIPE_VERSION = 1

#: Name-table records kept: the usual family/style/version records plus
#: copyright (0), trademark (7), manufacturer (8), designer (9), vendor URL
#: (11), licence description (13) and licence URL (14), so the OFL notice
#: travels inside every subset file.
_NAME_IDS: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14)

_RANGE_RE = re.compile(r"^U\+([0-9A-F]{1,6})(?:-([0-9A-F]{1,6}))?$", re.IGNORECASE)
_STYLES = frozenset({"normal", "italic", "oblique"})


@dataclass(frozen=True)
class WebFont:
    """One face of a vendored font and the code points to keep from it.

    ``unicode_ranges`` is a CSS ``unicode-range`` value: either one string
    (``"U+0000-00FF, U+20AB"``) or a sequence of single ranges.
    """

    source: Path
    family: str
    weight: int = 400
    style: str = "normal"
    unicode_ranges: str | Sequence[str] = LATIN_VIETNAMESE

    @property
    def output_name(self) -> str:
        """File name of the WOFF2 built from this face (``NotoSans-Bold.woff2``)."""
        return f"{Path(self.source).stem}.woff2"

    def range_tokens(self) -> list[str]:
        """The unicode ranges as a normalised list (``U+0000-00FF`` style)."""
        return _normalise_ranges(self.unicode_ranges)

    def cut_to(self, codepoints: set[int]) -> WebFont:
        """This face keeping only the characters of its ranges that are in ``codepoints`` (the
        text of the pages that use it); the whole face when none of them is."""
        kept = parse_unicode_ranges(self.unicode_ranges) & codepoints
        return replace(self, unicode_ranges=unicode_ranges_of(kept)) if kept else self


def parse_unicode_ranges(ranges: str | Sequence[str]) -> set[int]:
    """Return the code points covered by a CSS ``unicode-range`` value."""
    codepoints: set[int] = set()
    for token in _split_ranges(ranges):
        start, end = _parse_token(token)
        codepoints.update(range(start, end + 1))
    return codepoints


def unicode_ranges_of(codepoints: Iterable[int]) -> list[str]:
    """The shortest ``unicode-range`` list of exactly these code points (runs become ranges)."""
    runs: list[list[int]] = []
    for point in sorted(set(codepoints)):
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return [f"U+{start:04X}" if start == end else f"U+{start:04X}-{end:04X}" for start, end in runs]


def build_web_fonts(fonts: list[WebFont], out_dir: Path) -> list[Path]:
    """Subset every face to WOFF2 in ``out_dir``; return the output paths in order.

    A face is skipped (its existing file returned as is) when the output is
    newer than the source TTF and was built with the same parameters.
    """
    _check_unique_names(fonts)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs: list[Path] = []
    for font in fonts:
        _validate(font)
        source = Path(font.source)
        if not source.is_file():
            raise FileNotFoundError(f"font source not found: {source}")
        target = out_dir / font.output_name
        record = out_dir / f".{font.output_name}.json"
        params = _params(font)
        if not _is_fresh(source, target, record, params):
            _subset(source, target, parse_unicode_ranges(font.unicode_ranges))
            write_atomic(record, (json.dumps(params, indent=2, sort_keys=True) + "\n").encode())
        outputs.append(target)
    return outputs


def font_face_css(fonts: list[WebFont], url_prefix: str) -> str:
    """Return one ``@font-face`` rule per face, the WOFF2 files under ``url_prefix``.

    ``url_prefix`` is the URL of the folder holding the files, relative to the
    stylesheet or absolute (``"../fonts"``, ``"/assets/fonts/"``); empty means
    the same folder as the stylesheet.
    """
    _check_unique_names(fonts)
    rules: list[str] = []
    for font in fonts:
        _validate(font)
        url = f"{url_prefix.rstrip('/')}/{font.output_name}" if url_prefix else font.output_name
        rules.append(
            "@font-face {\n"
            f'  font-family: "{font.family}";\n'
            f"  font-style: {font.style};\n"
            f"  font-weight: {font.weight};\n"
            # optional: a face that is not there within ~100 ms is not swapped in later, so text
            # never jumps (layout shift) on a slow phone; the page preloads the regular face,
            # and once cached every later page uses it.
            "  font-display: optional;\n"
            f'  src: url("{url}") format("woff2");\n'
            f"  unicode-range: {', '.join(font.range_tokens())};\n"
            "}\n"
        )
    return "\n".join(rules)


# --------------------------------------------------------------------------- #


def _split_ranges(ranges: str | Sequence[str]) -> list[str]:
    parts = [ranges] if isinstance(ranges, str) else list(ranges)
    tokens = [tok.strip() for part in parts for tok in part.split(",")]
    tokens = [tok for tok in tokens if tok]
    if not tokens:
        raise ValueError("unicode_ranges is empty")
    return tokens


def _parse_token(token: str) -> tuple[int, int]:
    match = _RANGE_RE.match(token)
    if match is None:
        raise ValueError(f"bad unicode range {token!r} (expected U+XXXX or U+XXXX-YYYY)")
    start = int(match.group(1), 16)
    end = int(match.group(2), 16) if match.group(2) else start
    if end < start or end > 0x10FFFF:
        raise ValueError(f"bad unicode range {token!r}")
    return start, end


def _normalise_ranges(ranges: str | Sequence[str]) -> list[str]:
    out: list[str] = []
    for token in _split_ranges(ranges):
        start, end = _parse_token(token)
        out.append(f"U+{start:04X}" if start == end else f"U+{start:04X}-{end:04X}")
    return out


def _validate(font: WebFont) -> None:
    if not font.family or any(ch in font.family for ch in '"\\;{}\n'):
        raise ValueError(f"unusable font family name: {font.family!r}")
    if font.style not in _STYLES:
        raise ValueError(f"font style must be one of {sorted(_STYLES)}: {font.style!r}")
    if not 1 <= font.weight <= 1000:
        raise ValueError(f"font weight out of range 1-1000: {font.weight}")
    font.range_tokens()


def _check_unique_names(fonts: list[WebFont]) -> None:
    seen: set[str] = set()
    for font in fonts:
        if font.output_name in seen:
            raise ValueError(f"two faces would both be written as {font.output_name}")
        seen.add(font.output_name)


def _params(font: WebFont) -> dict[str, object]:
    source = Path(font.source)
    return {
        "recipe": _RECIPE_VERSION,
        "fonttools": fontTools.version,
        "source": source.name,
        "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "unicode_ranges": font.range_tokens(),
        "flavor": "woff2",
        "layout_features": "*",
        "hinting": False,
        "name_ids": list(_NAME_IDS),
    }


def _is_fresh(source: Path, target: Path, record: Path, params: dict[str, object]) -> bool:
    try:
        if target.stat().st_mtime_ns <= source.stat().st_mtime_ns:
            return False
        recorded = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(recorded == params)


def _subset(source: Path, target: Path, codepoints: set[int]) -> None:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep every OpenType feature (mark, mkmk, kern, liga...)
    options.name_IDs = list(_NAME_IDS)
    options.name_languages = [0x0409]  # English (US) Windows names only
    options.hinting = False  # phones ignore TrueType hints; saves about a third
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables = [*options.drop_tables, "DSIG"]

    font = TTFont(source, lazy=False)
    try:
        subsetter = subset.Subsetter(options=options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        data = io.BytesIO()
        subset.save_font(font, data, options)
        write_atomic(target, data.getvalue())
    finally:
        font.close()
