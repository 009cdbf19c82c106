"""Pure functions of print typography: the parts a headline breaks into, balanced lines, Khmer word
boundaries that never fall inside a kept name, no orphan."""

from __future__ import annotations

import re

from campaign_kit.printing.typography import NBSP, Typesetter, balanced_lines, units
from campaign_kit.segmentation import ZWSP, mark_word_breaks


def test_units_keep_their_breaks_and_give_the_text_back() -> None:
    text = f"Hỗ trợ hộ{NBSP}nghèo ក{ZWSP}ខ"
    assert units(text) == ["Hỗ ", "trợ ", f"hộ{NBSP}nghèo ", f"ក{ZWSP}", "ខ"]
    assert "".join(units(text)) == text


def test_balanced_lines_are_even_and_as_few_as_a_greedy_fill() -> None:
    # A greedy fill of 12 gives "aaa bb cc dd" / "ee f": a short last line.
    assert balanced_lines(units("aaa bb cc dd ee f"), 12, len) == ["aaa bb cc", "dd ee f"]
    assert balanced_lines(units("aaa bb"), 12, len) == ["aaa bb"]


def test_balanced_lines_drop_the_khmer_word_boundary_at_a_line_end() -> None:
    lines = balanced_lines(units(f"ក{ZWSP}ខ{ZWSP}គ{ZWSP}ឃ"), 2, lambda line: len(line.replace(ZWSP, "")))
    assert lines == [f"ក{ZWSP}ខ", f"គ{ZWSP}ឃ"]


def test_khmer_word_boundaries_never_fall_inside_a_kept_name() -> None:
    name = "គណៈកម្មាធិការប្រជាជនខេត្ត"
    text = f"សូមទៅ{name}ដែលអ្នករស់នៅ"
    assert ZWSP in mark_word_breaks(name, ["khmer"])  # ICU finds words inside the name
    marked = mark_word_breaks(text, ["khmer"], re.compile(name))
    assert f"{ZWSP}{name}{ZWSP}" in marked
    assert marked.replace(ZWSP, "") == text


def test_the_last_two_words_stay_together_when_short() -> None:
    typeset = Typesetter(None)
    assert typeset.html("<p>Hỏi tại xã</p>") == f"<p>Hỏi tại{NBSP}xã</p>"
    assert typeset.html(f"<li>ក{ZWSP}ខ{ZWSP}គ</li>") == f"<li>ក{ZWSP}ខគ</li>"
    long = "a" * 30
    assert typeset.html(f"<p>x {long} y</p>") == f"<p>x {long} y</p>"
