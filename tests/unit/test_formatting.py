"""Numbers, dates and figures written each language's way."""

from __future__ import annotations

import datetime as dt

from conftest import kit_project

from campaign_kit.formatting import format_date, format_number, format_value

CAMPAIGN = kit_project().content.campaign
VI, EN = CAMPAIGN.language("vi"), CAMPAIGN.language("en")


def test_numbers_group_thousands_the_language_way() -> None:
    assert format_number(1500000, VI) == "1.500.000"
    assert format_number(1500000, EN) == "1,500,000"
    assert format_number(6.6, VI) == "6,6"
    assert format_number(6.6, EN) == "6.6"
    assert format_number(12, VI) == "12"


def test_dates_are_dd_mm_yyyy_in_vietnamese() -> None:
    day = dt.date(2021, 1, 27)
    assert format_date(day, VI, CAMPAIGN.strings["vi"]) == "27/01/2021"
    assert format_date(day, EN, CAMPAIGN.strings["en"]) == "27 January 2021"


def test_every_figure_can_be_written_in_every_language() -> None:
    for code, strings in CAMPAIGN.strings.items():
        language = CAMPAIGN.language(code)
        for figure in CAMPAIGN.figures.values():
            for period in figure.periods:
                written = format_value(period.value, figure.unit, language, strings)
                assert format_number(period.value, language) in written
