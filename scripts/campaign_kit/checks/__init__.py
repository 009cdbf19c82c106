"""The editors' contribution gate: every check a page must pass before it is published.

`load_content` runs them, so the site build, `make check` and CI see the same
problems: `ContentChecks.check_page` once per Markdown file (as written, even
when its front matter is broken) and `ContentChecks.check_tree` once the whole
tree is loaded (links between pages, image files, stray consent forms).
Example pages (`sample: true`) are checked like any other: editors copy them.
"""

from .gate import ContentChecks

__all__ = ["ContentChecks"]
