"""Listing pages of the sections that grow over the years (stories, households, news).

Items stay out of the global navigation (Material writes the whole navigation
into every page); readers reach them through these paginated listings: all
items, and by district, year and tag.
"""

from __future__ import annotations

from collections import defaultdict

from ..model.content import Page
from ..model.sections import Section
from .blocks import cards
from .context import Context, link, slug, tag_uri
from .items import front_matter

PAGE_SIZE = 20


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
    links = []
    if number > 1:
        links.append(f"[← {ctx.strings.previous_page}]({link(here, paged_uri(base, number - 1))})")
    for other in range(1, count + 1):
        label = ctx.strings.page_n.format(n=other)
        links.append(f"**{label}**" if other == number else f"[{label}]({link(here, paged_uri(base, other))})")
    if number < count:
        links.append(f"[{ctx.strings.next_page} →]({link(here, paged_uri(base, number + 1))})")
    return '\n<nav class="campaign-pages" markdown>\n\n' + " · ".join(links) + "\n\n</nav>\n"


def paginate(ctx: Context, base: str, title: str, items: list[Page], first_head: str | None = None) -> dict[str, str]:
    """Pages `base`, `…/trang-2.md`, … each listing PAGE_SIZE items.

    `first_head` replaces the generated title of the first page (a section's own index page)."""
    count = max(1, -(-len(items) // PAGE_SIZE))
    pages = {}
    for number in range(1, count + 1):
        here = paged_uri(base, number)
        chunk = items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        heading = title if number == 1 else f"{title} – {ctx.strings.page_n.format(n=number)}"
        head = (
            first_head if number == 1 and first_head is not None else front_matter(heading, None) + f"# {heading}\n\n"
        )
        pages[here] = head + cards(ctx, here, chunk) + _pagination(ctx, base, number, count)
    return pages


def facet_pages(ctx: Context, section: Section) -> dict[str, str]:
    """Per-district, per-year and per-tag listings of one section."""
    items = ctx.content.items(section.kind)
    section_title = ctx.page(f"{section.folder}/index.md").meta.title
    groups: dict[str, tuple[str, list[Page]]] = {}
    by_district: dict[str, list[Page]] = defaultdict(list)
    by_year: dict[int, list[Page]] = defaultdict(list)
    by_tag: dict[str, list[Page]] = defaultdict(list)
    tag_names: dict[str, str] = {}
    for item in items:
        if getattr(item.meta, "district", None):
            by_district[item.meta.district].append(item)
        by_year[item.meta.date.year].append(item)
        for tag in item.meta.tags:
            by_tag[slug(tag)].append(item)
            tag_names.setdefault(slug(tag), tag)
    for key, pages in by_district.items():
        name = ctx.district_name(ctx.campaign.district(key))
        groups[f"{section.folder}/theo-dia-phuong/{key}.md"] = (f"{section_title}: {name}", pages)
    for year, pages in by_year.items():
        groups[f"{section.folder}/theo-nam/{year}.md"] = (f"{section_title}: {year}", pages)
    for key, pages in by_tag.items():
        groups[tag_uri(section.folder, tag_names[key])] = (f"{section_title}: #{tag_names[key]}", pages)
    result: dict[str, str] = {}
    for base, (title, pages) in groups.items():
        result.update(paginate(ctx, base, title, pages))
    return result


def facet_menu(ctx: Context, section: Section, here: str) -> str:
    """Links to the district, year and tag listings, with counts."""
    items = ctx.content.items(section.kind)
    if not items:
        return ""
    districts: dict[str, int] = defaultdict(int)
    years: dict[int, int] = defaultdict(int)
    tags: dict[str, int] = defaultdict(int)
    for item in items:
        if getattr(item.meta, "district", None):
            districts[item.meta.district] += 1
        years[item.meta.date.year] += 1
        for tag in item.meta.tags:
            tags[tag] += 1
    lines = []
    if districts:
        links = [
            f"[{d.name}]({link(here, f'{section.folder}/theo-dia-phuong/{d.key}.md')}) ({districts[d.key]})"
            for d in ctx.campaign.districts
            if d.key in districts
        ]
        lines.append(f"**{ctx.strings.by_district}:** " + " · ".join(links))
    year_links = [
        f"[{year}]({link(here, f'{section.folder}/theo-nam/{year}.md')}) ({count})"
        for year, count in sorted(years.items(), reverse=True)
    ]
    lines.append(f"**{ctx.strings.by_year}:** " + " · ".join(year_links))
    if tags:
        tag_links = [
            f"[{tag}]({link(here, tag_uri(section.folder, tag))}) ({count})"
            for tag, count in sorted(tags.items(), key=lambda pair: (-pair[1], slug(pair[0])))
        ]
        lines.append(f"**{ctx.strings.by_tag}:** " + " · ".join(tag_links))
    return '<div class="campaign-facets" markdown>\n\n' + "\n\n".join(lines) + "\n\n</div>\n\n"
