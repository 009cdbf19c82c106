"""The search page: a form that works as a link target without JavaScript, and the results
of the site's Pagefind index (built after the site, see `campaign_kit.search_index`) with it."""

from __future__ import annotations

import json
import re
from html import escape

from ..model.sections import BY_TYPE, SEARCH_BUNDLE, SEARCH_URI, href, search_data
from ..site_scripts import SEARCH_SCRIPT
from .context import Context
from .page import PageMeta, SitePage


def synonym_groups(ctx: Context) -> list[list[str]]:
    """Per glossary term with everyday words in this language: the term as this language says it
    (without its abbreviation in brackets) and those words. search.js searches a query holding one
    of them with each of the others too."""
    code = ctx.language.code
    groups = []
    for term in ctx.campaign.glossary:
        if term.everyday.get(code):
            said = term.vi if code == ctx.campaign.default_language else term.say[code]
            groups.append([re.sub(r"\s*\(.*?\)", "", said), *term.everyday[code]])
    return groups


def search_page(ctx: Context) -> dict[str, SitePage]:
    strings = ctx.strings
    bundle = ctx.campaign.site.base_path + SEARCH_BUNDLE + "/"
    policies, faq = BY_TYPE["policy"].index, BY_TYPE["faq"].index
    browse = (
        f'<a href="{href(SEARCH_URI, policies)}">{escape(ctx.page(policies).meta.title)}</a> · '
        f'<a href="{href(SEARCH_URI, faq)}">{escape(ctx.page(faq).meta.title)}</a>'
    )
    # The pages' titles, and for a language written without spaces the words of the index.
    data = ctx.campaign.site.base_path + search_data(ctx.language.code)
    synonyms = escape(json.dumps(synonym_groups(ctx), ensure_ascii=False))
    html = f"""<form class="campaign-search" role="search" data-campaign-search data-bundle="{bundle}"
 data-pages="{data}"
 data-synonyms="{synonyms}"
 data-base="{ctx.campaign.site.base_path}" data-none="{escape(strings.search_none)}"
 data-count="{escape(strings.search_count)}">
<label for="campaign-search-input">{escape(strings.search_label)}</label>
<div class="campaign-search__row"><input id="campaign-search-input" type="search" name="q" autocomplete="off"
 enterkeyhint="search"><button type="submit">{escape(strings.search_button)}</button></div>
<p class="campaign-search__hint">{escape(strings.search_hint)}</p>
</form>
<noscript><p>{escape(strings.search_needs_js)} {browse}</p></noscript>
<p class="campaign-search__status" role="status" aria-live="polite"></p>
<ol class="campaign-search__results"></ol>
"""
    title = strings.search_title
    meta = PageMeta(title, None, searchable=False, script=SEARCH_SCRIPT)
    return {SEARCH_URI: SitePage(meta, f"# {title}\n\n" + html)}
