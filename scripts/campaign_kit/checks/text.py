"""The text itself: UTF-8, Unicode NFC, old-font mojibake, invisible and look-alike characters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..model.errors import Problems
from .legacy_fonts import from_tcvn3, from_vni
from .syllables import is_syllable

# A word as the checks see it: letters of any script, with the Latin-1 symbols (¬, ×, ¸)
# old-font text is made of, so a look-alike from any script (Armenian "օ", Cherokee "Ꭺ",
# Cyrillic "а") is inside the word it hides in.
_WORD = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00bf\u00d7\u00f7\u0300-\u036f])+")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
_VARIATION_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# Khmer is written without spaces between words: Khmer keyboards type a zero-width
# space where a line may break, so it belongs in Khmer text.
_ALLOWED_INVISIBLE = {".km.md": "\u200b"}
# UTF-8 read as Windows-1252 ("Há»™ nghÃ¨o"): a lead byte's letter, then continuation bytes' signs.
_CP1252_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e"
    "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_CP1252_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]+")
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
    if _CP1252_MOJIBAKE.search(normalised):
        reported |= _report_cp1252(path, normalised.split("\n"), problems)
    if _INVISIBLE.search(text, 1):  # a byte-order mark may open the file
        allowed = next((chars for suffix, chars in _ALLOWED_INVISIBLE.items() if path.name.endswith(suffix)), "")
        for number, line in enumerate(lines, 1):
            # Re-encoding old-font text also removes its soft hyphens: one message is enough.
            if number not in reported:
                _check_invisible(path, number, line, allowed, problems)


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


def _report_cp1252(path: Path, lines: list[str], problems: Problems) -> set[int]:
    reported = set()
    for number, line in enumerate(lines, 1):
        for match in _CP1252_MOJIBAKE.finditer(line):
            # The whole word around it (a bounded look either side: a long line stays linear).
            start = max(line.rfind(" ", max(0, match.start() - 40), match.start()) + 1, match.start() - 40)
            end = line.find(" ", match.end(), match.end() + 40)
            word = line[start : end if end >= 0 else match.end() + 40]
            meant = _from_cp1252(word)
            if meant:
                problems.add(
                    path,
                    number,
                    f"chữ “{word}” là chữ UTF-8 bị đọc sai bảng mã (Windows-1252); có lẽ là “{meant}”.",
                    "Chép lại đoạn này từ bản gốc, hoặc gõ lại.",
                )
                reported.add(number)
                break
    return reported


def _from_cp1252(text: str) -> str:
    """What `text` says when its characters are read back as Windows-1252 bytes of UTF-8, or ''."""
    try:
        data = bytes(ord(char) if ord(char) < 256 else char.encode("cp1252")[0] for char in text)
        meant = data.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return ""
    return meant if meant != text else ""


def _check_invisible(path: Path, number: int, line: str, allowed: str, problems: Problems) -> None:
    seen = set()
    for match in _INVISIBLE.finditer(line, 1 if number == 1 else 0):
        char = match[0]
        if char in allowed or char in seen or _decorates_a_symbol(line, match.start(), char):
            continue
        seen.add(char)
        name = unicodedata.name(char, "CONTROL CHARACTER")
        problems.add(
            path,
            number,
            f"dòng có ký tự ẩn U+{ord(char):04X} ({name}) ở cột {match.start() + 1}, thường do dán từ Word, web.",
            "Xóa ký tự đó: gõ lại đoạn chữ quanh cột này.",
        )


def _decorates_a_symbol(line: str, column: int, char: str) -> bool:
    """A variation selector after an emoji or a symbol (❤️) picks how it is drawn; after a letter it hides."""
    return bool(_VARIATION_SELECTOR.match(char)) and column > 0 and unicodedata.category(line[column - 1]) == "So"


@lru_cache(maxsize=65536)  # a language has a few thousand syllables: the same words come back on every page
def _word_problem(word: str) -> tuple[str, str] | None:
    """(message, hint) when `word` hides a look-alike letter or is old-font mojibake."""
    if word.isascii() or not re.search(r"[A-Za-z]", word):
        # No ASCII letter: old-font mojibake always has some; a look-alike is judged by scripts.
        lookalike = "" if word.isascii() else _lookalike(word)
        return _lookalike_problem(word, lookalike) if lookalike else None
    lookalike = _lookalike(word)
    if lookalike:
        return _lookalike_problem(word, lookalike)
    guess = _legacy_font_guess(word)
    if guess:
        encoding, meant = guess
        return (
            f"chữ “{word}” bị lỗi phông cũ {encoding}; có lẽ là “{meant}”.",
            "Văn bản dán từ tệp Word cũ. Chuyển mã sang Unicode bằng Unikey (Công cụ chuyển mã, "
            "bảng mã nguồn TCVN3 hoặc VNI, đích Unicode) rồi dán lại.",
        )
    return None


def _lookalike_problem(word: str, lookalike: str) -> tuple[str, str]:
    return (
        f"chữ “{word}” lẫn ký tự {lookalike} trông giống chữ Latinh nhưng máy đọc khác "
        "(tìm kiếm, đọc màn hình đều sai).",
        "Gõ lại chữ này bằng bàn phím tiếng Việt (Unikey, Gboard…).",
    )


def _lookalike(word: str) -> str:
    """'Cyrillic “а”' when a word with Latin letters (Vietnamese ones too) hides a letter of any
    other script (Cyrillic, Greek, Armenian, Cherokee, mathematical letters…), else ''."""
    if not any(unicodedata.name(char, "").startswith("LATIN") for char in word):
        return ""
    for char in word:
        name = unicodedata.name(char, "")
        if char.isalpha() and not name.startswith(("LATIN", "MODIFIER LETTER")):
            script = name.split(" ")[0]
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
