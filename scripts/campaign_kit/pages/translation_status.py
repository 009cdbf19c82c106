"""The translation status page: per language, missing, stale and unreviewed pages."""

from __future__ import annotations

from html import escape

from ..model.sections import TRANSLATIONS_URI as STATUS_URI
from ..model.sections import href
from ..model.translations import translation_states
from .context import Context
from .page import PageMeta, SitePage

ORDER = ("stale", "unreviewed", "missing", "reviewed")


def translation_status_page(ctx: Context) -> dict[str, SitePage]:
    strings = ctx.strings
    out = [f"# {strings.translations_title}\n\n"]
    out.append(f"{strings.translations_intro}\n\n")
    for code, states in translation_states(ctx.content).items():
        out.append(f"## {escape(ctx.campaign.language(code).name)}\n\n")
        for state_name in ORDER:
            pages = [state for state in states if state.state == state_name]
            if not pages:
                continue
            links = ", ".join(
                f'<a href="{href(STATUS_URI, state.src_uri)}">{escape(ctx.page(state.src_uri).meta.title)}</a>'
                if state.src_uri in ctx.content.pages
                else escape(state.src_uri)
                for state in pages
            )
            label = escape(strings.translation_states[state_name])
            out.append(f"<p><strong>{label} ({len(pages)}):</strong> {links}</p>\n\n")
    out.append(_glossary(ctx))
    meta = PageMeta(strings.translations_title, strings.translations_intro, searchable=False)
    return {STATUS_URI: SitePage(meta, "".join(out))}


def _glossary(ctx: Context) -> str:
    """The term list translators follow, one column per language."""
    codes = [language.code for language in ctx.campaign.languages]
    head = "".join(f"<th>{escape(ctx.campaign.language(code).name)}</th>" for code in codes)
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{escape(term.vi if code == codes[0] else term.say.get(code, ''))}</td>" for code in codes)
        + "</tr>"
        for term in ctx.campaign.glossary
    )
    return f"## {ctx.strings.glossary_title}\n\n<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>\n"
