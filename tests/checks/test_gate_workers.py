"""The gate's per-file checks run in forked workers when a load has many files to check: the verdict is the one a
single process gives, problem for problem and in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE
from corpus import CORPUS, reported

from campaign_kit.checks import gate


def test_workers_report_what_one_process_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path / "docs"))
    shutil.copytree(CORPUS, docs, dirs_exist_ok=True)  # every mistake, attack and legitimate text of the corpus
    files = sum(1 for path in docs.rglob("*") if path.is_file())
    checked_here: list[object] = []
    check_now = gate._check_now

    def counted(check: object, root: Path) -> list:
        checked_here.append(check)
        return check_now(check, root)  # type: ignore[arg-type]

    monkeypatch.setattr(gate, "_check_now", counted)
    verdicts = []
    for parallel_from in (10**9, 1):  # one process, then workers for every file
        memo: gate.Memo = {}
        monkeypatch.setattr(gate, "_MEMO", memo)
        monkeypatch.setattr(gate, "PARALLEL_FROM", parallel_from)
        checked_here.clear()
        verdicts.append((reported(docs), len(checked_here), memo))
    (alone, checked_alone, memo_alone), (in_workers, checked_by_parent, memo_workers) = verdicts
    assert memo_workers == memo_alone  # each file's problems remembered as its own, for the next load
    assert checked_alone >= files / 2  # every page and file, checked in this process
    assert checked_by_parent == 0  # then none of them: the workers did
    assert in_workers == alone and len(alone) >= 100  # the corpus's mistakes, each reported
