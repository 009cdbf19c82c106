"""`make new`: a correct page with every fact still to write marked; refused until filled in.

On the fictional fixture campaign (tests/fixtures/): its places are Bến Lúa (a district of 2024, and
the commune of today xa-ben-lua) and Cồn Sen (a city of 2024, the ward of today phuong-con-sen)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from commands import run
from conftest import copy_fixture

from campaign_kit.checks.scaffold import MARKER
from campaign_kit.new import ScaffoldError, create

TODAY = dt.date.today()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "project")


def test_a_new_story_is_refused_until_its_placeholders_are_filled(project: Path) -> None:
    made = run("new", project, "story", "--title", "Chị Năm nuôi vịt ở Bến Lúa", "--district", "Bến Lúa")
    assert made.returncode == 0, made.stderr
    path = project / "docs/guong-thoat-ngheo/chi-nam-nuoi-vit-o-ben-lua.md"
    assert "Đã tạo docs/guong-thoat-ngheo/chi-nam-nuoi-vit-o-ben-lua.md." in made.stdout
    text = path.read_text(encoding="utf-8")
    assert f"date: {TODAY.isoformat()}\nunit: xa-ben-lua\n" in text  # today: a unit of today, by its name
    assert "consent:\n  given_by: " in text

    refused = run("check", project)
    assert refused.returncode == 1
    problems = [line for line in refused.stdout.splitlines() if line.startswith("docs/")]
    placeholder_lines = [number for number, line in enumerate(text.split("\n"), 1) if MARKER in line]
    assert len(placeholder_lines) == 5  # summary, consent (who, when, where kept), the story itself
    assert problems == [
        f"docs/guong-thoat-ngheo/chi-nam-nuoi-vit-o-ben-lua.md:{number}: còn chỗ chưa điền: "
        + text.split("\n")[number - 1].split(MARKER, 1)[1].strip()
        + "."
        for number in placeholder_lines
    ]

    filled = (
        text.replace(
            f"{MARKER} một hai câu tóm tắt, hiện trong danh sách bài", "Chị Năm vay vốn nuôi vịt và đã thoát nghèo."
        )
        .replace(f"{MARKER} ai đã đồng ý cho đăng, ví dụ chủ hộ", "Chị Năm (chủ hộ)")
        .replace(f"  # {MARKER} ngày ký giấy đồng ý (sửa nếu khác), rồi xóa lời nhắc này", "")
        .replace(f"{MARKER} nơi cất giấy đồng ý đã ký, ví dụ Ủy ban nhân dân xã, bản giấy", "UBND xã (bản giấy)")
    )
    filled = filled.split("---\n\n")[0] + "---\n\nChị Năm vay vốn của Ngân hàng Chính sách xã hội để nuôi vịt.\n"
    path.write_text(filled, encoding="utf-8")
    accepted = run("check", project)
    assert accepted.returncode == 0, accepted.stdout


@pytest.mark.parametrize(
    ("kind", "folder", "has_consent"),
    [("household", "bieu-duong", True), ("person", "bieu-duong", True), ("organisation", "bieu-duong", False)],
)
def test_commendations_ask_consent_only_for_people(project: Path, kind: str, folder: str, has_consent: bool) -> None:
    path = create(project, kind, "Gương sáng ở Cồn Sen", "phuong-con-sen", TODAY)
    assert path == project / "docs" / folder / "guong-sang-o-con-sen.md"
    text = path.read_text(encoding="utf-8")
    assert f"kind: {kind}\n" in text
    assert ("consent:" in text) is has_consent


def test_news_needs_no_district(project: Path) -> None:
    path = create(project, "news", "Tập huấn cho cán bộ giảm nghèo", None, TODAY)
    assert "district:" not in path.read_text(encoding="utf-8")


def test_mistakes_in_the_request_are_explained(project: Path) -> None:
    create(project, "story", "Chị Năm nuôi vịt", "ben-lua", TODAY)
    with pytest.raises(ScaffoldError, match=re.escape("đã có tệp docs/guong-thoat-ngheo/chi-nam-nuoi-vit.md")):
        create(project, "story", "Chị Năm nuôi vịt", "ben-lua", TODAY)
    with pytest.raises(ScaffoldError, match="Có phải ý bạn là “xa-ben-lua”"):
        create(project, "story", "Chị Sáu", "ben-lu", TODAY)
    with pytest.raises(ScaffoldError, match="cần cho biết nơi xảy ra: xã, phường, đặc khu ngày nay"):
        create(project, "story", "Chị Bảy", None, TODAY)
    with pytest.raises(ScaffoldError, match="cần cho biết nơi xảy ra: huyện, thành phố năm 2024"):
        create(project, "story", "Chị Tám", None, dt.date(2024, 6, 1))


def test_a_page_names_the_place_as_its_date_does(project: Path) -> None:
    """Before the district level ended, a district of 2024; from then on, a unit of today."""
    before = create(project, "story", "Chị Chín nuôi cá", "Bến Lúa", dt.date(2025, 6, 30)).read_text("utf-8")
    after = create(project, "story", "Chị Mười nuôi gà", "Bến Lúa", dt.date(2025, 7, 1)).read_text("utf-8")
    assert "\ndistrict: ben-lua\n" in before and "unit:" not in before
    assert "\nunit: xa-ben-lua\n" in after and "district:" not in after


def test_without_a_terminal_missing_arguments_are_an_error(project: Path) -> None:
    result = run("new", project, "story")
    assert result.returncode == 2
    assert "cần loại bài" in result.stderr
