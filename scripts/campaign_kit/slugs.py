"""Diacritic-free names for URLs and files, shared by the pages and the scaffolding."""

from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    """Diacritic-free URL part: 'Chăn nuôi bò' → 'chan-nuoi-bo'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
