"""Finishing touches to a page's HTML that the theme's script would otherwise make in the reader's
browser. The site ships without Material's JavaScript bundle (37 KB gzip on every page): what it
did that readers need is done here, once, at build time.
"""

from __future__ import annotations

import re
from html import escape

_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)


def wrap_tables(html: str, label: str) -> str:
    """Each table in a scroll area that fits a 360 px screen and that a keyboard can reach:
    focusable, a named region (axe rule scrollable-region-focusable); numbered when several."""
    tables = _TABLE.findall(html)
    if not tables:
        return html
    count = iter(range(1, len(tables) + 1))

    def wrap(match: re.Match[str]) -> str:
        name = label if len(tables) == 1 else f"{label} {next(count)}"
        return (
            f'<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-label="{escape(name)}">'
            f'<div class="md-typeset__table">{match[0]}</div></div>'
        )

    return _TABLE.sub(wrap, html)
