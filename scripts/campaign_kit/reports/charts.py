"""Simple bar charts of a report, as SVG files the report page shows as images (with the same
numbers in a table beside them: the chart is a picture of the table, never the only copy).

Labels above their bars and one bar per line, in a 320-unit wide drawing that scales to the
screen: readable on a phone held upright."""

from __future__ import annotations

from html import escape

from ..formatting import format_number
from ..model.campaign import Language
from .totals import Group

WIDTH = 320
LINE = 44  # label and bar of one group


def bar_chart(groups: list[Group], measure: str, title: str, colour: str, language: Language) -> str:
    shown = [group for group in groups if group.totals[measure]]
    top = max((group.totals[measure] for group in shown), default=0) or 1
    height = 28 + LINE * max(len(shown), 1)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
        f' role="img" font-family="sans-serif"><title>{escape(title)}</title>',
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for index, group in enumerate(shown):
        y = 28 + index * LINE
        value = group.totals[measure]
        width = max(2.0, (WIDTH - 70) * value / top)
        out.append(f'<text x="0" y="{y + 13}" font-size="12">{escape(_short(group.label))}</text>')
        out.append(f'<rect x="0" y="{y + 18}" width="{width:.1f}" height="16" fill="{colour}"/>')
        out.append(f'<text x="{width + 4:.1f}" y="{y + 31}" font-size="12">{format_number(value, language)}</text>')
    if not shown:
        out.append('<text x="0" y="44" font-size="12">Chưa có số liệu.</text>')
    out.append("</svg>\n")
    return "".join(out)


def _short(label: str, limit: int = 48) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
