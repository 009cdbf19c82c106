"""The gate's verdict on a corpus of contributions, for the tests of tests/checks/: the corpus folder, the problems
a load of the fixture campaign with another docs/ reports, grouped by file."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from conftest import kit_project

from campaign_kit.model.errors import ContentError, Problem
from campaign_kit.project import load

CORPUS = Path(__file__).parent / "corpus"
# The fictional fixture campaign (tests/fixtures/): the corpus names its places (Bến Lúa, xa-ben-lua).
KIT = kit_project().root
STORY = "guong-thoat-ngheo/"


def reported(docs: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load(KIT, docs_dir=docs)
    return caught.value.problems


def by_file(problems: list[Problem]) -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        found[problem.path].append(problem)
    return found
