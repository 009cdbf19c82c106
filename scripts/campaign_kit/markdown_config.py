"""The site's Markdown: the one list of extensions the build renders pages with.

The MkDocs adapter hands exactly this to MkDocs, and the gate renders pages with
it to learn their heading ids, so both see the same HTML.
"""

from __future__ import annotations

from typing import Any

import markdown

from .slugs import heading_id

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "tables", "toc", "pymdownx.details"]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False, "slugify": heading_id}}


def new_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
