"""Warn when a "Hỏi ở đâu?" section or a key_points.where line sends readers to a unit that no longer exists.

Where to ask is a present-tense instruction: it must name a unit of today
(campaign/admin_map.yml), never a town (thị trấn), a district of 2024 or a
commune merged away. Names are compared folded (no diacritics, any case), so
"UBND thi tran Ben Lua" is found as well as "UBND thị trấn Bến Lúa".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..fold import fold
from ..model.campaign import Campaign
from ..model.content import Content, Page
from ..model.errors import Problem, Problems
from ..model.schema import PolicyMeta

# District-level offices and the town, whatever unit they are followed by.
GENERIC = ("thị trấn", "UBND huyện", "Ủy ban nhân dân huyện", "huyện, thành phố", "cấp huyện")


def spaced(text: str) -> str:
    """The site's fold rule (campaign_kit.fold), a space at each end: a name is found only as whole words."""
    return f" {fold(text)} "


def abolished_names(campaign: Campaign) -> dict[str, str]:
    """{folded name: name} of every unit of 2024 that does not exist today, and the generic words."""
    labels = campaign.strings[campaign.default_language]
    today = {spaced(f"{labels.map.unit_kinds[unit.kind]} {unit.name}") for unit in campaign.admin_map.units}
    names = {spaced(name): name for name in GENERIC}
    for unit in campaign.admin_map.units:
        for former in unit.formed_from:
            name = f"{labels.map.former_kinds[former.kind]} {former.name}"
            if spaced(name) not in today:
                names[spaced(name)] = name
    for district in campaign.districts:
        name = f"{labels.district_kinds[district.kind]} {district.name}"
        names[spaced(name)] = name
    return names


def _where_texts(content: Content, page: Page) -> Iterator[tuple[int, str]]:
    """(line, text) of the page's "where to ask" parts: key_points.where, the section, a bold FAQ lead."""
    question = content.campaign.strings[page.language].policy_sections[3]
    if isinstance(page.meta, PolicyMeta):
        for index, line in enumerate(page.meta.key_points.where):
            yield page.line_of("key_points", "where", index), line
    inside = False
    for number, line in enumerate(page.body.splitlines()):
        if line.startswith("## "):
            inside = line[3:].strip() == question
        elif line.startswith(f"**{question}**"):
            yield page.body_line + number, line
            continue
        if inside:
            yield page.body_line + number, line


def abolished_mentions(content: Content) -> list[Problem]:
    """Warnings (not errors: a page about 2024 may name 2024 units elsewhere) for make check."""
    names = abolished_names(content.campaign)
    problems = Problems(content.docs_dir.parent)
    for languages in content.pages.values():
        for page in languages.values():
            for line, text in _where_texts(content, page):
                folded = spaced(re.sub(r"\{\{.*?\}\}", " ", text))
                found = [name for key, name in names.items() if key in folded]
                if found:
                    problems.add(
                        page.path,
                        line,
                        "phần “Hỏi ở đâu?” nêu đơn vị nay không còn: " + ", ".join(sorted(found)) + ".",
                        "Nay không còn cấp huyện và thị trấn: ghi “Ủy ban nhân dân xã, phường, đặc khu nơi bạn ở”"
                        " hoặc tên một đơn vị hiện nay (campaign/admin_map.yml).",
                    )
    return sorted(problems.items)
