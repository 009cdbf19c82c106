"""`campaign/languages.yml`, `campaign/strings/<code>.yml` and `campaign/glossary.yml`: languages, fonts,
the words of generated pages in each language and the term list translations follow."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .schema import Strict, Text

Script = Literal["latin", "khmer"]


class FontFile(Strict):
    file: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+\.(ttf|otf)$")]
    family: Text
    weight: int
    style: Literal["normal", "italic"]
    script: Script


class Language(Strict):
    code: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
    name: Text
    date_format: Text
    thousands_separator: str
    decimal_separator: str
    scripts: Annotated[list[Script], Field(min_length=1)]
    locale: Annotated[str, Field(pattern=r"^[a-z]{2,3}_[A-Z]{2}$")] | None = None  # og:locale of share cards
    # Print type sizes are multiplied by this, so that a script set in its own font looks as large as
    # the reference language's (languages.yml gives the measurement behind each factor).
    print_scale: Annotated[float, Field(ge=1, le=1.5)] = 1.0


class PlanLabels(Strict):
    number: Text
    number_missing: Text
    dated: Text
    issued_by: Text
    signer: Text
    implements: Text
    cites: Text
    purpose: Text
    requirements: Text
    audiences: Text
    priority: Text
    scope: Text
    period: Text
    content: Text
    forms: Text
    funding: Text
    tasks: Text
    reporting: Text
    recipients: Text


class MapLabels(Strict):
    """Words of the finder, the unit pages, the history pages and the dated note (campaign/admin_map.yml)."""

    finder_title: Text
    finder_summary: Text
    finder_intro: Text  # {since}; examples from the map (pages.units.finder_examples): {plain}, {town}
    finder_label: Text
    finder_example: Text  # {name}: a unit of 2024 of the map
    finder_listing: Text
    finder_no_match: Text
    finder_matches: Text
    now_part_of: Text
    people_committee: Text
    unit_name: Text
    what_to_ask: Text
    questions: Annotated[list[Text], Field(min_length=1)]
    no_contact: Text
    contacts_title: Text
    contact_hours: Text
    contact_source: Text
    formed_from: Text
    units_title: Text
    units_intro: Text
    unit_kinds: dict[Literal["xa", "phuong", "dac-khu"], Text]
    former_kinds: dict[Literal["xa", "phuong", "thi-tran"], Text]
    district_history: Text
    replaced_by: Text
    communes_2024: Text
    source: Text
    source_status: dict[Literal["verified", "partial"], Text]
    dated_title: Text
    dated_note: Text  # the province is part of a province of another name today
    dated_note_kept: Text  # the province kept its name
    find_unit: Text
    leaflet_where: Text
    leaflet_find: Text


class Strings(Strict):
    """Words of generated pages in one language (campaign/strings/<code>.yml)."""

    # The site's name and the phone header's short name in this language (site.yml has the reference
    # ones): translations, saying the province and year through {{ site:province }}, {{ site:year }}.
    site_name: Text | None = None
    short_name: Text | None = None
    slogans: dict[str, Text] = {}  # slogan key (slogans.yml) → the slogan in this language, on its pages and print
    # Slogan key → its poster_line (slogans.yml) in this language: a poster in this language is made for a slogan
    # once both are translated.
    poster_lines: dict[str, Text] = {}
    # A programme's act key (site.yml programmes) → its short name in this language, on print in this language.
    programmes: dict[str, Text] = {}
    legal_kinds: dict[str, Text] = {}  # "Nghị định" → "Decree": citations name the kind of act in this language
    sample_title: Text
    sample_text: Text
    fallback_title: Text
    fallback_text: Text
    fallback_link: Text
    unreviewed_title: Text
    unreviewed_text: Text
    legal_basis: Text
    checked: Text
    in_force_from: Text
    issued_by: Text
    number_label: Text
    date_label: Text
    issuer_label: Text
    district_label: Text
    all_items: Text
    by_district: Text
    by_year: Text
    by_tag: Text
    page_n: Text
    previous_page: Text
    next_page: Text
    no_items: Text
    see_all: Text
    read_more: Text
    latest_stories: Text
    districts_title: Text
    contact_address: Text
    contact_phone: Text
    gso_code: Text
    stories_here: Text
    commendations_here: Text
    news_here: Text
    district_kinds: dict[str, Text]
    commendation_kinds: dict[str, Text]
    audiences: dict[str, Text]
    key_points: Text
    scan_qr: Text
    sentence_end: str
    translations_title: Text
    translations_intro: Text
    glossary_title: Text
    translation_states: dict[Literal["missing", "stale", "unreviewed", "reviewed"], Text]
    print_product: Text
    print_subject: Text
    print_copies: Text  # where a reader gets a printed copy (the print materials page)
    for_whom: Text
    policy_sections: Annotated[list[Text], Field(min_length=4, max_length=4)]
    faq_related: Text
    citation: Text
    # A figure whose change is announced (figures.yml notice_days): {value} until {until}, {next} from {start}.
    figure_change: Text
    figure_from: Text  # a figure that starts within the notice window and had no value before: {next}, {start}
    figure_ends: Text  # a figure that ends (soon, or already) with no next value known: {value}, {until}
    # An act's page when it no longer applies: replaced ({successor}, linked when it has a page) or ended.
    act_replaced: Text
    act_ended: Text
    applied_until: Text  # beside an act of a policy's legal basis that has stopped applying: {date}
    edit_page: Text
    search_title: Text
    home_questions: Annotated[list[Text], Field(min_length=3, max_length=3)]  # eligible? what? where?
    table_label: Text  # names a table's scroll area for screen readers ("Bảng")
    search_label: Text
    search_button: Text
    search_hint: Text
    search_none: Text
    search_needs_js: Text
    search_count: Text
    plan: PlanLabels
    months: Annotated[list[Text], Field(min_length=12, max_length=12)]
    units: dict[str, Text]
    map: MapLabels


class Term(Strict):
    """One entry of the term list every translation follows (campaign/glossary.yml)."""

    vi: Text
    say: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], Text]
    avoid: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], list[Text]] = {}
    # The everyday words people search with for the term, per language ("xuất khẩu lao động"): the search
    # page looks for the term as well when a query holds one of them, and for them when it holds the term.
    everyday: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], list[Text]] = {}


class LanguagesFile(Strict):
    fonts: list[FontFile]
    languages: Annotated[list[Language], Field(min_length=1)]


class GlossaryFile(Strict):
    terms: list[Term]
