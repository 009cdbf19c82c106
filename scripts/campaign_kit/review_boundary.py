"""What a pull request changes outside docs/: code, theme, build and campaign facts,
which only a technical reviewer may approve (.github/CODEOWNERS). `make check`
lists them, so the reviewer of an editor's pull request sees them at once.

Compared with the merge base of the branch the pull request targets (GitHub's
GITHUB_BASE_REF, else origin/main or main); without git or without that history
there is nothing to compare with, and nothing is printed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CONTENT_FOLDER = "docs/"
# What builds reuse (font subsets, share cards), under the project, named by what made them:
# a file committed there would be published in place of the one the build makes.
BUILD_CACHE = ".cache"


def changed_outside_docs(project: Path) -> list[str]:
    """Paths (relative to the repository) changed since the merge base, outside docs/."""
    base = _merge_base(project)
    if base is None:
        return []
    changed = _git(project, "diff", "--name-only", "--no-renames", base)
    untracked = _git(project, "ls-files", "--others", "--exclude-standard")
    names = sorted(set((changed or "").splitlines()) | set((untracked or "").splitlines()))
    return [name for name in names if name and not name.startswith(CONTENT_FOLDER)]


def changes_in_docs(project: Path) -> tuple[list[str], list[str]] | None:
    """(added, modified) paths under docs/ since the merge base, untracked files as added;
    None without git or without that history."""
    base = _merge_base(project)
    if base is None:
        return None
    status = _git(project, "diff", "--name-status", "--no-renames", base, "--", CONTENT_FOLDER) or ""
    untracked = _git(project, "ls-files", "--others", "--exclude-standard", "--", CONTENT_FOLDER) or ""
    added = [line.split("\t", 1)[1] for line in status.splitlines() if line.startswith("A\t")]
    modified = [line.split("\t", 1)[1] for line in status.splitlines() if line.startswith("M\t")]
    return sorted({*added, *untracked.splitlines()}), sorted(modified)


def text_at_base(project: Path, name: str) -> str | None:
    """The file `name` (relative to the repository) as it was at the merge base."""
    base = _merge_base(project)
    return None if base is None else _git(project, "show", f"{base}:{name}")


def committed_cache_files(project: Path) -> list[str]:
    """Files under the build cache that git tracks: a pull request may not bring any."""
    listed = _git(project, "ls-files", "-z", "--", BUILD_CACHE)
    return [name for name in (listed or "").split("\0") if name]


def _merge_base(project: Path) -> str | None:
    target = os.environ.get("GITHUB_BASE_REF")
    candidates = [f"origin/{target}"] if target else []
    for ref in [*candidates, "origin/main", "main"]:
        base = _git(project, "merge-base", "HEAD", ref)
        if base:
            return base.strip()
    return None


def _git(project: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(project), "-c", f"safe.directory={project}", *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None
