"""Vietnamese typed with the old font encodings, read back as Unicode.

Before Unicode, Vietnamese documents were typed with TCVN3 (.VnTime fonts) or
VNI (VNI-Times fonts): Latin-1 characters that only those fonts draw as
Vietnamese letters. Pasted into the web editor they arrive as mojibake:
"Hé nghÌo" (TCVN3) or "Chöông trình" (VNI). These functions turn such a word
back into what was typed, so a check can say what the editor meant.
"""

from __future__ import annotations

import unicodedata

# TCVN 5712:1993 (the TCVN3/ABC fonts): one byte per letter, seen as Latin-1.
# Upper-case letters with tone marks came from a separate font (.VnTimeH) at the
# lower-case positions, so lower case is enough to recognise a word.
_TCVN3 = dict(
    zip(
        "µ¶·¸¹¨»¼½¾Æ©ÇÈÉÊË®ÌÎÏÐÑªÒÓÔÕÖ×ØÜÝÞßáâãä«åæçèé¬êëìíîïñòóô\xadõö÷øùúûüýþ¡¢£¤¥¦§",
        "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ",
        strict=True,
    )
)

# VNI-Windows: a base letter followed by a mark character, seen as Latin-1.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_TONES = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRCUMFLEX = {"â": "", "à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}  # after a, e, o
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}  # after a
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def from_tcvn3(word: str) -> str:
    return "".join(_TCVN3.get(char, char) for char in word)


def from_vni(word: str) -> str:
    out: list[str] = []
    for char in word:
        lower = char.lower()
        previous = unicodedata.normalize("NFD", out[-1].lower()) if out else ""
        base = previous[:1]
        mark = _vni_mark(base, previous[1:], lower)
        if mark is not None:
            combined = unicodedata.normalize("NFC", unicodedata.normalize("NFD", out[-1]) + mark)
            out[-1] = combined
        elif lower in _VNI_LETTERS:
            letter = _VNI_LETTERS[lower]
            out.append(letter.upper() if char.isupper() else letter)
        else:
            out.append(char)
    return "".join(out)


def _vni_mark(base: str, marks: str, char: str) -> str | None:
    """The combining marks `char` adds to the previous letter, or None if it adds none."""
    if not base or base not in "aeouy" or any(tone in marks for tone in (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT)):
        return None
    if marks in ("", _HORN, _CIRCUMFLEX, _BREVE) and char in _VNI_TONES:
        return _VNI_TONES[char]
    if not marks and base in "aeo" and char in _VNI_CIRCUMFLEX:
        return _CIRCUMFLEX + _VNI_CIRCUMFLEX[char]
    if not marks and base == "a" and char in _VNI_BREVE:
        return _BREVE + _VNI_BREVE[char]
    return None
