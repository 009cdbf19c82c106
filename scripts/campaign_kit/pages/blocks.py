"""Reusable pieces of generated Markdown: card lists and the `{{ block:… }}` blocks."""

from __future__ import annotations

from collections.abc import Iterable

from ..formatting import format_figure
from ..model.content import Page
from ..model.placeholders import substitute
from .context import Context, link

LATEST_STORIES = 5


def cards(ctx: Context, here: str, pages: Iterable[Page], *, show_place: bool = True) -> str:
    """A list of links with their summaries, laid out as cards by the theme."""
    rows = []
    for reference in pages:
        page = ctx.page(reference.src_uri)
        facts = []
        if show_place and getattr(reference.meta, "district", None):
            facts.append(ctx.campaign.district(reference.meta.district).name)
        if reference.kind == "legal":
            facts.append(ctx.citation(reference))
        elif hasattr(reference.meta, "date"):
            facts.append(ctx.date(reference.meta.date))
        if reference.is_sample:
            facts.append(ctx.strings.sample_title)
        summary = page.meta.summary or ""
        line = f"- [{page.meta.title}]({link(here, reference.src_uri)})"
        if summary:
            line += f"  \n  {summary}"
        if facts:
            line += "  \n  <small>" + " · ".join(facts) + "</small>"
        rows.append(line)
    if not rows:
        return ctx.strings.no_items + "\n"
    return '<div class="campaign-cards" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def district_links(ctx: Context, here: str) -> str:
    rows = [
        f"- [{ctx.district_name(district)}]({link(here, f'dia-phuong/{district.key}.md')})"
        for district in ctx.campaign.districts
    ]
    return '<div class="campaign-districts" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def faq_entries(ctx: Context, here: str) -> str:
    parts = []
    for reference in ctx.content.items("faq"):
        page = ctx.page(reference.src_uri)
        parts.append(
            f"### {page.meta.title} {{#{reference.key}}}\n\n{page.meta.summary}"
            f" [{ctx.strings.read_more}]({link(here, reference.src_uri)})\n"
        )
    return "\n".join(parts)


def render_block(ctx: Context, here: str, name: str) -> str:
    if name == "key_policies":
        return cards(ctx, here, ctx.content.items("policy"))
    if name == "latest_stories":
        return cards(ctx, here, ctx.content.items("story")[:LATEST_STORIES])
    if name == "districts":
        return district_links(ctx, here)
    if name == "slogans":
        return "\n".join(f"- **{slogan.text}**" for slogan in ctx.campaign.slogans) + "\n"
    if name == "faq":
        return faq_entries(ctx, here)
    raise KeyError(name)


def expand(ctx: Context, here: str, text: str) -> str:
    """Replace `{{ kind:name }}` placeholders (already checked when content was loaded)."""

    def resolve(kind: str, name: str) -> str:
        if kind == "figure":
            return format_figure(ctx.campaign.figures[name], ctx.language, ctx.strings)
        if kind == "slogan":
            return ctx.campaign.slogan(name).text
        if kind == "site":
            return str(getattr(ctx.campaign.site, name))
        return render_block(ctx, here, name)

    return substitute(text, resolve)
