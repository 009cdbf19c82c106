"""Dates, numbers and money the way each language writes them (27/01/2021, 1.500.000 đồng)."""

from __future__ import annotations

import datetime as dt

from .model.campaign import Language, Strings
from .model.figures import Figure, Reading


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


def format_reading(figure: Figure, reading: Reading, language: Language, strings: Strings) -> str:
    """The value in force; when it ends with no next value known, its end date; with a change
    announced, both values with their dates:
    "1.500.000 đồng/người/tháng (đến hết ngày 31/12/2026; từ ngày 01/01/2027: 2.200.000 đồng/người/tháng)"."""
    upcoming = reading.upcoming
    current = reading.current
    if upcoming is None or upcoming.start is None:
        if current is None:
            raise ValueError(f"figure '{figure.label}' has no value on that day")  # refused by the loader first
        value = format_value(current.value, figure.unit, language, strings)
        if reading.ends and current.until is not None:
            return strings.figure_ends.format(value=value, until=format_date(current.until, language, strings))
        return value
    upcoming_text = format_value(upcoming.value, figure.unit, language, strings)
    start = format_date(upcoming.start, language, strings)
    if current is None:
        return strings.figure_from.format(start=start, next=upcoming_text)
    return strings.figure_change.format(
        value=format_value(current.value, figure.unit, language, strings),
        until=format_date(upcoming.start - dt.timedelta(days=1), language, strings),
        start=start,
        next=upcoming_text,
    )
