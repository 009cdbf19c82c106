"""A meeting kit's slides print the finder's URL as leaflets do: whole, on one line under its QR code, without its
scheme; a URL too long for a line stops the render naming the block, never breaks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import kit_project

from campaign_kit.model.sections import FINDER_URI
from campaign_kit.printing.layout import PrintError
from campaign_kit.printing.meeting import SLIDE_URL_BLOCK, Kits
from campaign_kit.printing.render import printed_url
from campaign_kit.siteplan import SitePlan

PLAN = kit_project().plan
KITS = Kits(PLAN, kit_project().root / "fonts", production=True)


def test_the_finder_url_is_one_line_of_the_last_slide(tmp_path: Path) -> None:
    pdf = tmp_path / "slides.pdf"
    KITS.slides(KITS.groups()[0]).write_pdf(pdf)
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True)
    last = [page for page in text.stdout.split("\f") if page.strip()][-1]
    url = printed_url(PLAN.short_url(FINDER_URI, PLAN.content.campaign.default_language))
    assert url in last.splitlines(), last


def test_a_url_too_long_for_a_line_stops_the_render(monkeypatch: pytest.MonkeyPatch) -> None:
    long = "https://" + "rat-dai-" * 20 + "example.org/tim-xa-phuong/"
    monkeypatch.setattr(SitePlan, "short_url", lambda self, *args, **kwargs: long)
    with pytest.raises(PrintError, match=SLIDE_URL_BLOCK):
        KITS.slides(KITS.groups()[0])
