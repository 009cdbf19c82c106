"""What a print shop's prepress checks beyond the preflight: the colour profile a shop gives, and
files that are the same bytes on every run. Read back with qpdf --qdf and pdfinfo -box."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import loaded_project

from campaign_kit.printing.__main__ import build_print
from campaign_kit.printing.colours import press_cmyk
from campaign_kit.project import load

PLAN = loaded_project().plan
CAMPAIGN = PLAN.content.campaign
SETTINGS = CAMPAIGN.print_settings
GHOSTSCRIPT = Path("/usr/share/color/icc/ghostscript")
OTHER_PROFILE = GHOSTSCRIPT / "ps_cmyk.icc"  # a second CMYK profile of Debian's libgs-common
BANNER = next(p for p in PLAN.products if p.product_type == "banner")


def expanded(pdf: Path) -> bytes:
    """The PDF uncompressed, to read content streams, the output intent and the metadata."""
    out = pdf.with_suffix(".qdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(out)], check=True)
    return out.read_bytes()


def fill_colours(body: bytes) -> set[tuple[float, ...]]:
    """Every four-component (CMYK) fill colour set in the content streams."""
    return {
        tuple(float(v) for v in m.split())
        for m in re.findall(rb"^([\d.]+ [\d.]+ [\d.]+ [\d.]+) (?:scn|sc|k)$", body, re.M)
    }


@pytest.mark.skipif(not OTHER_PROFILE.exists(), reason="needs Debian libgs-common (Ghostscript's CMYK profiles)")
def test_a_profile_given_on_the_command_line_drives_conversion_and_output_intent(project_copy: Path) -> None:
    """--profile: palette colours without a designer's CMYK are converted through that profile (not the
    default one), and that profile is the output intent. The banner's ground is the primary colour,
    here left without its designer's CMYK."""
    settings = project_copy / "campaign" / "print.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"\n  primary: \[[^\]]*\][^\n]*", "", text, count=1), encoding="utf-8")
    project = load(project_copy)
    campaign = project.content.campaign
    assert "primary" not in campaign.print_settings.cmyk
    default = project.root / campaign.print_settings.output_profile
    colours = {}
    for profile in (default, OTHER_PROFILE):
        out = project_copy / "dist" / profile.stem
        entries, errors = build_print(project, out, jobs=1, only=BANNER.stem, units=set(), cmyk_profile=profile)
        assert not errors and len(entries) == 1
        body = expanded(out / entries[0].file)
        assert profile.read_bytes()[:128] in body, profile.name  # the output intent is this profile
        colours[profile] = fill_colours(body)
        assert press_cmyk(campaign, "primary", profile) in colours[profile], (profile.name, colours[profile])
    assert press_cmyk(campaign, "primary", default) != press_cmyk(campaign, "primary", OTHER_PROFILE)
    assert press_cmyk(campaign, "primary", default) not in colours[OTHER_PROFILE]
