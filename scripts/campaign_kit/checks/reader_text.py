"""Text as a reader sees it, for matching only (what is published is never changed).

Full-width and other compatibility forms become plain (NFKC), every script's digits
become 0-9, every Unicode space is a space, invisible characters vanish, HTML
entities are decoded, and emphasis or tags between two digits are dropped:
"０９１２", "091&#50;", "091**2**" all read "0912". Separators are read by their
Unicode category, not from a list: every dash (Pd) reads "-", every dot-like or
bullet punctuation "." (U+00B7, U+2022, U+30FB…), every blank-drawn letter or
symbol (Hangul fillers, the Braille blank) a space, and combining marks after a
digit vanish. Line ends are kept where they are, so a match's line is its line in the file.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_LINE_END_ENTITY = re.compile(r"&(?:#0*1[03];?|#x0*[ad];?|NewLine;)", re.IGNORECASE)
# One way to read each character of a run (no nested repetition), taken whole (possessive): the
# search stays linear on any run of signs, such as a digit followed by thousands of asterisks.
_MARKUP_BETWEEN_DIGITS = re.compile(r"(?<=\d)(?:[*_`\\]|<[^<>\n]{0,80}>)++(?=[\s.\-()]?\d)")


_MARKS = ("Mn", "Me")  # combining marks: over a digit ("0\u03020\u0302…") they are dropped


def reader_text(text: str) -> str:
    table = {ord(char): _plain(char) for char in set(text) if not char.isascii() or char == "\t"}
    if "&" in text:
        # An entity for a line end would shift every line below it: it reads as a space.
        text = html.unescape(_LINE_END_ENTITY.sub(" ", text)).replace("\r", " ")
        table = {ord(char): _plain(char) for char in set(text) if not char.isascii() or char == "\t"}
    plain = text.translate(table) if table else text
    if table and any(unicodedata.category(chr(code)) in _MARKS for code in table):
        plain = _without_marks_after_digits(plain)
    return _MARKUP_BETWEEN_DIGITS.sub("", plain)


@lru_cache(maxsize=4096)
def _plain(char: str) -> str:
    if char == "\t":
        return " "
    category = unicodedata.category(char)
    if category in ("Zs", "Zl", "Zp"):
        return " "
    if category == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF:
        return ""  # zero-width, bidirectional and tag characters, variation selectors
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    name = unicodedata.name(char, "")
    if category == "Pd":
        return "-"
    if category == "Po" and ("DOT" in name or "BULLET" in name):
        return "."
    if "FILLER" in name or "BLANK" in name:
        return " "
    return unicodedata.normalize("NFKC", char)


def _without_marks_after_digits(text: str) -> str:
    """Marks over a digit removed; elsewhere (Khmer vowel signs, an accent) they stay."""
    kept = []
    after_digit = False
    for char in text:
        if after_digit and unicodedata.category(char) in _MARKS:
            continue
        kept.append(char)
        after_digit = char.isdigit()
    return "".join(kept)
