"""Placeholders `make new` writes, which must all be filled in before publishing."""

from __future__ import annotations

import re
from pathlib import Path

from ..model.errors import Problems

MARKER = "ĐIỀN VÀO"
_PLACEHOLDER = re.compile(re.escape(MARKER) + r"\s*(.*?)\s*$")


def placeholder(what: str) -> str:
    """The text `make new` writes where the editor has to write `what`."""
    return f"{MARKER} {what}"


def check(path: Path, text: str, problems: Problems) -> None:
    for number, line in enumerate(text.split("\n"), 1):
        match = _PLACEHOLDER.search(line)
        if match:
            problems.add(
                path,
                number,
                f"còn chỗ chưa điền: {match[1] or 'nội dung'}.",
                f"Thay chữ “{MARKER} …” bằng thông tin thật (nếu là lời nhắc sau dấu #, làm theo rồi xóa lời nhắc).",
            )
