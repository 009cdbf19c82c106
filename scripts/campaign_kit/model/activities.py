"""`campaign/activities/*.yml`: what agencies did to carry out the plan, one record per activity.

Each file holds a list `activities:` (one file per report an agency sends, or per imported
spreadsheet). A record names the plan's form of activity and task it fulfils
(`activity_forms` and `tasks` of campaign/plan.yml), the agency, today's unit (none: the whole
province), and counts: people reached and what was produced. Participants are only ever
counted: the schema has no place for a name, and refuses any key it does not know.

Reports, the events page and the feeds read these records from the one content model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import Field, HttpUrl, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .campaign import Campaign, PlanActivityForm
from .errors import Problems
from .schema import Date, Key, Strict, Text, check_known
from .tree import walk
from .validation import validate
from .yamlfile import read_yaml

Count = Annotated[int, Field(ge=0)]
Status = Literal["planned", "done", "cancelled"]
STATUS_NAMES: dict[str, str] = {"planned": "Dự kiến", "done": "Đã thực hiện", "cancelled": "Hủy"}


class Reached(Strict):
    """People reached, with the breakdowns the plan's reports use: counts only."""

    total: Count
    women: Count | None = None
    ethnic_minority: Count | None = None
    poor_near_poor: Count | None = None  # members of poor or near-poor households

    @model_validator(mode="after")
    def _parts_within_total(self) -> Reached:
        parts = {
            "women": "số nữ",
            "ethnic_minority": "số người dân tộc thiểu số",
            "poor_near_poor": "số người thuộc hộ nghèo, cận nghèo",
        }
        for name, words in parts.items():
            part = getattr(self, name)
            if part is not None and part > self.total:
                raise ValueError(f"{words} ({part}) nhiều hơn tổng số người được tiếp cận ({self.total})")
        return self


class Outputs(Strict):
    """What an activity produced beside the people it reached."""

    copies: Count | None = None  # leaflets, documents, banners handed out or put up
    print_order: Text | None = None  # the print kit's order (file name) the copies came from
    broadcasts: Count | None = None  # times broadcast (radio, television, commune loudspeakers)
    minutes: Count | None = None  # minutes on air
    articles: list[HttpUrl] = []  # public links of the articles


# The keys of a record that name something of campaign/: {field: (its list in the context, its name)}.
KEYS_OF_CAMPAIGN = {
    "agency": ("agencies", "cơ quan"),
    "unit": ("units", "đơn vị hiện nay"),
    "form": ("forms", "hình thức hoạt động"),
    "task": ("tasks", "nhiệm vụ của Kế hoạch"),
    "policy_group": ("policy_groups", "nhóm chính sách"),
}


class Activity(Strict):
    key: Key
    title: Text
    start: Date  # none before 02/09/1945 (schema.EARLIEST_DATE); truth.py: none before the plan's act
    end: Date | None = None
    status: Status
    agency: Key
    unit: Key | None = None  # today's commune-level unit; none: the whole province
    form: Key  # a key of the plan's activity_forms
    task: Key  # a task item of the plan: agency and number, "so-tttt-2"
    policy_group: Key | None = None
    place: Text | None = None
    reached: Reached | None = None
    outputs: Outputs = Outputs()
    cost: Count | None = None  # đồng, where known
    evidence: Text | None = None  # where the proof is kept (minutes, photos, the article)
    reported_by: Text  # the office that reported (not a participant)
    reported_on: Date
    sample: bool = False

    @field_validator(*KEYS_OF_CAMPAIGN)
    @classmethod
    def _known(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A key that campaign/ defines (the list is in the validation context), or none where allowed."""
        if value is None or info.field_name is None:
            return value
        listed, what = KEYS_OF_CAMPAIGN[info.field_name]
        return check_known(value, (info.context or {}).get(listed), what)

    @model_validator(mode="after")
    def _dates_agree(self, info: ValidationInfo) -> Activity:
        today = (info.context or {}).get("today") or dt.date.today()
        if self.end is not None and self.end < self.start:
            raise ValueError(f"ngày kết thúc {self.end:%d/%m/%Y} sớm hơn ngày bắt đầu {self.start:%d/%m/%Y}")
        if self.status != "done" and (self.reached is not None or self.outputs != Outputs() or self.cost is not None):
            results = "số người, số bản, lượt phát, tin bài, kinh phí"
            raise ValueError(f"chỉ ghi kết quả ({results}) khi hoạt động đã thực hiện (status: done)")
        if self.status == "done":
            if self.start > today:
                message = f"hoạt động đã làm (done) nhưng ngày {self.start:%d/%m/%Y} chưa tới"
                raise PydanticCustomError("future_date", "{message}", {"message": message})
            if self.reported_on < self.start:
                raise ValueError(f"ngày báo cáo {self.reported_on:%d/%m/%Y} sớm hơn ngày hoạt động")
        return self

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start

    def within(self, start: dt.date, until: dt.date) -> bool:
        """Whether the activity belongs to the period: it starts in it (an activity is reported once,
        in the period it began)."""
        return start <= self.start <= until


class ActivityFile(Strict):
    """One file of campaign/activities/ (the admin page's form of it too, campaign_kit.cms)."""

    activities: list[Activity]


@dataclass(frozen=True)
class Recorded:
    """An activity with where it is written, for messages and for the rows behind a report."""

    activity: Activity
    path: Path
    line: int


def validation_context(campaign: Campaign, today: dt.date | None = None) -> dict[str, Any]:
    plan = campaign.plans[campaign.default_language]
    return {
        "agencies": list(campaign.agencies[campaign.default_language]),
        "units": [unit.key for unit in campaign.admin_map.units],
        "forms": [form.key for form in plan.activity_forms],
        "tasks": list(plan.task_items()),
        "policy_groups": [group.key for group in campaign.policy_groups[campaign.default_language]],
        "today": today,
    }


def activity_forms(campaign: Campaign) -> dict[str, PlanActivityForm]:
    return {form.key: form for form in campaign.plans[campaign.default_language].activity_forms}


def task_names(campaign: Campaign) -> dict[str, tuple[str, str]]:
    """{task key: (its short name, the plan's words)}: "Sở TT&TT, nhiệm vụ 2"."""
    agencies = campaign.agencies[campaign.default_language]
    return {
        key: (f"{agencies[task.agency].short}, nhiệm vụ {number}", text)
        for key, (task, number, text) in campaign.plans[campaign.default_language].task_items().items()
    }


def unit_names(campaign: Campaign) -> dict[str, str]:
    """{unit key: its name with its kind}: "Xã Lúa Vàng", in the order of the map."""
    kinds = campaign.strings[campaign.default_language].map.unit_kinds
    return {unit.key: f"{kinds[unit.kind]} {unit.name}" for unit in campaign.admin_map.units}


def load_activities(
    folder: Path, campaign: Campaign, problems: Problems, today: dt.date | None = None
) -> list[Recorded]:
    """Every activity under `folder` (none when it does not exist), in the order of date and key, as of
    `today` (the build date). A file with a mistake contributes nothing, and every mistake is reported
    with its line."""
    if not folder.is_dir():
        return []
    context = validation_context(campaign, today)
    found: list[Recorded] = []
    seen: dict[str, Recorded] = {}
    for path in walk(folder).files:  # never through a symbolic link (the gate refuses one in campaign/)
        if path.suffix != ".yml":
            continue
        document = read_yaml(path, problems)
        loaded = validate(ActivityFile, document, path, problems, context) if document is not None else None
        if loaded is None:
            continue
        for index, activity in enumerate(loaded.activities):
            recorded = Recorded(activity, path, document.line_of(("activities", index)))
            earlier = seen.get(activity.key)
            if earlier is not None:
                problems.add(
                    path,
                    document.line_of(("activities", index, "key")),
                    f"khóa hoạt động “{activity.key}” đã dùng ở {problems.relative(earlier.path)}:{earlier.line}.",
                    "Mỗi hoạt động một khóa riêng, ví dụ thêm ngày hoặc số thứ tự vào cuối.",
                )
                continue
            seen[activity.key] = recorded
            found.append(recorded)
    return sorted(found, key=lambda recorded: (recorded.activity.start, recorded.activity.key))


class _PlainDumper(yaml.SafeDumper):
    """Writes every value out: the loader refuses YAML anchors and aliases (yamlsource.py), which
    PyYAML would otherwise use for a date object that appears twice."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_activities(records: list[dict[str, Any]]) -> str:
    """A file of activity records, as the loader reads them back."""
    return yaml.dump({"activities": records}, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=120)
