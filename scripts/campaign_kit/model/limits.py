"""Bounds on a page body, so rendering it stays fast whatever an editor (or an attacker) writes.

Python-Markdown needs time that grows faster than the text with some constructs left
open: two thousand unclosed "[" in one paragraph take seconds, eight thousand take
minutes. It also recurses once per level of nesting (lists, quotes, definitions one
after another, emphasis): a few hundred levels exhaust Python's stack. And a
placeholder is replaced by a whole block of generated text, so a page counts as
what it becomes: a block once per page, and a bounded number of placeholders.
No real page comes near these bounds (the longest legal text has a few dozen
brackets, lists are nested one level, a page has ten placeholders); a page beyond
them is refused before anything renders it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .placeholders import PATTERN as PLACEHOLDER

MAX_BLOCK_CHARACTERS = 20_000  # one paragraph, list or table
MAX_MARKUP_PER_BLOCK = 200  # of each sign of BLOCK_SIGNS in one block
BLOCK_SIGNS = "[<*_`"
MAX_MARKUP_PER_PAGE = 1_000
MAX_ABBREVIATIONS = 50  # "*[HTML]: …" definitions, each scanned against the whole page
MAX_INDENT = 24  # columns before a line's text: six levels of lists or notes
MAX_QUOTE_DEPTH = 6  # "> > > …"
MAX_DEFINITIONS_PER_BLOCK = 50  # ": …" lines of one definition list
MAX_PLACEHOLDERS = 50  # {{ kind:name }} in one page; a {{ block:… }} once
_BLOCK_SEPARATOR = re.compile(r"\n[ \t]*\n")
_ABBREVIATION = re.compile(r"^\*\[", re.MULTILINE)
_DEFINITION = re.compile(r"^ {0,3}:[ \t]", re.MULTILINE)
_QUOTES = re.compile(r"^[ \t]*(?:>[ \t]?)++", re.MULTILINE)


def beyond_limits(body: str) -> Iterator[tuple[int, str]]:
    """(0-based line in `body`, what is too much) for each bound the body passes."""
    for sign in "[<":
        if body.count(sign) > MAX_MARKUP_PER_PAGE:
            yield 0, f"quá {MAX_MARKUP_PER_PAGE} dấu “{sign}” trong một trang"
    if len(_ABBREVIATION.findall(body)) > MAX_ABBREVIATIONS:
        yield 0, f"quá {MAX_ABBREVIATIONS} định nghĩa chữ viết tắt *[…]"
    yield from _placeholders(body)
    yield from _nesting(body)
    start = 0
    for separator in [*_BLOCK_SEPARATOR.finditer(body), None]:
        end = separator.start() if separator else len(body)
        block = body[start:end]
        line = body.count("\n", 0, start)
        if len(block) > MAX_BLOCK_CHARACTERS:
            yield line, f"một đoạn dài quá {MAX_BLOCK_CHARACTERS} ký tự"
        elif sign := next((sign for sign in BLOCK_SIGNS if block.count(sign) > MAX_MARKUP_PER_BLOCK), None):
            yield line, f"quá {MAX_MARKUP_PER_BLOCK} dấu “{sign}” trong một đoạn"
        elif len(_DEFINITION.findall(block)) > MAX_DEFINITIONS_PER_BLOCK:
            yield line, f"quá {MAX_DEFINITIONS_PER_BLOCK} định nghĩa (dòng bắt đầu bằng “:”) liền nhau"
        start = separator.end() if separator else len(body)


def _placeholders(body: str) -> Iterator[tuple[int, str]]:
    found = list(PLACEHOLDER.finditer(body))
    if len(found) > MAX_PLACEHOLDERS:
        yield body.count("\n", 0, found[MAX_PLACEHOLDERS].start()), f"quá {MAX_PLACEHOLDERS} chỗ giữ chỗ {{{{ … }}}}"
    blocks = Counter(match[2] for match in found if match[1] == "block")
    for name, count in blocks.items():
        if count > 1:
            again = [match for match in found if match[1] == "block" and match[2] == name][1]
            yield body.count("\n", 0, again.start()), f"khối {{{{ block:{name} }}}} dùng {count} lần (chỉ được một lần)"


def _nesting(body: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(body.split("\n")):
        text = line.lstrip(" \t")
        indent = len(line[: len(line) - len(text)].expandtabs(4))
        if text and indent > MAX_INDENT:
            yield number, f"dòng thụt vào quá {MAX_INDENT} dấu cách (danh sách, ghi chú lồng nhau quá sâu)"
            return
    for match in _QUOTES.finditer(body):
        if match[0].count(">") > MAX_QUOTE_DEPTH:
            yield body.count("\n", 0, match.start()), f"trích dẫn lồng nhau quá {MAX_QUOTE_DEPTH} tầng (dấu “>”)"
            return
