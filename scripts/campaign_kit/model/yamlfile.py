"""Read one YAML file of `campaign/`, reporting a missing file or a syntax error at its line."""

from __future__ import annotations

from pathlib import Path

from .errors import Problems
from .validation import M, validate
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


def load_validated(path: Path, model: type[M]) -> M:
    """One YAML file of `campaign/` validated by `model`; raise ContentError naming the file and line."""
    problems = Problems(path.parent.parent)
    document = read_yaml(path, problems)
    loaded = validate(model, document, path, problems, {}) if document is not None else None
    problems.raise_if_any()
    assert loaded is not None
    return loaded
