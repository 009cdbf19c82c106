"""Front matter with the line of every key, so each mistake is reported where it was written."""

from __future__ import annotations

import pytest

from campaign_kit.model.yamlsource import YamlSyntaxError, parse_yaml, split_front_matter

PAGE = """---
title: Chị Ba trồng rau
tags:
  - rau sạch
  - vay vốn
consent:
  given_by: Chị Ba
  date: 2024-05-01
---

Nội dung.
"""


def test_lines_of_keys_items_and_nested_keys() -> None:
    source = split_front_matter(PAGE)
    assert source.meta.data["title"] == "Chị Ba trồng rau"
    assert source.meta.line_of(("title",)) == 2
    assert source.meta.line_of(("tags", 1)) == 5
    assert source.meta.line_of(("consent", "date")) == 8
    # The body starts on the line after the closing fence; its own line 1 is that file line.
    assert source.body_line == 10
    assert source.body.split("\n")[1] == PAGE.split("\n")[source.body_line] == "Nội dung."


def test_a_syntax_error_names_its_line() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("title: a\nsummary: [b\nother: c\n")
    assert caught.value.line >= 2
