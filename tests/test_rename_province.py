"""Another province, another year: a change of campaign/ only.

A newcomer setting up the next campaign renames the province in campaign/ (every file, as they
would) and sets the year in site.yml; docs/ say the province through {{ site:… }}, so no built page
and no leaflet may keep the old name. Run on the fictional fixture campaign (tests/fixtures/campaign-mau),
as a newcomer would run it on theirs. The renamed province keeps its name today (no province_today): the
dated note must not say it is part of itself (the note of a province merged into another is tested in
tests/test_admin_map.py). One build, many assertions; to stay cheap it builds the reference language
only (the other languages' pages are the same docs/ through the same placeholders: docs/ never
write the name, and every language's site name is checked on the loaded campaign).
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import FIXTURE, PROJECT, SUITE_TODAY, copy_fixture

from campaign_kit.build import render_site
from campaign_kit.catalogue import GENERAL
from campaign_kit.model.campaign import load_campaign
from campaign_kit.model.errors import ContentError
from campaign_kit.printing.__main__ import build_print
from campaign_kit.project import load
from campaign_kit.slugs import slug

NEW_NAME = "Sông Xanh"  # fictional, as the fixture's own
TEXT_FILES = {".html", ".xml", ".json", ".js", ".txt", ".ics", ".webmanifest", ".css"}


def _rename(project: Path, old: str, year: int) -> None:
    """As a newcomer would: the name replaced in every file of campaign/, the year and the
    province of today set in site.yml (a province that kept its name: no province_today)."""
    for path in (project / "campaign").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, NEW_NAME), encoding="utf-8")
    site = project / "campaign" / "site.yml"
    text = re.sub(r"(?m)^year: \d+", f"year: {year}", site.read_text(encoding="utf-8"))
    site.write_text(re.sub(r"(?m)^province_today:.*\n", "", text), encoding="utf-8")


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def test_a_renamed_province_leaves_no_old_name(tmp_path: Path) -> None:
    real = load_campaign(FIXTURE / "campaign")
    old, year = real.site.province, real.site.year + 1
    assert old != NEW_NAME
    project = copy_fixture(tmp_path / "project")
    _rename(project, old, year)
    loaded = load(project, today=SUITE_TODAY)
    assert loaded.content.campaign.site.province == NEW_NAME and not loaded.content.campaign.site.renamed
    campaign = loaded.content.campaign
    for language in campaign.languages:
        names = campaign.site_name(language.code) + campaign.short_name(language.code)
        assert old not in names and "{" not in names, language.code
    assert NEW_NAME in campaign.site_name(campaign.default_language)
    site = tmp_path / "site"
    plan = loaded.plan
    reference = {campaign.default_language: plan.sites[campaign.default_language]}
    render_site(dataclasses.replace(loaded, plan=dataclasses.replace(plan, sites=reference)), site)

    kept, unfilled = [], []
    for path in site.rglob("*"):
        if path.suffix in TEXT_FILES:
            text = path.read_text(encoding="utf-8", errors="replace")
            if _folded(old) in _folded(text):
                kept.append(path.relative_to(site).as_posix())
            if "{{ site:" in text:
                unfilled.append(path.relative_to(site).as_posix())
    assert kept == [], f"{len(kept)} files still say {old}: {kept[:10]}"
    assert unfilled == [], unfilled[:10]

    vi = loaded.content.campaign.strings[loaded.content.campaign.default_language]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{vi.site_name or loaded.content.campaign.site.site_name}" in home
    assert NEW_NAME in home and str(year) in home
    # The dated note of a province that kept its name: not "X is part of X".
    kept_note = vi.map.dated_note_kept.split("{since}")[1].split("{province}")[0]
    assert kept_note in home
    merged_note = vi.map.dated_note.split("{province}")[1].split("{province_today}")[0]
    assert merged_note not in home

    # One leaflet, read back: its cover and text say the new name only.
    first_leaflet = real.print_settings.leaflets[0].key
    out = tmp_path / "print"
    _entries, errors = build_print(
        loaded,
        out,
        jobs=1,
        units=set(),
        kit_groups=set(),
        select=lambda product: (
            product.subject == GENERAL
            and product.unit is None
            and product.language == real.default_language
            and product.format.key == first_leaflet
        ),
    )
    assert errors == []
    pdfs = sorted(out.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert _folded(old) not in _folded(text), pdf.name
    leaflet = next(pdf for pdf in pdfs if f"_{GENERAL}_{first_leaflet}_" in pdf.name)
    assert NEW_NAME.casefold() in _folded(
        subprocess.run(["pdftotext", str(leaflet), "-"], capture_output=True, text=True, check=True).stdout
    )


@pytest.mark.parametrize("root", [PROJECT, FIXTURE], ids=["campaign", "fixture"])
def test_docs_never_write_the_province_name(root: Path) -> None:
    """Every page says the province through {{ site:province }} / {{ site:province_today }}."""
    site = load_campaign(root / "campaign").site
    names = {site.province, site.province_now}
    written = [
        f"{path.relative_to(root).as_posix()}:{number}"
        for path in sorted((root / "docs").rglob("*.md"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(name in line for name in names)
    ]
    assert written == []


def test_a_site_name_with_an_unknown_key_is_a_clear_error(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "project")
    site = project / "campaign" / "site.yml"
    text = site.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^site_name: .*$", "site_name: Giảm nghèo {{ site:tinh }}", text)
    text = re.sub(
        r"(?m)^short_name: .*$", "short_name: Giảm nghèo bền vững {{ site:province }} năm {{ site:year }}", text
    )
    site.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(ContentError) as raised:
        load_campaign(project / "campaign")
    problems = [(Path(p.path).name, p.line, p.message) for p in raised.value.problems]
    name_line = next(n for n, line in enumerate(lines, 1) if line.startswith("site_name:"))
    short_line = next(n for n, line in enumerate(lines, 1) if line.startswith("short_name:"))
    assert ("site.yml", name_line, "site_name: không hiểu chỗ giữ chỗ “{{ site:tinh }}”.") in problems
    assert any(p[:2] == ("site.yml", short_line) and "quá 24 ký tự" in p[2] for p in problems), problems


def place_names(root: Path) -> set[str]:
    """The province (then and now), the districts of 2024 and the units of both dates of a campaign."""
    campaign = load_campaign(root / "campaign")
    names = {campaign.site.province, campaign.site.province_now}
    names |= {district.name for district in campaign.districts}
    names |= {unit.name for unit in campaign.admin_map.units}
    return names | {former.name for unit in campaign.admin_map.units for former in unit.formed_from}


def test_code_names_no_place_of_the_campaign() -> None:
    """The kit serves any province: its code, templates, Makefile and tests name no province, district or
    commune of this campaign's map (examples in comments use the fixture's fictional places, which are
    allowed: a checkout whose campaign is the fixture's passes). The kit's tests stand on the fixture and
    tests/content/ checks the checkout's own content in general terms, so a second province's checkout
    keeps every test meaningful."""
    names = place_names(PROJECT) - place_names(FIXTURE)
    # As written (folded, a name may be a common word: a commune "Mình Hóa" would be "minh họa"), and as keys
    # ("ben-lua").
    forms = {name.lower() for name in names if name} | {slug(name) for name in names if name and " " in name}
    # (No names left when the campaign is the fixture's: the pattern then matches nothing.)
    written = re.compile(r"\b(" + "|".join(sorted(map(re.escape, forms))) + r")\b" if forms else r"(?!)")
    files = [PROJECT / "Makefile", *(PROJECT / "scripts").rglob("*.py"), *(PROJECT / "scripts").rglob("*.j2")]
    files += [*(PROJECT / "scripts").rglob("*.js"), *(PROJECT / "overrides").rglob("*.html")]
    files += [
        path
        for path in (PROJECT / "tests").rglob("*")
        if path.suffix in {".py", ".md", ".mjs"} and FIXTURE not in path.parents
    ]
    found = [
        f"{path.relative_to(PROJECT).as_posix()}:{number}: {match[0]}"
        for path in files
        if "vendor" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in written.finditer(line.lower())
    ]
    assert found == []
