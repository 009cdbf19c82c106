"""make preview: a change of two commits (and what is not committed yet) in a clone of the
project becomes exactly the pages it alters, in every language, with phone screenshots and
the gate's word in a Markdown report."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import SUITE_TODAY, copy_project
from PIL import Image

from campaign_kit import preview
from campaign_kit.project import Project

STORY = "docs/guong-thoat-ngheo/chi-tu-nuoi-heo-go-quao.md"


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Biên tập", "-c", "user.email=bt@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_preview_lists_exactly_the_pages_of_a_two_commit_change(
    tmp_path: Path, built_site: Path, loaded: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(tmp_path / "project")
    (root / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    photo = root / "docs" / "guong-thoat-ngheo" / "anh" / "chuong-heo.jpg"
    photo.parent.mkdir()
    Image.new("RGB", (1000, 700), "green").save(photo)
    _append(root / STORY, "\n![Chuồng heo của chị Tư](anh/chuong-heo.jpg)\n")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    _git(root, "tag", "base")
    # First commit: a translation, and a policy page in the reference language.
    _append(root / "docs" / "gioi-thieu.en.md", "\nOne more sentence.\n")
    _append(root / "docs" / "chinh-sach" / "giao-duc.md", "\nThêm một câu.\n")
    _git(root, "commit", "-q", "-am", "text")
    # Second commit: the photo only, taken again.
    Image.new("RGB", (1000, 700), "olive").save(photo)
    _git(root, "commit", "-q", "-am", "photo")
    # Not committed: the Khmer home page and a file the site is not built from.
    _append(root / "docs" / "index.km.md", "\nបន្ថែម។\n")
    (root / "GHI-CHU.md").write_text("ghi chú\n", encoding="utf-8")

    monkeypatch.setattr(preview, "MAX_SCREENSHOTS", 1)  # the screenshots of the others are alike
    out = tmp_path / "preview"
    args = ["--project", str(root), "--base", "base", "--out", str(out), "--site", str(built_site)]
    assert preview.main([*args, "--today", SUITE_TODAY.isoformat()]) == 0

    assert preview.changed_files(root, "base") == [
        "GHI-CHU.md",
        "docs/chinh-sach/giao-duc.md",
        "docs/gioi-thieu.en.md",
        "docs/guong-thoat-ngheo/anh/chuong-heo.jpg",
        "docs/index.km.md",
    ]
    plan = loaded.plan  # the clone's plan has the same pages
    expected = {
        *((code, plan.path("chinh-sach/giao-duc.md", code)) for code in plan.sites),
        ("en", "en/gioi-thieu/"),
        *((code, plan.path(STORY[5:], code)) for code in plan.sites if plan.has_page(STORY[5:], code)),
        ("km", "km/"),
    }
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "✅ Không có lỗi." in text and "mọi trang có thể đổi" not in text and "Trang bị xóa" not in text
    assert set(re.findall(r"^\| (\w+) \| `/([^`]*)` \|", text, re.MULTILINE)) == expected
    shots = sorted((out / "screenshots").glob("*.png"))
    assert len(shots) == 1 and "Chỉ chụp 1 trang đầu." in text
    for shot in shots:
        assert f"screenshots/{shot.name}" in text
        with Image.open(shot) as image:
            assert image.width == preview.PHONE[0]

    other = preview.changed_pages(loaded, ["campaign/site.yml", "tests/test_x.py", "docs/da-xoa.md"])
    assert (other.whole_site, other.removed, other.pages) == (["campaign/site.yml"], ["docs/da-xoa.md"], [])
