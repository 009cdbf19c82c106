"""A page of the site as data: its metadata and its Markdown body, until a renderer writes it.

The site plan holds these; the MkDocs adapter, the export for another renderer and the offline
copy read the same objects. Nothing writes front matter as text and parses it back: `markdown()`
is the one writer, for renderers of the Material family (MkDocs + Material, Zensical), which read
the same front-matter keys.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from ..segmentation import mark_word_breaks


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself, as plain text (the writer escapes what the theme needs).

    `searchable=False`: left out of search (listings: search should find the items themselves).
    `content_language`: a page shown in another language than its site's (a fallback).
    `edit_url`: the page's file in GitHub's web editor (the theme puts the link after the content).
    `script`: a generated page's own script (the theme loads it after the page).
    `hide`: parts of the theme the page goes without ("navigation", "toc"): Material's `hide`."""

    title: str
    description: str | None = None
    searchable: bool = True
    content_language: str | None = None
    edit_url: str | None = None
    search_weight: float = 1.0
    script: str | None = None
    hide: tuple[str, ...] = ()

    def front_matter(self) -> str:
        """The YAML front matter a Material-family theme reads, ending with its blank line."""
        # The theme writes the title as HTML (header, menu): "<" and ">" as text, never as tags.
        lines = ["---", f"title: {_yaml_text(self.title.replace('<', '&lt;').replace('>', '&gt;'))}"]
        if self.content_language:
            lines.append(f"content_language: {self.content_language}")
        if self.edit_url:
            lines.append(f"edit_url: {_yaml_text(self.edit_url)}")
        if self.search_weight != 1.0:
            lines.append(f"search_weight: {self.search_weight}")
        if self.script:
            lines.append(f"script: {self.script}")
        if self.hide:
            lines.append("hide: [" + ", ".join(self.hide) + "]")
        if self.description:
            # MkDocs' templates do not escape: the theme writes this into <meta content="…">.
            lines.append(f"description: {_yaml_text(escape(self.description))}")
        if not self.searchable:
            lines.append("search:\n  exclude: true")
        return "\n".join([*lines, "---", ""]) + "\n"


@dataclass(frozen=True)
class SitePage:
    meta: PageMeta
    body: str  # Markdown, starting with the page's "# title"

    def add(self, markdown: str) -> SitePage:
        """The page with `markdown` after its body."""
        return replace(self, body=self.body + markdown)

    def markdown(self) -> str:
        """The page as a file for a Material-family renderer: front matter, then the body."""
        return self.meta.front_matter() + self.body

    def with_word_breaks(self, scripts: list[str]) -> SitePage:
        """Title, description and body with the word breaks of scripts written without spaces."""
        meta = self.meta
        description = mark_word_breaks(meta.description, scripts) if meta.description else meta.description
        marked = replace(meta, title=mark_word_breaks(meta.title, scripts), description=description)
        return SitePage(marked, mark_word_breaks(self.body, scripts))


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
