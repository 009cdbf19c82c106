"""Check the whole content tree the way the site build does, and change nothing.

    python -m campaign_kit.check [--project .]                   (make check)
    python -m campaign_kit.check [--project .] --translations    (make translations)

Prints every problem as `path:line: message` with a hint, in Vietnamese, and
exits 1 if there is any. Under GitHub Actions each problem is also written as
an annotation, so editors see it on the file in their pull request. Messages quote
what editors wrote, and the runner executes any output line that starts with "::":
under GitHub Actions the report is printed with workflow commands stopped, every
line break in a message is shown as "⏎", and each annotation is escaped as the
runner reads it (`annotation`). Warnings (`campaign_kit.registry`: a stale
translation, a "Hỏi ở đâu?" naming a unit that no longer exists) are printed beside
the errors and annotated as warnings. With --translations it also reports, per language,
the pages missing, stale and unreviewed.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .checks.due_dates import due_items
from .model.content import Content
from .model.errors import ContentError, Problem, one_line
from .model.translations import status_report
from .project import add_today_argument, load
from .review_boundary import changed_outside_docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--translations", action="store_true", help="report the state of every translation")
    add_today_argument(parser)
    args = parser.parse_args(argv)
    project = args.project.resolve()
    under_ci = os.environ.get("GITHUB_ACTIONS") == "true"
    _print_changes_for_the_technical_reviewer(project)
    try:
        loaded = load(project, today=args.today)
    except ContentError as error:
        _report(error.problems, under_ci)
        return 1
    content = loaded.content
    pages = sum(len(languages) for languages in content.pages.values())
    print(f"Không có lỗi: đã kiểm tra {pages} trang.")
    _report(loaded.warnings, under_ci)
    with _commands_stopped(under_ci):
        _warn_due_changes(content)
        if args.translations:
            print("\n".join(status_report(content)))
    return 0


def _report(problems: list[Problem], under_ci: bool) -> None:
    """Every problem, errors and warnings together by file and line; under GitHub Actions, each
    also as an annotation on its file and line (a warning as a warning)."""
    if not problems:
        return
    errors = sum(problem.severity == "error" for problem in problems)
    with _commands_stopped(under_ci):
        for problem in problems:
            print(problem)
        if errors:
            warned = len(problems) - errors
            also = f" và {warned} cảnh báo" if warned else ""
            print(f"\nCó {errors} lỗi cần sửa trước khi đăng{also} (mỗi lỗi ghi tệp:dòng).")
    if under_ci:
        for problem in problems:
            print(annotation(problem, problem.severity))


@contextmanager
def _commands_stopped(under_ci: bool) -> Iterator[None]:
    """Under GitHub Actions, no line printed inside runs as a workflow command: the runner
    ignores commands until it reads the token, which nobody can know beforehand."""
    if not under_ci:
        yield
        return
    token = secrets.token_hex(16)
    print(f"::stop-commands::{token}", flush=True)
    try:
        yield
    finally:
        print(f"::{token}::", flush=True)


def _print_changes_for_the_technical_reviewer(project: Path) -> None:
    changed = changed_outside_docs(project)
    if changed:
        print("Thay đổi ngoài docs/, cần người phụ trách kỹ thuật duyệt (xem CONTRIBUTING.md):")
        for name in changed:
            print(f"  - {name}")
        print()


def _warn_due_changes(content: Content) -> None:
    """What changes within the notice window: the site switches by itself on the day (the deploy
    runs daily), but printed leaflets and what editors write should know."""
    items = due_items(content)
    if not items:
        return
    days = content.campaign.notice_days
    print(f"Cảnh báo: {len(items)} điều sẽ thay đổi trong {days} ngày tới (tính từ {content.today:%d/%m/%Y}):")
    for item in items:
        print(f"  • {item.day:%d/%m/%Y}: {item.what}.")
        if item.pages:
            print(f"    Trang: {', '.join(item.pages)}")
        if item.products:
            print(f"    Tờ rơi in theo nhóm chính sách: {', '.join(item.products)} (và tờ rơi chung nếu có dùng)")


def annotation(problem: Problem, level: str = "error") -> str:
    """A GitHub Actions annotation (workflow command), escaped as the runner unescapes it:
    the message, its data, with %, CR and LF escaped; the file, a property, also with ":" and ","."""
    text = _escaped(f"{problem.message}\n{problem.hint}".strip())
    path = _escaped(problem.path).replace(":", "%3A").replace(",", "%2C")
    return f"::{level} file={path},line={problem.line}::{text}"


def _escaped(text: str) -> str:
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


if __name__ == "__main__":
    sys.exit(main())
