"""Policy figures as histories (`campaign/figures.yml`): a figure is true from one date until
another, under one act. The site shows the period in force on the build date, a dated page the
period in force on its own date, and a page about an act that act's own period; a change due
soon is announced beside the value in force (`notice_days`)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .schema import Key, Strict, Text

FactsEntry = Annotated[str, Field(pattern=r"^§[0-9]+[a-z]?(\.[0-9]+)?(, §[0-9]+[a-z]?(\.[0-9]+)?)*$")]
FigureKey = Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]


class FigurePeriod(Strict):
    """One value of a figure and where it comes from: the act (a page of docs/van-ban/) and the
    FACTS.md entry that records it, e.g. "§4e" or "§13.1"; status as FACTS marks it (✔ verified,
    ◐ partial: the page qualifies it)."""

    start: dt.date | None = Field(default=None, alias="from")  # None: already in force when records begin
    until: dt.date | None = None  # the last day in force; None: no end is known
    value: int | float
    source: Key
    facts: FactsEntry
    status: Literal["verified", "partial"]
    note: str | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.until is None or day <= self.until)


class Figure(Strict):
    label: Text
    unit: Key | Annotated[str, Field(pattern=r"^[a-z_]+$")]
    periods: Annotated[list[FigurePeriod], Field(min_length=1)]

    @model_validator(mode="after")
    def _one_value_a_day(self) -> Figure:
        for period in self.periods:
            if period.start and period.until and period.until < period.start:
                raise ValueError(f"giai đoạn có until ({period.until:%d/%m/%Y}) trước from ({period.start:%d/%m/%Y})")
        for before, after in itertools.pairwise(self.periods):
            if before.until is None or after.start is None or after.start <= before.until:
                raise ValueError(
                    "các giai đoạn phải xếp theo thời gian và không chồng lên nhau: "
                    "giai đoạn trước cần until, giai đoạn sau cần from, sau ngày until đó"
                )
        return self

    def at(self, day: dt.date) -> FigurePeriod | None:
        """The period in force on `day` (None: the figure had no known value that day)."""
        return next((period for period in self.periods if period.covers(day)), None)

    def of_act(self, act: Key) -> FigurePeriod | None:
        """The period an act set (the latest, if it set several)."""
        return next((period for period in reversed(self.periods) if period.source == act), None)

    def next_change(self, day: dt.date) -> FigurePeriod | None:
        """The first period that starts after `day`."""
        return next((period for period in self.periods if period.start and period.start > day), None)

    def values(self) -> set[float]:
        return {period.value for period in self.periods}


class Figures(Strict):
    """`campaign/figures.yml`."""

    # A change of value due within this many days of the build (or print) date is announced beside
    # the value in force, and listed by make check; a print run is refused across it unless ordered so.
    notice_days: Annotated[int, Field(ge=0, le=366)] = 90
    figures: dict[FigureKey, Figure]


@dataclass(frozen=True)
class Reading:
    """What a page shows for one figure: the value in force (`current`), and `upcoming`, the next
    value when it is announced. `ends`: the value in force ends within the notice window, or has
    ended, and no next value is known (the page shows the last value with its end date)."""

    current: FigurePeriod | None
    upcoming: FigurePeriod | None = None
    ends: bool = False


def read_figure(figure: Figure, day: dt.date, *, notice_days: int | None = None, act: str | None = None) -> Reading:
    """The figure as a page of `day` shows it. A page about `act` shows the value that act set;
    `notice_days` (pages that speak of today) adds the next value when it starts that soon, or says
    that the value ends with none known after it."""
    if act is not None and (own := figure.of_act(act)) is not None:
        return Reading(own)
    current = figure.at(day)
    if notice_days is None:
        return Reading(current)
    upcoming = figure.next_change(day)
    if upcoming is not None and upcoming.start is not None and (upcoming.start - day).days > notice_days:
        upcoming = None
    if current is None and upcoming is None:
        ended = [period for period in figure.periods if period.until is not None and period.until < day]
        return Reading(ended[-1], ends=True) if ended else Reading(None)
    ends = upcoming is None and current is not None and current.until is not None
    ends = ends and (current.until - day).days < notice_days and figure.next_change(current.until) is None
    return Reading(current, upcoming, ends)


@dataclass(frozen=True)
class DueChange:
    """A value that changes within the notice window: what, when, from what to what
    (`upcoming` None: the value ends and no next one is known)."""

    key: str
    figure: Figure
    current: FigurePeriod
    upcoming: FigurePeriod | None
    day: dt.date  # the first day of the change


def due_changes(figures: Mapping[str, Figure], day: dt.date, days: int) -> list[DueChange]:
    """Every figure whose value changes (or ends) after `day` and within `days` (the notice window) of it."""
    found = []
    for key, figure in figures.items():
        current = figure.at(day)
        upcoming = figure.next_change(day)
        if current is None:
            continue  # a figure that only begins changes nothing a reader saw
        if upcoming is not None and upcoming.start is not None and (upcoming.start - day).days <= days:
            found.append(DueChange(key, figure, current, upcoming, upcoming.start))
        elif upcoming is None and current.until is not None and (current.until - day).days < days:
            found.append(DueChange(key, figure, current, None, current.until + dt.timedelta(days=1)))
    return sorted(found, key=lambda change: (change.day, change.key))


def last_change(figures: Mapping[str, Figure], day: dt.date, notice_days: int) -> dt.date | None:
    """The last day by `day` on which what a page of today shows of the figures changed: a period
    began, or a change came into the notice window (from then on both values are shown)."""
    days = [
        moment
        for figure in figures.values()
        for period in figure.periods
        if period.start is not None
        for moment in (period.start, period.start - dt.timedelta(days=notice_days))
        if moment <= day
    ]
    return max(days, default=None)


def number(value: float) -> str:
    """1500000 → 1.500.000; 6.6 → 6,6 (as the message's reader writes numbers)."""
    if value != int(value):
        return f"{value:g}".replace(".", ",")
    return f"{int(value):,}".replace(",", ".")


def span(period: FigurePeriod) -> str:
    if period.start and period.until:
        return f"từ ngày {period.start:%d/%m/%Y} đến hết ngày {period.until:%d/%m/%Y}"
    if period.start:
        return f"từ ngày {period.start:%d/%m/%Y}"
    if period.until:
        return f"đến hết ngày {period.until:%d/%m/%Y}"
    return "hiện hành"
