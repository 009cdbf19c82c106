"""`campaign/acts.yml`: the registry of acts the site may list, each with where the project's fact
sheet (FACTS.md) verifies it, and the SHA-256 of every act's PDF published under docs/van-ban/.

An act's page in docs/van-ban/ is published as a law in force: a forged one ("Nghị định
99/2099/NĐ-CP", a decision PDF nobody signed) would be believed. The registry is in campaign/,
which a technical reviewer owns; editors' pages and files in docs/van-ban/ are checked against it
(`checks/truth.py`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from .errors import Problems
from .schema import Date, Key, Strict, Text
from .validation import validate
from .yamlfile import read_yaml
from .yamlsource import YamlDocument

ACTS_FILE = "acts.yml"
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class RegisteredAct(Strict):
    number: Text
    date: Date
    source: Text  # the section of FACTS.md (or the source text) that verifies number and date


class ActRegistry(Strict):
    acts: dict[Key, RegisteredAct]
    files: dict[str, Sha256] = {}  # path under docs/ → SHA-256 of the registered PDF


def load_acts(campaign_dir: Path, problems: Problems) -> tuple[ActRegistry, YamlDocument] | None:
    """The registry and its document (for the line of each entry); None, reported, when it is wrong."""
    path = campaign_dir / ACTS_FILE
    document = read_yaml(path, problems)
    registry = validate(ActRegistry, document, path, problems, {}) if document is not None else None
    return (registry, document) if registry is not None and document is not None else None

