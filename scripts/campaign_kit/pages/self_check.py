"""The household self-check page, "Hộ tôi có thuộc diện hộ nghèo, cận nghèo?".

Without JavaScript it is a printable checklist: the questions with boxes to tick and the
income lines of each period. With the script (`campaign_kit.self_check`) it names the
category. Its inputs have no `name` and the button shows only with the script, so a
household's answers are never sent anywhere, not even in a URL.
"""

from __future__ import annotations

import json
from html import escape

from ..model.poverty_standard import Period, PovertyStandard, SelfCheckText
from ..model.sections import BY_TYPE, FINDER_URI, SELF_CHECK_URI, href, legal_uri
from ..self_check import SCRIPT, amount_words
from .context import Context
from .page import PageMeta, SitePage
from .standard import line_text

HOW_IDENTIFIED = BY_TYPE["policy"].item("xac-dinh-ho-ngheo")  # the policy page on the review, when present


def self_check_page(ctx: Context) -> dict[str, SitePage]:
    text = ctx.campaign.self_check[ctx.language.code]
    rules = ctx.campaign.poverty_standard
    here = SELF_CHECK_URI

    def line(period: Period, key: str | None) -> str:
        return escape(text.lines_unknown if key is None else line_text(ctx, period, key))

    acts = {period.source: legal_uri(period.source) for period in rules.periods}
    sources = {key: {"href": href(here, uri), "citation": ctx.citation(ctx.page(uri))} for key, uri in acts.items()}
    words = {
        **amount_words(ctx.campaign, ctx.language.code),  # the sentences say "per person per month" themselves
        "categories": text.categories.model_dump(),
        "why": text.why.model_dump(),
        "perPerson": text.per_person,
        "onlyCommune": text.only_commune,
        "invalid": text.invalid,
        "sources": sources,
        "period": text.period,
        "indicatorsDraft": text.indicators_draft,
        "mayGet": text.may_get,
        "policies": href(here, BY_TYPE["policy"].index),
        "nextSteps": text.next_steps,
        "finderLink": text.finder_link,
        "finder": href(here, FINDER_URI),
    }
    words_json = escape(json.dumps(words, ensure_ascii=False))
    years = range(rules.periods[0].first_year, rules.periods[-1].last_year + 1)
    options = "".join(f'<option value="{year}">{year}</option>' for year in years)
    questions = "".join(_question(text, rules, key) for key in rules.indicators)
    drafts = "".join(
        f'<p class="campaign-self-check__draft" data-periods="{period.first_year}"><small>'
        f"{escape(text.indicators_draft)}</small></p>"
        for period in rules.periods
        if not period.indicators_confirmed
    )
    rows = "".join(
        f"<tr><td>{period.first_year}–{period.last_year}</td>"
        f"<td>{escape(text.rural)}: {line(period, period.poverty_line['rural'])}<br>"
        f"{escape(text.urban)}: {line(period, period.poverty_line['urban'])}</td>"
        f"<td>{escape(text.rural)}: {line(period, period.middle_upper.get('rural'))}<br>"
        f"{escape(text.urban)}: {line(period, period.middle_upper.get('urban'))}</td>"
        f'<td><a href="{sources[period.source]["href"]}">{escape(sources[period.source]["citation"])}</a></td></tr>'
        for period in rules.periods
    )
    policies = BY_TYPE["policy"].index
    how = ""
    if HOW_IDENTIFIED in ctx.content.pages:
        how = f' · <a href="{href(here, HOW_IDENTIFIED)}">{escape(text.how_link)}</a>'

    html = f"""<div class="campaign-self-check" data-self-check>
<p>{escape(text.intro)}</p>
<p><strong>{escape(text.privacy)}</strong></p>
<noscript><p>{escape(text.no_script)}</p></noscript>
<form autocomplete="off" novalidate>
<p><label for="self-check-year">{escape(text.year_label)}</label>
<select id="self-check-year" data-year>{options}</select></p>
<fieldset data-areas data-error="self-check-area-error" aria-describedby="self-check-area-error">
<legend>{escape(text.area_label)}</legend>
<label><input type="radio" name="self-check-area" value="rural" data-area> {escape(text.rural)}</label>
<label><input type="radio" name="self-check-area" value="urban" data-area> {escape(text.urban)}</label>
<p class="campaign-self-check__error" id="self-check-area-error" hidden></p>
</fieldset>
<p><label for="self-check-members">{escape(text.members_label)}</label>
<input id="self-check-members" type="text" inputmode="numeric" data-members
 data-error="self-check-members-error" aria-describedby="self-check-members-error">
<span class="campaign-self-check__error" id="self-check-members-error" hidden></span></p>
<p><label for="self-check-income">{escape(text.income_label)}</label>
<small id="self-check-income-hint">{escape(text.income_hint)}</small>
<input id="self-check-income" type="text" data-income data-error="self-check-income-error"
 aria-describedby="self-check-income-hint self-check-income-read self-check-income-error">
<span class="campaign-self-check__read" id="self-check-income-read" data-income-read></span>
<span class="campaign-self-check__error" id="self-check-income-error" hidden></span></p>
<fieldset><legend>{escape(text.indicators_title)}</legend>
<p><small>{escape(text.indicators_hint)}</small></p>
{drafts}<ol class="campaign-self-check__indicators">{questions}</ol>
</fieldset>
<p data-self-check-submit hidden>
<button type="submit" class="campaign-self-check__submit">{escape(text.submit)}</button></p>
</form>
<section class="campaign-self-check__result" data-self-check-result tabindex="-1" role="status"
 aria-live="polite" aria-label="{escape(text.result_title)}" hidden></section>
<h2 id="nguong-thu-nhap">{escape(text.lines_title)}</h2>
<table><thead><tr><th>{escape(text.lines_year)}</th><th>{escape(text.lines_poverty)}</th>
<th>{escape(text.lines_middle)}</th><th>{escape(ctx.strings.legal_basis)}</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2 id="lam-gi-tiep-theo">{escape(text.next_title)}</h2>
<p>{escape(text.next_steps)}</p>
<p><a href="{href(here, FINDER_URI)}">{escape(text.finder_link)} →</a></p>
<p><a href="{href(here, policies)}">{escape(text.may_get)}</a>{how}</p>
<p><strong>{escape(text.only_commune)}</strong></p>
<div hidden data-self-check-words="{words_json}"></div>
</div>
"""
    meta = PageMeta(text.title, text.intro, searchable=True, script=SCRIPT)
    return {here: SitePage(meta, f"# {text.title}\n\n" + html)}


def _question(text: SelfCheckText, rules: PovertyStandard, key: str) -> str:
    """One indicator to tick. `data-periods` (first years) lets the script ask only the chosen
    year's indicators; an indicator of some periods only says which, for the printed checklist."""
    periods = [period for period in rules.periods if key in period.indicators]
    years = ""
    if len(periods) < len(rules.periods):  # an indicator is dropped or added once: its periods follow each other
        years = " " + escape(text.indicator_years.format(first=periods[0].first_year, last=periods[-1].last_year))
    first_years = " ".join(str(period.first_year) for period in periods)
    return (
        f'<li data-periods="{first_years}"><label><input type="checkbox" data-indicator> '
        f"<span><strong>{escape(text.indicators[key].name)}</strong>: {escape(text.indicators[key].question)}"
        f"{years}</span></label></li>"
    )

