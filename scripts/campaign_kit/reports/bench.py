"""How the work on activities grows with their number: 200 against 2,000 synthetic activities.

    python -m campaign_kit.reports.bench [--counts 200 2000]

Each stage that reads activities is timed on its own: loading and validating the files, the
totals of every periodic report, the site's report and events pages with their charts, the
feeds, and one year's PDF, CSV and XLSX, each by the processor time it takes. Linear work gives
a ratio near the ratio of the counts (10); the numbers are printed, nothing is asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..feeds import feed_assets
from ..model.activities import activity_forms, dump_activities, load_activities
from ..model.errors import Problems
from ..pages.context import Context
from ..pages.events import events_page
from ..pages.reports import report_charts, report_pages
from ..project import Project, load
from .__main__ import write_report
from .totals import Period, compute, plan_periods

PER_FILE = 100  # records per file, as an agency's half-year report would hold


def synthetic(project: Project, count: int, folder: Path, seed: int = 26) -> None:
    """`count` valid activities over two years (some still to come), in files of PER_FILE."""
    campaign = project.content.campaign
    plan = campaign.plans[campaign.default_language]
    chance = random.Random(seed)
    forms = list(activity_forms(campaign).values())
    tasks = list(plan.task_items())
    agencies = list(campaign.agencies[campaign.default_language])
    units = [None, *(unit.key for unit in campaign.admin_map.units)]
    today = dt.date.today()
    first = dt.date(today.year - 1, 1, 1)
    records: list[dict[str, Any]] = []
    for number in range(count):
        start = first + dt.timedelta(days=chance.randrange(2 * 365 + 60))
        form = forms[number % len(forms)]
        done = start <= today and chance.random() < 0.9
        record: dict[str, Any] = {
            "key": f"thu-{number:05d}",
            "title": f"Hoạt động thử số {number}",
            "start": start,
            "status": "done" if done else "planned",
            "agency": chance.choice(agencies),
            "unit": chance.choice(units),
            "form": form.key,
            "task": chance.choice(tasks),
            "reported_by": "Văn phòng",
            "reported_on": max(start, first) if done else min(start, today),
            "sample": True,
        }
        if done:
            total = chance.randrange(20, 300)
            record["reached"] = {"total": total, "women": total // 2, "ethnic_minority": total // 10}
            record["outputs"] = {output: chance.randrange(1, 50) for output in form.outputs if output != "articles"}
            record["cost"] = chance.randrange(0, 20) * 500_000
        records.append({key: value for key, value in record.items() if value is not None})
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(0, count, PER_FILE):
        text = dump_activities(records[index : index + PER_FILE])
        (folder / f"thu-{index // PER_FILE:03d}.yml").write_text(text, encoding="utf-8")


def _timed(action: Callable[[], object], repeat: int = 3) -> float:
    """The least processor time of `repeat` runs: the work is single-threaded, and processor time
    is what stays comparable on a machine other jobs share (wall-clock time is printed too)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best


def measure(project: Project, count: int, work: Path) -> dict[str, float]:
    folder = work / f"activities-{count}"
    synthetic(project, count, folder)
    campaign = project.content.campaign
    loaded: list = []

    def load_files() -> None:
        problems = Problems(work)
        loaded[:] = load_activities(folder, campaign, problems)
        problems.raise_if_any()
        assert len(loaded) == count

    times = {"tải và kiểm tra": _timed(load_files)}
    content = dataclasses.replace(project.content, activities=list(loaded), _items={})
    plan = dataclasses.replace(project.plan, content=content)
    other = dataclasses.replace(project, plan=plan)
    ctx = Context(content, campaign.language(campaign.default_language))
    today = dt.date.today()
    periods = plan_periods(content.activities, today)
    times["tổng của mọi kỳ"] = _timed(lambda: [compute(content, period) for period in periods])
    times["trang báo cáo, sự kiện, biểu đồ"] = _timed(
        lambda: (report_pages(ctx), events_page(ctx), report_charts(ctx))
    )
    times["lịch .ics và Atom"] = _timed(lambda: feed_assets(plan, campaign.default_language))
    year = Period(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    times["PDF, CSV, XLSX một năm"] = _timed(lambda: write_report(other, year, work / f"out-{count}"), repeat=1)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--counts", type=int, nargs=2, default=[200, 2000])
    args = parser.parse_args(argv)
    project = load(args.project.resolve(), gate=False)
    small, large = args.counts
    work = Path(tempfile.mkdtemp(prefix="bench-activities-"))
    started = time.perf_counter()
    try:
        first, second = measure(project, small, work), measure(project, large, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(f"Thời gian bộ xử lý (giây), ít nhất trong các lần chạy; cả phép đo mất {elapsed:.0f} s.")
    print(f"{'bước':34} {small:>8} {large:>8}   tỉ lệ (lý tưởng {large / small:g})")
    for stage in first:
        ratio = second[stage] / first[stage]
        print(f"{stage:34} {first[stage]:7.3f}s {second[stage]:7.3f}s   {ratio:5.1f}")
    total_small, total_large = sum(first.values()), sum(second.values())
    print(f"{'tổng':34} {total_small:7.3f}s {total_large:7.3f}s   {total_large / total_small:5.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
