"""Is a word a possible Vietnamese syllable? Used to tell mojibake from real words.

A syllable is an optional initial consonant, a rhyme (medial, vowel and final
from the closed set below) and at most one tone mark. The set is a little
generous (it accepts a few rhymes no dictionary has): it only has to reject the
letter salad that old-font text turns into.
"""

from __future__ import annotations

import unicodedata

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_INITIALS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
    "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip
_RHYMES = frozenset((
    "a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
    "ă", "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
    "â", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
    "e", "ec", "em", "en", "eng", "eo", "ep", "et",
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", "oo", "ooc", "oong",
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
    "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oec", "oem", "oen", "oeo", "oet",
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
    "u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut",
    "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uơ",
    "uôc", "uôi", "uôm", "uôn", "uông", "uôp", "uôt",
    "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt",
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưp", "ưt", "ưu",
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
    "y", "yêm", "yên", "yêng", "yêt", "yêu",
))  # fmt: skip


def is_syllable(word: str) -> bool:
    """'nghèo', 'Thuở', 'giữa' → True; 'nghìo', 'chöông', 'café' → False."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [char for char in decomposed if char in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(char for char in decomposed if char not in _TONE_MARKS))
    return any(bare.startswith(initial) and bare[len(initial) :] in _RHYMES for initial in _INITIALS)
