"""YAML with line numbers, so every schema problem points at its line.

Front matter and `campaign/*.yml` are read through here. Values come back as
plain Python data; `lines` maps each key path (a tuple of keys and list
indexes) to the 1-based line where it is written.

Only the plain part of YAML is accepted, checked on the parser's events before
anything is built: no anchors or aliases (a few lines of nested aliases expand to
gigabytes), no tags (!!binary, !!python/…: values the text does not show), no
duplicate keys (which one wins is invisible to a reviewer), nothing oversized or
nested deeper than content needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Location = tuple[str | int, ...]


MAX_CHARACTERS = 256 * 1024  # the campaign's largest file is a tenth of this
MAX_DEPTH = 12  # nesting of mappings and lists; campaign files use 5


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class _LenientLoader(_Loader):  # type: ignore[misc, valid-type]
    """Keeps an impossible date such as 2024-02-31 as text instead of crashing,
    so that schema validation reports it with its line like any other mistake."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LenientLoader.add_constructor("tag:yaml.org,2002:timestamp", _LenientLoader.construct_yaml_timestamp)


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, location: Location) -> int:
        """Line of the deepest written key on the way to `location`."""
        for end in range(len(location), 0, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return self.first_line


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; `first_line` is the file line where `text` starts."""
    if len(text) > MAX_CHARACTERS:
        raise YamlSyntaxError(first_line, f"dài quá {MAX_CHARACTERS} ký tự")
    _refuse_unsafe(text, first_line)
    loader = _LenientLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        # The context mark is where the broken construct starts (an unclosed
        # bracket, say): the line an editor has to look at.
        mark = error.context_mark or error.problem_mark
        line = first_line + (mark.line if mark else 0)
        raise YamlSyntaxError(line, str(error.problem or error)) from error
    finally:
        loader.dispose()
    if node is not None:
        _refuse_duplicate_keys(node, first_line)
    document = YamlDocument(data, first_line=first_line)
    if node is not None:
        _record_lines(node, (), first_line, document.lines)
    return document


def _refuse_unsafe(text: str, first_line: int) -> None:
    """Refuse anchors, aliases, tags and deep nesting, reading events only (nothing expands)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = first_line + event.start_mark.line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlSyntaxError(line, "không dùng neo (&) hay bí danh (*) của YAML; viết thẳng từng giá trị ra")
            tag = getattr(event, "tag", None)
            if tag not in (None, "!"):
                raise YamlSyntaxError(line, f"không dùng thẻ kiểu {tag} của YAML; viết giá trị bằng chữ thường")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlSyntaxError(line, f"lồng nhau quá {MAX_DEPTH} tầng")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        mark = error.context_mark or error.problem_mark
        raise YamlSyntaxError(first_line + (mark.line if mark else 0), str(error.problem or error)) from error


def _refuse_duplicate_keys(node: yaml.Node, first_line: int) -> None:
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in seen:
                raise YamlSyntaxError(first_line + key_node.start_mark.line, f"mục “{key}” được viết hai lần")
            seen.add(key)
            _refuse_duplicate_keys(value_node, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(item, first_line)


def _record_lines(node: yaml.Node, here: Location, offset: int, lines: dict[Location, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            location = (*here, key_node.value)
            lines[location] = offset + key_node.start_mark.line
            _record_lines(value_node, location, offset, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            location = (*here, index)
            lines[location] = offset + item.start_mark.line
            _record_lines(item, location, offset, lines)


@dataclass
class MarkdownSource:
    """A Markdown file split into its front matter and its body."""

    meta: YamlDocument
    body: str
    body_line: int  # file line where the body starts


def split_front_matter(text: str) -> MarkdownSource:
    """Split `---` front matter from the body. A file without it gets empty meta."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return MarkdownSource(YamlDocument({}), text, 1)
    end = _closing_fence(text)
    if end < 0:
        raise YamlSyntaxError(1, "front matter opened with '---' but never closed")
    header = text[4:end]
    body_start = text.index("\n", end + 1) + 1 if "\n" in text[end + 1 :] else len(text)
    body_line = header.count("\n") + 3
    return MarkdownSource(parse_yaml(header, first_line=2), text[body_start:], body_line)


def _closing_fence(text: str) -> int:
    position = 3
    while True:
        position = text.find("\n", position)
        if position < 0:
            return -1
        line_end = text.find("\n", position + 1)
        line = text[position + 1 : line_end if line_end >= 0 else len(text)]
        if line.rstrip() in ("---", "..."):
            return position + 1
        position += 1
