"""Another province, another year: a change of campaign/ only.

A newcomer setting up the next campaign renames the province in campaign/ (every file, as they
would) and sets the year in site.yml; docs/ say the province through {{ site:… }}, so no built page
and no leaflet may keep the old name. The renamed province keeps its name today (no
province_today), the real one merged into a province of another name: the dated note must be
right in both cases. One build, many assertions.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from conftest import PROJECT, SUITE_TODAY, copy_project

from campaign_kit.build import render_site
from campaign_kit.catalogue import GENERAL
from campaign_kit.model.campaign import load_campaign
from campaign_kit.printing.__main__ import build_print
from campaign_kit.project import load

NEW_NAME = "Sông Mây"  # fictional
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


def test_a_renamed_province_leaves_no_old_name(tmp_path: Path, built_site: Path) -> None:
    real = load_campaign(PROJECT / "campaign")
    old, year = real.site.province, real.site.year + 1
    assert real.site.renamed, "the real campaign is the merged case; the copy below is the kept one"
    project = copy_project(tmp_path / "project")
    _rename(project, old, year)
    loaded = load(project, today=SUITE_TODAY)
    assert loaded.content.campaign.site.province == NEW_NAME and not loaded.content.campaign.site.renamed
    site = tmp_path / "site"
    render_site(loaded, site)

    kept = []
    for path in site.rglob("*"):
        if path.suffix in TEXT_FILES and _folded(old) in _folded(path.read_text(encoding="utf-8", errors="replace")):
            kept.append(path.relative_to(site).as_posix())
    assert kept == [], f"{len(kept)} files still say {old}: {kept[:10]}"

    vi = loaded.content.campaign.strings[loaded.content.campaign.default_language]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{vi.site_name or loaded.content.campaign.site.site_name}" in home
    assert NEW_NAME in home and str(year) in home
    # The dated note of a province that kept its name: not "X is part of X".
    kept_note = vi.map.dated_note_kept.split("{since}")[1].split("{province}")[0]
    assert kept_note in home
    merged_note = vi.map.dated_note.split("{province}")[1].split("{province_today}")[0]
    assert merged_note not in home
    # The real site, merged into a province of another name, says so.
    real_home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"{old}{merged_note}{real.site.province_now}" in real_home

    # One leaflet, read back: its cover and text say the new name only.
    first_leaflet = real.print_settings.leaflets[0].key
    out = tmp_path / "print"
    _entries, errors = build_print(
        loaded,
        out,
        jobs=1,
        units=set(),
        kit_groups=set(),
        select=lambda product: product.subject == GENERAL
        and product.unit is None
        and product.language == real.default_language
        and product.format.key == first_leaflet,
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
