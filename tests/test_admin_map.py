"""Today's map (campaign/admin_map.yml), the contacts registry and what the site says about where to ask.

On the fictional fixture campaign (tests/fixtures/campaign-mau): its map has the cases these tests need
(listed at the top of its admin_map.yml)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import copy_fixture, kit_project
from content_mistakes import problems_after_writing

from campaign_kit.checks.present_map import abolished_mentions
from campaign_kit.formatting import format_date
from campaign_kit.model.campaign import load_campaign
from campaign_kit.model.errors import ContentError
from campaign_kit.model.sections import page_url
from campaign_kit.pages import build_pages
from campaign_kit.project import load

CAMPAIGN = kit_project().content.campaign
MAP = CAMPAIGN.admin_map


def built_text(site: Path, src_uri: str, language: str = CAMPAIGN.default_language) -> str:
    root = site if language == CAMPAIGN.default_language else site / language
    page = (root / page_url(src_uri) / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))).replace("\u200b", "")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "project")


def test_every_unit_of_2024_maps_to_exactly_one_unit_of_today() -> None:
    formers = [(former.district, former.key) for unit in MAP.units for former in unit.formed_from]
    assert len(formers) == len(set(formers)) == MAP.units_2024 == 13
    assert {district for district, _ in formers} == {district.key for district in CAMPAIGN.districts}
    for district, commune in formers:
        assert MAP.unit_of(district, commune) in MAP.units


def test_a_unit_crossing_2024_district_lines_and_names_of_two_places() -> None:
    assert MAP.unit_of("ben-lua", "xa-dong-co").key == "phuong-con-sen"
    assert MAP.unit("phuong-con-sen").districts == ["con-sen", "ben-lua"]
    assert [unit.key for unit in MAP.units_of("ben-lua")] == [
        "phuong-con-sen",
        "xa-ben-lua",
        "xa-rach-tre",
        "dac-khu-hon-may",
    ]
    assert MAP.whole_district_unit("con-sen").key == "phuong-con-sen"  # takes all of Cồn Sen
    assert MAP.whole_district_unit("ben-lua") is None  # split: an item naming no commune has no unit
    # Bến Lúa had a town and a commune of the same name: two 2024 units, two units today.
    assert MAP.unit_of("ben-lua", "thi-tran-ben-lua").key == "xa-ben-lua"
    assert MAP.unit_of("ben-lua", "xa-ben-lua").key == "xa-rach-tre"
    # One name in two districts of 2024.
    assert MAP.unit_of("con-sen", "xa-tan-phu").key == "phuong-con-sen"
    assert MAP.unit_of("ben-lua", "xa-tan-phu").key == "xa-rach-tre"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def map_problems(project: Path, old: str, new: str) -> tuple[list[str], str]:
    """The problems of the map with `old` written `new`, and the map's text before."""
    path = project / "campaign" / "admin_map.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_campaign(project / "campaign")
    return [str(problem) for problem in caught.value.problems], text


DONG_CO = "      - {kind: xa, name: Đồng Cỏ, district: ben-lua}\n"


def test_a_2024_unit_in_two_units_of_today_is_refused_at_its_line(project: Path) -> None:
    line = "      - {kind: xa, name: Lúa Vàng, district: ben-lua}\n"
    problems, text = map_problems(project, line, line + DONG_CO)
    first = line_of(text, DONG_CO)
    assert (
        f"campaign/admin_map.yml:{line_of(text, line) + 1}: Đồng Cỏ (ben-lua) đã thuộc một đơn vị khác ở dòng {first}"
        in ("\n".join(problems))
    )


def test_an_unknown_district_is_refused_at_its_line(project: Path) -> None:
    problems, text = map_problems(project, "name: Đồng Cỏ, district: ben-lua}", "name: Đồng Cỏ, district: ben-luaa}")
    expected = (
        f"campaign/admin_map.yml:{line_of(text, DONG_CO)}: huyện, thành phố “ben-luaa” không có trong districts.yml."
    )
    assert any(expected in p for p in problems)


def test_a_2024_unit_left_out_is_refused(project: Path) -> None:
    problems, text = map_problems(project, DONG_CO, "")
    expected = (
        f"campaign/admin_map.yml:{line_of(text, 'units_2024:')}: bản đồ ghi 12 xã, phường, thị trấn năm 2024"
        " nhưng units_2024 là 13."
    )
    assert any(expected in p for p in problems)


STORY = """\
---
title: Chị Năm nuôi vịt
date: 2024-06-01
district: {district}
commune: {commune}
summary: Câu chuyện ví dụ.
tags: [chăn nuôi]
sample: true
---
Chị Năm vay vốn nuôi vịt.
"""


def test_a_story_may_name_a_commune_of_its_own_district_only(project: Path) -> None:
    story = STORY.format(district="ben-lua", commune="xa-lua-vangg")
    problems = problems_after_writing(project, "guong-thoat-ngheo/chi-nam-nuoi-vit.md", story)
    assert any(
        "chi-nam-nuoi-vit.md:5: xã, phường, thị trấn năm 2024 (commune): không có xã, phường, thị trấn năm 2024"
        " thuộc “ben-lua” “xa-lua-vangg”. Có phải ý bạn là “xa-lua-vang”?" in p
        for p in problems
    )
    story = STORY.format(district="con-sen", commune="xa-lua-vang")
    problems = problems_after_writing(project, "guong-thoat-ngheo/chi-nam-nuoi-vit.md", story)
    assert any("chi-nam-nuoi-vit.md:5:" in p and "“xa-lua-vang”" in p for p in problems)


SOURCED = """contacts:
  - key: ubnd-phuong-con-sen
    agency: Ủy ban nhân dân phường Cồn Sen
    unit: phuong-con-sen
    phone: 0297 3 000 000
    hours: Thứ Hai đến Thứ Sáu
    source: Trang thông tin thử nghiệm (kiểm thử)
    verified: 2026-01-15
  - key: khong-nguon
    agency: Một cơ quan chưa có nguồn
    unit: phuong-con-sen
"""


def test_a_phone_number_without_its_source_is_refused(project: Path) -> None:
    path = project / "campaign" / "contacts.yml"
    path.write_text(SOURCED.replace("    source: Trang thông tin thử nghiệm (kiểm thử)\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_campaign(project / "campaign")
    assert any(
        str(p).startswith("campaign/contacts.yml:2:") and "chỉ được ghi khi có nguồn" in str(p)
        for p in caught.value.problems
    )
    path.write_text(SOURCED.replace("unit: phuong-con-sen", "unit: phuong-con-senn", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_campaign(project / "campaign")
    assert any(
        "campaign/contacts.yml:4: không có xã, phường, đặc khu “phuong-con-senn”" in str(p)
        for p in caught.value.problems
    )


def test_sourced_contacts_reach_the_unit_page_and_the_placeholder(project: Path) -> None:
    (project / "campaign" / "contacts.yml").write_text(SOURCED, encoding="utf-8")
    page = project / "docs" / "gioi-thieu.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nHỏi {{ contact:ubnd-phuong-con-sen }} hoặc {{ contact:khong-nguon }}.\n",
        encoding="utf-8",
    )
    pages, _generated = build_pages(load(project).content, "vi")
    unit = pages["hoi-o-dau/phuong-con-sen.md"].body
    assert '<a href="tel:02973000000">0297 3 000 000</a>' in unit
    assert "kiểm tra ngày 15/01/2026" in unit
    assert "Một cơ quan chưa có nguồn" not in unit  # only sourced entries are published
    assert "chưa có số điện thoại" not in unit
    about = pages["gioi-thieu.md"].body
    assert '<a href="tel:02973000000">' in about and "hoặc Một cơ quan chưa có nguồn." in about
    other = pages["hoi-o-dau/xa-rach-tre.md"].body
    assert "tel:" not in other and "Bạn hãy đến hỏi trực tiếp Ủy ban nhân dân xã Rạch Tre" in other


def test_an_unknown_contact_placeholder_is_refused(project: Path) -> None:
    page = project / "docs" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ contact:ubnd-xa-khong-co }}\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(project)
    assert any("không hiểu chỗ giữ chỗ “{{ contact:ubnd-xa-khong-co }}”" in str(p) for p in caught.value.problems)


def test_check_warns_on_where_to_ask_naming_an_abolished_unit(project: Path) -> None:
    assert abolished_mentions(load(project).content) == []
    page = project / "docs" / "chinh-sach" / "bao-hiem-y-te.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace('    - "UBND xã, phường, đặc khu nơi cư trú."', '    - "UBND thi tran Ben Lua."', 1)
    text = text.replace("## Hỏi ở đâu?\n", "## Hỏi ở đâu?\n\nPhòng Lao động huyện Bến Lúa, hoặc UBND xã Lúa Vàng.\n", 1)
    # A commune of 2024 named as a unit of today is no warning: xã Bến Lúa exists today (the former town).
    text = text.replace("## Hỏi ở đâu?\n", "## Hỏi ở đâu?\n\nỦy ban nhân dân xã Bến Lúa.\n", 1)
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index('    - "UBND thi tran Ben Lua."') + 1
    warnings = [str(problem) for problem in abolished_mentions(load(project).content)]
    assert any(w.startswith(f"docs/chinh-sach/bao-hiem-y-te.md:{line}: ") and "thị trấn Bến Lúa" in w for w in warnings)
    assert any("Huyện Bến Lúa" in w and "xã Lúa Vàng" in w for w in warnings)
    assert len(warnings) == 2


def test_unit_pages_name_their_committee_and_the_2024_units(kit_site: Path) -> None:
    for unit in MAP.units:
        text = built_text(kit_site, f"hoi-o-dau/{unit.key}.md")
        kind = {"xa": "xã", "phuong": "phường", "dac-khu": "đặc khu"}[unit.kind]
        assert f"Ủy ban nhân dân {kind} {unit.name}" in text
        for former in unit.formed_from:
            assert former.name in text
        assert MAP.source.text in text
    assert "xã Đồng Cỏ ( Huyện Bến Lúa )" in built_text(kit_site, "hoi-o-dau/phuong-con-sen.md")


def test_items_are_listed_on_the_page_of_todays_unit(kit_site: Path) -> None:
    content = kit_project().content
    listed = 0
    for kind in ("story", "commendation"):
        for item in content.items(kind):
            unit = MAP.unit_of_place(item.meta.district, getattr(item.meta, "commune", None))
            if unit is not None:
                assert item.meta.title in built_text(kit_site, f"hoi-o-dau/{unit.key}.md")
                listed += 1
    assert listed >= 2
    story = "Chị Sáu trồng rau"  # of xã Lúa Vàng (2024), now in xã Bến Lúa; not in Rạch Tre, of the same district
    assert story in built_text(kit_site, "hoi-o-dau/xa-ben-lua.md")
    assert story not in built_text(kit_site, "hoi-o-dau/xa-rach-tre.md")


def test_district_pages_are_history_pointing_to_todays_units(kit_site: Path) -> None:
    kinds = CAMPAIGN.strings[CAMPAIGN.default_language].map
    for district in CAMPAIGN.districts:
        text = built_text(kit_site, f"dia-phuong/{district.key}.md")
        assert "Đây là đơn vị cấp huyện của năm 2024" in text
        for former, unit in MAP.communes_of(district.key):
            old = f"{kinds.former_kinds[former.kind]} {former.name}"
            assert f"{old} → nay thuộc {kinds.unit_kinds[unit.kind]} {unit.name}" in text
        assert "đang được cập nhật" not in text
    assert "xã Đồng Cỏ → nay thuộc Phường Cồn Sen" in built_text(kit_site, "dia-phuong/ben-lua.md")


@pytest.mark.parametrize("src_uri", ["index.md", "ke-hoach/index.md"])
def test_dated_note_on_home_and_plan_pages(kit_site: Path, src_uri: str) -> None:
    """The fixture's province kept its name: the note says the district level ended, not that it merged."""
    for language in CAMPAIGN.languages:
        text = built_text(kit_site, src_uri, language.code)
        since = format_date(MAP.since, language, CAMPAIGN.strings[language.code])
        assert CAMPAIGN.site.province in text and since in text and str(CAMPAIGN.site.year) in text, language.code
    assert "thuộc tỉnh" not in built_text(kit_site, src_uri)


def test_dated_note_of_a_province_merged_into_another(project: Path) -> None:
    site = project / "campaign" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace(
            "province: Sông Mây\n", "province: Sông Mây\nprovince_today: Núi Cao\n"
        ),
        encoding="utf-8",
    )
    pages, _generated = build_pages(load(project).content, CAMPAIGN.default_language)
    for src_uri in ("index.md", "ke-hoach/index.md"):
        assert "tỉnh Sông Mây thuộc tỉnh Núi Cao" in html.unescape(pages[src_uri].body), src_uri
