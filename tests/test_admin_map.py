"""Today's map (campaign/admin_map.yml), the contacts registry and what the site says about where to ask."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import loaded_project
from test_content_errors import STORY, problems_after_writing

from campaign_kit.checks.present_map import abolished_mentions
from campaign_kit.formatting import format_date
from campaign_kit.model.campaign import load_campaign
from campaign_kit.model.errors import ContentError
from campaign_kit.model.sections import page_url
from campaign_kit.pages import build_pages
from campaign_kit.project import load

CAMPAIGN = loaded_project().content.campaign
MAP = CAMPAIGN.admin_map


def built_text(site: Path, src_uri: str, language: str = "vi") -> str:
    root = site if language == "vi" else site / language
    page = (root / page_url(src_uri) / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))).replace("\u200b", "")


def test_every_unit_of_2024_maps_to_exactly_one_unit_of_today() -> None:
    formers = [(former.district, former.key) for unit in MAP.units for former in unit.formed_from]
    assert len(formers) == len(set(formers)) == MAP.units_2024 == 143
    assert Counter(unit.kind for unit in MAP.units) == {"xa": 41, "phuong": 4, "dac-khu": 3}
    assert {district for district, _ in formers} == {district.key for district in CAMPAIGN.districts}
    for district, commune in formers:
        assert MAP.unit_of(district, commune) in MAP.units


def test_the_two_units_crossing_2024_district_lines() -> None:
    assert MAP.unit_of("hon-dat", "xa-my-lam").key == "phuong-vinh-thong"
    assert MAP.unit_of("kien-luong", "xa-duong-hoa").key == "phuong-to-chau"
    assert MAP.unit("phuong-vinh-thong").districts == ["rach-gia", "hon-dat"]
    assert MAP.unit("phuong-to-chau").districts == ["ha-tien", "kien-luong"]
    # Vĩnh Thuận had a town and a commune of the same name: two 2024 units, two units today.
    assert MAP.unit_of("vinh-thuan", "thi-tran-vinh-thuan").key == "xa-vinh-phong"
    assert MAP.unit_of("vinh-thuan", "xa-vinh-thuan").key == "xa-vinh-thuan"


def map_problems(project: Path, old: str, new: str) -> list[str]:
    path = project / "campaign" / "admin_map.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_campaign(project / "campaign")
    return [str(problem) for problem in caught.value.problems]


def test_a_2024_unit_in_two_units_of_today_is_refused_at_its_line(project_copy: Path) -> None:
    line = "      - {kind: xa, name: Phi Thông, district: rach-gia}\n"
    problems = map_problems(project_copy, line, line + "      - {kind: xa, name: Mỹ Lâm, district: hon-dat}\n")
    assert any(
        re.match(r"campaign/admin_map.yml:\d+: Mỹ Lâm \(hon-dat\) đã thuộc một đơn vị khác ở dòng \d+", p)
        for p in problems
    )


def test_an_unknown_district_is_refused_at_its_line(project_copy: Path) -> None:
    problems = map_problems(project_copy, "name: Mỹ Lâm, district: hon-dat}", "name: Mỹ Lâm, district: hon-datt}")
    expected = "campaign/admin_map.yml:34: huyện, thành phố “hon-datt” không có trong districts.yml."
    assert any(expected in p for p in problems)


def test_a_2024_unit_left_out_is_refused(project_copy: Path) -> None:
    problems = map_problems(project_copy, "      - {kind: xa, name: Mỹ Lâm, district: hon-dat}\n", "")
    expected = "campaign/admin_map.yml:13: bản đồ ghi 142 xã, phường, thị trấn năm 2024 nhưng units_2024 là 143."
    assert any(expected in p for p in problems)


def test_a_story_may_name_a_commune_of_its_own_district_only(project_copy: Path) -> None:
    story = STORY.replace("district: rach-gia\n", "district: hon-dat\ncommune: xa-my-lamm\n")
    problems = problems_after_writing(project_copy, "guong-thoat-ngheo/chi-nam-nuoi-vit.md", story)
    assert any(
        "chi-nam-nuoi-vit.md:5: xã, phường, thị trấn năm 2024 (commune): không có xã, phường, thị trấn năm 2024"
        " thuộc “hon-dat” “xa-my-lamm”. Có phải ý bạn là “xa-my-lam”?" in p
        for p in problems
    )
    story = STORY.replace("district: rach-gia\n", "district: rach-gia\ncommune: xa-my-lam\n")
    problems = problems_after_writing(project_copy, "guong-thoat-ngheo/chi-nam-nuoi-vit.md", story)
    assert any("chi-nam-nuoi-vit.md:5:" in p and "“xa-my-lam”" in p for p in problems)


SOURCED = """contacts:
  - key: ubnd-phuong-vinh-thong
    agency: Ủy ban nhân dân phường Vĩnh Thông
    unit: phuong-vinh-thong
    phone: 0297 3 000 000
    hours: Thứ Hai đến Thứ Sáu
    source: Trang thông tin thử nghiệm (kiểm thử)
    verified: 2026-01-15
  - key: khong-nguon
    agency: Một cơ quan chưa có nguồn
    unit: phuong-vinh-thong
"""


def test_a_phone_number_without_its_source_is_refused(project_copy: Path) -> None:
    path = project_copy / "campaign" / "contacts.yml"
    path.write_text(SOURCED.replace("    source: Trang thông tin thử nghiệm (kiểm thử)\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_campaign(project_copy / "campaign")
    assert any(
        str(p).startswith("campaign/contacts.yml:2:") and "chỉ được ghi khi có nguồn" in str(p)
        for p in caught.value.problems
    )
    path.write_text(SOURCED.replace("unit: phuong-vinh-thong", "unit: phuong-vinh-thongg", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_campaign(project_copy / "campaign")
    assert any(
        "campaign/contacts.yml:4: không có xã, phường, đặc khu “phuong-vinh-thongg”" in str(p)
        for p in caught.value.problems
    )


def test_sourced_contacts_reach_the_unit_page_and_the_placeholder(project_copy: Path) -> None:
    (project_copy / "campaign" / "contacts.yml").write_text(SOURCED, encoding="utf-8")
    page = project_copy / "docs" / "gioi-thieu.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nHỏi {{ contact:ubnd-phuong-vinh-thong }} hoặc {{ contact:khong-nguon }}.\n",
        encoding="utf-8",
    )
    pages, _generated = build_pages(load(project_copy).content, "vi")
    unit = pages["hoi-o-dau/phuong-vinh-thong.md"].body
    assert '<a href="tel:02973000000">0297 3 000 000</a>' in unit
    assert "kiểm tra ngày 15/01/2026" in unit
    assert "Một cơ quan chưa có nguồn" not in unit  # only sourced entries are published
    assert "chưa có số điện thoại" not in unit
    about = pages["gioi-thieu.md"].body
    assert '<a href="tel:02973000000">' in about and "hoặc Một cơ quan chưa có nguồn." in about
    other = pages["hoi-o-dau/phuong-to-chau.md"].body
    assert "tel:" not in other and "Bạn hãy đến hỏi trực tiếp Ủy ban nhân dân phường Tô Châu" in other


def test_an_unknown_contact_placeholder_is_refused(project_copy: Path) -> None:
    page = project_copy / "docs" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ contact:ubnd-xa-khong-co }}\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(project_copy)
    assert any("không hiểu chỗ giữ chỗ “{{ contact:ubnd-xa-khong-co }}”" in str(p) for p in caught.value.problems)


def test_check_warns_on_where_to_ask_naming_an_abolished_unit(project_copy: Path) -> None:
    assert abolished_mentions(load(project_copy).content) == []
    page = project_copy / "docs" / "chinh-sach" / "nha-o.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace('    - "UBND xã, phường, đặc khu nơi cư trú."', '    - "UBND thi tran Go Quao."', 1)
    text = text.replace("## Hỏi ở đâu?\n", "## Hỏi ở đâu?\n\nPhòng Lao động huyện Hòn Đất, hoặc UBND xã Mỹ Lâm.\n", 1)
    page.write_text(text, encoding="utf-8")
    line = text.splitlines().index('    - "UBND thi tran Go Quao."') + 1
    warnings = [str(problem) for problem in abolished_mentions(load(project_copy).content)]
    assert any(w.startswith(f"docs/chinh-sach/nha-o.md:{line}: ") and "thị trấn Gò Quao" in w for w in warnings)
    assert any("Huyện Hòn Đất" in w and "xã Mỹ Lâm" in w for w in warnings)


def test_unit_pages_name_their_committee_and_the_2024_units(built_site: Path) -> None:
    for unit in MAP.units:
        text = built_text(built_site, f"hoi-o-dau/{unit.key}.md")
        kind = {"xa": "xã", "phuong": "phường", "dac-khu": "đặc khu"}[unit.kind]
        assert f"Ủy ban nhân dân {kind} {unit.name}" in text
        for former in unit.formed_from:
            assert former.name in text
        assert "sapnhap.bando.com.vn" in text
    vinh_thong = built_text(built_site, "hoi-o-dau/phuong-vinh-thong.md")
    assert "xã Mỹ Lâm ( Huyện Hòn Đất )" in vinh_thong


def test_items_are_listed_on_the_page_of_todays_unit(built_site: Path) -> None:
    content = loaded_project().content
    for kind in ("story", "commendation"):
        for item in content.items(kind):
            commune = getattr(item.meta, "commune", None)
            unit = MAP.unit_of(item.meta.district, commune) if commune else MAP.whole_district_unit(item.meta.district)
            if unit is not None:
                assert item.meta.title in built_text(built_site, f"hoi-o-dau/{unit.key}.md")
    assert "Chị Tư nuôi heo" in built_text(built_site, "hoi-o-dau/xa-dinh-hoa.md")
    assert "Chị Tư nuôi heo" not in built_text(built_site, "hoi-o-dau/xa-go-quao.md")


def test_district_pages_are_history_pointing_to_todays_units(built_site: Path) -> None:
    for district in CAMPAIGN.districts:
        text = built_text(built_site, f"dia-phuong/{district.key}.md")
        assert "Đây là đơn vị cấp huyện của năm 2024" in text
        kinds = CAMPAIGN.strings["vi"].map
        for former, unit in MAP.communes_of(district.key):
            old = f"{kinds.former_kinds[former.kind]} {former.name}"
            assert f"{old} → nay thuộc {kinds.unit_kinds[unit.kind]} {unit.name}" in text
        assert "đang được cập nhật" not in text
    assert "xã Dương Hòa → nay thuộc Phường Tô Châu" in built_text(built_site, "dia-phuong/kien-luong.md")


@pytest.mark.parametrize("language", ["vi", "en", "km"])
@pytest.mark.parametrize("src_uri", ["index.md", "ke-hoach/index.md", "gioi-thieu.md"])
def test_dated_note_on_home_plan_and_about_pages(built_site: Path, src_uri: str, language: str) -> None:
    text = built_text(built_site, src_uri, language)
    since = format_date(MAP.since, CAMPAIGN.language(language), CAMPAIGN.strings[language])
    assert "An Giang" in text and since in text and "2024" in text


# Sentences that send a reader to a town or to a district office (any language: the Vietnamese names are kept).
TO_ABOLISHED = re.compile(
    r"(UBND|Ủy ban nhân dân)( \(UBND\))? xã, phường, thị trấn|thị trấn nơi|(hỏi|đến|liên hệ|nộp|gặp|gửi)\b[^.!?]{0,80}"
    r"(UBND|Ủy ban nhân dân|Phòng [^.!?]{0,60}) (các )?(huyện|thị trấn)|Hỏi ở huyện|township|Liên hệ: Huyện",
    re.IGNORECASE,
)
HISTORY = ("ke-hoach/", "van-ban/")  # the 2024 plan and the legal texts speak of their own time


def test_no_built_page_sends_a_reader_to_a_town_or_a_district_office(built_site: Path) -> None:
    offending = []
    for path in sorted(built_site.rglob("index.html")):
        relative = path.relative_to(built_site).as_posix()
        if any(part in relative for part in HISTORY) or relative.startswith(("in/", "assets/")):
            continue
        page = path.read_text(encoding="utf-8")
        if "<article" not in page:
            continue
        article = page[page.index("<article") : page.index("</article>")]
        text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))
        offending += [f"{relative}: …{m.group(0)}…" for m in TO_ABOLISHED.finditer(text)]
    assert offending == []
