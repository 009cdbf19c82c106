"""The text itself: UTF-8, Unicode NFC, old-font mojibake, invisible and look-alike characters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..model.errors import Problems
from .legacy_fonts import from_tcvn3, from_vni
from .syllables import is_syllable

# A word as the checks see it: Latin letters with any Vietnamese or Latin-1
# character, including the symbols (¬, ×, ¸) old-font text is made of, and the
# Greek and Cyrillic letters that look like Latin ones.
_WORD = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u024f\u0300-\u036f\u0370-\u04ff\u1e00-\u1eff]+")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff]"
)
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK")
_LEGACY_FONTS = (("TCVN3 (phông .VnTime)", from_tcvn3), ("VNI (phông VNI-Times)", from_vni))


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def check(path: Path, text: str, problems: Problems) -> None:
    # Whole-file tests first: thousands of pages are checked on every build, and
    # almost every line of almost every page is fine.
    lines = text.split("\n")
    if not is_nfc(text):
        for number, line in enumerate(lines, 1):
            if not is_nfc(line):
                problems.add(
                    path,
                    number,
                    "chữ tiếng Việt chưa ở dạng chuẩn Unicode NFC (dấu bị tách khỏi chữ).",
                    "make fix chuẩn hóa tự động (nhờ người phụ trách kỹ thuật), hoặc gõ lại dòng này.",
                )
    normalised = unicodedata.normalize("NFC", text)  # the same lines: NFC never touches line ends
    wrong_words = {word: found for word in set(_WORD.findall(normalised)) if (found := _word_problem(word))}
    reported = _report_words(path, normalised.split("\n"), wrong_words, problems) if wrong_words else set()
    if _INVISIBLE.search(text, 1):  # a byte-order mark may open the file
        for number, line in enumerate(lines, 1):
            # Re-encoding old-font text also removes its soft hyphens: one message is enough.
            if number not in reported:
                _check_invisible(path, number, line, problems)


def _report_words(
    path: Path, lines: list[str], wrong_words: dict[str, tuple[str, str]], problems: Problems
) -> set[int]:
    """Report the first wrong word of each line that has one; return those lines' numbers."""
    reported = set()
    for number, line in enumerate(lines, 1):
        word = next((match[0] for match in _WORD.finditer(line) if match[0] in wrong_words), None)
        if word is not None:
            problems.add(path, number, *wrong_words[word])
            reported.add(number)
    return reported


def _check_invisible(path: Path, number: int, line: str, problems: Problems) -> None:
    match = _INVISIBLE.search(line, 1 if number == 1 else 0)
    if match:
        char = match[0]
        name = unicodedata.name(char, "CONTROL CHARACTER")
        problems.add(
            path,
            number,
            f"dòng có ký tự ẩn U+{ord(char):04X} ({name}) ở cột {match.start() + 1}, thường do dán từ Word, web.",
            "Xóa ký tự đó: gõ lại đoạn chữ quanh cột này.",
        )


@lru_cache(maxsize=65536)  # a language has a few thousand syllables: the same words come back on every page
def _word_problem(word: str) -> tuple[str, str] | None:
    """(message, hint) when `word` hides a look-alike letter or is old-font mojibake."""
    if word.isascii():
        return None
    lookalike = _lookalike(word)
    if lookalike:
        return (
            f"chữ “{word}” lẫn ký tự {lookalike} trông giống chữ Latinh nhưng máy đọc khác "
            "(tìm kiếm, đọc màn hình đều sai).",
            "Gõ lại chữ này bằng bàn phím tiếng Việt (Unikey, Gboard…).",
        )
    guess = _legacy_font_guess(word)
    if guess:
        encoding, meant = guess
        return (
            f"chữ “{word}” bị lỗi phông cũ {encoding}; có lẽ là “{meant}”.",
            "Văn bản dán từ tệp Word cũ. Chuyển mã sang Unicode bằng Unikey (Công cụ chuyển mã, "
            "bảng mã nguồn TCVN3 hoặc VNI, đích Unicode) rồi dán lại.",
        )
    return None


def _lookalike(word: str) -> str:
    """'Cyrillic “а”' when a Latin word hides a Cyrillic or Greek letter, else ''."""
    if not re.search(r"[A-Za-z]", word):
        return ""
    for char in word:
        script = unicodedata.name(char, "").split(" ")[0]
        if script in _LOOKALIKE_SCRIPTS:
            return f"{script.capitalize()} “{char}” (U+{ord(char):04X})"
    return ""


def _legacy_font_guess(word: str) -> tuple[str, str] | None:
    """(encoding, meant word) when `word` is no Vietnamese syllable but reads as one in an old font."""
    if is_syllable(word):
        return None
    for encoding, decode in _LEGACY_FONTS:
        meant = decode(word)
        if meant != word and is_syllable(meant):
            return encoding, meant
    return None
