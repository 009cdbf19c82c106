"""`make check` reports and changes nothing; `make fix` makes only the safe fixes it prints."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from commands import fingerprint, run, small_project
from conftest import PROJECT, copy_fixture
from photos import photo
from PIL import ExifTags, Image

from campaign_kit.build import build_site
from campaign_kit.checks.images import MAX_BYTES, private_metadata
from campaign_kit.fix import DOWNSCALED_LONG_EDGE
from campaign_kit.model.errors import ContentError

CORPUS = Path(__file__).parent / "corpus"
STORY = "docs/guong-thoat-ngheo/"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path / "project")


def test_check_passes_on_the_clean_tree(project: Path) -> None:
    result = run("check", project)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Không có lỗi")


def test_check_reports_every_problem_and_writes_nothing(project: Path) -> None:
    for name in ("khong-chuan-nfc.md", "so-cccd.md", "the-script.md", "lien-ket-hong.md"):
        shutil.copy(CORPUS / "guong-thoat-ngheo" / name, project / STORY / name)
    photo(project / STORY / "anh" / "chi-ba.jpg", gps=True, serial=True, padding=MAX_BYTES)
    before = fingerprint(project)
    result = run("check", project)
    assert result.returncode == 1
    assert fingerprint(project) == before, "make check changed or created a file"
    for expected in (
        f"{STORY}khong-chuan-nfc.md:15: chữ tiếng Việt chưa ở dạng chuẩn Unicode NFC",
        f"{STORY}so-cccd.md:15: dãy số",
        f"{STORY}the-script.md:15: không được dùng thẻ HTML <script>",
        f"{STORY}lien-ket-hong.md:15: liên kết",
        f"{STORY}anh/chi-ba.jpg:1: ảnh nặng",
        f"{STORY}anh/chi-ba.jpg:1: ảnh còn lưu vị trí GPS",
        f"{STORY}anh/chi-ba.jpg:1: ảnh còn lưu số sê-ri",
    ):
        assert f"\n{expected}" in "\n" + result.stdout, expected
    assert "\n    → " in result.stdout, "each problem comes with a hint line"
    assert "Có 7 lỗi cần sửa" in result.stdout


def test_the_site_build_refuses_what_check_refuses(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    whole = copy_fixture(tmp_path / "whole")  # with the theme a build reads
    shutil.copy(CORPUS / "guong-thoat-ngheo" / "the-script.md", whole / STORY / "the-script.md")
    with pytest.raises(ContentError) as caught:
        build_site(whole, tmp_path / "site")
    assert f"{STORY}the-script.md:15: không được dùng thẻ HTML <script>" in str(caught.value)
    assert not (tmp_path / "site" / "index.html").exists()


def test_check_annotates_the_files_under_github_actions(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(CORPUS / "guong-thoat-ngheo" / "so-cccd.md", project / STORY / "so-cccd.md")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("check", project)
    assert f"::error file={STORY}so-cccd.md,line=15::dãy số" in result.stdout


def test_fix_repairs_text_and_photos_and_nothing_else(project: Path) -> None:
    decomposed = (CORPUS / "guong-thoat-ngheo" / "khong-chuan-nfc.md").read_bytes().replace(b"\n", b"\r\n")
    (project / STORY / "khong-chuan-nfc.md").write_bytes(decomposed)
    located = photo(project / STORY / "anh" / "chi-ba-gps.jpg", gps=True, serial=True, orientation=6)
    heavy = photo(project / STORY / "anh" / "chi-ba-nang.jpg", size=(3000, 2000), padding=MAX_BYTES)
    clean = photo(project / STORY / "anh" / "chi-ba-sach.jpg", orientation=3)
    before = fingerprint(project)

    result = run("fix", project)

    assert result.returncode == 0, result.stderr
    changed = {path for path, digest in fingerprint(project).items() if before.get(path) != digest}
    assert changed == {f"{STORY}khong-chuan-nfc.md", f"{STORY}anh/chi-ba-gps.jpg", f"{STORY}anh/chi-ba-nang.jpg"}
    assert set(fingerprint(project)) == set(before), "no file added or removed"
    assert f"{STORY}khong-chuan-nfc.md: đã chuẩn hóa chữ về Unicode NFC (1 dòng)." in result.stdout
    assert f"{STORY}anh/chi-ba-gps.jpg: đã xóa vị trí GPS nơi chụp, số sê-ri của máy ảnh" in result.stdout
    assert f"{STORY}anh/chi-ba-nang.jpg: đã thu nhỏ ảnh từ 3000×2000" in result.stdout

    text = (project / STORY / "khong-chuan-nfc.md").read_bytes()
    assert text == unicodedata.normalize("NFC", decomposed.decode("utf-8")).encode("utf-8"), "only NFC, CRLF kept"
    with Image.open(located) as image:
        assert private_metadata(image) == []
        assert image.getexif().get(ExifTags.Base.Orientation) == 6, "orientation kept"
        assert ExifTags.Base.Make not in image.getexif(), "the rest of the metadata is gone"
        assert image.size == (1600, 1200)
    assert heavy.stat().st_size <= MAX_BYTES
    with Image.open(heavy) as image:
        assert max(image.size) == DOWNSCALED_LONG_EDGE
    assert clean.exists()

    assert run("check", project).returncode == 0, "what make fix repairs, make check then accepts"
    again = run("fix", project)
    assert again.stdout.strip() == "Không có gì cần sửa tự động."


def test_fix_leaves_the_clean_tree_alone(project: Path) -> None:
    before = fingerprint(project)
    assert run("fix", project).returncode == 0
    assert fingerprint(project) == before


def test_make_targets_run_the_same_commands() -> None:
    for target, module in (("check", "campaign_kit.check"), ("fix", "campaign_kit.fix"), ("new", "campaign_kit.new")):
        dry = subprocess.run(["make", "-n", target], cwd=PROJECT, capture_output=True, text=True, check=False)
        assert f"-m {module}" in dry.stdout, (target, dry.stdout, dry.stderr)


def _gps_exif() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitude: (9.0, 50.0, 12.5), ExifTags.GPS.GPSLatitudeRef: "N"}
    return exif.tobytes()


def test_fix_never_flattens_an_animated_photo_and_says_so(project: Path) -> None:
    path = project / STORY / "anh" / "dong.webp"
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = [Image.new("RGB", (900, 600), colour) for colour in ("red", "green", "blue")]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=200, exif=_gps_exif())
    before = path.read_bytes()
    result = run("fix", project)
    assert path.read_bytes() == before
    assert f"Không sửa được {STORY}anh/dong.webp: ảnh động" in result.stdout
    with Image.open(path) as image:
        assert image.n_frames == 3


def test_fix_writes_a_lossless_webp_back_lossless(project: Path) -> None:
    path = project / STORY / "anh" / "so-do.webp"
    path.parent.mkdir(parents=True, exist_ok=True)
    original = Image.radial_gradient("L").resize((900, 900)).convert("RGB")
    original.save(path, lossless=True, exif=_gps_exif())
    result = run("fix", project)
    assert f"{STORY}anh/so-do.webp: đã xóa vị trí GPS nơi chụp" in result.stdout
    with Image.open(path) as image:
        assert not private_metadata(image)
        assert image.convert("RGB").tobytes() == original.tobytes(), "every pixel kept"


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)


def test_check_lists_every_change_outside_docs_for_the_technical_reviewer(project: Path) -> None:
    _git(project, "init", "-q", "-b", "main")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    _git(project, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    _git(project, "checkout", "-q", "-b", "bai-moi")
    with (project / "campaign" / "site.yml").open("a", encoding="utf-8") as file:
        file.write("# đổi cấu hình\n")
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    story = project / STORY / "chi-ba-trong-rau.md"
    story.write_text((CORPUS / "hop-le" / "guong-thoat-ngheo" / "hop-le-kich-thuoc.md").read_text("utf-8"), "utf-8")
    result = run("check", project)
    listed = [line.strip()[2:] for line in result.stdout.splitlines() if line.startswith("  - ")]
    assert listed == ["campaign/site.yml", "overrides/main.html"], result.stdout
    assert result.returncode == 0, result.stdout


def test_a_committed_build_cache_file_is_refused(project: Path) -> None:
    """A share card or font subset committed under .cache/ would be published as the build's own."""
    card = project / ".cache" / "cards" / "0123abcd.png"
    card.parent.mkdir(parents=True)
    Image.new("RGB", (1200, 630), "red").save(card)
    (project / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    _git(project, "init", "-q", "-b", "main")
    assert run("check", project).returncode == 0  # made by a build, not in the repository: fine
    _git(project, "add", "-f", ".cache/cards/0123abcd.png")
    result = run("check", project)
    assert result.returncode == 1
    assert ".cache/cards/0123abcd.png:1: tệp này nằm trong bộ nhớ tạm .cache/" in result.stdout, result.stdout


def test_check_lists_nothing_without_git_history(project: Path) -> None:
    result = run("check", project)
    assert "ngoài docs/" not in result.stdout


def test_a_technical_reviewer_owns_everything_outside_docs() -> None:
    owners = {}
    for line in (PROJECT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            owners[pattern] = teams
    for pattern in ("/scripts/", "/overrides/", "/.github/", "/Makefile", "/mkdocs*.yml", "/campaign/"):
        assert owners.get(pattern), pattern
    # Editors' pages need no technical reviewer; pages about people need the editor-in-chief's team.
    people = {pattern: teams for pattern, teams in owners.items() if pattern.startswith("/docs")}
    assert set(people) == {"/docs/guong-thoat-ngheo/", "/docs/bieu-duong/"}
    assert all(team.endswith("/tong-bien-tap") for teams in people.values() for team in teams)
