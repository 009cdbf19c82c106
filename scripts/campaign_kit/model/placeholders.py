"""`{{ kind:name }}` placeholders in Markdown: figures, slogans, site facts, contacts, blocks.

A figure written once in `campaign/figures.yml` appears in every page and
language through `{{ figure:key }}`, so no page retypes a policy figure. It shows the value
in force on the page's date; `{{ figure:key@2025-12-31 }}` pins the value of one day, for a
sentence about the past on a page that otherwise speaks of today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

PATTERN = re.compile(r"\{\{\s*([a-z_]+)\s*:\s*([A-Za-z0-9_-]+)(?:@(\d{4}-\d{2}-\d{2}))?\s*\}\}")
SITE_FIELDS = ("province", "province_today", "year", "owner", "program", "site_name", "short_name")
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
    "poverty_standard",
)


@dataclass(frozen=True)
class Placeholder:
    kind: str
    name: str
    line: int  # 0-based line within the text searched
    on: str | None = None  # "@YYYY-MM-DD": the day whose value is shown, as written

    @property
    def day(self) -> dt.date | None:
        """The pinned day, or None (unpinned, or not a real date: the loader reports it)."""
        try:
            return dt.date.fromisoformat(self.on) if self.on else None
        except ValueError:
            return None


def find_placeholders(text: str) -> Iterator[Placeholder]:
    for match in PATTERN.finditer(text):
        yield Placeholder(match[1], match[2], text.count("\n", 0, match.start()), match[3])


def substitute(text: str, resolve: Callable[[Placeholder], str]) -> str:
    """Replace every placeholder with `resolve(placeholder)`."""
    return PATTERN.sub(lambda match: resolve(Placeholder(match[1], match[2], 0, match[3])), text)


def fill_site(text: str, values: dict[str, str]) -> str:
    """`text` with each `{{ site:name }}` whose name is in `values` replaced; anything else as written."""
    return PATTERN.sub(lambda m: values[m[2]] if m[1] == "site" and m[2] in values and not m[3] else m[0], text)
