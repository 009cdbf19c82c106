"""Dates, numbers and money the way each language writes them (27/01/2021, 1.500.000 đồng)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .model.campaign import Language, Strings
from .model.figures import Figure, FigurePeriod, Reading


def format_number(value: float, language: Language) -> str:
    """1500000 → '1.500.000' in Vietnamese; 6.6 → '6,6'."""
    whole, _, fraction = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
    whole = whole.replace(",", language.thousands_separator)
    return f"{whole}{language.decimal_separator}{fraction}" if fraction else whole


def format_date(value: dt.date, language: Language, strings: Strings) -> str:
    return language.date_format.format(
        d=value.day,
        dd=f"{value.day:02d}",
        mm=f"{value.month:02d}",
        month=strings.months[value.month - 1],
        yyyy=value.year,
    )


def format_value(value: float, unit: str, language: Language, strings: Strings) -> str:
    pattern = strings.units.get(unit)
    if pattern is None:
        raise KeyError(f"campaign/strings/{language.code}.yml has no unit '{unit}'")
    return pattern.format(n=format_number(value, language))


def format_reading(
    figure: Figure,
    reading: Reading,
    language: Language,
    strings: Strings,
    *,
    text: Callable[[str], str] = str,
    value: Callable[[str], str] = str,
) -> str:
    """The value in force; when it ends with no next value known, its end date; with a change
    announced, both values with their dates:
    "1.500.000 đồng/người/tháng (đến hết ngày 31/12/2026; từ ngày 01/01/2027: 2.200.000 đồng/người/tháng)".
    `text` and `value` mark the words and each value (and date), e.g. as HTML that never breaks a value."""
    upcoming = reading.upcoming
    current = reading.current

    def amount(period: FigurePeriod) -> str:
        return value(format_value(period.value, figure.unit, language, strings))

    def day(date: dt.date) -> str:
        return value(format_date(date, language, strings))

    if upcoming is None or upcoming.start is None:
        if current is None:
            raise ValueError(f"figure '{figure.label}' has no value on that day")  # refused by the loader first
        if reading.ends and current.until is not None:
            return _fill(strings.figure_ends, text, value=amount(current), until=day(current.until))
        return amount(current)
    if current is None:
        return _fill(strings.figure_from, text, start=day(upcoming.start), next=amount(upcoming))
    return _fill(
        strings.figure_change,
        text,
        value=amount(current),
        until=day(upcoming.start - dt.timedelta(days=1)),
        start=day(upcoming.start),
        next=amount(upcoming),
    )


def _fill(pattern: str, text: Callable[[str], str], **parts: str) -> str:
    """`pattern` with its {fields} replaced by `parts` (already marked), the words around them marked by `text`."""
    pieces = re.split(r"(\{[a-z]+\})", pattern)
    return "".join(parts[piece[1:-1]] if piece[1:-1] in parts else text(piece) for piece in pieces)
