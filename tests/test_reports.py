"""Reports of any period: every total computed once and shown identically on the site's page,
in the PDF (read back with pdftotext), the CSV (the sum of its rows) and the XLSX; periods
take what starts on their first and last day, and nothing beyond."""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import kit_project
from openpyxl import load_workbook

from campaign_kit.reports.__main__ import NAMES, main, write_report
from campaign_kit.reports.totals import HEADINGS, MEASURE_NAMES, Period, compute

CONTENT = kit_project().content
FIRST_HALF = Period(dt.date(2024, 1, 1), dt.date(2024, 6, 30))
YEAR = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def keys(period: Period) -> set[str]:
    return {recorded.activity.key for recorded in compute(CONTENT, period).rows}


def test_a_period_takes_its_first_and_last_day_and_nothing_beyond() -> None:
    starts = {recorded.activity.key: recorded.activity.start for recorded in CONTENT.activities}
    edges = {day: key for key, day in starts.items()}
    on_30_june, on_1_july = edges[dt.date(2024, 6, 30)], edges[dt.date(2024, 7, 1)]
    on_31_december, on_1_january = edges[dt.date(2024, 12, 31)], edges[dt.date(2025, 1, 1)]
    assert on_30_june in keys(FIRST_HALF) and on_1_july not in keys(FIRST_HALF)
    assert on_1_july in keys(Period(dt.date(2024, 7, 1), dt.date(2024, 12, 31)))
    assert on_30_june not in keys(Period(dt.date(2024, 7, 1), dt.date(2024, 12, 31)))
    assert on_31_december in keys(YEAR) and on_1_january not in keys(YEAR)
    assert on_1_january in keys(Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    assert keys(Period(dt.date(2024, 6, 30), dt.date(2024, 6, 30))) == {on_30_june}
    assert FIRST_HALF.name == "6 tháng đầu năm 2024" and YEAR.name == "năm 2024"


def test_a_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="kết thúc"):
        Period(dt.date(2024, 7, 1), dt.date(2024, 6, 30))


def test_every_total_is_the_sum_of_its_rows_and_of_each_breakdown() -> None:
    report = compute(CONTENT, YEAR)
    assert report.total.totals["recorded"] == len(report.rows) > 0
    for _key, _heading, groups in report.breakdowns:
        for name in MEASURE_NAMES:
            assert sum(group.totals[name] for group in groups) == report.total.totals[name], (_key, name)
    assert any(group.totals["done"] == 0 for group in report.by_task)  # a task nobody carried out is shown


class _Totals(HTMLParser):
    """The rows of the page's totals table: heading → number as written."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}
        self._in_table = False
        self._cell: list[str] | None = None
        self._row: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table" and ("class", "campaign-report-totals") in attrs:
            self._in_table = True
        elif self._in_table and tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_table = False
        elif self._in_table and tag in ("th", "td") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif self._in_table and tag == "tr":
            self.rows[self._row[0]] = self._row[1]
            self._row = []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def number(text: str) -> int:
    """A number as the page and the PDF write it: 1.500.000."""
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*", text), text
    return int(text.replace(".", ""))


@pytest.fixture(scope="module")
def report_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(kit_project(), YEAR, tmp_path_factory.mktemp("reports"))


def test_totals_are_the_same_on_the_page_in_the_pdf_the_csv_and_the_xlsx(kit_site: Path, report_files: Path) -> None:
    expected = compute(CONTENT, YEAR).total.totals
    assert report_files.name == "2024-01-01_2024-12-31"
    assert sorted(path.name for path in report_files.iterdir()) == sorted(NAMES)

    parser = _Totals()
    parser.feed((kit_site / "bao-cao/nam-2024/index.html").read_text(encoding="utf-8"))
    assert {name: number(parser.rows[HEADINGS[name]]) for name in MEASURE_NAMES} == expected

    text = subprocess.run(
        ["pdftotext", "-layout", str(report_files / "bao-cao.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    in_pdf = {}
    for name in MEASURE_NAMES:
        found = re.search(rf"^\s*{re.escape(HEADINGS[name])}\s+([\d.]+)\s*$", text, re.MULTILINE)
        assert found, HEADINGS[name]
        in_pdf[name] = number(found[1])
    assert in_pdf == expected
    assert "BÁO CÁO" in text and "Số: ……/BC-……" in text and "Nơi nhận:" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text

    with (report_files / "bao-cao.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == expected["recorded"]
    assert {name: sum(int(row[HEADINGS[name]]) for row in rows) for name in MEASURE_NAMES} == expected

    book = load_workbook(report_files / "bao-cao.xlsx")
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    header = summary.index(("Nội dung", *(HEADINGS[name] for name in MEASURE_NAMES)))
    assert dict(zip(MEASURE_NAMES, summary[header + 1][1:], strict=True)) == expected
    sheet = list(book["Hoạt động"].iter_rows(values_only=True))
    columns = sheet[0]
    assert {name: sum(row[columns.index(HEADINGS[name])] for row in sheet[1:]) for name in MEASURE_NAMES} == expected
    assert isinstance(sheet[1][columns.index("Ngày bắt đầu")], dt.datetime)


def test_the_report_page_shows_its_charts_and_marks_samples(kit_site: Path) -> None:
    html = (kit_site / "bao-cao/nam-2024/index.html").read_text(encoding="utf-8")
    assert "Nội dung minh họa" in html
    for name in ("hinh-thuc", "don-vi"):
        assert f'src="{name}.svg"' in html
        chart = ET.parse(kit_site / f"bao-cao/nam-2024/{name}.svg").getroot()
        assert chart.tag == "{http://www.w3.org/2000/svg}svg"
        assert len(chart.findall("{http://www.w3.org/2000/svg}rect")) > 1
    index = (kit_site / "bao-cao/index.html").read_text(encoding="utf-8")
    assert 'href="6-thang-dau-nam-2024/"' in index and 'href="nam-2024/"' in index
    assert 'href="../bao-cao/"' in (kit_site / "ke-hoach/index.html").read_text(encoding="utf-8")


def test_make_report_refuses_half_a_period(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--from", "2024-01-01"])
    assert "ghi cả FROM và UNTIL" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--from", "2024-13-01", "--until", "2024-12-31"])
    assert "không phải ngày dạng năm-tháng-ngày" in capsys.readouterr().err
