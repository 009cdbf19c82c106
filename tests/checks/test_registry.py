"""The gate as one registry: one `make check` reports every problem at once, each at its own line,
errors and warnings side by side, and under GitHub Actions each as an annotation of its severity;
editors' usual mistakes (a date in another form, a colon in a title, a phone's photo) get a hint
they can act on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from commands import run, small_project
from conftest import FIXTURE, PROJECT, kit_project

from campaign_kit.model.errors import Problems
from campaign_kit.model.validation import date_problem, syntax_problem
from campaign_kit.project import _check_nav
from campaign_kit.registry import CHECKS

STORY = "docs/guong-thoat-ngheo/"

# Five different mistakes, each on its own line: a date in the wrong form (2), an unknown district
# (4), no consent (none of it written: the schema says so where the front matter starts), an ID
# number (10), a script (12). Before the registry, the date hid the consent and the script.
FIVE_MISTAKES = """---
title: Chị Năm nuôi vịt
date: 31/5/2024
district: huyen-khong-co
summary: Chị Năm nuôi vịt đẻ và có thu nhập đều.
---

Chị Năm vay vốn để nuôi vịt.

Căn cước của chị: 091234567890.

<script>alert(1)</script>
"""

# YAML cannot read the title (a colon): the file's schema checks stop, its text is still checked.
COLON = """---
title: Chị Sáu: từ hộ nghèo thành chủ trại
date: 2024-06-01
---

Gọi chị Sáu: 0912 345 678.
"""


# The plan carries out an act the site lacks (the fixture's plan names none: the line is added at its end).
IMPLEMENTS = "implements: [van-ban-khong-co]\n"


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """One run of make check, under GitHub Actions, over every mistake of this file."""
    project = small_project(tmp_path_factory.mktemp("registry") / "project")
    (project / STORY / "chi-nam.md").write_text(FIVE_MISTAKES, encoding="utf-8")
    (project / STORY / "chi-sau.md").write_text(COLON, encoding="utf-8")
    (project / STORY / "anh").mkdir(exist_ok=True)
    (project / STORY / "anh" / "chi-nam.heic").write_bytes(b"\0\0\0\x18ftypheic")
    # A warning: a translated page whose source changed after the translation.
    source = next(path for path in sorted((project / "docs").rglob("*.en.md")) if "index" not in path.name)
    original = source.with_name(source.name.replace(".en.md", ".md"))
    original.write_text(original.read_text(encoding="utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    # A mistake in campaign/ that refers to pages: reported at its own line of the YAML, not line 1.
    plan = project / "campaign" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + IMPLEMENTS, encoding="utf-8")
    result = run("check", project, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout, source.relative_to(project)


def test_one_check_reports_all_five_mistakes_with_their_lines(checked: tuple[str, Path]) -> None:
    out, _ = checked
    lines = out.splitlines()
    for expected in (
        f"{STORY}chi-nam.md:3: ngày (date) “31/5/2024” viết sai dạng",
        f"{STORY}chi-nam.md:4: huyện, thành phố (district): không có huyện, thành phố “huyen-khong-co”",
        f"{STORY}chi-nam.md:2: trang nói về người hoặc hộ gia đình cụ thể nhưng thiếu ghi nhận đồng ý",
        f"{STORY}chi-nam.md:10: dãy số “091•••••••90” giống số căn cước công dân",
        f"{STORY}chi-nam.md:12: không được dùng thẻ HTML <script>",
    ):
        assert any(line.startswith(expected) for line in lines), (expected, out)
    assert "    → Sửa thành: 2024-05-31" in lines, "the editor's own date, rewritten"


def test_a_yaml_mistake_stops_only_that_files_schema(checked: tuple[str, Path]) -> None:
    out, _ = checked
    assert f"{STORY}chi-sau.md:2: tiêu đề (title) có dấu hai chấm" in out
    assert '    → Đặt cả giá trị trong dấu ngoặc kép: title: "Chị Sáu: từ hộ nghèo thành chủ trại"' in out
    assert f"{STORY}chi-sau.md:6: dãy số “091• ••• •78” giống số điện thoại di động" in out


def test_a_phone_photo_gets_the_jpg_hint(checked: tuple[str, Path]) -> None:
    out, _ = checked
    assert f"{STORY}anh/chi-nam.heic:1: ảnh dạng “.heic” (ảnh của điện thoại)" in out
    assert "    → Chuyển sang JPG" in out


def test_warnings_beside_errors_and_as_annotations(checked: tuple[str, Path]) -> None:
    out, translation = checked
    warning = next(line for line in out.splitlines() if line.startswith(f"Cảnh báo: {translation.as_posix()}:"))
    assert "bản dịch đã cũ" in warning
    assert int(warning.split(":")[2]) > 1, "at the line of translation: source_hash, not line 1"
    errors = [line for line in out.splitlines() if line.startswith("::error file=")]
    warnings = [line for line in out.splitlines() if line.startswith("::warning file=")]
    assert any(line.startswith(f"::error file={STORY}chi-nam.md,line=3::") for line in errors)
    assert any(line.startswith(f"::error file={STORY}anh/chi-nam.heic,line=1::") for line in errors)
    assert [line for line in warnings if line.startswith(f"::warning file={translation.as_posix()},")]
    assert f"Có {len(errors)} lỗi cần sửa trước khi đăng và {len(warnings)} cảnh báo" in out


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("31/5/2024", "2024-05-31"),
        ("2024-5-31", "2024-05-31"),
        ("1.6.2024", "2024-06-01"),
        ("31-05-2024", "2024-05-31"),
        ("2024/05/31", "2024-05-31"),
    ],
)
def test_a_real_date_in_another_form_is_rewritten(written: str, fixed: str) -> None:
    message, hint = date_problem("ngày (date)", written)
    assert "viết sai dạng" in message and hint == f"Sửa thành: {fixed}"


@pytest.mark.parametrize("written", ["2024-02-30", "31/2/2024", "2023-02-29", "2024-13-01", "0/5/2024"])
def test_an_impossible_date_is_called_so(written: str) -> None:
    message, hint = date_problem("ngày (date)", written)
    assert "không phải là một ngày có thật" in message and "Sửa thành" not in hint


def test_a_month_written_first_is_guessed() -> None:
    _, hint = date_problem("ngày (date)", "5/31/2024")
    assert "2024-05-31" in hint


@pytest.mark.parametrize(
    "line", ['title: "Chị Tư: nuôi heo"', "title: Chị Tư nuôi heo", "  - a", "date: 2024-05-31", "title: 10:30"]
)
def test_only_an_unquoted_value_with_a_colon_gets_the_quote_hint(line: str) -> None:
    assert "ngoặc kép" not in syntax_problem(line, "mapping values are not allowed here")[1]
    # Another YAML mistake on a line with a colon (an anchor, refused) keeps its own message.
    assert "ngoặc kép" not in syntax_problem("base: &b {title: Chị: Ba}", "không dùng neo (&)")[1]


def test_every_check_is_registered_once() -> None:
    names = [check.name for check in CHECKS]
    assert len(names) == len(set(names))
    assert {check.stage for check in CHECKS} == {"page", "file", "content", "plan"}
    assert {check.severity for check in CHECKS} == {"error", "warning"}


def test_every_registered_check_has_its_row_in_the_threat_model() -> None:
    text = (PROJECT / "THREAT-MODEL.md").read_text(encoding="utf-8")
    assert [check.name for check in CHECKS if f"`{check.name}`" not in text] == []


def test_campaign_references_are_reported_at_their_line(checked: tuple[str, Path]) -> None:
    out, _ = checked
    implements = len((FIXTURE / "campaign/plan.yml").read_text("utf-8").splitlines()) + 1  # the line added
    assert f"campaign/plan.yml:{implements}: Kế hoạch (vi) dẫn văn bản “van-ban-khong-co”" in out
    plan = kit_project().plan
    wrong = dataclasses.replace(plan, nav=[*plan.nav[:5], "bieu-duon/index.md", *plan.nav[6:]])
    problems = Problems(kit_project().root)
    _check_nav(wrong, problems)
    lines = (FIXTURE / "campaign/site.yml").read_text("utf-8").splitlines()
    nav = lines.index("nav:") + 1 + 6  # the sixth entry under nav:
    assert [(p.path, p.line) for p in problems.items] == [("campaign/site.yml", nav)]
