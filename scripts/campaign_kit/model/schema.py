"""Front-matter schema of every content type.

Keys are English; values are checked here once, so the rest of the code can
trust them. Cross-references to `campaign/` (districts, policy groups) are
checked against the validation context given by the loader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from difflib import get_close_matches
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..slugs import SLUG_PATTERN

Text = Annotated[str, Field(min_length=1)]
Summary = Annotated[str, Field(min_length=1, max_length=400)]
# Bounded: every title and tag is repeated in menus, listings, search and print, and each tag
# makes a listing page per language (the longest title in use has 218 characters, a page 4 tags).
Title = Annotated[str, Field(min_length=1, max_length=300)]
Tag = Annotated[str, Field(min_length=1, max_length=60)]
MAX_TAGS_PER_PAGE = 8
Key = Annotated[str, Field(pattern=SLUG_PATTERN)]


# No page of this site speaks of a day before the country's founding (02/09/1945): an earlier date
# (0001-01-01, 1900-…) is a typo, and would be listed and shown as if it were true.
EARLIEST_DATE = dt.date(1945, 9, 2)


def _not_before_the_earliest(value: dt.date) -> dt.date:
    if value < EARLIEST_DATE:
        day = f"{value.day:02}/{value.month:02}/{value.year:04}"  # strftime drops a year's zeros (0001)
        raise PydanticCustomError("ancient_date", "{day}", {"day": day, "earliest": f"{EARLIEST_DATE:%d/%m/%Y}"})
    return value


Date = Annotated[dt.date, AfterValidator(_not_before_the_earliest)]


def _not_after(day: str) -> Callable[[dt.date, ValidationInfo], dt.date]:
    """A date not after the context's `day` ("today": the build date; "now": the real date)."""

    def check(value: dt.date, info: ValidationInfo) -> dt.date:
        if value > (info.context or {}).get(day, dt.date.today()):
            raise PydanticCustomError("future_date", "{message}", {"message": f"ngày {value:%d/%m/%Y} chưa tới"})
        return value

    return check


# What happened (a story, a signature, a consent) happened by the build date: a later date is a typo.
PastDate = Annotated[Date, AfterValidator(_not_after("today"))]
# What an editor did (checking a page against the law) happened by the real date, whatever build date
# is asked for (`make check TODAY=…` an earlier day still checks today's pages).
DoneDate = Annotated[Date, AfterValidator(_not_after("now"))]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def check_known(value: str, known: list[str] | None, what: str) -> str:
    """Refuse a key that `campaign/` does not define, suggesting the closest one."""
    if known is None or value in known:
        return value
    close = get_close_matches(value, known, n=1)
    guess = f" Có phải ý bạn là “{close[0]}”?" if close else ""
    raise PydanticCustomError(
        "unknown_key", "{message}", {"message": f"không có {what} “{value}”.{guess}", "known": ", ".join(known)}
    )


class Consent(Strict):
    """Who agreed to publication, when, and where the signed form is kept
    (the form itself never goes into the repository)."""

    given_by: Text
    date: PastDate
    kept_at: Text


class Translation(Strict):
    """Where a translation comes from: its source file, the source's hash when translated, its review."""

    source: Text
    source_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")]
    status: Literal["reviewed", "unreviewed"]


class LegalRef(Strict):
    doc: Key
    articles: str | None = None


def _ref_from_text(value: Any) -> Any:
    return {"doc": value} if isinstance(value, str) else value


def consent_rule(about_people: bool, sample: bool, has_consent: bool) -> str | None:
    """The kind of consent mistake, if any: a real person's page needs the record of their consent;
    an example page (`sample: true`) is about nobody, so a consent record there would be invented."""
    if sample and has_consent:
        return "sample_consent"
    if about_people and not sample and not has_consent:
        return "consent_missing"
    return None


class PageMeta(Strict):
    """Keys every page may carry."""

    kind_label: ClassVar[str] = "trang"
    title: Title
    summary: Summary | None = None
    tags: Annotated[list[Tag], Field(max_length=MAX_TAGS_PER_PAGE)] = []
    sample: bool = False
    translation: Translation | None = None
    # Who agreed to be named: required on a story or commendation (`is_about_people`), and on any
    # page that names a private person (the gate's `checks.people`).
    consent: Consent | None = None

    @classmethod
    def is_about_people(cls, values: dict[str, Any]) -> bool:
        """Whether a page of this type with these front-matter values (as written: also read when
        another value is wrong, so that a wrong date hides no missing consent) is about
        identifiable people: publishing it needs their recorded consent (NĐ 13/2023/NĐ-CP Điều 11)."""
        return False

    @property
    def about_people(self) -> bool:
        return self.is_about_people(dict(self))

    @property
    def consent_record(self) -> Consent | None:
        return self.consent

    @model_validator(mode="after")
    def _consent_matches_people(self) -> PageMeta:
        kind = consent_rule(self.about_people, self.sample, self.consent_record is not None)
        if kind is not None:
            raise PydanticCustomError(kind, "consent")
        return self


class OrderedMeta(PageMeta):
    """Pages listed in an editorial order (policies, FAQ entries)."""

    order: int = 100


class DatedMeta(PageMeta):
    """Pages listed newest first (legal documents, stories, commendations, news)."""

    date: PastDate


class PlacedMeta(DatedMeta):
    """Dated pages that may say where they happened, in the names of their time. Before the map's
    date (admin_map.yml `since`): a district of 2024 (campaign/districts.yml) and, within it, a
    commune, ward or town of 2024; the page is listed on the page of the unit of today that took it.
    From that date on: a unit of today (`unit`), since there are no districts any more."""

    place_required: ClassVar[bool] = False  # stories and commendations must say where
    district: Key | None = None
    commune: Key | None = None
    unit: Key | None = None

    @field_validator("unit")
    @classmethod
    def _unit_exists(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return value
        return check_known(value, (info.context or {}).get("units"), "xã, phường, đặc khu ngày nay")

    @model_validator(mode="after")
    def _place_of_its_time(self, info: ValidationInfo) -> PlacedMeta:
        since = (info.context or {}).get("map_since")
        if since is None:
            return self
        day = f"{since:%d/%m/%Y}"
        example = next(iter((info.context or {}).get("units") or []), "")  # a unit of this campaign's map
        if self.date >= since and (self.district or self.commune):
            at = "district" if self.district else "commune"
            raise PydanticCustomError("district_after_map", "{since}", {"since": day, "at": at, "example": example})
        if self.date < since and self.unit:
            raise PydanticCustomError("unit_before_map", "{since}", {"since": day, "at": "unit"})
        if self.place_required and not (self.district or self.unit):
            kind = "unit_missing" if self.date >= since else "district_missing"
            raise PydanticCustomError(kind, "{since}", {"since": day, "at": "date", "example": example})
        return self

    @field_validator("district")
    @classmethod
    def _district_exists(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return value
        return check_known(value, (info.context or {}).get("districts"), "huyện, thành phố")

    @field_validator("commune")
    @classmethod
    def _commune_in_district(cls, value: str | None, info: ValidationInfo) -> str | None:
        communes = (info.context or {}).get("communes")
        district = info.data.get("district")
        if value is None or communes is None or district not in communes:
            return value
        return check_known(value, communes[district], f"xã, phường, thị trấn năm 2024 thuộc “{district}”")


Point = Annotated[str, Field(min_length=1, max_length=160)]


class KeyPoints(Strict):
    """The policy in a few plain sentences: printed on leaflets, boxed at the top of the page."""

    who: Annotated[list[Point], Field(min_length=1, max_length=3)]
    what: Annotated[list[Point], Field(min_length=1, max_length=3)]
    how: Annotated[list[Point], Field(min_length=1, max_length=3)]
    where: Annotated[list[Point], Field(min_length=1, max_length=2)]

    def sections(self) -> list[list[str]]:
        """In the order of the policy page's four questions."""
        return [self.who, self.what, self.how, self.where]


class PolicyMeta(OrderedMeta):
    kind_label: ClassVar[str] = "chính sách"
    summary: Summary
    group: Key
    audiences: list[
        Literal["ho-ngheo", "ho-can-ngheo", "ho-moi-thoat-ngheo", "ho-muc-song-trung-binh", "nguoi-lao-dong"]
    ] = []
    legal_basis: Annotated[list[Annotated[LegalRef, BeforeValidator(_ref_from_text)]], Field(min_length=1)]
    # When the page was last checked against the law in force, shown as "Cập nhật". A translation
    # shows its source's date, so only the source must carry it.
    checked: DoneDate | None = None
    key_points: KeyPoints

    @model_validator(mode="after")
    def _source_records_its_check(self) -> PolicyMeta:
        if self.translation is None and self.checked is None:
            raise PydanticCustomError("checked_missing", "checked required")
        return self

    @field_validator("group")
    @classmethod
    def _group_exists(cls, value: str, info: ValidationInfo) -> str:
        return check_known(value, (info.context or {}).get("policy_groups"), "nhóm chính sách")


class LegalDocumentMeta(DatedMeta):
    kind_label: ClassVar[str] = "văn bản"
    kind: Literal[
        "Luật", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư", "Chỉ thị", "Kế hoạch", "Văn bản hợp nhất"
    ]
    number: Text
    issuer: Text
    in_force_from: Date | None = None
    # Where FACTS.md says the act no longer applies: its last day and, when another act replaced it,
    # that act (the key of its page in docs/van-ban/, or its name when the site has no page for it).
    in_force_until: Date | None = None
    replaced_by: Text | None = None
    summary: Summary

    @model_validator(mode="after")
    def _dates_in_order(self) -> LegalDocumentMeta:
        if self.in_force_from and self.in_force_from < self.date:
            raise PydanticCustomError("in_force_before_signed", "{at}", {"at": "in_force_from"})
        if self.in_force_until and self.in_force_until < (self.in_force_from or self.date):
            raise PydanticCustomError("ended_before_start", "{at}", {"at": "in_force_until"})
        if self.replaced_by and not self.in_force_until:
            raise PydanticCustomError("replaced_without_date", "{at}", {"at": "replaced_by"})
        return self

    def in_force(self, day: dt.date) -> bool:
        """Whether the act applies on `day` (an act not yet in force does not)."""
        return (self.in_force_from or self.date) <= day and (self.in_force_until is None or day <= self.in_force_until)


class StoryMeta(PlacedMeta):
    kind_label: ClassVar[str] = "gương thoát nghèo"
    place_required: ClassVar[bool] = True
    summary: Summary

    @classmethod
    def is_about_people(cls, values: dict[str, Any]) -> bool:
        return True


class CommendationMeta(PlacedMeta):
    kind_label: ClassVar[str] = "biểu dương"
    place_required: ClassVar[bool] = True
    kind: Literal["household", "person", "organisation"]
    award: str | None = None
    summary: Summary

    @classmethod
    def is_about_people(cls, values: dict[str, Any]) -> bool:
        return values.get("kind") != "organisation"


class NewsMeta(PlacedMeta):
    kind_label: ClassVar[str] = "tin tức"
    summary: Summary


class FaqMeta(OrderedMeta):
    kind_label: ClassVar[str] = "hỏi đáp"
    summary: Summary
    related: list[Key] = []
