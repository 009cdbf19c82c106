"""The threat model stays current: every front-matter field, section folder and publishable file
type has its row, and every test a row cites exists."""

from __future__ import annotations

import re

from conftest import PROJECT

from campaign_kit.checks.files import DOCUMENT_SUFFIXES, PHOTO_SUFFIXES
from campaign_kit.model.schema import PageMeta
from campaign_kit.model.sections import SECTIONS

TEXT = (PROJECT / "THREAT-MODEL.md").read_text(encoding="utf-8")
NAMED = set(re.findall(r"`([^`]+)`", TEXT))


def test_every_field_folder_and_file_type_has_a_row() -> None:
    fields = set(PageMeta.model_fields)
    for section in SECTIONS:
        fields |= set(section.schema.model_fields)
    assert fields - NAMED == set(), "front-matter fields without a row in THREAT-MODEL.md"
    assert {suffix for suffix in (*PHOTO_SUFFIXES, *DOCUMENT_SUFFIXES) if suffix not in NAMED} == set()
    assert "Markdown body (`.md`, every section and top-level page)" in TEXT


def test_every_cited_test_exists() -> None:
    cited = set(re.findall(r"`(tests/[\w/]+\.py)`", TEXT))
    assert len(cited) >= 8
    assert [path for path in cited if not (PROJECT / path).is_file()] == []


def test_it_is_not_published() -> None:
    assert not (PROJECT / "docs" / "THREAT-MODEL.md").exists()
