"""Dates, numbers and money the way each language writes them (27/01/2021, 1.500.000 đồng)."""

from __future__ import annotations

import datetime as dt

from .model.campaign import Figure, Language, Strings


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


def format_figure(figure: Figure, language: Language, strings: Strings) -> str:
    pattern = strings.units.get(figure.unit)
    if pattern is None:
        raise KeyError(f"campaign/strings/{language.code}.yml has no unit '{figure.unit}'")
    return pattern.format(n=format_number(figure.value, language))
