"""The print kit's truyen-thanh/: each loudspeaker script as a plain-text file and an A4 PDF in large type,
and one plain-text file per unit of today with every script naming that unit in "where to ask"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from weasyprint import HTML

from ..catalogue import content_date
from ..loudspeaker import FILE_PREFIX, FOLDER, Script, Writer
from ..pages.admin_text import unit_title
from ..pages.loudspeaker import length_text, not_generated, pace_note
from ..siteplan import SitePlan
from .render import DRAFT_MARK, font_faces, names_from, templates

BODY_PT = 18  # read at arm's length under a microphone's lamp
TITLE_PT = 24


@dataclass(frozen=True)
class ScriptFile:
    """One file of truyen-thanh/ as the overview lists it."""

    file: str  # path under the kit's folder
    title: str
    unit: str  # the unit of today's name, or "" for the general script
    length: str  # syllables and reading time, in words ("" for a unit's bundle)
    bytes: int


def script_text(writer: Writer, script: Script) -> str:
    return f"{script.title}\n({length_text(writer, script)})\n\n{script.text}\n"


def script_pdf(plan: SitePlan, writer: Writer, script: Script, fonts_dir: Path, *, draft: str) -> bytes:
    campaign = plan.content.campaign
    language = writer.ctx.language.code
    fonts = font_faces(campaign, language, fonts_dir)
    html = (
        templates()
        .get_template("script.html.j2")
        .render(
            language=language,
            script=script,
            length=length_text(writer, script),
            content_date=content_date(plan.content).isoformat(),
            fonts=fonts,
            families=", ".join(dict.fromkeys(f'"{font["family"]}"' for font in fonts)),
            draft=draft,
            body_pt=BODY_PT,
            title_pt=TITLE_PT,
        )
    )
    with names_from(script.stem):
        return HTML(string=html, base_url=str(fonts_dir)).write_pdf()


def write_scripts(
    plan: SitePlan, out_dir: Path, fonts_dir: Path, *, production: bool, units: set[str] | None, only: str = ""
) -> tuple[list[ScriptFile], list[str]]:
    """Write truyen-thanh/ under `out_dir`; `units`: the units whose variants to write (None: all); `only`:
    the files whose name holds this text. Returns the files and the notes the overview shows (the pace,
    languages without scripts)."""
    folder = out_dir / FOLDER
    writer = Writer(plan.content)
    files: list[ScriptFile] = []

    def write(name: str, data: bytes, title: str, unit: str = "", length: str = "") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        files.append(ScriptFile(f"{FOLDER}/{name}", title, unit, length, len(data)))

    draft = "" if production else DRAFT_MARK
    for script in writer.scripts():
        if only not in script.stem:
            continue
        length = length_text(writer, script)
        write(f"{script.stem}.txt", script_text(writer, script).encode(), script.title, length=length)
        pdf = script_pdf(plan, writer, script, fonts_dir, draft=draft)
        write(f"{script.stem}.pdf", pdf, script.title, length=length)
    for unit in plan.content.campaign.admin_map.units:
        if (units is not None and unit.key not in units) or only not in f"{FILE_PREFIX}_{unit.key}":
            continue
        text = "\n\n".join(script_text(writer, script) for script in writer.scripts(unit))
        write(
            f"{FILE_PREFIX}_{unit.key}.txt", text.encode(), writer.words.folder_title, unit=unit_title(writer.ctx, unit)
        )
    return files, [pace_note(writer), *not_generated(writer)]
