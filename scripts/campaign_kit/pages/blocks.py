"""Reusable pieces of generated Markdown: card lists and the `{{ block:… }}` blocks."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..catalogue import catalogue, subject_title
from ..formatting import format_reading
from ..model.content import Page
from ..model.placeholders import Placeholder, substitute
from ..model.schema import DatedMeta, LegalDocumentMeta, PlacedMeta
from ..model.sections import FINDER_URI, district_uri, href, link
from .admin_text import contact_html, dated_note_html
from .context import Context
from .standard import standard_block

LATEST_STORIES = 5


def cards(ctx: Context, here: str, pages: Iterable[Page], *, show_place: bool = True) -> str:
    """A list of links with their summaries, laid out as cards by the theme (HTML)."""
    rows = []
    for reference in pages:
        page = ctx.page(reference.src_uri)
        facts = []
        meta = reference.meta
        if show_place and isinstance(meta, PlacedMeta) and meta.district:
            facts.append(ctx.campaign.district(meta.district).name)
        elif show_place and isinstance(meta, PlacedMeta) and meta.unit:
            facts.append(ctx.campaign.admin_map.unit(meta.unit).name)
        if isinstance(meta, LegalDocumentMeta):
            facts.append(ctx.citation(reference))
        elif isinstance(meta, DatedMeta):
            facts.append(ctx.date(meta.date))
        if reference.is_sample:
            facts.append(ctx.strings.sample_title)
        lang = f' lang="{page.language}"' if page.language != ctx.language.code else ""
        row = f'<li{lang}><a href="{href(here, reference.src_uri)}"><span>{escape(page.meta.title)}</span></a>'
        if page.meta.summary:
            row += f"<br>{escape(page.meta.summary)}"
        if facts:
            row += "<br><small>" + escape(" · ".join(facts)) + "</small>"
        rows.append(row + "</li>")
    if not rows:
        return ctx.strings.no_items + "\n"
    return '<ul class="campaign-cards">\n' + "\n".join(rows) + "\n</ul>\n"


def district_links(ctx: Context, here: str) -> str:
    rows = [
        f'<li><a href="{href(here, district_uri(district.key))}">{escape(ctx.district_name(district))}</a></li>'
        for district in ctx.campaign.districts
    ]
    return '<ul class="campaign-districts">' + "".join(rows) + "</ul>\n"


def faq_entries(ctx: Context, here: str) -> str:
    parts = []
    for reference in ctx.content.items("faq"):
        page = ctx.page(reference.src_uri)
        parts.append(
            f"### {page.meta.title} {{#{reference.key}}}\n\n{page.meta.summary}"
            f" [{ctx.strings.read_more}]({link(here, reference.src_uri)})\n"
        )
    return "\n".join(parts)


def policies_by_group(ctx: Context, here: str) -> str:
    """Policies under their group's heading; the heading id is the group key (leaflet QR codes point there)."""
    policies = ctx.content.items("policy")
    parts = []
    for group in ctx.campaign.policy_groups[ctx.language.code]:
        members = [policy for policy in policies if policy.meta.group == group.key]
        if members:
            parts.append(f"## {group.title} {{#{group.key}}}\n\n" + cards(ctx, here, members))
    return "\n".join(parts)


def print_products(ctx: Context) -> str:
    """The print catalogue: which products exist (generic versions; every leaflet also exists per unit
    of today). A draft site names each product's file, for review. A public site links only the files of
    an approved print order that passed the press guard: there is no print order yet, so it links none
    and tells the reader where printed copies are handed out."""
    rows = [
        f"| {escape(product.format.name)} | {escape(subject_title(ctx.content, product))} "
        f"| {product.format.width_mm:g} × {product.format.height_mm:g} |"
        + ("" if ctx.production else f" {product.filename} |")
        for product in catalogue(ctx.content, [ctx.language.code])
        if product.unit is None
    ]
    columns = [ctx.strings.print_product, ctx.strings.print_subject, "mm", *([] if ctx.production else ["PDF"])]
    header = "| " + " | ".join(columns) + " |\n" + "|---" * len(columns) + "|\n"
    copies = f"{escape(ctx.strings.print_copies)}\n\n"
    return copies + header + "\n".join(rows) + "\n"


def home_questions(ctx: Context, here: str) -> str:
    """The three questions a household brings, each a large link to its answer (the first screen
    of the home page on a phone)."""
    pairs = zip(ctx.strings.home_questions, ctx.campaign.site.home_questions, strict=True)
    links = "".join(f'<li><a href="{href(here, target)}">{escape(question)}</a></li>' for question, target in pairs)
    return f'<ul class="campaign-questions">{links}</ul>\n'


def render_block(ctx: Context, here: str, name: str) -> str:
    if name == "key_policies":
        return cards(ctx, here, ctx.content.items("policy"))
    if name == "latest_stories":
        return cards(ctx, here, ctx.content.items("story")[:LATEST_STORIES])
    if name == "districts":
        return district_links(ctx, here)
    if name == "slogans":
        return "\n".join(f"- **{slogan.text}**" for slogan in ctx.content.current_slogans()) + "\n"
    if name == "faq":
        return faq_entries(ctx, here)
    if name == "print_products":
        return print_products(ctx)
    if name == "find_unit":
        label = escape(ctx.strings.map.find_unit)
        return f'<p class="campaign-find-unit"><a href="{href(here, FINDER_URI)}">{label} →</a></p>\n'
    if name == "dated_note":
        return dated_note_html(ctx)
    if name == "home_questions":
        return home_questions(ctx, here)
    if name == "poverty_standard":
        return standard_block(ctx, here)
    raise KeyError(name)


def expand(ctx: Context, here: str, text: str) -> str:
    """Replace `{{ kind:name }}` placeholders (already checked when content was loaded)."""

    def resolve(placeholder: Placeholder) -> str:
        kind, name = placeholder.kind, placeholder.name
        if kind == "figure":
            reading = ctx.content.figure(placeholder, here)
            # Each value kept on one line: "1.500.000 đồng/người/" then "tháng" misleads a slow reader;
            # a change announced is a sentence around two values, and may wrap between them.
            return format_reading(
                ctx.campaign.figures[name],
                reading,
                ctx.language,
                ctx.strings,
                text=escape,
                value=lambda shown: f'<span class="campaign-figure">{escape(shown)}</span>',
            )
        if kind == "slogan":
            return ctx.campaign.slogan_text(name, ctx.language.code)
        if kind == "site":
            return ctx.campaign.site_field(name, ctx.language.code)
        if kind == "contact":
            return contact_html(ctx, next(c for c in ctx.campaign.contacts if c.key == name))
        return render_block(ctx, here, name)

    return substitute(text, resolve)
