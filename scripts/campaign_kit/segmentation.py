"""Word boundaries for scripts written without spaces (Khmer).

Khmer writes no spaces between words. Search engines (lunr) and line breakers
(Pango) need to know where words end, so pages in such a language get a
zero-width space (U+200B) between words, found by ICU's dictionary-based word
breaker. Readers see nothing; lines may break there, and search indexes words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from icu4py.breakers import WordBreaker

ZWSP = "\u200b"
# Scripts written without spaces: the characters of a run, and the ICU locale that segments it.
UNSPACED = {"khmer": (re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]+"), "km")}


def mark_word_breaks(text: str, scripts: list[str], keep: re.Pattern[str] | None = None) -> str:
    """`text` with U+200B between the words of every unspaced-script run. Matches of `keep` (names that
    print on one line) stay whole: one word, with a break before and after it."""
    if keep is None or not any(script in UNSPACED for script in scripts):  # then nothing to mark or keep
        return _marked(text, scripts)
    out, last = [], 0
    for match in keep.finditer(text):
        out += [_marked(text[last : match.start()], scripts), match[0]]
        last = match.end()
    out.append(_marked(text[last:], scripts))
    return "".join(_between_words(out, scripts))


def _marked(text: str, scripts: list[str]) -> str:
    for script in scripts:
        if script in UNSPACED:
            run, locale = UNSPACED[script]
            text = run.sub(lambda match, locale=locale: _segment(match[0], locale), text)
    return text


def _between_words(pieces: list[str], scripts: list[str]) -> Iterator[str]:
    """The pieces, with U+200B where two of them meet inside an unspaced-script run."""
    runs = [UNSPACED[script][0] for script in scripts if script in UNSPACED]
    previous = ""
    for piece in pieces:
        meet = previous and piece and piece[0] not in CLOSING_SIGNS
        if meet and any(run.fullmatch(previous[-1]) and run.fullmatch(piece[0]) for run in runs):
            yield ZWSP
        if piece:
            previous = piece
        yield piece


def unspaced(text: str, scripts: list[str]) -> bool:
    """Whether `text` has characters of a script written without spaces (a line may break inside it)."""
    return any(UNSPACED[script][0].search(text) for script in scripts if script in UNSPACED)


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
