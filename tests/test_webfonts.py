"""Tests for campaign_kit.webfonts: WOFF2 subsets of the vendored Noto fonts."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from campaign_kit.webfonts import (
    KHMER,
    WebFont,
    build_web_fonts,
    font_face_css,
    parse_unicode_ranges,
    unicode_ranges_of,
)

FONTS = Path(__file__).resolve().parent.parent / "fonts"
SAMPLE = "Chương trình giảm nghèo bền vững — Ưu đãi, Đồng, ỹ"
# Every Vietnamese letter, both cases, plus the dong sign and typographic quotes.
VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
EXTRA = "₫ € № “” ‘’ – … • · %"


def _regular() -> WebFont:
    return WebFont(source=FONTS / "NotoSans-Regular.ttf", family="Noto Sans")


def _missing(font_path: Path, text: str) -> list[str]:
    with TTFont(font_path) as font:
        cmap = font.getBestCmap()
        return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in cmap})


def test_subset_covers_vietnamese_and_is_small(tmp_path: Path) -> None:
    font = _regular()
    [out] = build_web_fonts([font], tmp_path)

    assert out == tmp_path / "NotoSans-Regular.woff2"
    with TTFont(out) as woff2:
        assert woff2.flavor == "woff2"
        # layout features are kept: mark positioning for stacked diacritics
        features = {rec.FeatureTag for rec in woff2["GPOS"].table.FeatureList.FeatureRecord}
        assert {"mark", "mkmk", "kern"} <= features
        assert woff2["name"].getDebugName(0), "copyright notice dropped"
    assert _missing(out, SAMPLE) == []
    text = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + EXTRA
    assert _missing(out, text) == []
    ttf_size = font.source.stat().st_size
    assert out.stat().st_size < ttf_size / 5, (out.stat().st_size, ttf_size)


def test_all_latin_faces_build(tmp_path: Path) -> None:
    fonts = [
        _regular(),
        WebFont(FONTS / "NotoSans-Bold.ttf", "Noto Sans", weight=700),
        WebFont(FONTS / "NotoSans-Italic.ttf", "Noto Sans", style="italic"),
        WebFont(FONTS / "NotoSansKhmer-Regular.ttf", "Noto Sans Khmer", unicode_ranges=KHMER),
    ]
    outs = build_web_fonts(fonts, tmp_path)
    assert [p.name for p in outs] == [
        "NotoSans-Regular.woff2",
        "NotoSans-Bold.woff2",
        "NotoSans-Italic.woff2",
        "NotoSansKhmer-Regular.woff2",
    ]
    for out in outs[:3]:
        assert _missing(out, SAMPLE) == [], out
    assert _missing(outs[3], "សួស្តី") == []


def test_second_build_is_skipped(tmp_path: Path) -> None:
    font = _regular()
    [out] = build_web_fonts([font], tmp_path)
    # Pretend the file was built a while ago, so a rewrite would be visible.
    old = out.stat().st_mtime_ns - 10_000_000_000
    os.utime(out, ns=(old, old))
    first = out.stat().st_mtime_ns

    [again] = build_web_fonts([font], tmp_path)

    assert again == out
    assert out.stat().st_mtime_ns == first


def test_changed_parameters_rebuild(tmp_path: Path) -> None:
    [out] = build_web_fonts([_regular()], tmp_path)
    old = out.stat().st_mtime_ns - 10_000_000_000
    os.utime(out, ns=(old, old))
    narrower = WebFont(_regular().source, "Noto Sans", unicode_ranges="U+0000-007F")

    build_web_fonts([narrower], tmp_path)

    assert out.stat().st_mtime_ns != old
    assert _missing(out, "ư") == ["ư"]


def test_font_face_css() -> None:
    fonts = [_regular(), WebFont(FONTS / "NotoSans-Bold.ttf", "Noto Sans", weight=700)]
    css = font_face_css(fonts, "../fonts/")

    assert css.count("@font-face") == 2
    assert 'font-family: "Noto Sans";' in css
    assert "font-display: optional;" in css
    assert 'src: url("../fonts/NotoSans-Regular.woff2") format("woff2");' in css
    assert 'url("../fonts/NotoSans-Bold.woff2")' in css
    assert "font-weight: 700;" in css
    assert "U+1EA0-1EF9" in css
    assert "U+20AB" in css
    assert "//" not in css
    assert 'url("NotoSans-Regular.woff2")' in font_face_css(fonts[:1], "")
    assert 'url("/NotoSans-Regular.woff2")' in font_face_css(fonts[:1], "/")


def test_unicode_ranges_parse() -> None:
    assert parse_unicode_ranges("U+0041-0043, u+20ab") == {0x41, 0x42, 0x43, 0x20AB}
    assert parse_unicode_ranges(["U+0110-0111", "U+0323"]) == {0x110, 0x111, 0x323}
    for bad in ("", "U+00ZZ", "0041", "U+0043-0041"):
        with pytest.raises(ValueError):
            parse_unicode_ranges(bad)


def test_a_face_cut_to_the_text_of_the_pages(tmp_path: Path) -> None:
    assert unicode_ranges_of({0x41, 0x42, 0x43, 0x20AB, 0x45}) == ["U+0041-0043", "U+0045", "U+20AB"]
    text = "Hộ nghèo được hưởng gì?"
    cut = _regular().cut_to({ord(character) for character in text + "ខ"})  # Khmer: not in the face's ranges
    assert parse_unicode_ranges(cut.unicode_ranges) == {ord(character) for character in text}
    [whole] = build_web_fonts([_regular()], tmp_path)
    [part] = build_web_fonts([cut], tmp_path / "cut")
    assert _missing(part, text) == [] and _missing(part, "ă") == ["ă"]
    assert part.stat().st_size < whole.stat().st_size / 2
    assert _regular().cut_to({ord("ខ")}) == _regular()  # nothing of its script shown: kept whole


def test_rejects_clashing_outputs(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=re.escape("NotoSans-Regular.woff2")):
        build_web_fonts([_regular(), _regular()], tmp_path)
