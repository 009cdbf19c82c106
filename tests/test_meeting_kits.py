"""Community-meeting kits: per policy group a two-sided A4 talk sheet, a 16:9 slide deck with the finder's QR
code on its last slide and an A4 attendance sheet, preflighted like the leaflets (fonts embedded, sizes, QR)."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from conftest import kit_project
from pdf_reading import qr_urls

from campaign_kit.model.activities import Reached
from campaign_kit.model.sections import FINDER_URI
from campaign_kit.printing.meeting import FOLDER, SLIDE, Kits
from campaign_kit.reports.totals import MEASURES, REACHED_COUNTS

PLAN = kit_project().plan
KITS = Kits(PLAN, kit_project().root / "fonts", production=True)
FIRST = KITS.groups()[0]  # the press kit makes this group's kit (conftest)
MM = 72 / 25.4


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-l", "99", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(float(w) / MM, float(h) / MM) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]


def fonts_embedded(pdf: Path) -> bool:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return bool(lines[2:]) and all(line.split()[-5] == "yes" for line in lines[2:])


def test_every_group_with_policies_has_a_kit() -> None:
    """Each group's words are there: the talk sheet fits two A4 sides, every slide one slide, the
    attendance sheet one side (each raises PrintError otherwise)."""
    for group in KITS.groups():
        if KITS.policies(group):
            assert len(KITS.talk(group).pages) <= 2
            assert len(KITS.attendance(group).pages) == 1


def test_the_talk_sheet_has_figures_with_their_acts_and_five_faq_answers() -> None:
    group = next(g for g in KITS.groups() if KITS.figures(g))
    for line in KITS.figures(group):
        assert re.search(r"\d", line) and "Theo " in line, line
    faq = KITS.faq(group)
    assert len(faq) == 5
    assert all(question.endswith("?") and "{{" not in answer for question, answer in faq)


@pytest.fixture(scope="module")
def kit(press_kit: Path) -> Path:
    return press_kit / FOLDER


def test_the_kit_pdfs_preflight(kit: Path, press_kit: Path, tmp_path: Path) -> None:
    talk, slides, attendance = (kit / f"{KITS.stem(FIRST, kind)}.pdf" for kind in ("talk", "slides", "attendance"))
    for pdf in (talk, slides, attendance):
        assert fonts_embedded(pdf), pdf
    assert all(w == pytest.approx(210, abs=0.5) and h == pytest.approx(297, abs=0.5) for w, h in page_sizes(talk))
    assert len(page_sizes(talk)) in (1, 2) and len(page_sizes(attendance)) == 1
    sizes = page_sizes(slides)
    assert len(sizes) >= 4
    assert all(w == pytest.approx(SLIDE[0], abs=0.5) and h == pytest.approx(SLIDE[1], abs=0.5) for w, h in sizes)
    assert SLIDE[0] / SLIDE[1] == pytest.approx(16 / 9)
    # The finder's QR code, on the last slide only.
    finder = PLAN.short_url(FINDER_URI, PLAN.reference.code)
    assert qr_urls(slides, tmp_path) == [finder]
    last = subprocess.run(["pdftotext", "-f", str(len(sizes)), str(slides), "-"], capture_output=True, text=True)
    assert KITS.words.slides_last.split()[0] in last.stdout
    # The overview lists the kit's files with their pages and sizes.
    overview = (press_kit / "index.html").read_text(encoding="utf-8")
    for pdf in (talk, slides, attendance):
        row = re.search(rf'href="{FOLDER}/{pdf.name}"[^<]*</a></td>\s*<td>(\d+) trang, (\d+) KB', overview)
        assert row, pdf.name
        assert int(row[1]) == len(page_sizes(pdf))
        assert int(row[2]) == max(round(pdf.stat().st_size / 1024), 1)
    assert html.escape(FIRST.title) in overview


def test_the_attendance_sheet_counts_the_groups_the_policies_address(kit: Path) -> None:
    """Its counts are the people counts of an activity record (each one a field of Reached, the total
    first), then the groups the policies address, so a meeting's sheet is typed into a record as it is."""
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(kit / f"{KITS.stem(FIRST, 'attendance')}.pdf"), "-"], capture_output=True, text=True
        ).stdout.split()
    )
    audiences = {key for policy in KITS.policies(FIRST) for key in policy.meta.audiences}
    for key in audiences:
        assert KITS.ctx.strings.audiences[key] in text
    headings = dict(MEASURES)
    assert [name for name in REACHED_COUNTS if name != "reached"] == list(Reached.model_fields)[1:]
    positions = [text.index(headings[name]) for name in REACHED_COUNTS]
    assert positions == sorted(positions)
    assert KITS.words.questions_title.split("(")[0].strip() in text
