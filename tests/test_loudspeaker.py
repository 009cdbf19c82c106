"""Loudspeaker scripts: one per policy and the key messages, spoken (no digit, abbreviation, table or URL),
with their reading time; their pages on the site and their files in the print kit."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from conftest import KIT_UNIT, kit_project
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_kit.loudspeaker import FOLDER, KEY_MESSAGES, Writer
from campaign_kit.pages.admin_text import committee
from campaign_kit.pages.loudspeaker import not_generated
from campaign_kit.printing.loudspeaker import script_pdf, write_scripts
from campaign_kit.printing.meeting import write_kits

CONTENT = kit_project().content  # the fictional campaign (tests/fixtures/campaign-mau)
WRITER = Writer(CONTENT)
RULES = WRITER.rules
LISTED = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, RULES.abbreviations)) + r")(?!\w)")
URL = re.compile(r"https?:|www\.|\.vn\b|\.com\b|/")


def assert_spoken(text: str) -> None:
    assert not re.search(r"\d", text), text
    assert not LISTED.search(text), LISTED.search(text)
    assert "|" not in text and "---" not in text, text  # no table
    assert not URL.search(text), text
    assert "<" not in text and "*" not in text, text


def test_every_policy_has_a_script_and_the_key_messages_one() -> None:
    keys = [script.key for script in WRITER.scripts()]
    assert keys == [KEY_MESSAGES, *(policy.key for policy in CONTENT.items("policy"))]


@pytest.mark.parametrize("unit", [None, *(unit.key for unit in CONTENT.campaign.admin_map.units)])
def test_a_script_is_spoken_and_opens_and_closes_with_the_station(unit: str | None) -> None:
    variant = CONTENT.campaign.admin_map.unit(unit) if unit else None
    for script in WRITER.scripts(variant):
        assert_spoken(script.text)
        assert RULES.script.station in script.paragraphs[0]
        assert RULES.script.station in script.paragraphs[-1]
        # The key message is repeated at the end: the policy's summary, and the movement's slogan.
        assert script.paragraphs[-2].startswith(RULES.script.recap.split("{")[0])
        slogan = WRITER.say(CONTENT.campaign.slogans[0].text.replace(" - ", ". "))
        assert slogan in script.paragraphs[-1]
        if variant is not None:  # where to ask names today's unit
            assert committee(WRITER.ctx, variant) in script.text


def test_a_policy_script_says_its_figures_in_words() -> None:
    """A figure of the page is in its script, spoken ("1.500.000 đồng/người/tháng" → words)."""
    script = next(s for s in WRITER.scripts() if s.key == "vay-von-uu-dai")
    figure = CONTENT.campaign.figures["credit_ceiling_household"]
    value = figure.at(CONTENT.today).value  # the value in force on the build date
    assert WRITER.say(f"{value:,} đồng".replace(",", ".")) in script.text


def test_lists_become_sentences_and_each_step_is_numbered_in_words() -> None:
    for policy in CONTENT.items("policy"):
        script = next(s for s in WRITER.scripts() if s.key == policy.key)
        how = policy.meta.key_points.how
        step = RULES.script.step.split("{")[0]  # "Bước "
        assert script.text.count(step) == len(how), policy.key
        assert f"{step}{WRITER.say(str(len(how)))}:" in script.text
        assert "\n- " not in script.text and "\n1." not in script.text


def test_reading_time_is_syllables_over_pace() -> None:
    for script in WRITER.scripts():
        words = re.findall(r"[^\W\d_]+", script.text)
        assert script.syllables == len(words) > 100
        assert script.seconds == pytest.approx(script.syllables / RULES.pace.syllables_per_minute * 60)


PIECES = [*RULES.abbreviations, "1.500.000 đ/người/tháng", "70%", "01/01/2027", "351/2025/NĐ-CP", "2021-2025"]
PIECES += ["https://example.org/a", "[trang](../chinh-sach/x.md)", "| a | b |", "|---|---|", "**đậm**", "(BHYT)"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "Hộ nghèo", "được vay", ";", ".", ","]), max_size=12))
def test_any_key_point_becomes_spoken_sentences(parts: list[str]) -> None:
    for sentence in WRITER.sentences(" ".join(parts)):
        assert_spoken(sentence)
        assert sentence[-1] in ".?!"


def _script_divs(page: str) -> list[str]:
    return re.findall(r'<div class="campaign-script"[^>]*>(.*?)</div>', page, re.S)


def test_the_site_has_a_large_type_page_per_script(kit_site: Path) -> None:
    folder = kit_site / FOLDER
    index = (folder / "index.html").read_text(encoding="utf-8")
    for script in WRITER.scripts():
        page = (folder / script.key / "index.html").read_text(encoding="utf-8")
        (div,) = _script_divs(page)
        text = html.unescape(re.sub(r"<[^>]+>", " ", div))
        assert_spoken(text)
        assert " ".join(text.split()) == " ".join(script.text.split())
        # No navigation clutter: the theme's menu and table of contents are hidden (Material's `hide`).
        assert re.search(r'class="md-sidebar md-sidebar--primary"[^>]*hidden', page)
        assert re.search(r'class="md-sidebar md-sidebar--secondary"[^>]*hidden', page)
        assert f'href="{script.key}/"' in index
    assert "âm tiết" in index
    for note in not_generated(WRITER):  # a language with translated policies whose numbers cannot be spoken yet
        assert html.escape(note.split(":")[0], quote=False) in index
    css = (kit_site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert ".campaign-script" in css


def test_a_script_pdf_is_the_same_bytes_for_the_same_content() -> None:
    script = WRITER.scripts()[0]
    fonts = kit_project().root / "fonts"
    first = script_pdf(kit_project().plan, WRITER, script, fonts, draft="")
    assert first == script_pdf(kit_project().plan, WRITER, script, fonts, draft="")


def test_only_selects_scripts_and_kits_by_file_name(tmp_path: Path) -> None:
    """make print's --only picks scripts and meeting kits by name, as it picks products."""
    project = kit_project()
    script = WRITER.scripts()[1]
    files, _notes = write_scripts(
        project.plan, tmp_path, project.root / "fonts", production=True, units=set(), only=script.stem
    )
    assert [f.file for f in files] == [f"{FOLDER}/{script.stem}.txt", f"{FOLDER}/{script.stem}.pdf"]
    assert write_kits(project.plan, tmp_path, project.root / "fonts", production=True, only=script.stem) == []


def test_the_print_kit_has_each_script_as_text_and_large_type_a4(press_kit: Path) -> None:
    folder = press_kit / FOLDER
    overview = (press_kit / "index.html").read_text(encoding="utf-8")
    for script in WRITER.scripts():
        text = (folder / f"{script.stem}.txt").read_text(encoding="utf-8")
        assert script.text in text
        pdf = folder / f"{script.stem}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "(A4)" in info
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # every font embedded
        body = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert " ".join(script.paragraphs[1].split()[:6]) in " ".join(body.split())
        # The overview lists it with its reading time and file size.
        row = re.search(
            rf'<tr><td>{re.escape(html.escape(script.title))}</td><td>([^<]*)</td>\s*<td><a href="{FOLDER}/{script.stem}.pdf"[^<]*</a></td><td>(\d+) KB',
            overview,
        )
        assert row, script.stem
        assert f"{script.syllables} âm tiết" in row[1]
        assert int(row[2]) == max(round(pdf.stat().st_size / 1024), 1)
    unit = CONTENT.campaign.admin_map.unit(KIT_UNIT)
    bundle = (folder / f"bai-phat-thanh_{KIT_UNIT}.txt").read_text(encoding="utf-8")
    assert bundle.count(committee(WRITER.ctx, unit)) == len(WRITER.scripts())
