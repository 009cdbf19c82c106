"""Words about today's units and the public contacts, shared by the pages, the placeholders and print.

One place writes "Ủy ban nhân dân xã Lúa Vàng", a contact with its source, and
the dated note, so the site and the leaflets say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..model.admin_map import FormerUnit, Unit
from ..model.contacts import PublicContact
from .context import Context


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def unit_title(ctx: Context, unit: Unit) -> str:
    """'Xã Lúa Vàng' (as a title)."""
    return ctx.strings.map.unit_name.format(kind=ctx.strings.map.unit_kinds[unit.kind], name=unit.name)


def former_name(ctx: Context, former: FormerUnit) -> str:
    """'thị trấn Bến Lúa' (a unit of 2024)."""
    return ctx.strings.map.unit_name.format(kind=ctx.strings.map.former_kinds[former.kind], name=former.name)


def committee(ctx: Context, unit: Unit) -> str:
    """'Ủy ban nhân dân xã Lúa Vàng': where a reader goes today."""
    kind = _lower_first(ctx.strings.map.unit_kinds[unit.kind])
    return ctx.strings.map.people_committee.format(unit=ctx.strings.map.unit_name.format(kind=kind, name=unit.name))


@dataclass(frozen=True)
class ContactText:
    agency: str
    details: list[tuple[str, str]]  # (label, value) of a sourced entry
    source: str  # "Nguồn: …, kiểm tra ngày …" or ""


def contact_text(ctx: Context, contact: PublicContact) -> ContactText:
    """Only a sourced entry shows a phone number, address or hours (the schema refuses others)."""
    if not contact.is_sourced:
        return ContactText(contact.agency, [], "")
    assert contact.verified is not None
    labels = ctx.strings
    details = [
        (labels.contact_phone, contact.phone),
        (labels.contact_address, contact.address),
        (labels.map.contact_hours, contact.hours),
    ]
    source = labels.map.contact_source.format(source=contact.source, date=ctx.date(contact.verified))
    return ContactText(contact.agency, [(label, value) for label, value in details if value], source)


def contact_html(ctx: Context, contact: PublicContact) -> str:
    """One contact as inline HTML: the agency, then its sourced details with a tel: link."""
    text = contact_text(ctx, contact)
    if not text.details:
        return escape(text.agency)
    parts = []
    for label, value in text.details:
        shown = escape(value)
        if label == ctx.strings.contact_phone:
            shown = f'<a href="tel:{escape(value.replace(" ", "").replace(".", ""))}">{shown}</a>'
        parts.append(f"{escape(label)}: {shown}")
    return f"<strong>{escape(text.agency)}</strong> ({'; '.join(parts)}; <small>{escape(text.source)}</small>)"


def contact_lines(ctx: Context, contact: PublicContact) -> list[str]:
    """One contact as plain lines (print)."""
    text = contact_text(ctx, contact)
    return [
        text.agency,
        *(f"{label}: {value}" for label, value in text.details),
        *([text.source] if text.source else []),
    ]


def dated_note(ctx: Context) -> tuple[str, str]:
    """(title, text) of the note that dates the 2024 content: plan, province then and now."""
    campaign = ctx.campaign
    labels = ctx.strings.map
    admin_map = campaign.admin_map
    plan = campaign.plans[ctx.language.code]
    agencies = campaign.agencies[ctx.language.code]
    since = ctx.date(admin_map.since)
    # "X is part of Y since …" only when Y is another name: a province that kept its name is not part of itself.
    template = labels.dated_note if campaign.site.renamed else labels.dated_note_kept
    text = template.format(
        year=campaign.site.year,
        issuer=agencies[plan.issuer].name if plan.issuer in agencies else plan.issuer,
        since=since,
        province=campaign.site.province,
        province_today=campaign.site.province_now,
    )
    return labels.dated_title.format(since=since), text


def dated_note_html(ctx: Context) -> str:
    title, text = dated_note(ctx)
    return (
        f'<div class="campaign-dated" role="note" lang="{ctx.language.code}"><p><strong>{escape(title)}'
        f"{ctx.strings.sentence_end}</strong> {escape(text)}</p></div>\n\n"
    )
