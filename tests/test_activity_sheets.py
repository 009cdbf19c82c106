"""Entry without git: the template made from the model, filled in as an agency would, imported
into records, and reported; a file with one bad row is refused whole, the row named."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from conftest import kit_project
from openpyxl import load_workbook

from campaign_kit.activity_sheets import (
    COLUMNS,
    GUIDE,
    LISTS,
    SheetProblems,
    choice_lists,
    columns_of,
    import_activities,
    write_template,
)
from campaign_kit.model.activities import activity_forms, load_activities
from campaign_kit.model.errors import Problems
from campaign_kit.reports.tables import write_csv
from campaign_kit.reports.totals import HEADINGS, Period, compute, row_values

CONTENT = kit_project().content
CAMPAIGN = CONTENT.campaign
FORMS = list(activity_forms(CAMPAIGN).values())
LISTED = choice_lists(CAMPAIGN)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "mau.xlsx"
    write_template(CAMPAIGN, path)
    return path


def test_the_template_has_a_sheet_per_form_and_the_campaigns_lists(template: Path) -> None:
    book = load_workbook(template)
    assert book.sheetnames == [GUIDE, *(form.short for form in FORMS), LISTS]
    lists = book[LISTS]
    for form in FORMS:
        sheet = book[form.short]
        assert [cell.value.removesuffix(" *") for cell in sheet[1]] == [c.header for c in columns_of(form)]
        assert sheet.max_row == 1
        validations = {str(rule.sqref): rule.formula1 for rule in sheet.data_validations.dataValidation}
        for index, column in enumerate(columns_of(form), 1):
            if column.kind != "choice":
                continue
            letter = sheet.cell(1, index).column_letter
            formula = validations[f"{letter}2:{letter}500"]
            assert formula.startswith(f"'{LISTS}'!")
            cells = lists[formula.split("!")[1].replace("$", "")]
            assert [row[0].value for row in cells] == list(LISTED[column.choices])
    agencies = set(LISTED["agency"])
    assert {agency.name for agency in CAMPAIGN.agencies[CAMPAIGN.default_language].values()} == agencies
    assert len(LISTED["unit"]) == len(CAMPAIGN.admin_map.units)


def fill(template: Path, target: Path, rows: dict[str, list[dict[str, object]]]) -> None:
    """Rows written under the headers, by header, as an agency types them."""
    book = load_workbook(template)
    for title, records in rows.items():
        sheet = book[title]
        headers = [cell.value.removesuffix(" *") for cell in sheet[1]]
        for number, record in enumerate(records, 2):
            for header, value in record.items():
                sheet.cell(number, headers.index(header) + 1, value)
    book.save(target)


def a_row(form_index: int, day: int) -> dict[str, object]:
    """A done activity of one form with every count its sheet has, different numbers for each."""
    form = FORMS[form_index]
    base = 10 * (form_index + 1) + day
    row: dict[str, object] = {
        "Tên hoạt động": f"Hoạt động thử {form.short} {day}",
        "Ngày bắt đầu": dt.date(2023, 3, day),
        "Tình trạng": "Đã thực hiện",
        "Cơ quan thực hiện": list(LISTED["agency"])[form_index % len(LISTED["agency"])],
        "Đơn vị hiện nay": list(LISTED["unit"])[day % len(LISTED["unit"])] if day % 2 else None,
        "Nhiệm vụ của Kế hoạch": list(LISTED["task"])[form_index % len(LISTED["task"])],
        "Số người được tiếp cận": base * 10,
        "Trong đó nữ": base * 5,
        "Người dân tộc thiểu số": base,
        "Người thuộc hộ nghèo, cận nghèo": base * 2,
        "Kinh phí (đồng)": base * 100_000,
        "Đơn vị báo cáo": "Văn phòng",
        "Ngày báo cáo": f"{day + 1:02d}/04/2023",  # typed as text, the way Vietnamese dates are written
    }
    extra = {"copies": ("Số bản phát hành", base * 3), "broadcasts": ("Lượt phát sóng", day),
             "minutes": ("Số phút phát sóng", day * 15),
             "articles": ("Đường dẫn tin, bài", f"https://bao.example/a{day} https://bao.example/b{day}")}  # fmt: skip
    for output in form.outputs:
        header, value = extra[output]
        row[header] = value
    return row


def test_template_filled_imported_and_reported_keeps_every_number(template: Path, tmp_path: Path) -> None:
    rows = {form.short: [a_row(index, day) for day in (1, 2, 3)] for index, form in enumerate(FORMS)}
    filled = tmp_path / "bao-cao-quy-1.xlsx"
    fill(template, filled, rows)
    into = tmp_path / "activities"
    written = import_activities(kit_project(), filled, into)
    assert written == into / "bao-cao-quy-1.yml"

    problems = Problems(tmp_path)
    imported = load_activities(into, CAMPAIGN, problems)
    assert problems.items == []
    assert len(imported) == 3 * len(FORMS)
    report = compute(
        dataclasses.replace(CONTENT, activities=imported), Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    )
    expected = {name: 0 for name in report.total.totals}
    headers = {column.header: column for column in COLUMNS}
    typed = {"reached": "Số người được tiếp cận", "women": "Trong đó nữ", "ethnic_minority": "Người dân tộc thiểu số",
             "poor_near_poor": "Người thuộc hộ nghèo, cận nghèo", "copies": "Số bản phát hành",
             "broadcasts": "Lượt phát sóng", "minutes": "Số phút phát sóng", "cost": "Kinh phí (đồng)"}  # fmt: skip
    assert set(typed.values()) <= set(headers)
    for records in rows.values():
        for row in records:
            for name, header in typed.items():
                expected[name] += int(row.get(header) or 0)
            expected["articles"] += len(str(row.get("Đường dẫn tin, bài", "")).split())
    expected.update(recorded=len(imported), done=len(imported), cancelled=0)
    assert report.total.totals == expected

    by_title = {recorded.activity.title: recorded.activity for recorded in imported}
    for form in FORMS:
        for row in rows[form.short]:
            activity = by_title[str(row["Tên hoạt động"])]
            assert activity.form == form.key
            assert activity.unit == LISTED["unit"].get(str(row["Đơn vị hiện nay"]))
            assert activity.reported_on == dt.date(2023, 4, int(str(row["Ngày báo cáo"])[:2]))
            assert row_values(activity)["reached"] == row["Số người được tiếp cận"]

    write_csv(report, tmp_path / "bao-cao.csv")
    with (tmp_path / "bao-cao.csv").open(encoding="utf-8-sig", newline="") as file:
        in_csv = list(csv.DictReader(file))
    assert sum(int(line[HEADINGS["reached"]]) for line in in_csv) == expected["reached"]
    assert sum(int(line[HEADINGS["cost"]]) for line in in_csv) == expected["cost"]


def test_one_bad_row_refuses_the_whole_file_and_is_named(template: Path, tmp_path: Path) -> None:
    bad = a_row(0, 4) | {"Trong đó nữ": 10_000}
    rows = {FORMS[0].short: [a_row(0, 1), a_row(0, 2), bad], FORMS[1].short: [a_row(1, 3)]}
    filled = tmp_path / "co-loi.xlsx"
    fill(template, filled, rows)
    into = tmp_path / "activities"
    with pytest.raises(SheetProblems) as caught:
        import_activities(kit_project(), filled, into)
    assert caught.value.problems == [
        f"{FORMS[0].short}!4: số người được tiếp cận (reached): số nữ (10000) nhiều hơn tổng số người được tiếp cận"
        f" ({bad['Số người được tiếp cận']})"
    ]
    assert not into.exists()  # nothing half imported


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"Cơ quan thực hiện": "Sở LĐTBXH"}, "!2: cột “Cơ quan thực hiện”: “Sở LĐTBXH” không có trong danh sách"),
        ({"Ngày bắt đầu": "31/02/2023"}, "!2: cột “Ngày bắt đầu”: “31/02/2023” không phải là một ngày có thật"),
        ({"Số người được tiếp cận": "khoảng 100"}, "!2: cột “Số người được tiếp cận”: “khoảng 100” không phải"),
        ({"Đơn vị báo cáo": None}, "!2: thiếu “Đơn vị báo cáo”."),
        ({"Tình trạng": "Dự kiến"}, "!2: chỉ ghi kết quả (số người, số bản, lượt phát, tin bài, kinh phí) khi"),
    ],
)
def test_a_cell_an_agency_gets_wrong_is_named(
    template: Path, tmp_path: Path, change: dict[str, object], expected: str
) -> None:
    filled = tmp_path / "loi.xlsx"
    fill(template, filled, {FORMS[0].short: [a_row(0, 1) | change]})
    with pytest.raises(SheetProblems) as caught:
        import_activities(kit_project(), filled, tmp_path / "activities")
    assert [problem.startswith(FORMS[0].short + expected) for problem in caught.value.problems] == [True]


def test_a_sheet_not_in_the_template_is_refused(template: Path, tmp_path: Path) -> None:
    book = load_workbook(template)
    book[FORMS[0].short].title = "Trang của tôi"
    book.save(tmp_path / "doi-ten.xlsx")
    with pytest.raises(SheetProblems, match="Trang của tôi: trang tính này không có trong mẫu"):
        import_activities(kit_project(), tmp_path / "doi-ten.xlsx", tmp_path / "activities")


def test_text_typed_with_marks_apart_is_read_in_nfc(template: Path, tmp_path: Path) -> None:
    """A spreadsheet saved on a Mac may keep each tone mark apart from its letter (NFD)."""
    row = a_row(0, 1)
    apart = {header: unicodedata.normalize("NFD", value) for header, value in row.items() if isinstance(value, str)}
    assert apart["Cơ quan thực hiện"] != row["Cơ quan thực hiện"]
    filled = tmp_path / "nfd.xlsx"
    fill(template, filled, {FORMS[0].short: [row | apart]})
    written = import_activities(kit_project(), filled, tmp_path / "activities")
    imported = load_activities(written.parent, CAMPAIGN, Problems(tmp_path))
    assert imported[0].activity.title == row["Tên hoạt động"]
    assert imported[0].activity.agency == LISTED["agency"][row["Cơ quan thực hiện"]]
