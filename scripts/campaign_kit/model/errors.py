"""Problems found in content, reported as `path:line: message` for editors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]

# Every character that ends a line somewhere (a terminal, a CI log, an editor): a message quotes
# what an editor wrote, and a line break in it could start a line of the editor's choosing.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with its line breaks shown as "⏎": quoted editor text never opens a line of its own."""
    return _LINE_BREAKS.sub("⏎", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, in words a journalist can act on (Vietnamese). An error stops
    publishing; a warning is published as it is but shown beside the errors."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        mark = "Cảnh báo: " if self.severity == "warning" else ""
        text = one_line(f"{mark}{self.path}:{self.line}: {self.message}")
        return f"{text}\n    → {one_line(self.hint)}" if self.hint else text


@dataclass
class Problems:
    """Collects every problem of a load, so an editor sees them all at once."""

    root: Path
    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int, message: str, hint: str = "", severity: Severity = "error") -> None:
        self.items.append(Problem(self.relative(path), max(line, 1), message, hint, severity))

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.items if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return sorted({problem for problem in self.items if problem.severity == "warning"})

    def relative(self, path: Path) -> str:
        try:
            # The folder is resolved, not the file: a symbolic link is named, not what it points to.
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def raise_if_any(self) -> None:
        """Raise when there is an error; the error carries the warnings too, to show beside it."""
        if self.errors:
            raise ContentError(sorted(set(self.items)))


class ContentError(Exception):
    """Raised when content cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems  # errors and warnings, by file and line
        count = sum(problem.severity == "error" for problem in problems)
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"Nội dung có {count} lỗi, cần sửa trước khi đăng:\n{lines}")

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]
