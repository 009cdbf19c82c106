"""Every page of the site in one language, as data (metadata + Markdown body), from the content model.

`build_pages` is what a renderer needs: {path under docs/: SitePage}, and which of them are made
from campaign/ data. The MkDocs adapter hands them to MkDocs; the export writes them to a folder
for another renderer; the offline copy reads their metadata.
"""

from __future__ import annotations

from ..model.content import Content
from ..model.sections import DISTRICT_INDEX, SECTIONS
from .blocks import cards, district_links, faq_entries, policies_by_group
from .context import Context
from .districts import district_pages
from .events import events_page
from .items import render_page
from .listings import facet_menu, facet_pages, paginate
from .loudspeaker import loudspeaker_pages
from .page import PageMeta, SitePage
from .plan import plan_page
from .reports import report_pages
from .search import search_page
from .self_check import self_check_page
from .translation_status import translation_status_page
from .units import units_pages

__all__ = ["PageMeta", "SitePage", "build_pages"]


def build_pages(
    content: Content, language: str, *, production: bool = False
) -> tuple[dict[str, SitePage], set[str]]:
    """({src_uri: page (metadata + Markdown body)} of every page, the src_uris of those made from campaign/ data): an
    editor's file at a made page's address is refused by the gate (`siteplan.reserved`)."""
    ctx = Context(content, content.campaign.language(language), production)
    pages = {src_uri: render_page(ctx, content.reference(src_uri)) for src_uri in content.pages}
    made: dict[str, SitePage] = {}
    for section in SECTIONS:
        index = section.index
        if index not in pages:
            continue
        items = content.items(section.content_type)
        if section.listed_by_facets:
            title = ctx.page(index).meta.title
            head = pages[index].add(facet_menu(ctx, section, index))
            listing = paginate(ctx, index, title, items, first_head=head)
            pages[index] = listing.pop(index)
            made.update(listing)
            made.update(facet_pages(ctx, section))
        elif section.content_type == "faq":
            pages[index] = pages[index].add(faq_entries(ctx, index))
        elif section.content_type == "policy":
            pages[index] = pages[index].add(policies_by_group(ctx, index))
        else:
            pages[index] = pages[index].add(cards(ctx, index, items))
    if DISTRICT_INDEX in pages:
        pages[DISTRICT_INDEX] = pages[DISTRICT_INDEX].add(district_links(ctx, DISTRICT_INDEX))
    makers = (
        plan_page,
        report_pages,
        events_page,
        district_pages,
        units_pages,
        translation_status_page,
        search_page,
        self_check_page,
        loudspeaker_pages,
    )
    for make in makers:
        made.update(make(ctx))
    pages.update(made)
    scripts = ctx.language.scripts
    return {uri: page.with_word_breaks(scripts) for uri, page in pages.items()}, set(made)
