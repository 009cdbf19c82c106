"""Bounds on a page body, so rendering it stays fast whatever an editor (or an attacker) writes.

Python-Markdown needs time that grows faster than the text with some constructs left
open: two thousand unclosed "[" in one paragraph take seconds, eight thousand take
minutes. No real page comes near these bounds (the longest legal text has a few
dozen brackets); a page beyond them is refused before anything renders it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_BLOCK_CHARACTERS = 20_000  # one paragraph, list or table
MAX_MARKUP_PER_BLOCK = 200  # "[" or "<" in one block
MAX_MARKUP_PER_PAGE = 1_000
MAX_ABBREVIATIONS = 50  # "*[HTML]: …" definitions, each scanned against the whole page
_BLOCK_SEPARATOR = re.compile(r"\n[ \t]*\n")
_ABBREVIATION = re.compile(r"^\*\[", re.MULTILINE)


def beyond_limits(body: str) -> Iterator[tuple[int, str]]:
    """(0-based line in `body`, what is too much) for each bound the body passes."""
    for sign in "[<":
        if body.count(sign) > MAX_MARKUP_PER_PAGE:
            yield 0, f"quá {MAX_MARKUP_PER_PAGE} dấu “{sign}” trong một trang"
    if len(_ABBREVIATION.findall(body)) > MAX_ABBREVIATIONS:
        yield 0, f"quá {MAX_ABBREVIATIONS} định nghĩa chữ viết tắt *[…]"
    start = 0
    for separator in [*_BLOCK_SEPARATOR.finditer(body), None]:
        end = separator.start() if separator else len(body)
        block = body[start:end]
        line = body.count("\n", 0, start)
        if len(block) > MAX_BLOCK_CHARACTERS:
            yield line, f"một đoạn dài quá {MAX_BLOCK_CHARACTERS} ký tự"
        elif any(block.count(sign) > MAX_MARKUP_PER_BLOCK for sign in "[<"):
            yield line, f"quá {MAX_MARKUP_PER_BLOCK} dấu “[” hoặc “<” trong một đoạn"
        start = separator.end() if separator else len(body)
