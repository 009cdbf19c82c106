"""Write the reports of a period into dist/reports/<from>_<until>/: bao-cao.pdf, .csv, .xlsx.

    python -m campaign_kit.reports --from 2024-01-01 --until 2024-06-30 [--out dist/reports]

Without --from and --until: the plan's periodic reports (first half-year and whole year) of
every year with activities.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..model.errors import ContentError
from ..project import Project, load
from .document import write_pdf
from .tables import write_csv, write_xlsx
from .totals import Period, compute, plan_periods

NAMES = ("bao-cao.pdf", "bao-cao.csv", "bao-cao.xlsx")


def write_report(project: Project, period: Period, out: Path) -> Path:
    """The three files of one period's report, in out/<from>_<until>/ (returned)."""
    content = project.content
    report = compute(content, period)
    folder = out / period.key
    folder.mkdir(parents=True, exist_ok=True)
    pdf, csv_path, xlsx = (folder / name for name in NAMES)
    write_pdf(report, content.campaign, pdf, project.root / "fonts")
    write_csv(report, csv_path)
    write_xlsx(report, xlsx)
    return folder


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"“{text}” không phải ngày dạng năm-tháng-ngày, ví dụ 2024-06-30") from error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--from", dest="start", type=_date)
    parser.add_argument("--until", type=_date)
    parser.add_argument("--out", type=Path, default=Path("dist/reports"))
    parser.add_argument("--production", action="store_true", help="refuse example activities (sample: true)")
    args = parser.parse_args(argv)
    if (args.start is None) != (args.until is None):
        parser.error("ghi cả FROM và UNTIL, hoặc không ghi cả hai (các kỳ 6 tháng và cả năm)")
    try:
        project = load(args.project.resolve(), production=args.production, gate=False)
        if args.start is None:
            periods = plan_periods(project.content.activities, project.content.today)
        else:
            periods = [Period(args.start, args.until)]
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    for period in periods:
        print(write_report(project, period, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
