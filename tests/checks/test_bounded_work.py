"""Bounded work: whatever an editor (or an attacker) writes, the gate ends with a verdict, fast.

Every regular expression of the gate, the sanitizer and the page limits runs on adversarial text
of 10,000 characters made from its own signs (one sign repeated, a digit then the sign repeated,
the sign alternating with a digit or a space)
in under 100 ms: a pattern with nested or overlapping repetition takes seconds or never ends on
one of them. The budget is the issue's (a linear pattern takes a few milliseconds here)."""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
import time

import pytest

import campaign_kit.checks

LENGTH = 10_000
BUDGET = 0.100  # seconds per pattern and input
MODULES = [
    *(f"campaign_kit.checks.{module.name}" for module in pkgutil.iter_modules(campaign_kit.checks.__path__)),
    "campaign_kit.html_policy",
    "campaign_kit.model.limits",
    "campaign_kit.model.placeholders",
    "campaign_kit.model.validation",
]


def patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        found += [(f"{name}.{key}", value) for key, value in vars(module).items() if isinstance(value, re.Pattern)]
    return found


def adversarial(pattern: re.Pattern[str]) -> dict[str, str]:
    """Texts of LENGTH characters built from the pattern's own signs (and some of its letters)
    and a few of every text's."""
    own = {char for char in pattern.pattern if char.isprintable()}
    letters = sorted(char for char in own if char.isalpha())[::4]  # a few: word lists repeat the same letters
    signs = sorted({char for char in own if not char.isalpha()} | set(letters) | set("1a .-*[<(@&\n"))
    texts = {}
    for sign in [*signs, "1 ", "a ", "[a", "<a ", "1*", "@a.", "{:", "&#", "-1", "đồng "]:
        run = sign * (LENGTH // len(sign) + 1)
        texts[f"{sign!r}×n"] = run[:LENGTH]
        texts[f"1+{sign!r}×n"] = ("1" + run)[:LENGTH]
        for other in "1 ":
            texts[f"({sign!r}{other!r})×n"] = ((sign + other) * LENGTH)[:LENGTH]
    return texts


class _Stopped(Exception):
    pass


def _stop(*_args: object) -> None:
    raise _Stopped


def timed(pattern: re.Pattern[str], text: str) -> float:
    """Seconds of this process's CPU to find every match, or 1.0 when stopped after a second of it
    (an exponential search never ends). CPU time, not the clock's: the work is the pattern's, and
    other processes on a busy machine do not count against it."""
    previous = signal.signal(signal.SIGVTALRM, _stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, 1.0)
    start = time.process_time()
    try:
        for _ in pattern.finditer(text):
            pass
        return time.process_time() - start
    except _Stopped:
        return 1.0
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def slowest(pattern: re.Pattern[str]) -> tuple[float, str]:
    worst = (0.0, "")
    for label, text in adversarial(pattern).items():
        took = timed(pattern, text)
        if took > BUDGET:  # once more: a busy machine may have paused this process
            took = min(took, timed(pattern, text))
        worst = max(worst, (took, label))
    return worst


def test_every_pattern_is_found():
    names = [name for name, _ in patterns()]
    assert len(names) >= 40
    assert "campaign_kit.checks.reader_text._MARKUP_BETWEEN_DIGITS" in names


@pytest.mark.parametrize(("name", "pattern"), patterns(), ids=lambda value: value if isinstance(value, str) else "")
def test_pattern_is_linear_on_adversarial_input(name: str, pattern: re.Pattern[str]):
    took, label = slowest(pattern)
    assert took < BUDGET, f"{name} took {took * 1000:.0f} ms on {label}"
