"""Entry of activities without git: a spreadsheet template made from the model, and its import.

    python -m campaign_kit.activity_sheets template [--out dist/mau-hoat-dong.xlsx]
    python -m campaign_kit.activity_sheets import FILE [--into campaign/activities]

The template has one sheet per form of activity of the plan (`activity_forms`), Vietnamese
headers, and drop-down lists of the agencies, today's units, the plan's tasks, the policy
groups and the states, read from campaign/. The import checks every row against the same
schema as a hand-written record (model/activities.py) and reports each problem as
`sheet!row: message`; on any problem it writes nothing. Otherwise it writes one file of
records, campaign/activities/<file name>.yml, for a pull request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError

from .atomic import write_atomic
from .model.activities import (
    STATUS_NAMES,
    Activity,
    activity_forms,
    dump_activities,
    task_names,
    unit_names,
    validation_context,
)
from .model.campaign import Campaign, PlanActivityForm
from .model.errors import ContentError
from .model.validation import describe
from .project import Project, load
from .slugs import slug

GUIDE = "Hướng dẫn"
LISTS = "Danh mục"
ROWS = 500  # rows of a sheet that get the drop-downs and the checks of counts
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Column:
    header: str
    path: tuple[str, ...]  # where the value goes in a record: ("reached", "total")
    kind: str  # text, date, count, choice, links
    required: bool = False
    choices: str = ""  # the list of LISTS it is chosen from
    output: str = ""  # only on the sheets of forms with this output (PlanActivityForm.outputs)
    width: int = 16
    note: str = ""


COLUMNS = (
    Column("Tên hoạt động", ("title",), "text", required=True, width=40),
    Column("Ngày bắt đầu", ("start",), "date", required=True, width=13),
    Column("Ngày kết thúc", ("end",), "date", width=13, note="Để trống nếu hoạt động diễn ra trong một ngày."),
    Column("Tình trạng", ("status",), "choice", required=True, choices="status", width=14),
    Column("Cơ quan thực hiện", ("agency",), "choice", required=True, choices="agency", width=30),
    Column("Đơn vị hiện nay", ("unit",), "choice", choices="unit", width=22, note="Để trống: toàn tỉnh."),
    Column("Nhiệm vụ của Kế hoạch", ("task",), "choice", required=True, choices="task", width=26),
    Column("Nhóm chính sách", ("policy_group",), "choice", choices="policy_group", width=24),
    Column("Địa điểm", ("place",), "text", width=24),
    Column("Số người được tiếp cận", ("reached", "total"), "count", note="Chỉ ghi số người, không ghi tên."),
    Column("Trong đó nữ", ("reached", "women"), "count"),
    Column("Người dân tộc thiểu số", ("reached", "ethnic_minority"), "count"),
    Column("Người thuộc hộ nghèo, cận nghèo", ("reached", "poor_near_poor"), "count"),
    Column("Số bản phát hành", ("outputs", "copies"), "count", output="copies"),
    Column("Lệnh in", ("outputs", "print_order"), "text", output="copies", note="Tên tệp của lệnh in, nếu có."),
    Column("Lượt phát sóng", ("outputs", "broadcasts"), "count", output="broadcasts"),
    Column("Số phút phát sóng", ("outputs", "minutes"), "count", output="minutes"),
    Column("Đường dẫn tin, bài", ("outputs", "articles"), "links", output="articles", width=40,
           note="Các đường dẫn đầy đủ (https://…), cách nhau bằng dấu cách hoặc xuống dòng."),
    Column("Kinh phí (đồng)", ("cost",), "count", width=16),
    Column("Minh chứng", ("evidence",), "text", width=28, note="Nơi lưu biên bản, ảnh; không ghi tên người tham dự."),
    Column("Đơn vị báo cáo", ("reported_by",), "text", required=True, width=24),
    Column("Ngày báo cáo", ("reported_on",), "date", required=True, width=13),
)  # fmt: skip


def columns_of(form: PlanActivityForm) -> list[Column]:
    return [column for column in COLUMNS if not column.output or column.output in form.outputs]


def choice_lists(campaign: Campaign) -> dict[str, dict[str, str]]:
    """{list name: {what the drop-down shows: key}}, from campaign/."""
    code = campaign.default_language
    return {
        "status": {name: key for key, name in STATUS_NAMES.items()},
        "agency": {agency.name: key for key, agency in campaign.agencies[code].items()},
        "unit": {name: key for key, name in unit_names(campaign).items()},
        "task": {label: key for key, (label, _text) in task_names(campaign).items()},
        "policy_group": {group.title: group.key for group in campaign.policy_groups[code]},
    }


LIST_HEADERS = {
    "status": "Tình trạng",
    "agency": "Cơ quan",
    "unit": "Đơn vị hiện nay",
    "task": "Nhiệm vụ",
    "policy_group": "Nhóm chính sách",
}


def write_template(campaign: Campaign, path: Path) -> None:
    book = Workbook()
    guide = book.active
    guide.title = GUIDE
    forms = list(activity_forms(campaign).values())
    lines = [
        "Mẫu ghi hoạt động truyền thông về giảm nghèo",
        "Mỗi trang tính là một hình thức hoạt động của Kế hoạch; mỗi dòng là một hoạt động.",
        "Cột có dấu * là bắt buộc. Chọn cơ quan, đơn vị, nhiệm vụ, tình trạng trong danh sách thả xuống.",
        "Ngày ghi dạng ngày/tháng/năm, ví dụ 30/06/2024. Số ghi bằng chữ số, không ghi đơn vị.",
        "Chỉ ghi số người được tiếp cận: không ghi tên, số điện thoại hay địa chỉ của người tham dự.",
        "Chỉ ghi kết quả (số người, số bản, kinh phí) cho hoạt động đã thực hiện.",
        "Nếu tệp có một lỗi, cả tệp không được nhập; thông báo chỉ rõ trang tính và dòng cần sửa.",
        "",
        "Các hình thức hoạt động (theo mục III.2 của Kế hoạch):",
        *(f"- {form.short}: {form.name}" for form in forms),
    ]
    for line in lines:
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=13)
    guide.column_dimensions["A"].width = 110

    lists = choice_lists(campaign)
    ranges = _write_lists(book, campaign, lists)
    for form in forms:
        sheet = book.create_sheet(form.short)
        columns = columns_of(form)
        sheet.append([column.header + (" *" if column.required else "") for column in columns])
        for index, column in enumerate(columns, 1):
            letter = get_column_letter(index)
            cell = sheet.cell(1, index)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column.note:
                cell.comment = Comment(column.note, "campaign-kit")
            sheet.column_dimensions[letter].width = column.width
            cells = f"{letter}2:{letter}{ROWS}"
            if column.kind == "choice":
                rule = DataValidation(type="list", formula1=ranges[column.choices], allow_blank=not column.required)
                rule.error = "Chọn một giá trị trong danh sách."
                rule.errorTitle = column.header
                rule.add(cells)
                sheet.add_data_validation(rule)
            elif column.kind == "date":
                sheet.column_dimensions[letter].number_format = DATE_FORMAT
            elif column.kind == "count":
                rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
                rule.error = "Ghi một số nguyên, từ 0 trở lên."
                rule.add(cells)
                sheet.add_data_validation(rule)
        sheet.freeze_panes = "B2"
        sheet.row_dimensions[1].height = 45
    book.move_sheet(LISTS, offset=len(book.sheetnames))
    book.save(path)


def _write_lists(book: Workbook, campaign: Campaign, lists: dict[str, dict[str, str]]) -> dict[str, str]:
    """The sheet of drop-down lists (a task's words beside its name); {list: its range formula}."""
    sheet = book.create_sheet(LISTS)
    ranges = {}
    tasks = task_names(campaign)
    column = 1
    for name, choices in lists.items():
        letter = get_column_letter(column)
        sheet.cell(1, column, LIST_HEADERS[name]).font = Font(bold=True)
        for row, label in enumerate(choices, 2):
            sheet.cell(row, column, label)
            if name == "task":
                sheet.cell(row, column + 1, tasks[choices[label]][1])
        sheet.column_dimensions[letter].width = 34
        ranges[name] = f"{quote_sheetname(LISTS)}!${letter}$2:${letter}${len(choices) + 1}"
        column += 2 if name == "task" else 1
        if name == "task":
            sheet.cell(1, column - 1, "Nội dung nhiệm vụ").font = Font(bold=True)
            sheet.column_dimensions[get_column_letter(column - 1)].width = 80
    return ranges


class SheetProblems(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"Tệp có {len(problems)} lỗi, chưa nhập hoạt động nào:\n" + "\n".join(problems))


def read_activities(path: Path, campaign: Campaign, taken: set[str]) -> list[dict[str, Any]]:
    """The records of a filled template, checked; raise SheetProblems naming every bad row.
    `taken`: the keys already used (the new records get keys of their own)."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise SheetProblems([f"{path.name}: không mở được tệp như một bảng tính Excel (.xlsx): {error}"]) from error
    forms = {form.short: form for form in activity_forms(campaign).values()}
    lists = choice_lists(campaign)
    context = validation_context(campaign)
    problems: list[str] = []
    records: list[dict[str, Any]] = []
    keys = set(taken)
    for sheet in book.worksheets:
        if sheet.title in (GUIDE, LISTS):
            continue
        form = forms.get(sheet.title)
        if form is None:
            problems.append(
                f"{sheet.title}: trang tính này không có trong mẫu. Dùng mẫu mới nhất (make activities-template)."
            )
            continue
        columns = columns_of(form)
        rows = sheet.iter_rows(values_only=True)
        header = [str(cell or "").removesuffix(" *") for cell in next(rows, ())][: len(columns)]
        if header != [column.header for column in columns]:
            problems.append(
                f"{sheet.title}!1: các cột khác với mẫu. Dùng mẫu mới nhất, không thêm, bớt hay đổi tên cột."
            )
            continue
        for number, row in enumerate(rows, 2):
            cells = list(row[: len(columns)]) + [None] * (len(columns) - len(row))
            if all(cell is None or str(cell).strip() == "" for cell in cells):
                continue
            where = f"{sheet.title}!{number}"
            data, found = _record(columns, cells, lists, form)
            problems += [f"{where}: {message}" for message in found]
            if found:
                continue
            data["key"] = _new_key(data, keys)
            try:
                activity = Activity.model_validate(data, context=context)
            except ValidationError as failure:
                problems += [f"{where}: {_message(error)}" for error in failure.errors()]
                continue
            keys.add(activity.key)
            records.append(_written(activity))
    book.close()
    if problems:
        raise SheetProblems(problems)
    return records


def _message(error: Any) -> str:
    """A schema problem in the words of a hand-written record's, without its key when it is about
    the whole row (dates that disagree, results of an activity not carried out)."""
    if error["loc"]:
        return describe(error, sorted(Activity.model_fields))[0]
    context = error.get("ctx") or {}
    return f"{context.get('error') or context.get('message') or error['msg']}."


def _record(
    columns: list[Column], cells: list[Any], lists: dict[str, dict[str, str]], form: PlanActivityForm
) -> tuple[dict[str, Any], list[str]]:
    data: dict[str, Any] = {"form": form.key}
    problems = []
    for column, cell in zip(columns, cells, strict=True):
        if cell is None or str(cell).strip() == "":
            if column.required:
                problems.append(f"thiếu “{column.header}”.")
            continue
        try:
            value = _value(column, cell, lists)
        except ValueError as error:
            problems.append(f"cột “{column.header}”: {error}")
            continue
        target = data
        for part in column.path[:-1]:
            target = target.setdefault(part, {})
        target[column.path[-1]] = value
    return data, problems


def _value(column: Column, cell: Any, lists: dict[str, dict[str, str]]) -> Any:
    text = unicodedata.normalize("NFC", str(cell).strip())  # a Mac's spreadsheet may keep the marks apart
    if column.kind == "date":
        if isinstance(cell, dt.datetime):
            return cell.date()
        if isinstance(cell, dt.date):
            return cell
        found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
        try:
            return dt.date(int(found[3]), int(found[2]), int(found[1])) if found else dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"“{text}” không phải là một ngày có thật (ghi dạng 30/06/2024).") from None
    if column.kind == "count":
        if isinstance(cell, int | float) and not isinstance(cell, bool) and float(cell).is_integer():
            return int(cell)
        if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", text):
            return int(text.replace(".", ""))
        raise ValueError(f"“{text}” không phải là một số nguyên (ghi bằng chữ số, ví dụ 1500).")
    if column.kind == "choice":
        choices = lists[column.choices]
        if text not in choices:
            raise ValueError(f"“{text}” không có trong danh sách; chọn trong danh sách thả xuống.")
        return choices[text]
    if column.kind == "links":
        return text.split()
    return text


def _new_key(data: dict[str, Any], taken: set[str]) -> str:
    start = data.get("start")
    stem = slug(f"{data.get('agency', '')} {start.isoformat() if isinstance(start, dt.date) else ''} {data['title']}")
    stem = stem[:72].rstrip("-") or "hoat-dong"
    key, number = stem, 2
    while key in taken:
        key, number = f"{stem}-{number}", number + 1
    return key


def _written(activity: Activity) -> dict[str, Any]:
    """The record as a hand-written one would be: only what was given, in the schema's order."""
    data = activity.model_dump(mode="json", exclude_defaults=True)
    for name in ("start", "end", "reported_on"):
        if name in data:
            data[name] = dt.date.fromisoformat(data[name])
    return data


def import_activities(project: Project, source: Path, into: Path) -> Path:
    """Check `source` and write its records to `into`/<its name>.yml; raise SheetProblems or
    FileExistsError, writing nothing."""
    campaign = project.content.campaign
    target = into / f"{slug(source.stem) or 'hoat-dong'}.yml"
    if target.exists():
        raise FileExistsError(f"{target} đã có: tệp này đã được nhập. Đổi tên tệp nếu đây là báo cáo mới.")
    records = read_activities(source, campaign, {r.activity.key for r in project.content.activities})
    if not records:
        raise SheetProblems([f"{source.name}: không có dòng hoạt động nào."])
    header = f"# Nhập từ {source.name} ngày {dt.date.today():%d/%m/%Y} (make import-activities).\n"
    text = header + dump_activities(records)
    into.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    commands = parser.add_subparsers(dest="command", required=True)
    template = commands.add_parser("template", help="the spreadsheet to fill in")
    template.add_argument("--out", type=Path, default=Path("dist/mau-hoat-dong.xlsx"))
    reading = commands.add_parser("import", help="check a filled spreadsheet and write its records")
    reading.add_argument("file", type=Path)
    reading.add_argument("--into", type=Path, default=None, help="default: campaign/activities of the project")
    args = parser.parse_args(argv)
    root = args.project.resolve()
    try:
        if args.command == "template":
            args.out.parent.mkdir(parents=True, exist_ok=True)
            write_template(load(root, gate=False).content.campaign, args.out)
            print(args.out)
        else:
            project = load(root, gate=False)
            written = import_activities(project, args.file, args.into or root / "campaign" / "activities")
            print(f"Đã nhập vào {written}. Kiểm tra rồi gửi thay đổi (pull request).")
    except (ContentError, SheetProblems, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
