"""Naming a private person needs consent on any page type and in any language: an honorific and a
name, or a full name, in a news item, a question, a top-level page or a translation, in the body
or a front-matter value, is refused without a consent record; with one it passes, and so do
officials named with their title and streets or places named after people."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE
from corpus import by_file, reported
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_kit.checks.people import named_people

HONORIFICS = ["anh", "chị", "ông", "bà", "cô", "chú", "bác", "dì", "cụ", "em", "cháu", "bé"]
GIVEN = ["Lan", "Sơn", "Tư", "Út", "Năm", "Hồng Nhung", "Thị Mai"]
FULL = ["Nguyễn Văn Sơn", "Trần Thị Lan", "Lê Hoàng Nam", "Danh Thị Sa Rươl", "Thạch Minh Tâm"]
CONTEXT = ["", "Năm 2023, ", "Theo lời ", "Ở xã, ", "In 2023, "]
AFTER = [" vay vốn nuôi bò.", " có hai con nhỏ.", ", 52 tuổi, làm thuê.", " borrowed to raise cattle."]


@settings(max_examples=120, deadline=None)
@given(
    honorific=st.sampled_from([*HONORIFICS, "Mr", "Mrs", "Ms"]),
    capital=st.booleans(),
    name=st.sampled_from(GIVEN),
    before=st.sampled_from(CONTEXT),
    after=st.sampled_from(AFTER),
)
def test_an_honorific_and_a_name_is_a_named_person(honorific, capital, name, before, after) -> None:
    written = honorific.capitalize() if capital or not before else honorific
    text = f"{before}{written} {name}{after}"
    assert [found for _, found in named_people(text)] == [f"{written} {name}"], text


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(FULL), before=st.sampled_from(CONTEXT), after=st.sampled_from(AFTER))
def test_a_full_name_is_a_named_person(name, before, after) -> None:
    assert [found for _, found in named_people(f"{before}{name}{after}")] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Bà con hộ nghèo hỏi cán bộ xã.",
        "Chị em phụ nữ trong ấp cùng học nghề.",
        "Em được hỗ trợ học phí.",
        "Trụ sở ở số 5 đường Nguyễn Trung Trực.",
        "Trường Tiểu học Lê Văn Tám nhận học sinh.",
        "ông Võ Văn Thưởng, Thường trực Ban Bí thư, ký.",
        "Phó Chủ tịch UBND xã, bà Trần Thị Lan, chủ trì buổi đối thoại.",
        "Mr Võ Văn Thưởng, Standing Member of the Secretariat, signed it.",
        "Năm 2024 Cồn Sen có 120 hộ.",
        "Nguyễn Văn",  # a family name and one word is no full name
    ],
)
def test_what_is_no_private_person(text: str) -> None:
    assert list(named_people(text)) == []


def test_a_title_in_another_sentence_is_not_this_persons() -> None:
    text = "Theo Quyết định của Thủ tướng Chính phủ. Chị Lan vay vốn."
    assert [name for _, name in named_people(text)] == ["Chị Lan"]
    assert [name for _, name in named_people("…of the Prime Minister.\n\nMrs Lan asked.")] == ["Mrs Lan"]


@pytest.mark.parametrize("text", ["Ông Ba, trưởng ấp, cho biết.", "Mr Sơn, Director of the Department, said."])
def test_a_title_in_the_same_sentence_is(text: str) -> None:
    assert list(named_people(text)) == []


NEWS = """---
title: {title}
date: 2024-09-01
summary: Tin ngắn về công tác giảm nghèo.
{consent}---

{body}
"""
CONSENT = "consent:\n  given_by: chủ hộ\n  date: 2024-08-20\n  kept_at: Ủy ban nhân dân xã (bản giấy)\n"
FAQ = """---
title: {title}
summary: Hỏi đáp ngắn.
---

{body}
"""
# (file, text, line refused at or None when it must pass)
PAGES = [
    ("tin-tuc/ten-trong-bai.md", NEWS.format(title="Vay vốn", consent="", body="Chị Lan vay vốn."), 7),
    ("tin-tuc/ten-trong-tieu-de.md", NEWS.format(title="Ông Năm nuôi bò", consent="", body="Nuôi bò."), 2),
    ("tin-tuc/ten-co-dong-y.md", NEWS.format(title="Vay vốn", consent=CONSENT, body="Chị Lan vay vốn."), None),
    ("tin-tuc/can-bo.md", NEWS.format(title="Đối thoại", consent="", body="Bà Lê Thị Hoa, Chủ tịch UBND xã."), None),
    ("hoi-dap/ten-day-du.md", FAQ.format(title="Hỏi về vay vốn", body="Nguyễn Văn Sơn hỏi về vay vốn."), 6),
    ("ten-trang-dau.md", FAQ.format(title="Một hộ vươn lên", body="Gia đình anh Tư có 3 con."), 6),
]


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """One load of docs/ with every page above, and an English translation naming a person."""
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path_factory.mktemp("people") / "docs"))
    for name, text, _ in PAGES:
        (docs / name).write_text(text, encoding="utf-8")
    source = next(path for path in sorted((docs / "hoi-dap").glob("*.en.md")))
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\nMrs Lan asked the commune about a loan.\n", encoding="utf-8")
    return {**by_file(reported(docs)), "translation": [source.name, text.count("\n") + 2]}


@pytest.mark.parametrize(("name", "text", "line"), PAGES, ids=[Path(name).stem for name, _, _ in PAGES])
def test_naming_a_person_needs_consent_on_any_page(refused: dict[str, list], name: str, text: str, line) -> None:
    found = [p for p in refused.get(f"docs/{name}", []) if "không có ghi nhận đồng ý" in p.message]
    if line is None:
        assert found == [], found
    else:
        assert [p.line for p in found] == [line], refused.get(f"docs/{name}")


def test_a_translation_naming_a_person_needs_consent(refused: dict[str, list]) -> None:
    name, line = refused["translation"]
    found = [p for p in refused[f"docs/hoi-dap/{name}"] if "“Mrs Lan”" in p.message]
    assert [p.line for p in found] == [line]
