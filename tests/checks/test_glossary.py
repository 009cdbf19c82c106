"""Translations follow campaign/glossary.yml: a word ruled out for a language is refused at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE, kit_project

from campaign_kit.model.errors import ContentError
from campaign_kit.project import load

CAMPAIGN = kit_project().content.campaign
FAQ = "hoi-dap/ho-ngheo-co-duoc-cap-the-bao-hiem-y-te-khong.en.md"  # the fixture's question, in English


def test_a_word_the_term_list_rules_out_is_refused_in_that_language(tmp_path: Path) -> None:
    term = next(term for term in CAMPAIGN.glossary if term.avoid.get("en"))
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path / "docs"))
    page = docs / FAQ
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "", f"Some {term.avoid['en'][0]} households."]) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(kit_project().root, docs_dir=docs)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == (f"docs/{FAQ}", len(lines) + 2)
    assert f"bảng thuật ngữ dùng “{term.say['en']}”" in problem.message


def test_a_longer_word_that_contains_a_ruled_out_one_passes(tmp_path: Path) -> None:
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path / "docs"))
    page = docs / FAQ
    page.write_text(page.read_text(encoding="utf-8") + "\nThe National Target Programme helps.\n", encoding="utf-8")
    load(kit_project().root, docs_dir=docs)
