"""The "Hỏi ở đâu?" finder and one page per unit of today, from campaign/admin_map.yml.

The finder lists every 2024 district with its communes, wards and towns and
today's unit of each, so it works without JavaScript; finder.js filters the
list as the reader types (`data-names` holds the folded names it compares).
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..fold import fold
from ..model.admin_map import Unit
from ..model.content import Page
from ..model.schema import PlacedMeta
from ..model.sections import FINDER_URI, SECTIONS, href, link, unit_uri
from ..site_scripts import FINDER_SCRIPT
from .admin_text import committee, contact_html, former_name, unit_title
from .blocks import cards
from .context import Context
from .districts import LATEST_PER_SECTION
from .page import PageMeta, SitePage


def units_pages(ctx: Context) -> dict[str, SitePage]:
    pages = {FINDER_URI: finder_page(ctx)}
    headings = {"story": ctx.strings.stories_here, "commendation": ctx.strings.commendations_here}
    placed = {
        headings[section.content_type]: items_by_unit(ctx, section.content_type)
        for section in SECTIONS
        if section.content_type in headings
    }
    for unit in ctx.campaign.admin_map.units:
        items_here = {heading: items.get(unit.key, []) for heading, items in placed.items()}
        pages[unit_uri(unit.key)] = unit_page(ctx, unit, items_here)
    return pages


def source_line(ctx: Context) -> str:
    admin_map = ctx.campaign.admin_map
    labels = ctx.strings.map
    status = labels.source_status[admin_map.source.status]
    text = labels.source.format(source=f"{admin_map.source.text} ({status})", legal_basis=admin_map.legal_basis)
    return f'<p class="campaign-meta campaign-source">{escape(text)}</p>\n\n'


def where_to_ask(ctx: Context, unit: Unit) -> str:
    """The People's Committee of the unit and its sourced contacts, or plainly what to do without them."""
    sourced = ctx.campaign.contacts_of(unit.key)
    head = f"<p><strong>{escape(committee(ctx, unit))}</strong></p>\n"
    if not sourced:
        return head + f"<p>{escape(ctx.strings.map.no_contact.format(committee=committee(ctx, unit)))}</p>\n\n"
    rows = "".join(f"<li>{contact_html(ctx, contact)}</li>" for contact in sourced)
    return head + f"<p>{escape(ctx.strings.map.contacts_title)}:</p>\n<ul>{rows}</ul>\n\n"


def items_by_unit(ctx: Context, content_type: str) -> dict[str, list[Page]]:
    """{key of today's unit: its items}: those that name it (dated from the map's date on), and those of
    2024 from its area (their commune maps there, or their whole district did)."""
    found: dict[str, list[Page]] = defaultdict(list)
    for item in ctx.content.items(content_type):
        meta = item.meta
        if isinstance(meta, PlacedMeta) and meta.unit is not None:
            found[meta.unit].append(item)
        elif isinstance(meta, PlacedMeta) and meta.district is not None:
            here = ctx.campaign.admin_map.unit_of_place(meta.district, meta.commune)
            if here is not None:
                found[here.key].append(item)
    return found


def unit_page(ctx: Context, unit: Unit, items_here: dict[str, list[Page]]) -> SitePage:
    """`items_here`: {heading: stories or commendations from the unit's area}, in the order they appear."""
    labels = ctx.strings.map
    here = unit_uri(unit.key)
    title = unit_title(ctx, unit)
    summary = committee(ctx, unit)
    out = [f"# {title}\n\n"]
    out.append(f'<p class="campaign-meta">{escape(ctx.strings.gso_code)}: {unit.code}</p>\n\n')
    out.append(f"## {labels.finder_title}\n\n" + where_to_ask(ctx, unit))
    out.append(f"## {labels.what_to_ask}\n\n" + "".join(f"- {question}\n" for question in labels.questions))
    out.append(f"\n[{ctx.page('chinh-sach/index.md').meta.title}]({link(here, 'chinh-sach/index.md')})\n\n")
    out.append(f'## {labels.formed_from}\n\n<ul class="campaign-history">')
    for former in unit.formed_from:
        district = ctx.campaign.district(former.district)
        target = href(here, f"dia-phuong/{district.key}.md")
        out.append(
            f"<li>{escape(former_name(ctx, former))}"
            f' (<a href="{target}">{escape(ctx.district_name(district))}</a>)</li>'
        )
    out.append("</ul>\n\n" + source_line(ctx))
    for heading, items in items_here.items():
        if items:
            out.append(f"## {heading}\n\n")
            out.append(cards(ctx, here, items[:LATEST_PER_SECTION]) + "\n")
    return SitePage(PageMeta(title, summary), "".join(out))


# Short forms people write before a name ("TP Cồn Sen", "TT Bến Lúa", "P. Sen Hồng", "X. Lúa Vàng")
# and the word for a province. The finder leaves them out, with the kinds of unit and the province's names.
SHORT_FORMS = ("tp", "tx", "tt", "p", "x", "h", "q", "thị xã", "tỉnh")


def finder_ignored(ctx: Context) -> str:
    """What the finder leaves out of what is typed and of the names (folded, longest first, "|" between)."""
    strings = ctx.campaign.strings[ctx.campaign.default_language]  # the names are in the reference language
    words = {
        *SHORT_FORMS,
        *strings.map.unit_kinds.values(),
        *strings.map.former_kinds.values(),
        *strings.district_kinds.values(),
        ctx.campaign.site.province,
        ctx.campaign.site.province_now,
    }
    return "|".join(sorted({fold(word) for word in words}, key=lambda word: (-len(word), word)))


def finder_examples(ctx: Context) -> dict[str, str]:
    """What the finder's words give as examples, from the map: the first unit of 2024 by its name
    (`name`) and without marks (`plain`), and a town with its kind (`town`; the first unit when
    the map has no town)."""
    formers = [former for unit in ctx.campaign.admin_map.units for former in unit.formed_from]
    town = next((former for former in formers if former.kind == "thi-tran"), formers[0])
    return {"name": formers[0].name, "plain": fold(formers[0].name), "town": former_name(ctx, town)}


def finder_page(ctx: Context) -> SitePage:
    labels = ctx.strings.map
    admin_map = ctx.campaign.admin_map
    here = FINDER_URI
    since = ctx.date(admin_map.since)
    examples = finder_examples(ctx)
    out = [f"# {labels.finder_title}\n\n"]
    out.append(f"{labels.finder_intro.format(since=since, **examples)}\n\n")
    out.append(
        f'<div class="campaign-finder" data-finder data-matches="{escape(labels.finder_matches)}"'
        f' data-no-match="{escape(labels.finder_no_match)}" data-ignore="{escape(finder_ignored(ctx))}">\n'
        f'<p class="campaign-finder__box" data-finder-box hidden><label for="campaign-finder-q">'
        f"{escape(labels.finder_label)}</label>"
        f'<input id="campaign-finder-q" type="search" autocomplete="off" spellcheck="false"'
        f' placeholder="{escape(labels.finder_example.format(**examples))}"></p>\n'
        f'<p class="campaign-finder__status" data-finder-status role="status" aria-live="polite"></p>\n'
        f'<h2 id="theo-huyen-2024" data-finder-listing>{escape(labels.finder_listing)}</h2>\n'
    )
    for district in ctx.campaign.districts:
        name = ctx.district_name(district)
        out.append(
            f'<section class="campaign-finder__group" data-finder-group data-names="{fold(name)}">'
            f'<h3 id="{district.key}">{escape(name)}</h3><ul>'
        )
        for former, unit in admin_map.communes_of(district.key):
            names = f"{fold(former_name(ctx, former))} | {fold(unit_title(ctx, unit))}"
            contacts = "".join(f"; {contact_html(ctx, c)}" for c in ctx.campaign.contacts_of(unit.key))
            link = f'<a href="{href(here, unit_uri(unit.key))}">{escape(unit_title(ctx, unit))}</a>'
            out.append(
                f'<li data-names="{names}"><span class="campaign-finder__old">{escape(former_name(ctx, former))}</span>'
                f" → {escape(labels.now_part_of)} {link}: {escape(committee(ctx, unit))}{contacts}</li>"
            )
        out.append("</ul></section>\n")
    out.append("</div>\n\n")
    out.append(f"## {labels.what_to_ask}\n\n" + "".join(f"- {question}\n" for question in labels.questions) + "\n")
    out.append(f"## {labels.units_title}\n\n")
    out.append(labels.units_intro.format(province=ctx.campaign.site.province, count=len(admin_map.units)) + "\n\n")
    links = [
        f'<li><a href="{href(here, unit_uri(unit.key))}">{escape(unit_title(ctx, unit))}</a></li>'
        for unit in admin_map.units
    ]
    out.append('<ul class="campaign-districts">' + "".join(links) + "</ul>\n\n")
    out.append(source_line(ctx))
    return SitePage(PageMeta(labels.finder_title, labels.finder_summary, script=FINDER_SCRIPT), "".join(out))
