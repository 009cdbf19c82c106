"""`campaign/`: the single source of campaign facts, loaded into typed objects.

Another province or year is another `campaign/` folder; nothing about one
campaign is written in code. A file `name.<lang>.yml` beside `name.yml` is the
translation of that file; languages without one read the reference file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, Field, HttpUrl, model_validator

from .admin_map import AdminMap, load_admin_map
from .contacts import PublicContact, load_contacts
from .errors import Problems
from .figures import Figure, Figures
from .poverty_standard import PovertyStandard, SelfCheckText
from .schema import Key, Strict, Text, Translation
from .validation import validate
from .yamlfile import read_yaml

M = TypeVar("M", bound=BaseModel)


class Palette(Strict):
    primary: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    primary_dark: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    accent: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    surface: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    text: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]


def is_placeholder(url: object) -> bool:
    """A host reserved for examples (RFC 2606): the real address is not known yet."""
    host = urlsplit(str(url)).hostname or ""
    return host.endswith((".example", ".invalid", ".test", "localhost"))


class Repository(Strict):
    """Where the content lives: "edit this page" opens a page's file in GitHub's web editor.
    (Not Material's repo_url, whose script asks api.github.com for the repository's stars.)"""

    url: HttpUrl
    branch: Text

    def edit_url(self, path: str) -> str:
        """GitHub's web editor on `path` (relative to the repository root)."""
        return f"{str(self.url).rstrip('/')}/edit/{self.branch}/{path}"


class Programme(Strict):
    """A national programme the campaign belongs to or is followed by, with its period and approving act."""

    name: Text
    short_name: Text  # as public sources name it in short, for print and headings
    start: dt.date = Field(alias="from")
    until: dt.date
    act: Key  # a page of docs/van-ban/

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.until


def _a_time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"“{name}” không phải tên múi giờ, ví dụ Asia/Ho_Chi_Minh") from None
    return name


class Site(Strict):
    province: Text
    year: int
    site_name: Text
    short_name: Annotated[str, Field(min_length=1, max_length=24)]  # the phone header shows this whole
    site_url: HttpUrl
    owner: Text
    program: Text  # the programme of the campaign's plan (its year): history, as the plan names it
    # The programmes in force over time (programmes.yml's periods): what print and pages say of today.
    programmes: list[Programme] = []
    # The campaign's time zone (IANA name): the build date is the day there, whatever the build machine's clock.
    timezone: Annotated[str, AfterValidator(_a_time_zone)] | None = None
    repository: Repository
    palette: Palette
    nav: Annotated[list[Text], Field(min_length=1)]  # src_uris of the global menu, in order
    home_questions: Annotated[list[Text], Field(min_length=3, max_length=3)]  # src_uris answering them

    def today(self) -> dt.date:
        """Today in the campaign's time zone (the machine's date when none is set)."""
        return dt.datetime.now(ZoneInfo(self.timezone)).date() if self.timezone else dt.date.today()

    @property
    def base_path(self) -> str:
        """URL path of the site root, e.g. '/' or '/giam-ngheo/'."""
        path = urlsplit(str(self.site_url)).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def placeholder_addresses(self) -> dict[str, str]:
        """Addresses in site.yml still to be replaced before a production build: {key: address}."""
        addresses = {"site_url": str(self.site_url), "repository.url": str(self.repository.url)}
        return {key: url for key, url in addresses.items() if is_placeholder(url)}


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
    finder_intro: Text
    finder_label: Text
    finder_example: Text
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
    dated_note: Text
    find_unit: Text
    leaflet_where: Text
    leaflet_find: Text


class Strings(Strict):
    """Words of generated pages in one language (campaign/strings/<code>.yml)."""

    site_name: Text | None = None  # the site's name in this language (site.yml has the reference one)
    # The phone header's short name in this language (site.yml has the reference one), shown whole.
    short_name: Annotated[str, Field(min_length=1, max_length=24)] | None = None
    slogans: dict[str, Text] = {}  # slogan key (slogans.yml) → the slogan in this language, on its pages
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


class District(Strict):
    """A district-level unit of 2024 (history since the district level ended: see admin_map.yml)."""

    key: Key
    name: Text
    kind: Literal["thanh-pho", "huyen"]
    gso_code: Annotated[str, Field(pattern=r"^[0-9]{3}$")]


class Agency(Strict):
    key: Key
    name: Text
    short: Text


class Slogan(Strict):
    key: Key
    text: Text
    source: Text
    until: dt.date | None = None  # the last day of the movement it belongs to: not printed anew after it
    themes: list[Key] = []
    poster_line: str | None = None


class Term(Strict):
    """One entry of the term list every translation follows (campaign/glossary.yml)."""

    vi: Text
    say: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], Text]
    avoid: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], list[Text]] = {}
    # The everyday words people search with for the term, per language ("xuất khẩu lao động"): the search
    # page looks for the term as well when a query holds one of them, and for them when it holds the term.
    everyday: dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], list[Text]] = {}


def _a_question(value: str) -> str:
    """A leaflet's cover asks the reader's question: a statement there reads as a promise."""
    if not value.rstrip().endswith("?"):
        raise ValueError(f"“{value}” phải là một câu hỏi, kết thúc bằng dấu chấm hỏi (?)")
    return value


# A reader's question, short enough for a leaflet's cover (A5: two lines under the title).
Question = Annotated[str, Field(min_length=1, max_length=90), AfterValidator(_a_question)]


class PolicyGroup(Strict):
    key: Key
    title: Text
    # The question of the group's leaflet cover; without one (a translation nobody has written it in),
    # the cover asks the home page's question in the leaflet's language (printing.wording.cover_question).
    question: Question | None = None


class PlanTask(Strict):
    agency: Key
    requested: bool = False  # "đề nghị": the plan asks a body it cannot instruct
    note: str | None = None
    items: list[Text]

    def item_keys(self) -> list[str]:
        """The key of each item, as activities name the task they fulfil: agency and number, "so-tttt-2"
        (a signed plan's items do not move, and the key needs no word beyond the plan's)."""
        return [f"{self.agency}-{number}" for number in range(1, len(self.items) + 1)]


ActivityOutput = Literal["articles", "broadcasts", "minutes", "copies"]


class PlanActivityForm(Strict):
    """A form of activity the plan names (III.2): what an activity record says it carried out."""

    key: Key
    form: Annotated[int, Field(ge=1)]  # the paragraph of `forms` (from 1) whose words name it
    name: Text  # the plan's own words, found in that paragraph
    short: Annotated[str, Field(min_length=1, max_length=31, pattern=r"^[^:\\/?*\[\]]+$")]  # a sheet's name
    outputs: list[ActivityOutput] = []  # what it produces beside the people reached


class PlanAudiences(Strict):
    general: Text
    priority: list[Text]


class PlanSigner(Strict):
    position: Text
    name: Text


class PlanReporting(Strict):
    text: Text
    frequency: Text
    channel: Key
    recipients: list[Key]


class PlanCitation(Strict):
    text: Text
    doc: Key | None = None
    note: str | None = None


class Plan(Strict):
    """The communication plan, as structured data (campaign/plan.yml)."""

    translation: Translation | None = None
    title: Text
    number: str | None = None
    number_note: str | None = None
    context: Text  # what the plan belonged to and what carries the work on now, for today's reader
    date_text: Text
    issuer: Key
    signer: PlanSigner
    implements: list[Key] = []
    cites: list[PlanCitation] = []
    purpose: Text
    requirements: list[Text]
    audiences: PlanAudiences
    scope: Text
    period: Text
    content: list[Text]
    forms: list[Text]
    activity_forms: list[PlanActivityForm] = []  # the reference plan's (activities are reported in it)
    funding: Text
    tasks: list[PlanTask]
    reporting: PlanReporting
    recipients: list[Text]

    @model_validator(mode="after")
    def _activity_forms_in_the_plans_words(self) -> Plan:
        keys = [form.key for form in self.activity_forms]
        if len(set(keys)) != len(keys):
            raise ValueError("activity_forms có khóa (key) ghi hai lần")
        for form in self.activity_forms:
            paragraph = self.forms[form.form - 1] if form.form <= len(self.forms) else ""
            if form.name.casefold() not in paragraph.casefold():
                raise ValueError(f"“{form.name}” không phải lời của đoạn hình thức số {form.form} trong Kế hoạch")
        return self

    def task_items(self) -> dict[str, tuple[PlanTask, int, str]]:
        """{task key: (task, number from 1, the item's words)} of every item of every task."""
        return {
            key: (task, number, text)
            for task in self.tasks
            for number, (key, text) in enumerate(zip(task.item_keys(), task.items, strict=True), 1)
        }


Edge = Literal["top", "right", "bottom", "left"]
Millimetres = Annotated[float, Field(ge=0)]


class BannerFinishing(Strict):
    """How a banner (bạt hiflex) is finished: material beyond its face that folds to the back, in mm.
    The file is the face plus these allowances; the shop cuts at its trim and folds at the face's edges."""

    hem_mm: Millimetres = 0  # every edge without a pole pocket: folded back and welded or sewn
    pole_pocket_mm: Millimetres = 0  # folded back and welded into a sleeve for a pole or bamboo stick
    pole_pocket_edges: list[Edge] = []
    grommet_spacing_mm: Annotated[float, Field(gt=0)] | None = None  # grommets at the corners and at most this apart
    grommet_edges: list[Edge] = []  # hemmed edges only: a grommet goes through the double layer of a hem
    # Text keeps this far from the double layer (hem or pocket) of each edge: away from grommets, ropes, poles.
    text_clear_mm: dict[Edge, Millimetres] = {}

    @model_validator(mode="after")
    def _grommets_in_hems(self) -> BannerFinishing:
        if self.pole_pocket_edges and not self.pole_pocket_mm:
            raise ValueError("pole_pocket_edges cần pole_pocket_mm lớn hơn 0")
        in_pockets = set(self.grommet_edges) & set(self.pole_pocket_edges)
        if in_pockets:
            raise ValueError(f"không đóng khoen trên cạnh có ống luồn: {sorted(in_pockets)}")
        if self.grommet_edges and (not self.hem_mm or self.grommet_spacing_mm is None):
            raise ValueError("grommet_edges cần hem_mm và grommet_spacing_mm")
        return self

    def allowance(self, edge: Edge) -> float:
        """Material beyond the face on `edge`: the pocket's or the hem's."""
        return self.pole_pocket_mm if edge in self.pole_pocket_edges else self.hem_mm


class PrintFormat(Strict):
    """A trim size (mm); leaflets folded in panels give the panel widths of the outside face.
    A banner's size is its finished face; its `finishing` adds the allowances around it."""

    key: Key
    name: Text
    width_mm: Annotated[float, Field(gt=0)]
    height_mm: Annotated[float, Field(gt=0)]
    panels_mm: list[Annotated[float, Field(gt=0)]] = []
    # A leaflet prints a QR code beside each article (policy) to its page; false: only the code of the
    # leaflet's subject (a code must be ≥ 20 mm, and a small sheet has no room for one per article).
    article_codes: bool = True
    paper: Text = ""  # suggestion for the print shop (manifest)
    # Print run of each file of this size, decided by the campaign office: empty until decided, and a
    # production print kit refuses it empty (the colophon and the print order need it).
    quantity: Annotated[int, Field(gt=0)] | None = None
    finishing: BannerFinishing = BannerFinishing()  # banners: hems, pole pockets, grommets

    @model_validator(mode="after")
    def _panels_fill_the_width(self) -> PrintFormat:
        if self.panels_mm and abs(sum(self.panels_mm) - self.width_mm) > 0.01:
            raise ValueError(f"các cột gấp ({self.panels_mm}) phải cộng lại bằng chiều rộng {self.width_mm} mm")
        return self


Percent = Annotated[float, Field(ge=0, le=100)]


class Colophon(Strict):
    """The publication line of Vietnamese printed matter, beside the publisher (site.yml owner), the print
    run and the size (per format). Empty: not known yet; printed as a marked blank, refused by a production
    print kit (never a guessed number)."""

    licence: Text | None = None  # Giấy phép xuất bản tài liệu không kinh doanh: số, cơ quan cấp, ngày
    printer: Text | None = None  # In tại: the print shop and its address
    legal_deposit: Text | None = None  # Nộp lưu chiểu: month and year


class PrintSettings(Strict):
    site_folder: Key
    bleed_mm: Annotated[float, Field(ge=0)]
    safe_mm: Annotated[float, Field(ge=0)]
    # Colour that bleeds (a cover's fill) stops this far from a fold: a fold that drifts shows no sliver.
    fold_clearance_mm: Annotated[float, Field(ge=1.5)] = 2
    colophon: Colophon = Colophon()
    # The mark on a leaflet's cover, from the project root: the site's own mark (not an official logo of
    # the campaign, which has none in its sources), printed in white beside the site's name.
    mark: Path = Path("overrides/assets/logo.svg")
    # Compound words a printed line never splits, beside the names campaign/ data already lists
    # (places, agencies, contacts, glossary terms): printing/typography.py binds them at render time.
    keep_together: list[Text] = []
    output_profile: Path  # CMYK ICC profile: the output intent of every PDF/X file
    # Designer's CMYK of palette colours (site.yml). Text is not among them: it prints in black ink only.
    cmyk: dict[
        Literal["primary", "primary_dark", "accent", "surface"],
        Annotated[list[Percent], Field(min_length=4, max_length=4)],
    ] = {}
    leaflets: Annotated[list[PrintFormat], Field(min_length=1)]
    poster: PrintFormat
    banners: list[PrintFormat]
    # A translated product not reviewed by a native speaker prints the language's unreviewed_title;
    # false: such products are refused by a production print kit instead.
    mark_unreviewed_translations: bool = True
    # Figures (keys of figures.yml) whose change within the notice window the office accepts to print
    # across: the leaflets then carry both values with their dates. Any other due change stops a print run.
    print_across_changes: list[Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]] = []


class _Languages(Strict):
    fonts: list[FontFile]
    languages: Annotated[list[Language], Field(min_length=1)]


class _Districts(Strict):
    districts: Annotated[list[District], Field(min_length=1)]


class _Agencies(Strict):
    translation: Translation | None = None
    agencies: list[Agency]


class _Slogans(Strict):
    slogans: list[Slogan]


class _Glossary(Strict):
    terms: list[Term]


class _PolicyGroups(Strict):
    translation: Translation | None = None
    policy_groups: list[PolicyGroup]


@dataclass(frozen=True)
class Campaign:
    """Everything in `campaign/`, validated. Per-language parts are keyed by code."""

    root: Path
    site: Site
    languages: list[Language]
    fonts: list[FontFile]
    districts: list[District]
    slogans: list[Slogan]
    figures: dict[str, Figure]
    notice_days: int  # figures.yml: how long before a change it is announced
    agencies: dict[str, dict[str, Agency]]
    policy_groups: dict[str, list[PolicyGroup]]
    plans: dict[str, Plan]
    strings: dict[str, Strings]
    print_settings: PrintSettings
    admin_map: AdminMap
    contacts: list[PublicContact]
    glossary: list[Term]
    poverty_standard: PovertyStandard
    self_check: dict[str, SelfCheckText]

    @property
    def default_language(self) -> str:
        return self.languages[0].code

    def language(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(code)

    def district(self, key: str) -> District:
        return next(d for d in self.districts if d.key == key)

    def slogan(self, key: str) -> Slogan:
        return next(s for s in self.slogans if s.key == key)

    def contacts_of(self, unit: str | None) -> list[PublicContact]:
        """The sourced contacts of a unit of today (None: of the province): only these are published."""
        return [contact for contact in self.contacts if contact.unit == unit and contact.is_sourced]


def _load(path: Path, model: type[M], problems: Problems) -> M | None:
    document = read_yaml(path, problems)
    return validate(model, document, path, problems, {}) if document is not None else None


def load_campaign(root: Path) -> Campaign:
    """Load and validate `root` (a campaign folder); raise ContentError listing every problem."""
    problems = Problems(root.parent)
    site = _load(root / "site.yml", Site, problems)
    languages = _load(root / "languages.yml", _Languages, problems)
    districts = _load(root / "districts.yml", _Districts, problems)
    slogans = _load(root / "slogans.yml", _Slogans, problems)
    figures = _load(root / "figures.yml", Figures, problems)
    print_settings = _load(root / "print.yml", PrintSettings, problems)
    glossary = _load(root / "glossary.yml", _Glossary, problems)
    poverty_standard = _load(root / "poverty_standard.yml", PovertyStandard, problems)
    problems.raise_if_any()
    assert site and languages and districts and slogans and figures and print_settings and glossary
    assert poverty_standard
    admin_map = load_admin_map(root / "admin_map.yml", [d.key for d in districts.districts], problems)
    units = [unit.key for unit in admin_map.units] if admin_map else []
    contacts = load_contacts(root / "contacts.yml", units, problems)
    codes = [language.code for language in languages.languages]

    def localised(name: str, model: type[M]) -> dict[str, M]:
        reference = _load(root / f"{name}.yml", model, problems)
        result: dict[str, M] = {}
        for code in codes:
            own = root / f"{name}.{code}.yml"
            loaded = _load(own, model, problems) if own.exists() and code != codes[0] else reference
            if loaded is not None:
                result[code] = loaded
        return result

    agencies = localised("agencies", _Agencies)
    groups = localised("policy_groups", _PolicyGroups)
    plans = localised("plan", Plan)
    self_check = localised("self_check", SelfCheckText)
    strings = {code: _load(root / "strings" / f"{code}.yml", Strings, problems) for code in codes}
    problems.raise_if_any()
    assert admin_map
    campaign = Campaign(
        root=root,
        site=site,
        languages=languages.languages,
        fonts=languages.fonts,
        districts=districts.districts,
        slogans=slogans.slogans,
        figures=figures.figures,
        notice_days=figures.notice_days,
        agencies={code: {a.key: a for a in value.agencies} for code, value in agencies.items()},
        policy_groups={code: value.policy_groups for code, value in groups.items()},
        plans=plans,
        strings={code: value for code, value in strings.items() if value is not None},
        print_settings=print_settings,
        admin_map=admin_map,
        contacts=contacts,
        glossary=glossary.terms,
        poverty_standard=poverty_standard,
        self_check=self_check,
    )
    _check_references(campaign, problems)
    problems.raise_if_any()
    return campaign


def _check_references(campaign: Campaign, problems: Problems) -> None:
    """Keys used across campaign files must exist (agencies named by the plan, units of figures)."""
    for code, strings in campaign.strings.items():
        for key, figure in campaign.figures.items():
            if figure.unit not in strings.units:
                problems.add(
                    campaign.root / "figures.yml",
                    1,
                    f"số liệu “{key}” dùng đơn vị “{figure.unit}” mà strings/{code}.yml chưa có (units).",
                )
    rules = campaign.poverty_standard
    for key in sorted(rules.figure_keys() - campaign.figures.keys()):
        message = f"Chuẩn nghèo nhắc tới số liệu “{key}” mà figures.yml không có."
        problems.add(campaign.root / "poverty_standard.yml", 1, message)
    for period in rules.periods:
        for key in (*period.poverty_line.values(), *period.middle_upper.values()):
            if key in campaign.figures and rules.line(campaign.figures, period, key) is None:
                problems.add(
                    campaign.root / "poverty_standard.yml",
                    1,
                    f"số liệu “{key}” không giữ một giá trị suốt các năm {period.first_year}–{period.last_year}.",
                    "Trong figures.yml, giai đoạn của số liệu phải phủ trọn các năm của giai đoạn chuẩn nghèo.",
                )
    for code, text in campaign.self_check.items():
        missing = set(campaign.poverty_standard.indicators) - text.indicators.keys()
        extra = text.indicators.keys() - set(campaign.poverty_standard.indicators)
        for key in sorted(missing | extra):
            problems.add(
                campaign.root / ("self_check.yml" if code == campaign.default_language else f"self_check.{code}.yml"),
                1,
                f"Chỉ số “{key}” " + ("thiếu câu hỏi." if key in missing else "không có trong poverty_standard.yml."),
            )
    for code, plan in campaign.plans.items():
        agencies = campaign.agencies[code]
        path = campaign.root / ("plan.yml" if code == campaign.default_language else f"plan.{code}.yml")
        used = [plan.issuer, plan.reporting.channel, *plan.reporting.recipients, *(t.agency for t in plan.tasks)]
        for key in used:
            if key not in agencies:
                problems.add(path, 1, f"Kế hoạch nhắc tới cơ quan “{key}” nhưng agencies.yml không có.")
