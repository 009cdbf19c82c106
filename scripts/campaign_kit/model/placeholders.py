"""`{{ kind:name }}` placeholders in Markdown: figures, slogans, site facts, contacts, blocks.

A figure written once in `campaign/figures.yml` appears in every page and
language through `{{ figure:key }}`, so no page retypes a policy figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

PATTERN = re.compile(r"\{\{\s*([a-z_]+)\s*:\s*([A-Za-z0-9_-]+)\s*\}\}")
SITE_FIELDS = ("province", "year", "owner", "program", "site_name")
BLOCKS = (
    "home_questions",
    "key_policies",
    "latest_stories",
    "districts",
    "slogans",
    "faq",
    "print_products",
    "find_unit",
    "dated_note",
)


@dataclass(frozen=True)
class Placeholder:
    kind: str
    name: str
    line: int  # 0-based line within the text searched


def find_placeholders(text: str) -> Iterator[Placeholder]:
    for match in PATTERN.finditer(text):
        yield Placeholder(match[1], match[2], text.count("\n", 0, match.start()))


def substitute(text: str, resolve: Callable[[str, str], str]) -> str:
    """Replace every placeholder with `resolve(kind, name)`."""
    return PATTERN.sub(lambda match: resolve(match[1], match[2]), text)
