"""The site's Markdown: the one list of extensions the build renders pages with.

The MkDocs adapter hands exactly this to MkDocs; the gate renders pages with it to
judge their HTML and the site plan to learn their heading ids, so all see the same HTML.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import markdown

from .slugs import heading_id

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "tables", "toc", "pymdownx.details"]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False, "slugify": heading_id}}


@cache
def _shared() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def render(text: str) -> str:
    """`text` as the site renders it: one Markdown instance, reset between texts
    (making one costs more than rendering a page)."""
    return _shared().reset().convert(text)


def heading_ids(text: str) -> list[str]:
    """The ids the site gives the Markdown headings of `text`, in order (raw HTML headings not included)."""
    md = _shared().reset()
    md.convert(text)
    ids: list[str] = []

    def walk(tokens: list[dict]) -> None:
        for token in tokens:
            ids.append(token["id"])
            walk(token["children"])

    walk(md.toc_tokens)
    return ids
