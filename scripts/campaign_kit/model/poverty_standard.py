"""The multidimensional poverty standard as data, for the household self-check:
`campaign/poverty_standard.yml` (periods naming figures of figures.yml, the rule, the
indicators) and `campaign/self_check.yml` (the page's words, translated beside it)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .figures import Figure
from .schema import Key, Strict, Text

Area = Literal["rural", "urban"]
FigureKey = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]  # a key of figures.yml


class Period(Strict):
    """Years in which one decree's standard applies: its lines (keys of figures.yml, read on the
    period's first day) and the indicators it counts. Where FACTS.md has the indicator list only from
    a draft, `indicators_confirmed: false` and the page says so instead of passing it off as the act's."""

    first_year: int
    last_year: int
    source: Key  # the act, a page of docs/van-ban/
    poverty_line: dict[Area, FigureKey]
    middle_upper: dict[Area, FigureKey] = {}  # only where FACTS.md gives the upper bound
    indicators: Annotated[list[Key], Field(min_length=1)]
    indicators_confirmed: bool

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.first_year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.last_year, 12, 31)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.last_year < self.first_year:
            raise ValueError("last_year đứng trước first_year")
        if len(set(self.indicators)) != len(self.indicators):
            raise ValueError("một chỉ số được ghi hai lần trong indicators")
        if set(self.poverty_line) != {"rural", "urban"}:
            raise ValueError("poverty_line cần cả rural và urban")
        if self.middle_upper and set(self.middle_upper) != {"rural", "urban"}:
            raise ValueError("middle_upper cần cả rural và urban, hoặc bỏ trống")
        return self


class PovertyStandard(Strict):
    poor_min_deprived: int = Field(ge=1)
    periods: list[Period] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> PovertyStandard:
        if any(self.poor_min_deprived > len(period.indicators) for period in self.periods):
            raise ValueError("poor_min_deprived lớn hơn số chỉ số của một giai đoạn")
        for before, after in itertools.pairwise(self.periods):
            if after.first_year <= before.last_year:
                raise ValueError(f"các giai đoạn phải theo thứ tự năm, không trùng năm ({after.first_year})")
        return self

    def figure_keys(self) -> set[str]:
        return {key for p in self.periods for key in (*p.poverty_line.values(), *p.middle_upper.values())}

    @property
    def indicators(self) -> list[str]:
        """Every indicator of any period, in the order they are first asked."""
        return list(dict.fromkeys(key for period in self.periods for key in period.indicators))

    def period_of(self, year: int) -> Period | None:
        return next((p for p in self.periods if p.first_year <= year <= p.last_year), None)

    def line(self, figures: Mapping[str, Figure], period: Period, key: str) -> float | None:
        """A line of the period: the figure's value on the period's first day, if the same to its last."""
        figure = figures[key]
        first, last = figure.at(period.first_day), figure.at(period.last_day)
        return first.value if first is not None and last is not None and first.value == last.value else None


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
    indicators_draft: Text  # a period whose indicator list FACTS.md knows only from a draft
    indicator_years: Text  # beside an indicator asked in some periods only: {first}, {last}
    period: Text  # the result names the standard applied: {first}, {last}, {citation}
    standard_indicators: Text  # before the indicator list of {{ block:poverty_standard }}
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
