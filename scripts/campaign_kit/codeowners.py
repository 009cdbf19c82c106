"""`.github/CODEOWNERS`, written from the project: who must approve what (branch protection on the
main branch requires a code owner's review, CONTRIBUTING.md "Ai duyệt thay đổi nào").

- pages about people (success stories, commendations: about people unless they say otherwise),
  their photos included: a second person, of the editor-in-chief's team, whoever wrote them;
- everything that runs, styles or feeds the build, and campaign/ (the campaign's facts): the
  technical reviewers;
- every other page: any editor with write access (no code owner).

The teams belong to the organisation that owns the repository of `campaign/site.yml`, so the file
follows the day that address is set. `tests/test_cms.py` compares the file with this output.

    python -m campaign_kit.codeowners > .github/CODEOWNERS
"""

from __future__ import annotations

import sys
from pathlib import Path

from .cms.config import repository_name
from .model.campaign import load_campaign
from .model.sections import SECTIONS

TECHNICAL_TEAM = "ky-thuat"  # technical reviewers: code, theme, build, CI, campaign/ facts
EDITOR_IN_CHIEF_TEAM = "tong-bien-tap"  # the editor-in-chief and deputies: pages about people
# Outside docs/: what runs, styles or feeds the build.
TECHNICAL_PATHS = (
    "/scripts/",
    "/overrides/",
    "/.github/",
    "/.ci/",
    "/Makefile",
    "/mkdocs*.yml",
    "/campaign/",
    "/fonts/",
    "/profiles/",
    "/deploy/",
    "/tests/",
    "/requirements*.txt",
    "/system-packages.txt",
    "/pyproject.toml",
)


def people_folders() -> list[str]:
    """docs/ folders of the content types about people: their pages need consent unless they say
    otherwise (a commendation of an organisation). Any page may record consent (naming someone)."""
    return [section.folder for section in SECTIONS if section.schema.is_about_people({})]


def codeowners(organisation: str) -> str:
    technical, chief = f"@{organisation}/{TECHNICAL_TEAM}", f"@{organisation}/{EDITOR_IN_CHIEF_TEAM}"
    lines = [
        "# Written by `python -m campaign_kit.codeowners` from campaign/site.yml (repository) and the",
        "# content model: edit those, then write this file again. Branch protection on main must require",
        "# a pull request, one approval, review from Code Owners and approval of the most recent push;",
        "# the teams are set up as CONTRIBUTING.md (“Ai duyệt thay đổi nào”) says.",
        "",
        "# Pages about people (and their photos): a second person, of the editor-in-chief's team.",
        *(f"/docs/{folder}/ {chief}" for folder in people_folders()),
        "",
        "# Code, theme, build, CI and the campaign's facts: the technical reviewers.",
        *(f"{path} {technical}" for path in TECHNICAL_PATHS),
    ]
    width = max(len(line.split()[0]) for line in lines if line and not line.startswith("#"))
    return "\n".join(_aligned(line, width) for line in lines) + "\n"


def _aligned(line: str, width: int) -> str:
    if not line or line.startswith("#"):
        return line
    pattern, owner = line.split()
    return f"{pattern.ljust(width)}  {owner}"


def main() -> int:
    campaign = load_campaign(Path.cwd() / "campaign")
    sys.stdout.write(codeowners(repository_name(campaign).split("/")[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
