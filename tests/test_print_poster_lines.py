"""Posters in other languages: made for a slogan once the language's strings translate it and its poster line,
and they print that line in their language (campaign/strings/<code>.yml poster_lines), not the Vietnamese one."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import in_press_kit, kit_project
from pdf_reading import squeezed

from campaign_kit.printing.wording import product_copy

PLAN = kit_project().plan
CAMPAIGN = PLAN.content.campaign


def translated_posters() -> list:
    return [p for p in PLAN.products if p.product_type == "poster" and p.language != CAMPAIGN.default_language]


def test_a_poster_is_made_for_each_slogan_whose_line_is_translated() -> None:
    for language in CAMPAIGN.languages:
        strings = CAMPAIGN.strings[language.code]
        if language.code == CAMPAIGN.default_language:
            continue
        expected = {
            s.key
            for s in PLAN.content.current_slogans()
            if s.key in strings.slogans and (s.poster_line is None or s.key in strings.poster_lines)
        }
        made = {p.subject for p in translated_posters() if p.language == language.code}
        assert made == expected, language.code
    assert translated_posters()


def test_the_call_line_is_in_the_posters_language(press_kit: Path) -> None:
    checked = 0
    for product in translated_posters():
        line = product_copy(PLAN, product).poster_line
        assert line == CAMPAIGN.strings[product.language].poster_lines[product.subject]
        assert line != CAMPAIGN.slogan(product.subject).poster_line
        if in_press_kit(product) and product.language != "km":  # pdftotext gives Khmer back in visual order
            text = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(press_kit / product.filename), "-"], capture_output=True, text=True
            ).stdout
            assert squeezed(line) in squeezed(text), product.filename
            checked += 1
    assert checked
