"""Activities (campaign/activities/): validated like all content, every mistake reported as
`file:line: message` in Vietnamese, counts only, samples refused by a production build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture, kit_project

from campaign_kit.model.activities import load_activities
from campaign_kit.model.errors import ContentError, Problems
from campaign_kit.production import check_production
from campaign_kit.project import load

CAMPAIGN = kit_project().content.campaign
PLAN = CAMPAIGN.plans[CAMPAIGN.default_language]
UNIT = CAMPAIGN.admin_map.units[0].key
TASK = next(iter(PLAN.task_items()))
FORM = PLAN.activity_forms[-1].key
AGENCY = PLAN.tasks[0].agency
GOOD = f"""\
activities:
  - key: doi-thoai-thu
    title: Đối thoại chính sách
    start: 2024-03-14
    status: done
    agency: {AGENCY}
    unit: {UNIT}
    form: {FORM}
    task: {TASK}
    reached: {{total: 120, women: 70, ethnic_minority: 18, poor_near_poor: 45}}
    outputs: {{copies: 10}}
    cost: 6500000
    reported_by: Phòng Bảo trợ xã hội
    reported_on: 2024-03-20
"""


def problems_of(tmp_path: Path, files: dict[str, str]) -> tuple[list, list[str]]:
    folder = tmp_path / "campaign" / "activities"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    problems = Problems(tmp_path)
    found = load_activities(folder, CAMPAIGN, problems)
    return found, [str(problem) for problem in problems.items]


def test_a_correct_activity_loads_with_its_line(tmp_path: Path) -> None:
    found, problems = problems_of(tmp_path, {"a.yml": GOOD})
    assert problems == []
    assert [(r.activity.key, r.line, r.activity.reached.total) for r in found] == [("doi-thoai-thu", 2, 120)]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("women: 70", "women: 170"),
            "a.yml:10: số người được tiếp cận (reached): số nữ (170) nhiều hơn tổng số người được tiếp cận (120)",
        ),
        ((f"form: {FORM}", "form: doi-thoaj"), "a.yml:8: hình thức hoạt động (form): không có hình thức hoạt động"),
        (
            (f"unit: {UNIT}", "unit: huyen-khong-co"),
            "a.yml:7: xã, phường, đặc khu ngày nay (unit): không có đơn vị hiện nay",
        ),
        ((f"task: {TASK}", "task: so-khong-co-9"), "a.yml:9: nhiệm vụ của Kế hoạch (task): không có nhiệm vụ"),
        (("start: 2024-03-14", "start: 2024-03-14\n    end: 2024-03-01"), "ngày kết thúc 01/03/2024 sớm hơn"),
        (("start: 2024-03-14", "start: 2999-03-14"), "a.yml:2: danh sách hoạt động (activities): hoạt động đã làm"),
        (
            ("status: done", "status: planned"),
            "chỉ ghi kết quả (số người, số bản, lượt phát, tin bài, kinh phí) khi hoạt động đã thực hiện",
        ),
        (("status: done", "status: xong"), "a.yml:5: tình trạng (status) “xong” không hợp lệ"),
        (("copies: 10", "copies: -3"), "a.yml:11: số bản phát hành (copies) không được là số âm."),
        (("cost: 6500000", "cost: 6.500.000 đồng"), "a.yml:12: kinh phí (cost) phải là một số nguyên."),
        # Counts only: a list of participants has no place in a record.
        (("cost: 6500000", "participants: [Nguyễn Văn A, Trần Thị B]"), "a.yml:12: mục “participants” không dùng được"),
        (("reported_on: 2024-03-20", "reported_on: 2024-02-30"), "a.yml:14: ngày báo cáo (reported_on) “2024-02-30”"),
        # Dates have a lower bound, as front matter's do.
        (
            ("start: 2024-03-14", "start: 1900-03-14"),
            "a.yml:4: ngày bắt đầu (start): ngày 14/03/1900 sớm hơn ngày 02/09/1945",
        ),
        (
            ("reported_on: 2024-03-20", "reported_on: 0001-03-20"),
            "a.yml:14: ngày báo cáo (reported_on): ngày 20/03/0001",
        ),
    ],
)
def test_a_mistake_is_named_with_file_and_line(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    assert change[0] in GOOD
    found, problems = problems_of(tmp_path, {"a.yml": GOOD.replace(*change)})
    assert found == []
    assert any(expected in problem for problem in problems), problems


def test_one_key_for_one_activity_across_files(tmp_path: Path) -> None:
    found, problems = problems_of(tmp_path, {"a.yml": GOOD, "b.yml": GOOD})
    assert len(found) == 1
    assert problems == ["campaign/activities/b.yml:2: khóa hoạt động “doi-thoai-thu” đã dùng ở campaign/activities/a.yml:2.\n"
                        "    → Mỗi hoạt động một khóa riêng, ví dụ thêm ngày hoặc số thứ tự vào cuối."]  # fmt: skip


def test_the_samples_show_every_part_of_a_report() -> None:
    activities = [recorded.activity for recorded in kit_project().content.activities]
    assert activities and all(activity.sample for activity in activities)
    assert {activity.form for activity in activities} == {form.key for form in PLAN.activity_forms}
    assert {activity.status for activity in activities} == {"planned", "done", "cancelled"}
    assert None in {activity.unit for activity in activities} and len({a.unit for a in activities}) > 3
    assert any(activity.outputs.articles for activity in activities)
    assert any(activity.outputs.broadcasts for activity in activities)


def test_a_production_build_refuses_sample_activities() -> None:
    content = kit_project().content
    problems = Problems(content.campaign.root.parent)
    check_production(content, problems)
    refused = [p for p in problems.items if "hoạt động minh họa" in p.message]
    assert len(refused) == len(content.activities)
    assert refused[0].path.startswith("campaign/activities/")


def test_the_forms_of_activity_are_the_plans_words() -> None:
    for form in PLAN.activity_forms:
        assert form.name.casefold() in PLAN.forms[form.form - 1].casefold()
    data = PLAN.model_dump()
    data["activity_forms"][0]["name"] = "Tổ chức hội chợ việc làm"
    with pytest.raises(ValueError, match="không phải lời của đoạn hình thức"):
        type(PLAN).model_validate(data)


@pytest.mark.parametrize(
    ("field", "written", "reported"),
    [
        ("place", "Nhà anh Sơn, ĐT 0912 345 678", "giống số điện thoại di động"),
        ("evidence", "Danh sách ký tên, số nhà 12 đường Lê Lợi", "là địa chỉ nhà cụ thể"),
        ("title", "Họp dân, liên hệ anhson (a) gmail chấm com", "là địa chỉ e-mail viết tránh"),
    ],
)
def test_an_activity_s_words_are_read_for_personal_details(
    tmp_path: Path, field: str, written: str, reported: str
) -> None:
    """Activity records are published (report pages, CSV, XLSX): their free text passes the privacy checks
    of a page, at the record's line; counts are their only data about people."""
    project_copy = copy_fixture(tmp_path / "project")
    samples = next((project_copy / "campaign" / "activities").glob("*.yml"))
    first = kit_project().content.activities[0]
    text = samples.read_text(encoding="utf-8")
    old = f"{field}: {getattr(first.activity, field)}"
    assert old in text
    samples.write_text(text.replace(old, f"{field}: {written}", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(project_copy)
    found = [p for p in caught.value.problems if reported in p.message]
    assert found and {(p.path, p.line) for p in found} == {(f"campaign/activities/{samples.name}", first.line)}
