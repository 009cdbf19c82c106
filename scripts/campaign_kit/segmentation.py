"""Word boundaries for scripts written without spaces (Khmer).

Khmer writes no spaces between words. Search engines (lunr) and line breakers
(Pango) need to know where words end, so pages in such a language get a
zero-width space (U+200B) between words, found by ICU's dictionary-based word
breaker. Readers see nothing; lines may break there, and search indexes words.
"""

from __future__ import annotations

import re

from icu4py.breakers import WordBreaker

ZWSP = "\u200b"
# Scripts written without spaces: the characters of a run, and the ICU locale that segments it.
UNSPACED = {"khmer": (re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]+"), "km")}


def mark_word_breaks(text: str, scripts: list[str]) -> str:
    """`text` with U+200B between the words of every unspaced-script run."""
    for script in scripts:
        if script in UNSPACED:
            run, locale = UNSPACED[script]
            text = run.sub(lambda match, locale=locale: _segment(match[0], locale), text)
    return text


def marked_words(texts: list[str], scripts: list[str]) -> list[str]:
    """The distinct words of unspaced-script runs in texts already marked by `mark_word_breaks`:
    the search page splits a query typed without spaces into these (the words the index holds)."""
    found: set[str] = set()
    for script in scripts:
        if script in UNSPACED:
            run = UNSPACED[script][0]
            for text in texts:
                for match in run.finditer(text.replace(ZWSP, " ")):
                    found.add(match[0])
    return sorted(found)


# Signs that end a phrase or sentence (Khmer khan ។, bariyoosan ៕, colon ៖…): a line never starts with one.
CLOSING_SIGNS = frozenset("\u17d4\u17d5\u17d6\u17d7\u17d8\u17da")


def _segment(run: str, locale: str) -> str:
    words = [run[start:end] for start, end in WordBreaker(run, locale).segments()]
    out = words[:1]
    for word in words[1:]:
        out.append(word if word[0] in CLOSING_SIGNS else ZWSP + word)
    return "".join(out)
