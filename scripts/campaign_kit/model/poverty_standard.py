"""The multidimensional poverty standard as data, for the household self-check:
`campaign/poverty_standard.yml` (periods naming figures of figures.yml, the rule, the
indicators) and `campaign/self_check.yml` (the page's words, translated beside it)."""

from __future__ import annotations

import itertools
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .schema import Key, Strict, Text

Area = Literal["rural", "urban"]
FigureKey = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]  # a key of figures.yml


class Period(Strict):
    """Years in which one decree's lines apply; each line is a key of figures.yml."""

    first_year: int
    last_year: int
    source: Key  # the act, a page of docs/van-ban/
    poverty_line: dict[Area, FigureKey]
    middle_upper: dict[Area, FigureKey] = {}  # only where FACTS.md gives the upper bound

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.last_year < self.first_year:
            raise ValueError("last_year đứng trước first_year")
        if set(self.poverty_line) != {"rural", "urban"}:
            raise ValueError("poverty_line cần cả rural và urban")
        if self.middle_upper and set(self.middle_upper) != {"rural", "urban"}:
            raise ValueError("middle_upper cần cả rural và urban, hoặc bỏ trống")
        return self


class PovertyStandard(Strict):
    poor_min_deprived: int = Field(ge=1)
    indicator_count: int = Field(ge=1)
    periods: list[Period] = Field(min_length=1)
    indicators: list[Key]

    @model_validator(mode="after")
    def _consistent(self) -> PovertyStandard:
        if len(self.indicators) != self.indicator_count or len(set(self.indicators)) != self.indicator_count:
            raise ValueError(f"indicators cần đúng {self.indicator_count} khóa khác nhau")
        if self.poor_min_deprived > self.indicator_count:
            raise ValueError("poor_min_deprived lớn hơn indicator_count")
        years = sorted(self.periods, key=lambda p: p.first_year)
        for before, after in itertools.pairwise(years):
            if after.first_year <= before.last_year:
                raise ValueError(f"hai giai đoạn trùng năm {after.first_year}")
        return self

    def figure_keys(self) -> set[str]:
        return {key for p in self.periods for key in (*p.poverty_line.values(), *p.middle_upper.values())}


class Indicator(Strict):
    name: Text
    question: Text


class CategoryWords(Strict):
    poor: Text
    near_poor: Text
    middle: Text
    none: Text
    unknown: Text


class WhyWords(CategoryWords):
    none_no_upper: Text


class AmountWords(Strict):
    """How the self-check reads back an amount, and why it refuses one (self_check/amount.js).
    {amount}: the amount as read; {largest}: the largest amount it takes."""

    you_entered: Text
    empty: Text
    negative: Text
    unreadable: Text
    too_small: Text
    too_large: Text
    members: Text
    area: Text


class SelfCheckText(Strict):
    """The self-check page's words in one language (campaign/self_check.<lang>.yml)."""

    title: Text
    intro: Text
    privacy: Text
    no_script: Text
    year_label: Text
    area_label: Text
    rural: Text
    urban: Text
    members_label: Text
    income_label: Text
    income_hint: Text
    indicators_title: Text
    indicators_hint: Text
    lines_title: Text
    lines_year: Text
    lines_poverty: Text
    lines_middle: Text
    lines_unknown: Text
    submit: Text
    result_title: Text
    categories: CategoryWords
    why: WhyWords
    per_person: Text
    may_get: Text
    next_title: Text
    next_steps: Text
    finder_link: Text
    how_link: Text
    only_commune: Text
    invalid: Text
    source: Text
    amount: AmountWords
    indicators: dict[Key, Indicator]
