"""`campaign/`: the single source of campaign facts, loaded into typed objects.

Another province or year is another `campaign/` folder; nothing about one
campaign is written in code. A file `name.<lang>.yml` beside `name.yml` is the
translation of that file; languages without one read the reference file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .admin_map import AdminMap, District, DistrictsFile, load_admin_map
from .contacts import PublicContact, load_contacts
from .errors import Problems
from .figures import Figure, Figures
from .identity import fill_names
from .languages import FontFile, GlossaryFile, Language, LanguagesFile, MapLabels, PlanLabels, Script, Strings, Term
from .plan import (
    ActivityOutput,
    AgenciesFile,
    Agency,
    Plan,
    PlanActivityForm,
    PlanAudiences,
    PlanCitation,
    PlanReporting,
    PlanSigner,
    PlanTask,
    PolicyGroup,
    PolicyGroupsFile,
    Question,
)
from .poverty_standard import PovertyStandard, SelfCheckText
from .print_settings import BannerFinishing, Edge, Millimetres, Percent, PrintFormat, PrintSettings
from .site import Palette, Programme, Repository, Site, Slogan, SlogansFile, is_placeholder
from .validation import validate
from .yamlfile import read_yaml

# The families live in their own modules; this module loads them into one Campaign and checks the keys
# one file uses of another. The names below stay importable from here.
__all__ = [
    "ActivityOutput",
    "Agency",
    "BannerFinishing",
    "Campaign",
    "District",
    "Edge",
    "FontFile",
    "Language",
    "MapLabels",
    "Millimetres",
    "Palette",
    "Percent",
    "Plan",
    "PlanActivityForm",
    "PlanAudiences",
    "PlanCitation",
    "PlanLabels",
    "PlanReporting",
    "PlanSigner",
    "PlanTask",
    "PolicyGroup",
    "PrintFormat",
    "PrintSettings",
    "Programme",
    "Question",
    "Repository",
    "Script",
    "Site",
    "Slogan",
    "Strings",
    "Term",
    "is_placeholder",
    "load_campaign",
]

M = TypeVar("M", bound=BaseModel)


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

    def site_name(self, code: str) -> str:
        """The site's name in language `code` (its translation, or site.yml's)."""
        return self.strings[code].site_name or self.site.site_name

    def slogan_text(self, key: str, code: str) -> str:
        """A slogan in language `code` (its translation in strings/<code>.yml, or slogans.yml's)."""
        return self.strings[code].slogans.get(key) or self.slogan(key).text

    def poster_line(self, key: str, code: str) -> str | None:
        """A slogan's call line for posters in language `code` (strings/<code>.yml poster_lines, or slogans.yml's)."""
        return self.strings[code].poster_lines.get(key) or self.slogan(key).poster_line

    def short_name(self, code: str) -> str:
        return self.strings[code].short_name or self.site.short_name

    def site_field(self, name: str, code: str) -> str:
        """What `{{ site:name }}` says on a page in language `code` (name: placeholders.SITE_FIELDS)."""
        if name == "site_name":
            return self.site_name(code)
        if name == "short_name":
            return self.short_name(code)
        if name == "province_today":
            return self.site.province_now
        return str(getattr(self.site, name))

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
    languages = _load(root / "languages.yml", LanguagesFile, problems)
    districts = _load(root / "districts.yml", DistrictsFile, problems)
    slogans = _load(root / "slogans.yml", SlogansFile, problems)
    figures = _load(root / "figures.yml", Figures, problems)
    print_settings = _load(root / "print.yml", PrintSettings, problems)
    glossary = _load(root / "glossary.yml", GlossaryFile, problems)
    poverty_standard = _load(root / "poverty_standard.yml", PovertyStandard, problems)
    if site is not None:
        site = fill_names(site, root / "site.yml", site, problems)
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

    agencies = localised("agencies", AgenciesFile)
    groups = localised("policy_groups", PolicyGroupsFile)
    plans = localised("plan", Plan)
    self_check = localised("self_check", SelfCheckText)
    strings = {code: _load(root / "strings" / f"{code}.yml", Strings, problems) for code in codes}
    strings = {
        code: fill_names(value, root / "strings" / f"{code}.yml", site, problems)
        for code, value in strings.items()
        if value is not None
    }
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
        strings=strings,
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
    _check_string_keys(campaign, problems)
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


def _check_string_keys(campaign: Campaign, problems: Problems) -> None:
    """A language's strings translate slogans and programmes by key: a key slogans.yml or site.yml does not
    have (a typo, a slogan renamed) would leave its translation unused, and print the Vietnamese text."""
    slogans = {slogan.key for slogan in campaign.slogans}
    known = {
        "slogans": (slogans, "slogans.yml"),
        "poster_lines": (slogans, "slogans.yml"),
        "programmes": ({programme.act for programme in campaign.site.programmes}, "site.yml, programmes (act)"),
    }
    for code, strings in campaign.strings.items():
        path = campaign.root / "strings" / f"{code}.yml"
        document = None
        for field, (keys, source) in known.items():
            for key in sorted(getattr(strings, field).keys() - keys):
                document = document or read_yaml(path, problems)
                line = document.line_of((field, key)) if document else 1
                problems.add(
                    path,
                    line,
                    f"{field}: “{key}” không có trong {source}, nên bản dịch này không được dùng.",
                    f"Ghi đúng một khóa có trong {source}: " + ", ".join(sorted(keys)) + ".",
                )
