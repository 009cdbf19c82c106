"""Read one YAML file of `campaign/`, reporting a missing file or a syntax error at its line."""

from __future__ import annotations

from pathlib import Path

from .errors import Problems
from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml


def read_yaml(path: Path, problems: Problems) -> YamlDocument | None:
    if not path.exists():
        problems.add(path, 1, "thiếu tệp dữ liệu này.")
        return None
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as error:
        problems.add(path, error.line, "sai cú pháp YAML.", f"Chi tiết kỹ thuật: {error}.")
        return None
