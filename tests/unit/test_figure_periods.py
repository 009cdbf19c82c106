"""A figure's value on a day: the period in force, the next one announced within the notice window,
an end with nothing after it, the value an act set. Written on made-up histories, then checked on
generated ones (any dates, any window)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from campaign_kit.model.figures import Figure, due_changes, last_change, read_figure

D = dt.date


def figure(*periods: tuple[dt.date | None, dt.date | None, float, str]) -> Figure:
    return Figure.model_validate(
        {
            "label": "Một mức",
            "unit": "dong",
            "periods": [
                {"from": start, "until": until, "value": value, "source": act, "facts": "§1a", "status": "verified"}
                for start, until, value, act in periods
            ],
        }
    )


LINE = figure((D(2022, 1, 1), D(2026, 12, 31), 1500, "act-old"), (D(2027, 1, 1), D(2030, 12, 31), 2200, "act-new"))


def test_the_last_day_of_a_period_and_the_first_of_the_next() -> None:
    assert read_figure(LINE, D(2026, 12, 31)).current.value == 1500
    assert read_figure(LINE, D(2027, 1, 1)).current.value == 2200
    assert read_figure(LINE, D(2021, 12, 31)).current is None
    assert read_figure(LINE, D(2031, 1, 1)).current is None


def test_a_change_is_announced_from_the_notice_window_on() -> None:
    assert read_figure(LINE, D(2026, 10, 2), notice_days=90).upcoming is None  # 91 days before
    assert read_figure(LINE, D(2026, 10, 3), notice_days=90).upcoming.value == 2200  # 90 days before
    assert read_figure(LINE, D(2026, 12, 31), notice_days=90).upcoming.value == 2200
    after = read_figure(LINE, D(2027, 1, 1), notice_days=90)
    assert (after.current.value, after.upcoming) == (2200, None)


def test_a_dated_page_reads_its_own_day_without_announcements() -> None:
    assert read_figure(LINE, D(2026, 12, 6)).upcoming is None
    assert read_figure(LINE, D(2023, 3, 1)).current.value == 1500


def test_an_act_s_page_shows_the_value_that_act_set_whatever_the_day() -> None:
    assert read_figure(LINE, D(2026, 12, 6), notice_days=90, act="act-new").current.value == 2200
    assert read_figure(LINE, D(2030, 1, 1), notice_days=90, act="act-old").current.value == 1500
    assert read_figure(LINE, D(2026, 12, 6), notice_days=90, act="another").upcoming.value == 2200


def test_a_value_that_ends_with_nothing_after_it_says_so() -> None:
    ending = figure((D(2022, 1, 1), D(2026, 12, 31), 2250, "act-old"))
    soon = read_figure(ending, D(2026, 12, 6), notice_days=90)
    assert (soon.current.value, soon.upcoming, soon.ends) == (2250, None, True)
    assert not read_figure(ending, D(2026, 6, 1), notice_days=90).ends
    gone = read_figure(ending, D(2027, 1, 2), notice_days=90)
    assert (gone.current.value, gone.ends) == (2250, True)  # shown with its end date, never as today's value
    assert read_figure(ending, D(2027, 1, 2)).current is None  # a dated page of 2027 has no value


def test_due_changes_and_the_day_the_printed_text_changed() -> None:
    changes = due_changes({"line": LINE}, D(2026, 12, 6), 90)
    assert [(c.key, c.day, c.upcoming.value) for c in changes] == [("line", D(2027, 1, 1), 2200)]
    assert due_changes({"line": LINE}, D(2026, 10, 1), 90) == []
    assert last_change({"line": LINE}, D(2026, 12, 6), 90) == D(2026, 10, 3)  # the notice began
    assert last_change({"line": LINE}, D(2027, 1, 2), 90) == D(2027, 1, 1)


@pytest.mark.parametrize(
    "periods",
    [
        [(D(2022, 1, 1), D(2026, 12, 31), 1, "a"), (D(2026, 12, 31), None, 2, "b")],  # one day twice
        [(D(2027, 1, 1), None, 2, "b"), (D(2022, 1, 1), D(2026, 12, 31), 1, "a")],  # out of order
        [(D(2022, 1, 1), None, 1, "a"), (D(2027, 1, 1), None, 2, "b")],  # an open period before another
        [(D(2026, 1, 1), D(2025, 1, 1), 1, "a")],  # ends before it starts
    ],
)
def test_a_history_with_two_values_on_one_day_is_refused(periods) -> None:
    with pytest.raises(ValidationError):
        figure(*periods)


days = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))


@st.composite
def histories(draw) -> Figure:
    """One to four periods one after the other, with gaps or not, the first open at its start or
    not, the last open at its end or not."""
    starts = sorted(draw(st.sets(days, min_size=1, max_size=4)))
    periods = []
    for index, start in enumerate(starts):
        last = index == len(starts) - 1
        latest = D(2045, 12, 31) if last else starts[index + 1] - dt.timedelta(days=1)
        until = None if last and draw(st.booleans()) else draw(st.dates(min_value=start, max_value=latest))
        periods.append((None if index == 0 and draw(st.booleans()) else start, until, index + 1, f"act-{index}"))
    return figure(*periods)


@given(histories(), days, st.integers(min_value=0, max_value=366))
def test_on_any_day_one_value_at_most_and_the_next_only_within_the_window(history, day, window) -> None:
    covering = [period for period in history.periods if period.covers(day)]
    assert len(covering) <= 1
    reading = read_figure(history, day, notice_days=window)
    if covering:
        assert reading.current == covering[0]
    if reading.upcoming is not None:
        assert day < reading.upcoming.start and (reading.upcoming.start - day).days <= window
        assert not reading.ends
    if reading.ends:
        assert reading.current.until is not None and reading.current.until < day + dt.timedelta(days=window)
    assert read_figure(history, day).upcoming is None  # a dated page announces nothing
