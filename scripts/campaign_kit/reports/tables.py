"""A report as CSV (every row behind the totals) and as XLSX (the totals and every row)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..model.activities import STATUS_NAMES, Recorded
from .totals import HEADINGS, MEASURE_NAMES, Report, row_values

DATE_FORMAT = "DD/MM/YYYY"


def row_columns(report: Report) -> list[str]:
    return [
        "Khóa",
        "Tên hoạt động",
        "Ngày bắt đầu",
        "Ngày kết thúc",
        "Tình trạng",
        "Cơ quan",
        "Đơn vị",
        "Hình thức",
        "Nhiệm vụ",
        "Nhóm chính sách",
        "Địa điểm",
        *(HEADINGS[name] for name in MEASURE_NAMES),
        "Lệnh in",
        "Đường dẫn tin, bài",
        "Minh chứng",
        "Đơn vị báo cáo",
        "Ngày báo cáo",
        "Nơi ghi",
    ]


def row_cells(report: Report, recorded: Recorded) -> list[Any]:
    activity = recorded.activity
    names = report.labels(recorded)
    values = row_values(activity)
    return [
        activity.key,
        activity.title,
        activity.start,
        activity.end,
        STATUS_NAMES[activity.status],
        names["agency"],
        names["unit"],
        names["form"],
        names["task"],
        names["policy_group"],
        activity.place or "",
        *(values[name] for name in MEASURE_NAMES),
        activity.outputs.print_order or "",
        " ".join(str(url) for url in activity.outputs.articles),
        activity.evidence or "",
        activity.reported_by,
        activity.reported_on,
        f"{recorded.path.parent.name}/{recorded.path.name}:{recorded.line}",
    ]


def write_csv(report: Report, path: Path) -> None:
    """UTF-8 with a byte-order mark, so that Excel opens the Vietnamese right; dates ISO."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(row_columns(report))
    for recorded in report.rows:
        cells = row_cells(report, recorded)
        writer.writerow([_csv_cell(cell) for cell in cells])
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")


def write_xlsx(report: Report, path: Path) -> None:
    book = Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    bold = Font(bold=True)
    summary.append([report.title])
    summary["A1"].font = Font(bold=True, size=13)
    summary.append([f"Kỳ báo cáo: {report.period.name}"])
    summary.append([])
    headings = ["Nội dung", *(HEADINGS[name] for name in MEASURE_NAMES)]
    summary.append(headings)
    summary.append([report.total.label, *(report.total.totals[name] for name in MEASURE_NAMES)])
    for row in (4, 5):
        for cell in summary[row]:
            cell.font = bold
    for _key, heading, breakdown in report.breakdowns:
        summary.append([])
        summary.append([heading])
        summary.cell(summary.max_row, 1).font = bold
        summary.append(headings)
        for group in breakdown:
            label = f"{group.label}: {group.detail}" if group.detail else group.label
            summary.append([label, *(group.totals[name] for name in MEASURE_NAMES)])
    summary.column_dimensions["A"].width = 60
    for column in range(2, len(headings) + 1):
        summary.column_dimensions[get_column_letter(column)].width = 14
    for cell in summary["A"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")

    sheet = book.create_sheet("Hoạt động")
    sheet.append(row_columns(report))
    for cell in sheet[1]:
        cell.font = bold
    for recorded in report.rows:
        sheet.append(row_cells(report, recorded))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
    sheet.freeze_panes = "C2"
    book.save(path)


def _csv_cell(cell: Any) -> Any:
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return "" if cell is None else cell
