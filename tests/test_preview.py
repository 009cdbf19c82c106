"""make preview: a change of two commits (and what is not committed yet) in a clone of the
project becomes exactly the pages it alters, in every language, with phone screenshots and
the gate's word in a Markdown report."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import SUITE_TODAY, copy_fixture, kit_project
from PIL import Image

from campaign_kit import preview

# On the fictional campaign (tests/fixtures/campaign-mau): its story, a policy, and its translations if it has any.
PROJECT = kit_project()
STORY = "docs/guong-thoat-ngheo/chi-sau-trong-rau-ben-lua.md"
POLICY = "docs/chinh-sach/vay-von-uu-dai.md"
OTHERS = [language.code for language in PROJECT.content.campaign.languages[1:]]


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
    tmp_path: Path, kit_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_fixture(tmp_path / "project")
    (root / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    photo = root / "docs" / "guong-thoat-ngheo" / "anh" / "vuon-rau.jpg"
    photo.parent.mkdir()
    Image.new("RGB", (1000, 700), "green").save(photo)
    _append(root / STORY, "\n![Vườn rau của chị Sáu](anh/vuon-rau.jpg)\n")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    _git(root, "tag", "base")
    # First commit: a translation (if the campaign has one), and a policy page in the reference language.
    translated = [f"docs/gioi-thieu.{code}.md" for code in OTHERS[:1]]
    for name in translated:
        _append(root / name, "\nOne more sentence.\n")
    _append(root / POLICY, "\nThêm một câu.\n")
    _git(root, "commit", "-q", "-am", "text")
    # Second commit: the photo only, taken again.
    Image.new("RGB", (1000, 700), "olive").save(photo)
    _git(root, "commit", "-q", "-am", "photo")
    # Not committed: the last language's home page and a file the site is not built from.
    home = [f"docs/index.{code}.md" for code in OTHERS[-1:]]
    for name in home:
        _append(root / name, "\nបន្ថែម។\n")
    (root / "GHI-CHU.md").write_text("ghi chú\n", encoding="utf-8")

    monkeypatch.setattr(preview, "MAX_SCREENSHOTS", 1)  # the screenshots of the others are alike
    out = tmp_path / "preview"
    args = ["--project", str(root), "--base", "base", "--out", str(out), "--site", str(kit_site)]
    assert preview.main([*args, "--today", SUITE_TODAY.isoformat()]) == 0

    assert preview.changed_files(root, "base") == sorted(
        ["GHI-CHU.md", POLICY, *translated, "docs/guong-thoat-ngheo/anh/vuon-rau.jpg", *home]
    )
    plan = PROJECT.plan  # the clone's plan has the same pages
    expected = {
        *((code, plan.path(POLICY[5:], code)) for code in plan.sites),
        *((code, f"{code}/gioi-thieu/") for code in OTHERS[:1]),
        *((code, plan.path(STORY[5:], code)) for code in plan.sites if plan.has_page(STORY[5:], code)),
        *((code, f"{code}/") for code in OTHERS[-1:]),
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

    other = preview.changed_pages(PROJECT, ["campaign/site.yml", "tests/test_x.py", "docs/da-xoa.md"])
    assert (other.whole_site, other.removed, other.pages) == (["campaign/site.yml"], ["docs/da-xoa.md"], [])
