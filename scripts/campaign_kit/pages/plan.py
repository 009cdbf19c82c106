"""The plan page, written from `campaign/plan.yml` (not pasted text)."""

from __future__ import annotations

from html import escape

from ..model.sections import EVENTS_URI, PLAN_URI, REPORTS_INDEX, legal_uri, link
from .admin_text import dated_note_html
from .context import Context
from .events import EVENTS_TITLE
from .items import notice
from .page import PageMeta, SitePage
from .reports import REPORTS_TITLE, report_pages_exist


def plan_page(ctx: Context) -> dict[str, SitePage]:
    plan = ctx.campaign.plans[ctx.language.code]
    labels = ctx.strings.plan
    agencies = ctx.campaign.agencies[ctx.language.code]
    here = PLAN_URI

    def agency(key: str) -> str:
        return agencies[key].name if key in agencies else key

    def bullets(items: list[str]) -> str:
        return "\n".join(f"- {item}" for item in items) + "\n\n"

    number = plan.number or labels.number_missing
    out = [f"# {plan.title}\n\n"]
    out.append(
        f"{labels.number}: {number} · {plan.date_text} · {labels.issued_by}: {agency(plan.issuer)} · "
        f"{labels.signer}: {plan.signer.position} {plan.signer.name}\n{{: .campaign-meta }}\n\n"
    )
    out.append(dated_note_html(ctx))
    if plan.translation is not None and plan.translation.status == "unreviewed":
        out.append(
            notice(ctx, "campaign-unreviewed", ctx.strings.unreviewed_title, escape(ctx.strings.unreviewed_text))
        )
    out.append(f"{plan.context}\n{{: .campaign-context }}\n\n")
    if plan.number_note:
        out.append(f"*{plan.number_note}*\n\n")
    if plan.implements:
        docs = [ctx.content.reference(legal_uri(key)) for key in plan.implements]
        refs = ", ".join(f"[{ctx.citation(doc)}]({link(here, doc.src_uri)})" for doc in docs)
        out.append(f"**{labels.implements}:** {refs}\n\n")
    out.append(f"## {labels.purpose}\n\n{plan.purpose}\n\n## {labels.requirements}\n\n" + bullets(plan.requirements))
    out.append(f"## {labels.audiences}\n\n{plan.audiences.general}\n\n**{labels.priority}:**\n\n")
    out.append(bullets(plan.audiences.priority))
    out.append(f"## {labels.scope}\n\n{plan.scope}\n\n## {labels.period}\n\n{plan.period}\n\n")
    out.append(f"## {labels.content}\n\n" + bullets(plan.content))
    out.append(f"## {labels.forms}\n\n" + bullets(plan.forms))
    out.append(f"## {labels.funding}\n\n{plan.funding}\n\n## {labels.tasks}\n\n")
    for number_, task in enumerate(plan.tasks, 1):
        out.append(f"### {number_}. {agency(task.agency)}\n\n")
        if task.note:
            out.append(f"*{task.note}*\n\n")
        out.append(bullets(task.items))
    out.append(f"## {labels.reporting}\n\n{plan.reporting.text}\n\n")
    if ctx.is_reference and report_pages_exist(ctx):  # their titles are in the reference language
        events = f"[{EVENTS_TITLE}]({link(here, EVENTS_URI)})"
        out.append(f"[{REPORTS_TITLE}]({link(here, REPORTS_INDEX)}) · {events}\n\n")
    if plan.cites:
        out.append(f"## {labels.cites}\n\n")
        for cited in plan.cites:
            text = f"[{cited.text}]({link(here, legal_uri(cited.doc))})" if cited.doc else cited.text
            out.append(f"- {text}" + (f" *({cited.note})*" if cited.note else "") + "\n")
        out.append("\n")
    out.append(f"## {labels.recipients}\n\n" + bullets([agency(key) for key in plan.recipients]))
    return {PLAN_URI: SitePage(PageMeta(plan.title, plan.purpose.split("\n")[0]), "".join(out))}
