"""The Markdown of one content page: title, facts line, notices, body, legal basis."""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from ..model.content import Page
from ..model.schema import CommendationMeta, DatedMeta, LegalDocumentMeta, PlacedMeta, PolicyMeta
from ..model.sections import FINDER_URI, district_uri, href, legal_uri, page_url, section_of, unit_uri
from .admin_text import unit_title
from .blocks import expand, render_block
from .context import Context, inline_html
from .page import PageMeta, SitePage


def notice(ctx: Context, css_class: str, title: str, text_html: str) -> str:
    """A boxed note in HTML (`text_html` is already escaped), in the reader's language."""
    return (
        f'<div class="{css_class}" role="note" lang="{ctx.language.code}">'
        f"<p><strong>{escape(title)}{ctx.strings.sentence_end}</strong> {text_html}</p></div>\n\n"
    )


def fallback_notice(ctx: Context, here: str) -> str:
    """The note on a page shown in the reference language because this language has no translation."""
    vi_url = ctx.campaign.site.base_path + page_url(here)
    code = ctx.campaign.default_language
    link_html = f'<a href="{vi_url}" hreflang="{code}">{escape(ctx.strings.fallback_link)}</a>'
    return notice(
        ctx, "campaign-fallback", ctx.strings.fallback_title, f"{escape(ctx.strings.fallback_text)} {link_html}"
    )


def render_page(ctx: Context, reference: Page) -> SitePage:
    """Final Markdown of a content page in the context's language (falling back to the reference).

    Decorations around the body are written as HTML: the body is the only
    Markdown, which keeps Python-Markdown (the slowest step of a build) fast."""
    here = reference.src_uri
    page = ctx.content.page(here, ctx.language.code)
    fallback = page is None
    page = page or reference
    meta = page.meta
    content_language = reference.language if fallback and not ctx.is_reference else None
    edit_url = ctx.campaign.site.repository.edit_url(page.path.relative_to(ctx.content.docs_dir.parent).as_posix())
    page_meta = PageMeta(
        meta.title,
        meta.summary,
        content_language=content_language,
        edit_url=edit_url,
        search_weight=section.search_weight if (section := section_of(here)) else 1.0,
    )
    parts = [f"# {meta.title}\n\n"]
    facts = _facts_line(ctx, here, reference, page)
    if facts:
        parts.append(f'<p class="campaign-meta">{facts}</p>\n\n')
    parts.append(_no_longer_in_force(ctx, here, reference))
    if content_language:
        parts.append(fallback_notice(ctx, here))
    elif meta.translation is not None and meta.translation.status == "unreviewed":
        text = escape(ctx.strings.unreviewed_text)
        parts.append(notice(ctx, "campaign-unreviewed", ctx.strings.unreviewed_title, text))
    if reference.is_sample:
        parts.append(notice(ctx, "campaign-sample", ctx.strings.sample_title, escape(ctx.strings.sample_text)))
    parts.append(_key_points(ctx, here, page))
    parts.append(_where_leads_to_the_finder(ctx, here, page.language, expand(ctx, here, page.body)).strip() + "\n\n")
    parts.append(_legal_basis(ctx, here, reference))
    return SitePage(page_meta, "".join(parts))


def _no_longer_in_force(ctx: Context, here: str, reference: Page) -> str:
    """An act that no longer applies on the build date says so at the top, with its successor."""
    meta = reference.meta
    if not isinstance(meta, LegalDocumentMeta) or meta.in_force_until is None:
        return ""
    if meta.in_force_until >= ctx.content.today:
        return ""
    date = ctx.date(meta.in_force_until + dt.timedelta(days=1))
    if meta.replaced_by is None:
        text = escape(ctx.strings.act_ended.format(date=ctx.date(meta.in_force_until)))
    else:
        successor = ctx.content.pages.get(legal_uri(meta.replaced_by), {}).get(ctx.campaign.default_language)
        name = escape(meta.replaced_by)
        if successor is not None:
            name = f'<a href="{href(here, successor.src_uri)}">{escape(ctx.citation(successor))}</a>'
        text = escape(ctx.strings.act_replaced).replace("{date}", escape(date)).replace("{successor}", name)
    return f'<p class="campaign-act-ended"><strong>{text}</strong></p>\n\n'


def _where_leads_to_the_finder(ctx: Context, here: str, language: str, markdown: str) -> str:
    """Every "Hỏi ở đâu?" section ends with the finder's link, unless it has it already: the reader
    learns which unit of today is theirs before going to its People's Committee. The heading is in the
    page's language (`language`): an untranslated page shown on another language's site keeps its own."""
    heading = f"## {ctx.campaign.strings[language].policy_sections[3]}"
    link = render_block(ctx, here, "find_unit")
    lines = markdown.split("\n")
    starts = [index for index, line in enumerate(lines) if line.strip() == heading]
    for start in reversed(starts):
        end = next((index for index in range(start + 1, len(lines)) if re.match(r"#{1,2} ", lines[index])), len(lines))
        if f'href="{href(here, FINDER_URI)}"' not in "\n".join(lines[start:end]):
            lines[end:end] = ["", link]
    return "\n".join(lines)


def _key_points(ctx: Context, here: str, page: Page) -> str:
    """The policy's plain summary, the same words as its leaflet."""
    if not isinstance(page.meta, PolicyMeta):
        return ""
    points = page.meta.key_points
    out = [f'<div class="campaign-keypoints"><p><strong>{escape(ctx.strings.key_points)}</strong></p>']
    for question, items in zip(ctx.strings.policy_sections, points.sections(), strict=True):
        out.append(f'<p class="campaign-keypoints__question">{escape(question)}</p><ul>')
        out.extend(f"<li>{inline_html(expand(ctx, here, item))}</li>" for item in items)
        out.append("</ul>")
    return "".join(out) + "</div>\n\n"


def _facts_line(ctx: Context, here: str, reference: Page, page: Page) -> str:
    """District, date, kind and tags of a page, as one line of HTML."""
    meta = reference.meta
    facts = []
    if isinstance(meta, PlacedMeta) and meta.district:
        district = ctx.campaign.district(meta.district)
        facts.append(f'<a href="{href(here, district_uri(district.key))}">{escape(ctx.district_name(district))}</a>')
    elif isinstance(meta, PlacedMeta) and meta.unit:
        unit = ctx.campaign.admin_map.unit(meta.unit)
        facts.append(f'<a href="{href(here, unit_uri(unit.key))}">{escape(unit_title(ctx, unit))}</a>')
    if isinstance(meta, LegalDocumentMeta):
        facts.append(escape(ctx.citation(reference)))
        if meta.in_force_from:
            facts.append(escape(f"{ctx.strings.in_force_from} {ctx.date(meta.in_force_from)}"))
    elif isinstance(meta, DatedMeta):
        facts.append(ctx.date(meta.date))
    if isinstance(meta, CommendationMeta):
        facts.append(escape(ctx.strings.commendation_kinds[meta.kind]))
    if isinstance(meta, PolicyMeta) and meta.checked:
        facts.append(escape(f"{ctx.strings.checked} {ctx.date(meta.checked)}"))
    if isinstance(meta, PolicyMeta) and meta.audiences:
        names = ", ".join(ctx.strings.audiences[key] for key in meta.audiences)
        facts.append(escape(f"{ctx.strings.for_whom}: {names}"))
    section = section_of(here)
    # A translation names the tags in its language; the tag listings are those of the reference.
    names = page.meta.tags if len(page.meta.tags) == len(meta.tags) else meta.tags
    for tag, name in dict.fromkeys(zip(meta.tags, names, strict=True)):
        if section is not None and section.listed_by_facets:
            facts.append(f'<a href="{href(here, section.by_tag(tag))}">#{escape(name)}</a>')
        else:
            facts.append(f"#{escape(name)}")
    return " · ".join(facts)


def _legal_basis(ctx: Context, here: str, reference: Page) -> str:
    if not isinstance(reference.meta, PolicyMeta):
        return ""
    refs = reference.meta.legal_basis
    # The acts are the reference's; a translation that cites the same acts names their articles in its language.
    translated = (ctx.content.page(here, ctx.language.code) or reference).meta
    if isinstance(translated, PolicyMeta) and [ref.doc for ref in translated.legal_basis] == [r.doc for r in refs]:
        refs = translated.legal_basis
    rows = []
    for ref in refs:
        document = ctx.content.reference(legal_uri(ref.doc))
        row = f'<li><a href="{href(here, document.src_uri)}">{escape(ctx.citation(document))}</a>'
        notes = [ref.articles] if ref.articles else []
        meta = document.meta
        if isinstance(meta, LegalDocumentMeta) and meta.in_force_until and meta.in_force_until < ctx.content.today:
            notes.append(ctx.strings.applied_until.format(date=ctx.date(meta.in_force_until)))
        rows.append(row + (f" ({escape('; '.join(notes))})" if notes else "") + "</li>")
    return f'## {ctx.strings.legal_basis}\n\n<ul class="campaign-legal">' + "".join(rows) + "</ul>\n"
