"""The parts of a report that the site page and the PDF share, as HTML: the summary, the
totals table, a breakdown's table, the activities not carried out. Numbers are written the
way the reference language writes them (1.234); every number comes from the `Report`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from ..formatting import format_number
from ..model.campaign import Language
from .totals import HEADINGS, MEASURE_NAMES, Group, Report

# The columns of a breakdown's table on a page or a sheet of paper (the XLSX has them all).
BREAKDOWN_MEASURES = ("recorded", "done", "reached", "copies", "broadcasts", "articles")
SAMPLE_NOTE = (
    "Bản minh họa: báo cáo có hoạt động minh họa (sample: true), số liệu là hư cấu, không dùng để báo cáo thật."
)


def has_samples(report: Report) -> bool:
    return any(recorded.activity.sample for recorded in report.rows)


def summary_html(report: Report, language: Language) -> str:
    t = {name: format_number(value, language) for name, value in report.total.totals.items()}
    return (
        f"<p>Trong kỳ báo cáo ({escape(report.period.name)}), các cơ quan, đơn vị ghi nhận {t['recorded']} hoạt động:"
        f" đã thực hiện {t['done']}, hủy {t['cancelled']}. Các hoạt động đã thực hiện tiếp cận {t['reached']} người,"
        f" trong đó {t['women']} nữ, {t['ethnic_minority']} người dân tộc thiểu số, {t['poor_near_poor']} người"
        f" thuộc hộ nghèo, cận nghèo; phát hành {t['copies']} bản tờ rơi, tài liệu, băng rôn; {t['broadcasts']}"
        f" lượt phát sóng ({t['minutes']} phút); {t['articles']} tin, bài. Kinh phí đã ghi: {t['cost']} đồng.</p>\n"
    )


def totals_table(report: Report, language: Language) -> str:
    """Every total, one per line: narrow enough for a phone."""
    rows = "".join(
        f'<tr><th scope="row">{escape(HEADINGS[name])}</th>'
        f'<td class="campaign-num" data-measure="{name}">{format_number(report.total.totals[name], language)}</td></tr>'
        for name in MEASURE_NAMES
    )
    return f'<table class="campaign-report-totals"><tbody>{rows}</tbody></table>\n'


def breakdown_table(groups: list[Group], language: Language, first_heading: str) -> str:
    head = f'<th scope="col">{escape(first_heading)}</th>' + "".join(
        f'<th scope="col" class="campaign-num">{escape(HEADINGS[name])}</th>' for name in BREAKDOWN_MEASURES
    )
    rows = []
    for group in groups:
        detail = f"<br><small>{escape(group.detail)}</small>" if group.detail else ""
        cells = "".join(
            f'<td class="campaign-num">{format_number(group.totals[n], language)}</td>' for n in BREAKDOWN_MEASURES
        )
        rows.append(f'<tr><th scope="row">{escape(group.label)}{detail}</th>{cells}</tr>')
    body = "".join(rows)
    return f'<table class="campaign-report-breakdown"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n'


def not_done_list(report: Report, date: Callable[[dt.date], str]) -> str:
    """The activities recorded but not carried out (planned, cancelled), each with its date."""
    items = [
        f"<li>{escape(date(r.activity.start))}: {escape(r.activity.title)}"
        f" ({'hủy' if r.activity.status == 'cancelled' else 'chưa thực hiện'})</li>"
        for r in report.rows
        if r.activity.status != "done"
    ]
    return f"<ul>{''.join(items)}</ul>\n" if items else "<p>Không có.</p>\n"
