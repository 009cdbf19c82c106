"""CI output: editors' text is quoted in messages, and GitHub's runner executes any output line that
starts with "::". Whatever a message holds, no line of the report is a command of the editor's."""

from __future__ import annotations

import re
from pathlib import Path

from commands import run, small_project
from hypothesis import given
from hypothesis import strategies as st

from campaign_kit.check import annotation
from campaign_kit.model.errors import Problem

INJECTIONS = st.sampled_from([
    "::error file=docs/index.md,line=1::giả", "::add-mask::secret", "::set-output name=x::y", "::stop-commands::x",
    "%0A::error::x", "##[error]x", "\r::warning::x", "\u2028::notice::x", "\x85::debug::x", "%", ",", ":",
])  # fmt: skip
TEXT = st.lists(st.one_of(INJECTIONS, st.text(), st.sampled_from("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")), max_size=8)


def _unescaped(data: str) -> str:
    """What the runner reads back from a command's data."""
    return data.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def _lines(text: str) -> list[str]:
    """Lines as a log reader (or the runner) splits them."""
    return text.splitlines()


@given(path=TEXT.map("".join), message=TEXT.map("".join), hint=TEXT.map("".join))
def test_no_message_opens_a_line_of_its_own(path: str, message: str, hint: str) -> None:
    problem = Problem(f"docs/{path}.md", 3, message, hint)
    printed = _lines(str(problem))
    assert len(printed) == (2 if hint else 1)
    assert not any(line.lstrip().startswith("::") for line in printed)
    command = annotation(problem)
    assert len(_lines(command)) == 1
    match = re.fullmatch(r"::error file=([^,:]*),line=3::(.*)", command, re.DOTALL)
    assert match, command
    # The runner reads the file name back (CR and LF included); other line breaks are shown as "⏎".
    shown = re.sub("[\v\f\x1c-\x1e\x85\u2028\u2029]", "⏎", problem.path)
    assert _unescaped(match[1]) == shown


def test_a_refused_text_holding_commands_is_never_run(tmp_path: Path, monkeypatch) -> None:
    """The issue's attack: a refused duplicate key whose text holds workflow commands."""
    project = small_project(tmp_path / "project")
    story = project / "docs" / "guong-thoat-ngheo"
    text = (Path(__file__).parent / "corpus" / "guong-thoat-ngheo" / "so-cccd.md").read_text(encoding="utf-8")
    attack = "title: x\ntitle: |\n  a\n  ::error file=docs/index.md,line=1::giả mạo\n  ::add-mask::091234567890\n"
    (story / "lenh.md").write_text(text.replace("---\n", "---\n" + attack, 1), encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("check", project)
    assert result.returncode == 1
    lines = _lines(result.stdout)
    stop = next(line for line in lines if line.startswith("::stop-commands::"))
    token = stop.removeprefix("::stop-commands::")
    assert len(token) == 32
    resumed = lines.index(f"::{token}::")
    commands = [line for line in lines[resumed + 1 :] if line.lstrip().startswith("::")]
    before = lines[: lines.index(stop)] + lines[lines.index(stop) + 1 : resumed]
    assert not any(line.lstrip().startswith("::") for line in before)
    assert commands and all(line.startswith("::error file=docs/guong-thoat-ngheo/lenh.md,") for line in commands)
