"""The words and links of each product, taken from the content model.

Everything printed comes from here: the same summaries, key points, figures,
slogans, units of today and contacts as the site, so a fact corrected once is
corrected on paper too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..catalogue import GENERAL, ORIGINAL, Product, translation_status
from ..formatting import format_number
from ..model.campaign import Campaign
from ..model.content import Content, Page
from ..model.schema import PolicyMeta
from ..model.sections import BY_TYPE, FINDER_URI, legal_uri
from ..pages.admin_text import committee, contact_lines, dated_note
from ..pages.blocks import expand
from ..pages.context import Context, inline_html
from ..pages.standard import line_text, period_heading, periods_shown
from ..siteplan import SitePlan
from .qr import qr_svg

if TYPE_CHECKING:
    from .orders import Order


@dataclass(frozen=True)
class Block:
    """A titled list of short items, or of questions with their items; optionally the QR code of its page."""

    key: str
    heading: str
    items: list[str] = field(default_factory=list)  # inline HTML
    questions: list[tuple[str, list[str]]] = field(default_factory=list)
    url: str | None = None
    qr: str | None = None


@dataclass(frozen=True)
class Copy:
    title: str
    slogan: str
    intro: list[str]
    blocks: list[Block]
    contact_heading: str
    contact_lines: list[str]
    url: str
    qr: str
    dated_note: str = ""
    translation_note: str = ""  # a translation nobody has reviewed says so on every page, in its own language
    finder_text: str = ""  # the generic leaflet: how a reader finds their unit, beside a QR code to the finder
    finder_url: str | None = None
    finder_qr: str | None = None
    poster_line: str | None = None
    question: str = ""  # a leaflet's cover: the reader's question it answers
    # A folded leaflet's outside flap: how a household applies, the steps of the policy that answers the home
    # page's first question (site.yml home_questions: is my household poor?), which every support starts from.
    steps_heading: str = ""
    steps_of: str = ""  # that policy's title
    steps: list[str] = field(default_factory=list)  # inline HTML
    colophon: list[str] = field(default_factory=list)  # the publication lines of a leaflet or poster
    # A leaflet's income lines of the poverty standard (poverty_standard.yml, figures.yml, the self-check's words),
    # set where its own text leaves a panel short: who counts as poor or near-poor, which every support starts from.
    poverty_lines: Block | None = None


# A colophon value nobody has given yet: printed so that nobody takes it for a value, refused by production.
BLANK = "[còn trống]"


def colophon_lines(plan: SitePlan, product: Product, order: Order | None = None) -> list[str]:
    """The publication line of Vietnamese printed matter, in Vietnamese on every language's product (it is
    read by the authorities): publisher, licence, print run, size, printer, legal deposit. From the print
    order (campaign/print-orders/); without one (the preview kit), its values are marked blanks."""
    campaign = plan.content.campaign
    fmt = product.format
    vietnamese = campaign.language(campaign.default_language)
    size = f"{format_number(fmt.width_mm, vietnamese)} × {format_number(fmt.height_mm, vietnamese)} mm"
    data = order.source.order if order else None
    run = order.quantity(product) if order else None
    licence = data.licence.text() if data and data.licence else f"Giấy phép xuất bản: {BLANK}"
    return [
        f"Cơ quan xuất bản: {order.publisher if order else campaign.site.owner}.",
        f"{licence}.",
        f"Số lượng in: {f'{format_number(run, vietnamese)} bản' if run else BLANK}. Khổ: {size}.",
        f"In tại: {data.printer.text() if data and data.printer else BLANK}.",
        f"Nộp lưu chiểu: {(data.legal_deposit if data else None) or BLANK}.",
    ]


def cover_question(campaign: Campaign, product: Product) -> str:
    """The question a leaflet's cover asks: its policy group's, in the leaflet's language; the home
    page's second question ("what does a household get?", which every leaflet answers) on the general
    leaflet, and on a topic leaflet whose language has no question for its group (a translator has
    not written one yet). Posters and banners ask none."""
    if product.product_type != "leaflet":
        return ""
    home = campaign.strings[product.language].home_questions[1]
    if product.subject == GENERAL:
        return home
    group = next(g for g in campaign.policy_groups[product.language] if g.key == product.subject)
    return group.question or home


def _contact(plan: SitePlan, ctx: Context, product: Product) -> dict[str, object]:
    """Where to ask: the unit's People's Committee and its sourced contacts; on the generic version,
    how to find one's unit (the finder, by QR code)."""
    labels = ctx.strings.map
    if product.unit is None:
        url = plan.short_url(FINDER_URI, product.language)
        return {
            "contact_heading": labels.finder_title,
            "contact_lines": [labels.leaflet_where],
            "finder_text": labels.leaflet_find,
            "finder_url": url,
            "finder_qr": qr_svg(url),
        }
    unit = ctx.campaign.admin_map.unit(product.unit)
    sourced = ctx.campaign.contacts_of(unit.key)
    lines = [committee(ctx, unit)]
    lines += [line for contact in sourced for line in contact_lines(ctx, contact)]
    if not sourced:
        lines.append(labels.no_contact.format(committee=committee(ctx, unit)))
    return {"contact_heading": labels.finder_title, "contact_lines": lines}


def _steps(ctx: Context) -> dict[str, object]:
    """The steps to apply on a leaflet's flap: the "how" key points of the home page's first question's page."""
    src_uri = ctx.campaign.site.home_questions[0]
    page = ctx.page(src_uri)
    if not isinstance(page.meta, PolicyMeta):
        return {}
    return {
        "steps_heading": ctx.strings.policy_sections[2],
        "steps_of": page.meta.title,
        "steps": [inline_html(expand(ctx, src_uri, item)) for item in page.meta.key_points.how],
    }


def _poverty_lines(ctx: Context) -> Block | None:
    """The income lines per person and month of the standard in force on the print date (and of the next one
    once announced within the notice window), by area, under the act that sets them."""
    text = ctx.campaign.self_check[ctx.language.code]
    questions = []
    for period in periods_shown(ctx):
        act = ctx.page(legal_uri(period.source))
        lines = [
            f"{escape(getattr(text, area))}: <b>{escape(line_text(ctx, period, key))}</b>"
            for area, key in period.poverty_line.items()
        ]
        questions.append((Markup(period_heading(ctx, period, escape(ctx.citation(act)))), lines))
    return Block("poverty-lines", text.lines_title, questions=questions) if questions else None


def _dated(ctx: Context) -> str:
    title, text = dated_note(ctx)
    return f"{title}{ctx.strings.sentence_end} {text}"


def _translation_note(ctx: Context, content: Content, product: Product) -> str:
    if translation_status(content, product) in (ORIGINAL, "reviewed"):
        return ""
    return ctx.strings.unreviewed_title


def _policy_block(plan: SitePlan, ctx: Context, policy: Page) -> Block:
    page = ctx.page(policy.src_uri)
    points = page.meta.key_points
    questions = [
        (question, [inline_html(expand(ctx, policy.src_uri, item)) for item in items])
        for question, items in zip(ctx.strings.policy_sections, points.sections(), strict=True)
    ]
    url = plan.short_url(policy.src_uri, ctx.language.code)
    return Block(key=policy.key, heading=page.meta.title, questions=questions, url=url, qr=qr_svg(url))


def _title_and_summary(page: Page) -> str:
    return f"<b>{escape(page.meta.title)}</b>: {escape(page.meta.summary or '')}"


def product_copy(plan: SitePlan, product: Product, order: Order | None = None) -> Copy:
    content = plan.content
    ctx = Context(content, content.campaign.language(product.language))
    campaign = content.campaign
    home = ctx.page("index.md")
    common = {
        **_contact(plan, ctx, product),
        "colophon": colophon_lines(plan, product, order) if product.has_colophon else [],
        "question": cover_question(campaign, product),
        "dated_note": _dated(ctx),
        "translation_note": _translation_note(ctx, content, product),
        **(_steps(ctx) if product.product_type == "leaflet" else {}),
        "poverty_lines": _poverty_lines(ctx) if product.product_type == "leaflet" else None,
    }
    if product.product_type in ("poster", "banner"):
        slogan = campaign.slogan(product.subject)
        url = plan.short_url("index.md", product.language)
        return Copy(
            title=campaign.site_name(product.language),
            slogan=campaign.slogan_text(slogan.key, product.language),
            intro=[],
            blocks=[],
            url=url,
            qr=qr_svg(url),
            poster_line=campaign.poster_line(slogan.key, product.language),
            **common,
        )
    # In a translation, only the policies translated into it: a leaflet is in one language.
    policies = [policy for policy in content.items("policy") if content.page(policy.src_uri, product.language)]
    # The cover speaks the leaflet's language: the slogan and programme as its strings translate them.
    movement = next((campaign.slogan_text(s.key, product.language) for s in content.current_slogans()), "")
    if product.subject == GENERAL:
        url = plan.short_url("index.md", product.language)
        audiences = sorted(
            {key for policy in policies for key in policy.meta.audiences}, key=list(ctx.strings.audiences).index
        )
        blocks = [
            Block("who", ctx.strings.for_whom, items=[escape(ctx.strings.audiences[key]) for key in audiences]),
            Block(
                "policies",
                ctx.page(BY_TYPE["policy"].index).meta.title,
                items=[_title_and_summary(ctx.page(policy.src_uri)) for policy in policies],
            ),
        ]
        return Copy(
            title=home.meta.title,
            slogan=movement,
            intro=[content.current_programme(product.language), home.meta.summary or ""],
            blocks=blocks,
            url=url,
            qr=qr_svg(url),
            **common,
        )
    group = next(g for g in campaign.policy_groups[product.language] if g.key == product.subject)
    members = [policy for policy in policies if policy.meta.group == group.key]
    url = plan.short_url(BY_TYPE["policy"].index, product.language, anchor=group.key)
    return Copy(
        title=group.title,
        slogan=movement,
        intro=[ctx.page(p.src_uri).meta.summary for p in members],
        blocks=[_policy_block(plan, ctx, policy) for policy in members],
        url=url,
        qr=qr_svg(url),
        **common,
    )
