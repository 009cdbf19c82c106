"""Translations follow the one term list (campaign/glossary.yml): a word the list rules out for a
language is refused in that language's pages, so a reader meets one name for one thing."""

from __future__ import annotations

import re

from ..model.content import Content
from ..model.errors import Problems


def check(content: Content, problems: Problems) -> None:
    reference = content.campaign.default_language
    for languages in content.pages.values():
        for code, page in languages.items():
            if code == reference:
                continue
            ruled_out = [
                (word, re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE), term)
                for term in content.campaign.glossary
                for word in term.avoid.get(code, [])
            ]
            if not ruled_out:
                continue
            lines = page.path.read_text(encoding="utf-8").splitlines()
            for number, line in enumerate(lines, start=1):
                for word, pattern, term in ruled_out:
                    if pattern.search(line):
                        problems.add(
                            page.path,
                            number,
                            f"bản dịch dùng “{word}” cho “{term.vi}”; bảng thuật ngữ dùng “{term.say[code]}”.",
                            "Sửa theo campaign/glossary.yml, để người đọc gặp một tên cho một việc.",
                        )
