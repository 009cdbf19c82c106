"""The Markdown of one content page: title, facts line, notices, body, legal basis."""

from __future__ import annotations

import html

from ..model.content import Page
from ..model.sections import section_of
from .blocks import expand
from .context import Context, link, page_url, tag_uri


def front_matter(title: str, summary: str | None) -> str:
    lines = ["---", f"title: {_yaml_text(title)}"]
    if summary:
        lines.append(f"description: {_yaml_text(summary)}")
    return "\n".join([*lines, "---", ""]) + "\n"


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def notice(css_class: str, title: str, text: str, *, lang: str | None = None) -> str:
    attribute = f' lang="{lang}"' if lang else ""
    return (
        f'<div class="{css_class}" role="note"{attribute} markdown>\n\n**{html.escape(title)}.** {text}\n\n</div>\n\n'
    )


def render_page(ctx: Context, reference: Page) -> str:
    """Final Markdown of a content page in the context's language (falling back to the reference)."""
    here = reference.src_uri
    page = ctx.content.page(here, ctx.language.code)
    fallback = page is None
    page = page or reference
    meta = page.meta
    parts = [front_matter(meta.title, meta.summary), f"# {meta.title}\n\n"]
    facts = _facts_line(ctx, here, reference)
    if facts:
        parts.append(facts + "\n{: .campaign-meta }\n\n")
    if fallback:
        vi_url = ctx.campaign.site.base_path + page_url(here)
        parts.append(
            notice(
                "campaign-fallback",
                ctx.strings.fallback_title,
                f'{ctx.strings.fallback_text} <a href="{vi_url}" hreflang="{reference.language}">'
                f"{ctx.strings.fallback_link}</a>",
            )
        )
    elif meta.translation is not None and meta.translation.status == "unreviewed":
        parts.append(notice("campaign-unreviewed", ctx.strings.unreviewed_title, ctx.strings.unreviewed_text))
    if reference.is_sample:
        parts.append(notice("campaign-sample", ctx.strings.sample_title, ctx.strings.sample_text))
    body = expand(ctx, here, page.body).strip() + "\n\n"
    if fallback and not ctx.is_reference:
        body = f'<div lang="{reference.language}" markdown>\n\n{body}</div>\n\n'
    parts.append(body)
    parts.append(_legal_basis(ctx, here, reference))
    return "".join(parts)


def _facts_line(ctx: Context, here: str, reference: Page) -> str:
    meta = reference.meta
    facts = []
    if getattr(meta, "district", None):
        district = ctx.campaign.district(meta.district)
        facts.append(f"[{ctx.district_name(district)}]({link(here, f'dia-phuong/{district.key}.md')})")
    if reference.kind == "legal":
        facts.append(ctx.citation(reference))
        if meta.effective:
            facts.append(f"{ctx.strings.effective} {ctx.date(meta.effective)}")
    elif hasattr(meta, "date"):
        facts.append(ctx.date(meta.date))
    if getattr(meta, "kind", None) in ctx.strings.commendation_kinds:
        facts.append(ctx.strings.commendation_kinds[meta.kind])
    if getattr(meta, "audiences", None):
        names = ", ".join(ctx.strings.audiences[key] for key in meta.audiences)
        facts.append(f"{ctx.strings.for_whom}: {names}")
    section = section_of(here)
    for tag in meta.tags:
        if section is not None and section.listed_by_facets:
            facts.append(f"[#{tag}]({link(here, tag_uri(section.folder, tag))})")
        else:
            facts.append(f"#{tag}")
    return " · ".join(facts)


def _legal_basis(ctx: Context, here: str, reference: Page) -> str:
    refs = getattr(reference.meta, "legal_basis", None)
    if not refs:
        return ""
    rows = []
    for ref in refs:
        document = ctx.content.reference(f"van-ban/{ref.doc}.md")
        text = f"- [{ctx.citation(document)}]({link(here, document.src_uri)})"
        if ref.articles:
            text += f" ({ref.articles})"
        rows.append(text)
    return (
        f'## {ctx.strings.legal_basis}\n\n<div class="campaign-legal" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"
    )
