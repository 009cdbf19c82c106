"""Problems found in content, reported as `path:line: message` for editors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, in words a journalist can act on (Vietnamese)."""

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text}\n    → {self.hint}" if self.hint else text


@dataclass
class Problems:
    """Collects every problem of a load, so an editor sees them all at once."""

    root: Path
    items: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int, message: str, hint: str = "") -> None:
        self.items.append(Problem(self.relative(path), max(line, 1), message, hint))

    def relative(self, path: Path) -> str:
        try:
            # The folder is resolved, not the file: a symbolic link is named, not what it points to.
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(sorted(set(self.items)))


class ContentError(Exception):
    """Raised when content cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"Nội dung có {count} lỗi, cần sửa trước khi đăng:\n{lines}")
