"""A preview of a change, as a reviewer needs it: what the gate says, the pages it adds or
alters in every language, and how each looks on a phone.

    python -m campaign_kit.preview --base origin/main [--out dist/preview]   (make preview BASE=…)

The change is everything between the merge base of BASE and HEAD, plus what is not committed
yet (modified and new files that git does not ignore): the preview builds the working tree,
so it shows that tree's changes. (In CI the tree is clean: the pull request's commits only.)

Changed files become pages through the site plan, never a guess at URLs:
- a page's Markdown in the reference language: that page in every language that has it (a
  translation shows its source's facts and is marked stale when its source changes);
- a translation: that page in its language;
- a photo or another file under docs/: the pages whose text links to it;
- a deleted page: listed as removed;
- anything else the site is built from (campaign/, code, theme, fonts, build settings):
  every page may change, and the report says so.
Listings that show a changed page (its section, its district's page) change too; they are
not listed one by one.

Writes report.md (the gate's output, the pages with their addresses and screenshots),
screenshots/ (phone width, Debian's headless Chromium) and site/ (the built site) under --out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .build import build_site
from .checks.markup import scan, split_target, target_of
from .model.errors import ContentError
from .project import Project, add_today_argument, load
from .review_boundary import CONTENT_FOLDER, _git

# What the site is built from besides docs/: a change there may alter any page.
SITE_INPUTS = ("campaign/", "scripts/", "overrides/", "fonts/", "mkdocs.yml", "requirements.txt", "pyproject.toml")
CHROMIUM = Path("/usr/bin/chromium")
PHONE = (360, 1600)  # CSS px: a cheap Android phone's width, and enough of the page to judge it
MAX_SCREENSHOTS = 40  # a big change lists every page but shows the first ones only
GATE_LINES = 60  # of the gate's output in the report (the CI log keeps all of it)


@dataclass(frozen=True)
class ChangedPage:
    language: str
    src_uri: str  # under docs/, the reference language's name
    path: str  # URL path from the site root, e.g. "en/gioi-thieu/"
    cause: str  # the changed file that makes it change


@dataclass
class Changes:
    files: list[str] = field(default_factory=list)  # every changed path, relative to the repository
    pages: list[ChangedPage] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # docs/ pages that no longer exist
    whole_site: list[str] = field(default_factory=list)  # changed site inputs outside docs/


def changed_files(root: Path, base: str) -> list[str]:
    """Paths changed since the merge base of `base` and HEAD, committed or not (untracked included)."""
    merge_base = _git(root, "merge-base", base, "HEAD")
    if merge_base is None:
        raise SystemExit(f"Không tìm thấy “{base}” trong git (cần lịch sử: git fetch, hoặc fetch-depth: 0).")
    diff = _git(root, "diff", "--name-only", "--no-renames", merge_base.strip()) or ""
    untracked = _git(root, "ls-files", "--others", "--exclude-standard") or ""
    return sorted({name for name in (diff + untracked).splitlines() if name})


def changed_pages(project: Project, files: list[str]) -> Changes:
    """The pages of the site plan that `files` (paths relative to the repository) add or alter."""
    plan, content = project.plan, project.content
    reference = plan.reference.code
    by_path = {page.path.resolve(): page for languages in content.pages.values() for page in languages.values()}
    changes = Changes(files=list(files))
    found: dict[tuple[str, str], ChangedPage] = {}

    def add(src_uri: str, language: str, cause: str) -> None:
        for code in plan.sites if language == reference else [language]:
            if plan.has_page(src_uri, code):
                found.setdefault((src_uri, code), ChangedPage(code, src_uri, plan.path(src_uri, code), cause))

    linked = _links_to_files(project)
    for name in files:
        if not name.startswith(CONTENT_FOLDER):
            if name.startswith(SITE_INPUTS):
                changes.whole_site.append(name)
            continue
        page = by_path.get((project.root / name).resolve())
        if page is not None:
            add(page.src_uri, page.language, name)
        elif name.endswith(".md"):
            changes.removed.append(name)
        else:
            for src_uri, language in linked.get(name.removeprefix(CONTENT_FOLDER), []):
                add(src_uri, language, name)
    languages = list(plan.sites)
    changes.pages = sorted(found.values(), key=lambda p: (languages.index(p.language), p.path))
    return changes


def _links_to_files(project: Project) -> dict[str, list[tuple[str, str]]]:
    """{file under docs/: [(src_uri, language) of each page whose text links to it]}."""
    found: dict[str, list[tuple[str, str]]] = {}
    for source in project.content.sources:
        page = source.page
        if page is None or source.text is None:
            continue
        for link in scan(source.text).links:
            path, _anchor = split_target(link.url)
            if path and ":" not in path and not path.startswith("/"):
                found.setdefault(target_of(page.src_uri, path), []).append((page.src_uri, page.language))
    return found


def run_gate(root: Path, today: dt.date | None = None) -> tuple[int, str]:
    """What `make check` says of the working tree: its exit status and its output."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "campaign_kit.check",
            "--project",
            str(root),
            *(["--today", str(today)] if today else []),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, (result.stdout + result.stderr).strip()


@contextmanager
def served(site: Path) -> Iterator[str]:
    """`site` on a local address, for the browser (pages read their scripts and fonts over http)."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def screenshot_name(path: str) -> str:
    return (path.strip("/").replace("/", "--") or "trang-chu") + ".png"


def take_screenshots(site: Path, paths: list[str], out: Path) -> dict[str, str]:
    """{URL path: screenshot file name} of `paths` at phone width, in headless Chromium."""
    out.mkdir(parents=True, exist_ok=True)
    taken: dict[str, str] = {}
    if not CHROMIUM.exists():
        return taken
    with served(site) as base:
        for path in paths[:MAX_SCREENSHOTS]:
            name = screenshot_name(path)
            subprocess.run(
                [
                    str(CHROMIUM),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--hide-scrollbars",
                    f"--window-size={PHONE[0]},{PHONE[1]}",
                    f"--screenshot={out / name}",
                    base + path,
                ],
                capture_output=True,
                check=False,
                timeout=60,
            )
            if (out / name).is_file():
                taken[path] = name
    return taken


def report(base: str, changes: Changes, gate: tuple[int, str], shots: dict[str, str], built: bool) -> str:
    status, output = gate
    lines = [
        "# Xem trước thay đổi",
        "",
        f"So với `{base}` (từ điểm rẽ nhánh, gồm cả thay đổi chưa commit): {len(changes.files)} tệp đổi.",
        "",
        "## Kiểm tra nội dung (make check)",
        "",
        "✅ Không có lỗi." if status == 0 else f"❌ Có lỗi (mã thoát {status}): sửa các dòng dưới đây rồi đẩy lại.",
    ]
    shown = output.splitlines()
    if status != 0 or any(line.strip() for line in shown[1:]):
        lines += ["", "```", *shown[:GATE_LINES], "```"]
        if len(shown) > GATE_LINES:
            lines.append(f"(còn {len(shown) - GATE_LINES} dòng: xem nhật ký CI)")
    lines += ["", f"## Trang thêm hoặc sửa ({len(changes.pages)})", ""]
    if changes.whole_site:
        lines += [
            "⚠️ Thay đổi ngoài docs/ (dữ liệu chiến dịch, mã, giao diện): **mọi trang có thể đổi**,"
            " không chỉ các trang dưới đây.",
            "",
            *[f"- `{name}`" for name in changes.whole_site],
            "",
        ]
    if not built:
        lines += ["Không dựng được trang (xem lỗi ở trên): chưa có ảnh chụp.", ""]
    if changes.pages:
        lines += ["| Ngôn ngữ | Trang | Vì tệp | Ảnh chụp (điện thoại 360 px) |", "|---|---|---|---|"]
        for page in changes.pages:
            shot = f"screenshots/{shots[page.path]}" if page.path in shots else "—"
            lines.append(f"| {page.language} | `/{page.path}` | `{page.cause}` | {shot} |")
        lines.append("")
    elif not changes.whole_site:
        lines += ["Không trang nào của trang web đổi.", ""]
    if built and len(changes.pages) > MAX_SCREENSHOTS:
        lines += [f"Chỉ chụp {MAX_SCREENSHOTS} trang đầu.", ""]
    if changes.removed:
        lines += ["## Trang bị xóa", "", *[f"- `{name}`" for name in changes.removed], ""]
    lines += [
        "Danh sách trang (chuyên mục, trang địa phương) có bài đổi cũng đổi theo. "
        "Ảnh chụp và toàn bộ trang web đã dựng nằm trong artifact của lần chạy này.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--base", required=True, help="the branch or commit the change is compared with")
    parser.add_argument("--out", type=Path, default=Path("dist/preview"))
    parser.add_argument("--site", type=Path, help="screenshot this already built site instead of building one")
    add_today_argument(parser)
    args = parser.parse_args(argv)
    root = args.project.resolve()
    out = args.out if args.out.is_absolute() else root / args.out
    files = changed_files(root, args.base)
    gate = run_gate(root, args.today)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    site = args.site or out / "site"
    built = True
    try:
        project = load(root, today=args.today) if args.site else build_site(root, site, today=args.today)
    except ContentError:  # the gate's output, in the report, says why; the pages are still listed
        built = False
        try:
            project = load(root, gate=False, today=args.today)
        except ContentError:
            project = None
    changes = changed_pages(project, files) if project else Changes(files=files)
    if project is None:
        changes.whole_site = [name for name in files if name.startswith(SITE_INPUTS)]
    shots = take_screenshots(site, [page.path for page in changes.pages], out / "screenshots") if built else {}
    text = report(args.base, changes, gate, shots, built=built)
    (out / "report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0 if gate[0] == 0 and built else 1


if __name__ == "__main__":
    sys.exit(main())
