"""A report of the activities of one period: every total computed once, here.

The site's report page, the PDF, the CSV and the XLSX all print a `Report`; none of them
adds anything up. A total is the sum of the rows behind it (`Report.rows`, each with the
values of `row_values`), so a reader of the spreadsheet can check every number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model.activities import Activity, Recorded, activity_forms, task_names, unit_names
from ..model.content import Content

# The people counts of an activity record (model.activities.Reached), as a meeting's attendance sheet asks them.
REACHED_COUNTS = ("reached", "women", "ethnic_minority", "poor_near_poor")
# What is counted, in the order every output shows it: (name, heading).
MEASURES: tuple[tuple[str, str], ...] = (
    ("recorded", "Hoạt động ghi nhận"),
    ("done", "Đã thực hiện"),
    ("cancelled", "Hủy"),
    ("reached", "Người được tiếp cận"),
    ("women", "Trong đó nữ"),
    ("ethnic_minority", "Người dân tộc thiểu số"),
    ("poor_near_poor", "Người thuộc hộ nghèo, cận nghèo"),
    ("copies", "Số bản phát hành"),
    ("broadcasts", "Lượt phát sóng"),
    ("minutes", "Phút phát sóng"),
    ("articles", "Tin, bài"),
    ("cost", "Kinh phí (đồng)"),
)
MEASURE_NAMES = tuple(name for name, _ in MEASURES)
HEADINGS = dict(MEASURES)
WHOLE_PROVINCE = "Toàn tỉnh"


def row_values(activity: Activity) -> dict[str, int]:
    """The numbers one activity adds to every total it belongs to (results count only when done)."""
    reached, outputs = activity.reached, activity.outputs
    return {
        "recorded": 1,
        "done": int(activity.status == "done"),
        "cancelled": int(activity.status == "cancelled"),
        "reached": reached.total if reached else 0,
        "women": (reached.women or 0) if reached else 0,
        "ethnic_minority": (reached.ethnic_minority or 0) if reached else 0,
        "poor_near_poor": (reached.poor_near_poor or 0) if reached else 0,
        "copies": outputs.copies or 0,
        "broadcasts": outputs.broadcasts or 0,
        "minutes": outputs.minutes or 0,
        "articles": len(outputs.articles),
        "cost": activity.cost or 0,
    }


@dataclass(frozen=True)
class Period:
    start: dt.date
    until: dt.date

    def __post_init__(self) -> None:
        if self.until < self.start:
            raise ValueError(f"kỳ báo cáo kết thúc ({self.until:%d/%m/%Y}) trước khi bắt đầu ({self.start:%d/%m/%Y})")

    @property
    def key(self) -> str:
        """The folder of its files: 2024-01-01_2024-06-30."""
        return f"{self.start.isoformat()}_{self.until.isoformat()}"

    @property
    def name(self) -> str:
        """The plan's periods by their usual names, any other by its dates."""
        if (self.start.month, self.start.day) == (1, 1) and self.start.year == self.until.year:
            if (self.until.month, self.until.day) == (6, 30):
                return f"6 tháng đầu năm {self.start.year}"
            if (self.until.month, self.until.day) == (12, 31):
                return f"năm {self.start.year}"
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.until:%d/%m/%Y}"

    def contains(self, activity: Activity) -> bool:
        """An activity is reported once: in the period where it starts."""
        return self.start <= activity.start <= self.until


def plan_periods(activities: Iterable[Recorded], today: dt.date) -> list[Period]:
    """The plan's periodic reports ("định kỳ 6 tháng, hằng năm") of every year with an activity
    that has begun by `today`, newest first: the first half-year and the whole year."""
    years = sorted({r.activity.start.year for r in activities if r.activity.start <= today}, reverse=True)
    periods = []
    for year in years:
        periods.append(Period(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        periods.append(Period(dt.date(year, 1, 1), dt.date(year, 6, 30)))
    return periods


@dataclass
class Group:
    """One line of a breakdown: what it is, and its totals."""

    key: str
    label: str
    detail: str = ""  # the task's words, a unit's kind: shown smaller
    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURE_NAMES, 0))

    def add(self, values: dict[str, int]) -> None:
        for name, value in values.items():
            self.totals[name] += value


@dataclass
class Report:
    period: Period
    rows: list[Recorded]
    total: Group
    by_task: list[Group]
    by_form: list[Group]
    by_agency: list[Group]
    by_unit: list[Group]
    title: str  # "Kết quả thực hiện Kế hoạch …, 6 tháng đầu năm 2024"
    issuer: str  # the agency that compiles the report (the plan's reporting channel)
    recipients: list[str]
    province: str

    @property
    def breakdowns(self) -> list[tuple[str, str, list[Group]]]:
        """(key, title, groups) of every breakdown, in the order every output shows them."""
        return [
            ("nhiem-vu", "Theo nhiệm vụ của Kế hoạch", self.by_task),
            ("hinh-thuc", "Theo hình thức hoạt động", self.by_form),
            ("co-quan", "Theo cơ quan thực hiện", self.by_agency),
            ("don-vi", "Theo đơn vị hành chính hiện nay", self.by_unit),
        ]

    def labels(self, recorded: Recorded) -> dict[str, str]:
        """The names of what a row refers to (task, form, agency, unit, policy group), as the breakdowns write them."""
        activity = recorded.activity
        return {
            "task": self._names["task"][activity.task],
            "form": self._names["form"][activity.form],
            "agency": self._names["agency"][activity.agency],
            "unit": self._names["unit"][activity.unit or ""],
            "policy_group": self._names["policy_group"].get(activity.policy_group or "", ""),
        }

    _names: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)


def compute(content: Content, period: Period) -> Report:
    campaign = content.campaign
    code = campaign.default_language
    plan = campaign.plans[code]
    agencies = campaign.agencies[code]
    rows = [recorded for recorded in content.activities if period.contains(recorded.activity)]
    tasks = task_names(campaign)
    by_task = {key: Group(key, label, text) for key, (label, text) in tasks.items()}
    by_form = {key: Group(key, form.name) for key, form in activity_forms(campaign).items()}
    used_agencies = dict.fromkeys([*(task.agency for task in plan.tasks), *(r.activity.agency for r in rows)])
    by_agency = {key: Group(key, agencies[key].name) for key in used_agencies}
    units = unit_names(campaign)
    used_units = {r.activity.unit for r in rows}
    by_unit = {"": Group("", WHOLE_PROVINCE)}
    by_unit.update({key: Group(key, name) for key, name in units.items() if key in used_units})
    total = Group("", "Tổng cộng")
    for recorded in rows:
        activity = recorded.activity
        values = row_values(activity)
        total.add(values)
        for groups, key in ((by_task, activity.task), (by_form, activity.form), (by_agency, activity.agency)):
            groups[key].add(values)
        by_unit[activity.unit or ""].add(values)
    report = Report(
        period=period,
        rows=rows,
        total=total,
        by_task=list(by_task.values()),
        by_form=list(by_form.values()),
        by_agency=list(by_agency.values()),
        by_unit=list(by_unit.values()),
        title=f"Kết quả thực hiện {plan.title}, {period.name}",
        issuer=agencies[plan.reporting.channel].name,
        recipients=[agencies[key].name for key in plan.reporting.recipients],
        province=campaign.site.province,
    )
    report._names = {
        "task": {key: f"{g.label}: {g.detail}" for key, g in by_task.items()},
        "form": {key: g.label for key, g in by_form.items()},
        "agency": {key: agencies[key].name for key in agencies},
        "unit": {key: g.label for key, g in by_unit.items()},
        "policy_group": {group.key: group.title for group in campaign.policy_groups[code]},
    }
    return report
