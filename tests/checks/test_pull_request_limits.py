"""Limits per pull request: pages added, new tags (each a listing page per language) and bytes
added under docs/ since the merge base are bounded; tags the site had before are not new."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import kit_project

from campaign_kit.checks import pull_request
from campaign_kit.model.content import load_content
from campaign_kit.model.errors import Problems

CAMPAIGN = kit_project().content.campaign
NEWS = "---\ntitle: {title}\ndate: 2024-09-01\nsummary: Tin ngắn.\ntags: [{tags}]\nsample: true\n---\n\nTin ngắn.\n"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args], check=True)


def _page(root: Path, name: str, tags: str) -> None:
    path = root / "docs" / "tin-tuc" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NEWS.format(title=name[:-3], tags=tags), encoding="utf-8")


def test_a_pull_request_beyond_the_limits_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _page(tmp_path, "cu.md", "vay vốn")
    _page(tmp_path, "sua.md", "nhà ở")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "base")
    _git(tmp_path, "checkout", "-q", "-b", "bai-moi")
    _page(tmp_path, "sua.md", "nhà ở, Chăn nuôi")  # modified: "nhà ở" was there
    _page(tmp_path, "a.md", "Vay Vốn, chăn nuôi, trồng lúa")  # "vay vốn" was there, in any case
    _page(tmp_path, "b.md", "học nghề, việc làm")
    _page(tmp_path, "c.md", "điện")
    monkeypatch.setattr(pull_request, "MAX_PAGES", 2)
    monkeypatch.setattr(pull_request, "MAX_NEW_TAGS", 4)
    monkeypatch.setattr(pull_request, "MAX_BYTES", 300)
    problems = Problems(tmp_path)
    content = load_content(CAMPAIGN, tmp_path / "docs", problems)
    problems.items.clear()  # this tiny docs/ lacks what campaign/ names; only the limits are looked at
    pull_request.check(content, problems)
    found = sorted(f"{p.path}:{p.line}: {p.message}" for p in problems.items)
    assert len(found) == 3, found
    bytes_, pages, tags = found  # by file: a.md is the largest file, c.md the third page and the fifth tag
    assert bytes_.startswith("docs/tin-tuc/a.md:1: pull request này thêm") and "vào docs/, quá giới hạn" in bytes_
    assert tags.startswith("docs/tin-tuc/c.md:5: pull request này tạo 5 chủ đề (tags) mới, quá giới hạn 4")
    assert "từ “điện” trở đi" in tags
    assert pages.startswith("docs/tin-tuc/c.md:1: pull request này thêm 3 trang, quá giới hạn 2")
    monkeypatch.setattr(pull_request, "MAX_NEW_TAGS", 5)
    monkeypatch.setattr(pull_request, "MAX_PAGES", 3)
    monkeypatch.setattr(pull_request, "MAX_BYTES", 10_000)
    problems = Problems(tmp_path)
    pull_request.check(content, problems)
    assert problems.items == []


def test_without_history_nothing_is_compared(tmp_path: Path) -> None:
    _page(tmp_path, "a.md", "chăn nuôi")
    problems = Problems(tmp_path)
    content = load_content(CAMPAIGN, tmp_path / "docs", problems)
    problems.items.clear()
    pull_request.check(content, problems)
    assert problems.items == []
