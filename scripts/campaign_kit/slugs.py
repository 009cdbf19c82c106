"""Diacritic-free names for URLs, files and heading anchors: the one slug rule.

Used by the page generator, the build's heading ids (toc), the gate's link check
and the scaffolding, so a name is spelt the same wherever it appears.
"""

from __future__ import annotations

import re
import unicodedata

from .fold import fold

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """Diacritic-free URL part: 'Chăn nuôi bò' → 'chan-nuoi-bo', 'Được hưởng gì?' → 'duoc-huong-gi'.
    The site's fold rule (campaign_kit.fold), kept to ASCII letters and digits."""
    return _NOT_LETTERS.sub("-", fold(text)).strip("-")


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


def heading_id(text: str, separator: str = "-") -> str:
    """A heading's anchor (Python-Markdown toc's `slugify`): the slug of Latin-script
    headings; headings in a script without Latin letters (Khmer) keep their letters
    and marks, words joined by the separator."""
    latin = slug(text)
    if latin:
        return latin.replace("-", separator)
    words = "".join(char if unicodedata.category(char)[0] in "LMN" else " " for char in text)
    return separator.join(words.split())
