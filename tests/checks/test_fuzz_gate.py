"""A bounded fuzz run of the gate and the renderer over generated Markdown and YAML: whatever
the page, loading it, checking it and rendering what passes ends with a verdict (problems or
none), never a traceback or a hang (Hypothesis' deadline stops a slow example)."""

from __future__ import annotations

from datetime import timedelta

from conftest import kit_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign_kit.markdown_config import render
from campaign_kit.model.content import load_content
from campaign_kit.model.errors import Problems
from campaign_kit.registry import run_gate

CAMPAIGN = kit_project().content.campaign
# The pieces attacks and mistakes are made of: every sign the parsers and checks react to.
PIECES = [
    "[", "]", "(", ")", "<", ">", "*", "**", "_", "`", "\\", "!", "#", "|", ":", "&#", "&#x", ";", "{", "}",
    "\n", "\n\n", "    ", "\t", "> ", ": ", "- ", "1. ", "!!! note\n", "{: .campaign-cards }", "{: #x }",
    "{{ block:faq }}", "{{ figure:x }}", "<a href='javascript:x'>", "<img src=//x>", "0912", " 345 ", "678",
    "Giải 1", "số nhà 12 ", "đường Lê Lợi", "@", "(a)", "chấm", "com", "https://", "x.example", "?q=",
    "Hộ nghèo", "ខ្មែរ", "\u200b", "\u0302", "\uffa0", "–", "·", "0\u0301",
]  # fmt: skip
FRONT = [
    "title: Tin\n", "title: \"a\\x28b\"\n", "title: [a, b]\n", "date: 2024-06-01\n", "date: 0001-01-01\n",
    "tags: [a, b]\n", "tags: x\n", "summary: >\n  dài\n", "sample: true\n", "consent: {given_by: x}\n",
    "district: ben-lua\n", "title: &a x\n", "? [a]\n: b\n", "title: *a\n", "x: !!python/object {}\n",
]  # fmt: skip
BODY = st.lists(st.sampled_from(PIECES), max_size=300).map("".join)
FRONT_MATTER = st.lists(st.sampled_from(FRONT), max_size=6).map("".join)


@settings(
    max_examples=150,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    front=FRONT_MATTER,
    body=BODY,
    repeat=st.sampled_from([1, 1, 30]),
    folder=st.sampled_from(["", "tin-tuc/", "guong-thoat-ngheo/"]),
)
def test_the_gate_ends_with_a_verdict(tmp_path_factory, front: str, body: str, repeat: int, folder: str) -> None:
    docs = tmp_path_factory.mktemp("fuzz") / "docs"
    path = docs / folder / "trang.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\n{front}---\n\n{body * repeat}\n", encoding="utf-8")
    problems = Problems(docs.parent)
    content = load_content(CAMPAIGN, docs, problems)
    run_gate(content, problems)
    for languages in content.pages.values():
        for page in languages.values():
            render(page.body)  # what the build renders for a page the model accepted
    # A verdict: each problem names a file and a line, in words (campaign/ is blamed too here,
    # for the pages this tiny docs/ lacks).
    assert all(problem.path and problem.line >= 1 and problem.message for problem in problems.items)
