"""CI for content in minutes: a pull request that changes only docs/ runs the gate, the build and
the preview (preview.yml), not the whole suite (site.yml); the preview is posted by a separate,
privileged workflow that runs none of the pull request's code."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT

WORKFLOWS = PROJECT / ".github" / "workflows"


def _workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


@pytest.mark.parametrize(
    ("changed", "code"),
    [
        (["docs/guong-thoat-ngheo/chi-ba.md", "docs/guong-thoat-ngheo/anh/chi-ba.jpg"], "false"),
        (["docs/gioi-thieu.md", "campaign/site.yml"], "true"),
        (["overrides/main.html"], "true"),
        (["scripts/campaign_kit/photos.py"], "true"),
    ],
)
def test_only_a_docs_change_skips_the_whole_suite(tmp_path: Path, changed: list[str], code: str) -> None:
    site = _workflow("site.yml")
    check = site["jobs"]["check"]
    assert check["needs"] == "changes" and check["if"] == "needs.changes.outputs.code == 'true'"
    script = next(step["run"] for step in site["jobs"]["changes"]["steps"] if step.get("id") == "paths")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "base"], cwd=tmp_path, check=True)
    for name in changed:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "change"], cwd=tmp_path, check=True)
    for event, expected in (("pull_request", code), ("push", "true")):
        output = tmp_path / f"output-{event}"
        env = {**os.environ, "GITHUB_EVENT_NAME": event, "GITHUB_OUTPUT": str(output)}
        subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, check=True)
        assert output.read_text(encoding="utf-8") == f"code={expected}\n", event


def test_the_preview_runs_unprivileged_and_a_separate_workflow_posts_it() -> None:
    preview = _workflow("preview.yml")
    assert list(preview[True]) == ["pull_request"] and preview["permissions"] == {"contents": "read"}
    job = preview["jobs"]["preview"]
    assert "permissions" not in job and "secrets." not in (WORKFLOWS / "preview.yml").read_text(encoding="utf-8")
    runs = _runs(job)
    assert "make check" in runs and 'make preview BASE="origin/${{ github.base_ref }}"' in runs
    assert "chromium" in runs and "--no-install-recommends" in runs
    cached = [step["with"]["path"] for step in job["steps"] if step.get("uses", "").startswith("actions/cache@")]
    assert "/var/cache/apt/archives" in cached and any(".venv" in path and "pip" in path for path in cached)
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"] == {"name": "preview", "path": "dist/preview", "retention-days": 14}

    comment = _workflow("preview-comment.yml")
    assert comment[True] == {"workflow_run": {"workflows": ["preview"], "types": ["completed"]}}
    job = comment["jobs"]["comment"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    uses = [step.get("uses", "") for step in job["steps"]]
    assert not [name for name in uses if name.startswith("actions/checkout")], "never the pull request's code"
    runs = _runs(job)
    assert "--body-file" in runs and "headRefOid" in runs, "posted as text, on the previewed pull request only"
