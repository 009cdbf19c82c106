"""Mistakes an editor can make stop the build with `path:line: message` in Vietnamese."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import copy_fixture, kit_project
from content_mistakes import problems_after_writing

from campaign_kit.build import build_site
from campaign_kit.model.campaign import load_campaign
from campaign_kit.model.errors import ContentError
from campaign_kit.project import load

DISTRICT = kit_project().content.campaign.districts[0].key
POLICY = kit_project().content.items("policy")[0].src_uri
STORY = f"""\
---
title: Chị Năm nuôi vịt
date: 2024-06-01
district: {DISTRICT}
summary: Câu chuyện ví dụ.
tags: [chăn nuôi]
sample: false
consent:
  given_by: Chủ hộ (tên đã đổi)
  date: 2024-05-30
  kept_at: UBND xã (bản giấy)
---
Chị Năm vay vốn nuôi vịt.

Năm sau chị thoát nghèo.
"""


@pytest.fixture
def kit_copy(tmp_path: Path) -> Path:
    """The fixture campaign as a whole project, for an editor's mistake to be written into."""
    return copy_fixture(tmp_path / "project")


def test_a_correct_story_loads(kit_copy: Path) -> None:
    (kit_copy / "docs/guong-thoat-ngheo/chi-nam-nuoi-vit.md").write_text(STORY, encoding="utf-8")
    content = load(kit_copy).content
    assert content.reference("guong-thoat-ngheo/chi-nam-nuoi-vit.md").meta.district == DISTRICT


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("title: Chị Năm nuôi vịt\n", ""), "chi-nam-nuoi-vit.md:2: thiếu mục bắt buộc tiêu đề (title)."),
        (
            ("date: 2024-06-01", "date: 2024-02-31"),
            "chi-nam-nuoi-vit.md:3: ngày (date) “2024-02-31” không phải là một ngày có thật (tháng 2 năm 2024 không có ngày 31).",
        ),
        (("date: 2024-06-01", "date: 01/06/2024"), "chi-nam-nuoi-vit.md:3: ngày (date) “01/06/2024”"),
        (
            ("district: " + DISTRICT, "district: " + DISTRICT[:-1]),
            f"chi-nam-nuoi-vit.md:4: huyện, thành phố (district): không có huyện, thành phố “{DISTRICT[:-1]}”. Có phải ý bạn là “{DISTRICT}”?",
        ),
        (("tags:", "tag:"), "chi-nam-nuoi-vit.md:6: mục “tag” không dùng được ở đây. Có phải ý bạn là “tags”?"),
        (
            ("sample: false", "sample: có"),
            "chi-nam-nuoi-vit.md:7: đánh dấu nội dung minh họa (sample) chỉ nhận true hoặc false.",
        ),
        (
            ("consent:\n  given_by: Chủ hộ (tên đã đổi)\n  date: 2024-05-30\n  kept_at: UBND xã (bản giấy)\n", ""),
            "chi-nam-nuoi-vit.md:2: trang nói về người hoặc hộ gia đình cụ thể nhưng thiếu ghi nhận đồng ý",
        ),
        (
            ("  kept_at: UBND xã (bản giấy)\n", ""),
            "chi-nam-nuoi-vit.md:8: thiếu mục bắt buộc nơi lưu giấy đồng ý (kept_at).",
        ),
        (("summary: Câu chuyện ví dụ.", "summary: [Câu chuyện"), "chi-nam-nuoi-vit.md:5: phần đầu trang sai cú pháp"),
        (
            ("Năm sau chị", "{{ figure:khong_co }} Năm sau chị"),
            "chi-nam-nuoi-vit.md:15: không hiểu chỗ giữ chỗ “{{ figure:khong_co }}”.",
        ),
    ],
)
def test_story_mistakes_are_reported_at_their_line(kit_copy: Path, change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in STORY
    problems = problems_after_writing(kit_copy, "guong-thoat-ngheo/chi-nam-nuoi-vit.md", STORY.replace(old, new))
    assert any(problem.startswith("docs/guong-thoat-ngheo/" + expected) for problem in problems), problems


def test_file_names_must_be_without_diacritics(kit_copy: Path) -> None:
    problems = problems_after_writing(kit_copy, "guong-thoat-ngheo/chị-năm.md", STORY)
    assert any("phải viết thường, không dấu" in problem for problem in problems), problems


def test_text_must_be_nfc(kit_copy: Path) -> None:
    decomposed = STORY.replace("nuôi vịt.", "nuo\u0302i vi\u0323t.")
    problems = problems_after_writing(kit_copy, "guong-thoat-ngheo/chi-nam-nuoi-vit.md", decomposed)
    assert any(
        p.startswith("docs/guong-thoat-ngheo/chi-nam-nuoi-vit.md:13: chữ tiếng Việt chưa ở dạng chuẩn")
        for p in problems
    )


def test_policy_needs_its_four_questions_and_a_known_legal_basis(kit_copy: Path) -> None:
    policy = (kit_copy / "docs" / POLICY).read_text(encoding="utf-8")
    broken = policy.replace("## Hỏi ở đâu?", "## Liên hệ").replace(
        "legal_basis:", "legal_basis:\n  - doc: nghi-dinh-999-2099"
    )
    problems = problems_after_writing(kit_copy, "chinh-sach/chinh-sach-hong.md", broken)
    assert any("phải có đúng các mục “## Ai được hưởng?”" in p for p in problems), problems
    assert any("căn cứ pháp lý “nghi-dinh-999-2099” không có trong docs/van-ban/" in p for p in problems), problems


CONSENT = "consent:\n  given_by: Chủ hộ (tên đã đổi)\n  date: 2024-05-30\n  kept_at: UBND xã (bản giấy)\n"
SAMPLE = STORY.replace("sample: false", "sample: true").replace(CONSENT, "")


def test_a_sample_is_about_nobody_so_it_has_no_consent_record(kit_copy: Path) -> None:
    (kit_copy / "docs/guong-thoat-ngheo/chi-nam-nuoi-vit.md").write_text(SAMPLE, encoding="utf-8")
    load(kit_copy)
    invented = SAMPLE.replace("sample: true\n", "sample: true\n" + CONSENT)
    problems = problems_after_writing(kit_copy, "guong-thoat-ngheo/chi-nam-nuoi-vit.md", invented)
    assert any("trang minh họa (sample: true) không nói về người thật" in p for p in problems), problems


def test_production_refuses_sample_content(kit_copy: Path) -> None:
    problems = problems_after_writing(kit_copy, "guong-thoat-ngheo/chi-nam-nuoi-vit.md", SAMPLE, production=True)
    assert any(
        p.startswith("docs/guong-thoat-ngheo/chi-nam-nuoi-vit.md:1: bản chính thức không được đăng nội dung minh họa")
        for p in problems
    )


def test_schema_error_stops_mkdocs_build_strict(kit_copy: Path, tmp_path: Path) -> None:
    bad = STORY.replace("district: " + DISTRICT, "district: " + DISTRICT[:-1])
    (kit_copy / "docs/guong-thoat-ngheo/chi-nam-nuoi-vit.md").write_text(bad, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(kit_copy / "mkdocs.yml"),
            "-d",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "docs/guong-thoat-ngheo/chi-nam-nuoi-vit.md:4: huyện, thành phố (district)" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_production_build_command_fails_while_samples_remain(kit_copy: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "campaign_kit.build",
            "--project",
            str(kit_copy),
            "--site-dir",
            str(tmp_path / "out"),
            "--production",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "bản chính thức không được đăng nội dung minh họa" in result.stderr


def test_production_build_refuses_a_placeholder_address(
    kit_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Once the examples are removed, the placeholder site_url still stops a production build."""
    content = load(kit_copy).content
    for page in content.samples():
        page.path.unlink()
    with pytest.raises(ContentError) as caught:
        build_site(kit_copy, tmp_path / "out", production=True)
    assert "site_url" in str(caught.value) and "vẫn là địa chỉ tạm" in str(caught.value)


def test_a_standard_citing_an_act_the_site_lacks_is_an_error_at_its_line(kit_copy: Path) -> None:
    """The self-check links each standard to its act: without the act's page, the editor gets the
    line of poverty_standard.yml (the build used to stop on a KeyError)."""
    periods = kit_project().content.campaign.poverty_standard.periods
    act = periods[-1].source
    for page in (kit_copy / "docs/van-ban").glob(f"{act}*.md"):
        page.unlink()
    with pytest.raises(ContentError) as caught:
        load(kit_copy)
    text = (kit_copy / "campaign/poverty_standard.yml").read_text(encoding="utf-8")
    line = [number for number, row in enumerate(text.splitlines(), 1) if row.strip() == f"source: {act}"][-1]
    expected = f"poverty_standard.yml:{line}: chuẩn nghèo {periods[-1].first_year}–{periods[-1].last_year}"
    assert any(expected in str(problem) for problem in caught.value.problems), caught.value.problems


def _translated_keys() -> list[tuple[str, str, str]]:
    """(language, field, key) of every key a language's strings translate slogans and programmes by."""
    campaign = kit_project().content.campaign
    return [
        (code, field, key)
        for code, strings in campaign.strings.items()
        for field in ("slogans", "poster_lines", "programmes")
        for key in getattr(strings, field)
    ]


@pytest.mark.parametrize(("code", "field", "key"), _translated_keys())
def test_a_translation_under_a_key_nobody_has_is_refused_at_its_line(
    kit_copy: Path, code: str, field: str, key: str
) -> None:
    """A slogan or programme translated under a mistyped key would never print: the Vietnamese text would."""
    path = kit_copy / "campaign" / "strings" / f"{code}.yml"
    strings = yaml.safe_load(path.read_text(encoding="utf-8"))
    typo = key[:-1] + ("x" if key[-1] != "x" else "y")
    strings[field] = {typo if k == key else k: v for k, v in strings[field].items()}
    text = yaml.safe_dump(strings, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, written in enumerate(text.splitlines(), 1) if written.strip().startswith(f"{typo}:"))
    with pytest.raises(ContentError) as caught:
        load_campaign(kit_copy / "campaign")
    assert any(
        str(problem).startswith(f"campaign/strings/{code}.yml:{line}: {field}: “{typo}” không có trong")
        for problem in caught.value.problems
    ), [str(p) for p in caught.value.problems]
