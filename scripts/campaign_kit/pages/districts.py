"""One page per district: its contact and what the campaign published there."""

from __future__ import annotations

from ..model.campaign import District
from ..model.sections import SECTIONS, district_uri, link
from .blocks import cards
from .context import Context
from .items import front_matter

LATEST_PER_SECTION = 10


def _contact(ctx: Context, district: District) -> str:
    contact = district.contact
    if contact.is_empty:
        return ctx.strings.contact_missing + "\n\n"
    rows = [
        (ctx.strings.contact_office, contact.office),
        (ctx.strings.contact_address, contact.address),
        (
            ctx.strings.contact_phone,
            f"[{contact.phone}](tel:{contact.phone.replace(' ', '')})" if contact.phone else None,
        ),
        (ctx.strings.contact_email, f"[{contact.email}](mailto:{contact.email})" if contact.email else None),
    ]
    return "\n".join(f"- **{label}:** {value}" for label, value in rows if value) + "\n\n"


def district_pages(ctx: Context) -> dict[str, str]:
    headings = {
        "story": ctx.strings.stories_here,
        "commendation": ctx.strings.commendations_here,
        "news": ctx.strings.news_here,
    }
    pages = {}
    for district in ctx.campaign.districts:
        here = district_uri(district.key)
        title = ctx.district_name(district)
        out = [front_matter(title, None), f"# {title}\n\n"]
        out.append(f"{ctx.strings.gso_code}: {district.gso_code}\n{{: .campaign-meta }}\n\n")
        out.append(f"## {ctx.strings.contact}\n\n" + _contact(ctx, district))
        for section in SECTIONS:
            if not section.listed_by_facets:
                continue
            items = [item for item in ctx.content.items(section.content_type) if item.meta.district == district.key]
            if not items:
                continue
            out.append(f"## {headings[section.content_type]}\n\n")
            out.append(cards(ctx, here, items[:LATEST_PER_SECTION], show_place=False))
            if len(items) > LATEST_PER_SECTION:
                target = section.by_district(district.key)
                out.append(f"\n[{ctx.strings.see_all} ({len(items)})]({link(here, target)})\n")
            out.append("\n")
        pages[here] = "".join(out)
    return pages
