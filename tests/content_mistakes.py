"""An editor's mistake written into a copy of a project, and what loading it reports (the tests of content errors
and of the map read the same way)."""

from __future__ import annotations

from pathlib import Path

import pytest

from campaign_kit.model.errors import ContentError
from campaign_kit.project import load


def problems_after_writing(project: Path, relative: str, text: str, *, production: bool = False) -> list[str]:
    path = project / "docs" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(project, production=production)
    return [str(problem) for problem in caught.value.problems]
