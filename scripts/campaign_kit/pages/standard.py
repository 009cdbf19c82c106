"""The multidimensional poverty standard as a block of a page (`{{ block:poverty_standard }}`),
from campaign/poverty_standard.yml and the self-check's words: what applies on the build date."""

from __future__ import annotations

from html import escape

from ..formatting import format_value
from ..model.poverty_standard import Period
from ..model.sections import href, legal_uri
from .context import Context


def standard_block(ctx: Context, here: str) -> str:
    """`{{ block:poverty_standard }}`: the standard in force on the build date (its years and act,
    its income lines, its indicators, saying so when the list is known only from a draft), and the
    next one as well once it starts within the notice window. Pages that explain the standard say
    it through this block, so none of them names a period that has ended."""
    text = ctx.campaign.self_check[ctx.language.code]
    parts = []
    for period in periods_shown(ctx):
        act = ctx.page(legal_uri(period.source))
        citation = f'<a href="{href(here, act.src_uri)}">{escape(ctx.citation(act))}</a>'
        heading = period_heading(ctx, period, citation)
        lines = "".join(
            f"<li>{escape(getattr(text, area))}: {escape(line_text(ctx, period, key))}</li>"
            for area, key in period.poverty_line.items()
        )
        names = "".join(f"<li>{escape(text.indicators[key].name)}</li>" for key in period.indicators)
        draft = "" if period.indicators_confirmed else f"<p><em>{escape(text.indicators_draft)}</em></p>"
        parts.append(
            f'<div class="campaign-standard"><p><strong>{heading}</strong></p>'
            f"<p>{escape(text.lines_title)}:</p><ul>{lines}</ul>"
            f"<p>{escape(text.standard_indicators)}</p>{draft}<ol>{names}</ol></div>"
        )
    return "\n".join(parts) + "\n"


def periods_shown(ctx: Context) -> list[Period]:
    """The standard in force on the build date, and the next one once it starts within the notice window."""
    rules, today = ctx.campaign.poverty_standard, ctx.content.today
    shown = [p for p in rules.periods if p.first_day <= today <= p.last_day]
    shown += [
        p for p in rules.periods if today < p.first_day and (p.first_day - today).days <= ctx.campaign.notice_days
    ]
    return shown


def period_heading(ctx: Context, period: Period, citation: str) -> str:
    """ "Under the standard that applies from {first} to {last}: {citation}." as HTML, `citation` as given."""
    heading = escape(ctx.campaign.self_check[ctx.language.code].period).replace("{citation}", citation)
    return heading.replace("{first}", str(period.first_year)).replace("{last}", str(period.last_year))


def line_text(ctx: Context, period: Period, key: str) -> str:
    value = ctx.campaign.poverty_standard.line(ctx.campaign.figures, period, key)
    if value is None:
        return ctx.campaign.self_check[ctx.language.code].lines_unknown
    return format_value(value, ctx.campaign.figures[key].unit, ctx.language, ctx.strings)
