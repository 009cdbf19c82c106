"""Listing pages of the sections that grow over the years (stories, households, news).

Items stay out of the global navigation (Material writes the whole navigation
into every page); readers reach them through these paginated listings: all
items, and by district, year and tag.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from ..model.content import Page
from ..model.schema import PlacedMeta
from ..model.sections import Section, href
from ..slugs import slug
from .blocks import cards
from .context import Context
from .page import PageMeta, SitePage

PAGE_SIZE = 40


def paged_uri(base: str, number: int) -> str:
    """`s/index.md` → `s/trang-2.md`; `s/theo-nam/2024.md` → `s/theo-nam/2024/trang-2.md`."""
    if number == 1:
        return base
    stem = base[: -len("index.md")] if base.endswith("/index.md") else base[:-3] + "/"
    return f"{stem}trang-{number}.md"


def _pagination(ctx: Context, base: str, number: int, count: int) -> str:
    if count <= 1:
        return ""
    here = paged_uri(base, number)

    def to(other: int, label: str) -> str:
        return f'<a href="{href(here, paged_uri(base, other))}">{escape(label)}</a>'

    links = []
    if number > 1:
        links.append(to(number - 1, f"← {ctx.strings.previous_page}"))
    for other in range(1, count + 1):
        label = ctx.strings.page_n.format(n=other)
        links.append(f'<strong aria-current="page">{label}</strong>' if other == number else to(other, label))
    if number < count:
        links.append(to(number + 1, f"{ctx.strings.next_page} →"))
    return (
        f'\n<nav class="campaign-pages" aria-label="{escape(ctx.strings.page_n.format(n=""))}">'
        + " · ".join(links)
        + "</nav>\n"
    )


def paginate(
    ctx: Context, base: str, title: str, items: list[Page], first_head: SitePage | None = None
) -> dict[str, SitePage]:
    """Pages `base`, `…/trang-2.md`, … each listing PAGE_SIZE items.

    `first_head` replaces the generated title of the first page (a section's own index page)."""
    count = max(1, -(-len(items) // PAGE_SIZE))
    pages = {}
    for number in range(1, count + 1):
        here = paged_uri(base, number)
        chunk = items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        heading = title if number == 1 else f"{title} – {ctx.strings.page_n.format(n=number)}"
        head = (
            first_head
            if number == 1 and first_head is not None
            else SitePage(PageMeta(heading, None, searchable=False), f"# {heading}\n\n")
        )
        pages[here] = head.add(cards(ctx, here, chunk) + _pagination(ctx, base, number, count))
    return pages


@dataclass
class Facets:
    """A section's items grouped the three ways readers browse them. Tags are keyed by
    their slug (the listing's URL), so two spellings of one tag make one listing."""

    by_district: dict[str, list[Page]] = field(default_factory=lambda: defaultdict(list))
    by_year: dict[int, list[Page]] = field(default_factory=lambda: defaultdict(list))
    by_tag: dict[str, list[Page]] = field(default_factory=lambda: defaultdict(list))
    tag_names: dict[str, str] = field(default_factory=dict)  # slug → the first spelling met


def facets(items: list[Page]) -> Facets:
    found = Facets()
    for item in items:
        meta = item.meta
        assert isinstance(meta, PlacedMeta)  # only sections listed by facets get here
        if meta.district:
            found.by_district[meta.district].append(item)
        found.by_year[meta.date.year].append(item)
        for tag in dict.fromkeys(slug(tag) for tag in item.meta.tags):
            found.by_tag[tag].append(item)
        for tag in item.meta.tags:
            found.tag_names.setdefault(slug(tag), tag)
    return found


def facet_pages(ctx: Context, section: Section) -> dict[str, SitePage]:
    """Per-district, per-year and per-tag listings of one section."""
    found = facets(ctx.content.items(section.content_type))
    section_title = ctx.page(section.index).meta.title
    groups: dict[str, tuple[str, list[Page]]] = {}
    for key, pages in found.by_district.items():
        name = ctx.district_name(ctx.campaign.district(key))
        groups[section.by_district(key)] = (f"{section_title}: {name}", pages)
    for year, pages in found.by_year.items():
        groups[section.by_year(year)] = (f"{section_title}: {year}", pages)
    for key, pages in found.by_tag.items():
        groups[section.by_tag(key)] = (f"{section_title}: #{found.tag_names[key]}", pages)
    result: dict[str, SitePage] = {}
    for base, (title, pages) in groups.items():
        result.update(paginate(ctx, base, title, pages))
    return result


def facet_menu(ctx: Context, section: Section, here: str) -> str:
    """Links to the district, year and tag listings, with counts."""
    items = ctx.content.items(section.content_type)
    if not items:
        return ""
    found = facets(items)

    def to(target: str, label: str, count: int) -> str:
        return f'<a href="{href(here, target)}">{escape(label)}</a> ({count})'

    lines = []
    if found.by_district:
        links = [
            to(section.by_district(d.key), d.name, len(found.by_district[d.key]))
            for d in ctx.campaign.districts
            if d.key in found.by_district
        ]
        lines.append(f"<p><strong>{ctx.strings.by_district}:</strong> " + " · ".join(links) + "</p>")
    year_links = [
        to(section.by_year(year), str(year), len(pages)) for year, pages in sorted(found.by_year.items(), reverse=True)
    ]
    lines.append(f"<p><strong>{ctx.strings.by_year}:</strong> " + " · ".join(year_links) + "</p>")
    if found.by_tag:
        tag_links = [
            to(section.by_tag(key), found.tag_names[key], len(pages))
            for key, pages in sorted(found.by_tag.items(), key=lambda pair: (-len(pair[1]), pair[0]))
        ]
        lines.append(f"<p><strong>{ctx.strings.by_tag}:</strong> " + " · ".join(tag_links) + "</p>")
    return '<div class="campaign-facets">\n' + "\n".join(lines) + "\n</div>\n\n"
