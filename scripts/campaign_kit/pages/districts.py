"""One history page per district of 2024: the units that replaced it, and what the campaign published there."""

from __future__ import annotations

from html import escape

from ..model.schema import PlacedMeta
from ..model.sections import SECTIONS, district_uri, href, link, unit_uri
from .admin_text import former_name, unit_title
from .blocks import cards
from .context import Context
from .page import PageMeta, SitePage

LATEST_PER_SECTION = 10


def district_pages(ctx: Context) -> dict[str, SitePage]:
    headings = {
        "story": ctx.strings.stories_here,
        "commendation": ctx.strings.commendations_here,
        "news": ctx.strings.news_here,
    }
    pages = {}
    for district in ctx.campaign.districts:
        here = district_uri(district.key)
        title = ctx.district_name(district)
        out = [f"# {title}\n\n"]
        out.append(f"{ctx.strings.gso_code}: {district.gso_code}\n{{: .campaign-meta }}\n\n")
        out.append(_replaced_by(ctx, here, district.key))
        for section in SECTIONS:
            if not section.listed_by_facets:
                continue
            items = [
                item
                for item in ctx.content.items(section.content_type)
                if isinstance(item.meta, PlacedMeta) and item.meta.district == district.key
            ]
            if not items:
                continue
            out.append(f"## {headings[section.content_type]}\n\n")
            out.append(cards(ctx, here, items[:LATEST_PER_SECTION], show_place=False))
            if len(items) > LATEST_PER_SECTION:
                target = section.by_district(district.key)
                out.append(f"\n[{ctx.strings.see_all} ({len(items)})]({link(here, target)})\n")
            out.append("\n")
        pages[here] = SitePage(PageMeta(title), "".join(out))
    return pages


def _replaced_by(ctx: Context, here: str, district: str) -> str:
    """Today's units that took the district, then each 2024 commune with its unit of today."""
    labels = ctx.strings.map
    admin_map = ctx.campaign.admin_map
    out = [f"{labels.district_history.format(since=ctx.date(admin_map.since))}\n\n## {labels.replaced_by}\n\n"]
    links = [
        f'<li><a href="{href(here, unit_uri(unit.key))}">{escape(unit_title(ctx, unit))}</a></li>'
        for unit in admin_map.units_of(district)
    ]
    out.append('<ul class="campaign-districts">' + "".join(links) + f"</ul>\n\n## {labels.communes_2024}\n\n")
    rows = [
        f"<li>{escape(former_name(ctx, former))} → {escape(labels.now_part_of)} "
        f'<a href="{href(here, unit_uri(unit.key))}">{escape(unit_title(ctx, unit))}</a></li>'
        for former, unit in admin_map.communes_of(district)
    ]
    return "".join(out) + '<ul class="campaign-history">' + "".join(rows) + "</ul>\n\n"
