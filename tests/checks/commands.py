"""A throwaway project for the command-line tools: campaign/ and docs/ are all they read (the fictional
fixture campaign's, tests/fixtures/)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE


def small_project(target: Path) -> Path:
    for name in ("campaign", "docs"):
        shutil.copytree(FIXTURE / name, target / name)
    return target


def run(module: str, project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m campaign_kit.<module>` in `project`, as the Makefile runs it (stdin is no terminal);
    `env`: variables set for this run only."""
    return subprocess.run(
        [sys.executable, "-m", f"campaign_kit.{module}", *args],
        cwd=project,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )


def fingerprint(root: Path) -> dict[str, str]:
    """SHA-256 of every file under `root`, by path."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
