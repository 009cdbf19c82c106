"""Facts that know their dates, as readers and printers get them (on the fixture campaign, whose poverty
lines are the real national ones): the site built on the suite's date
(in the notice window of the 2027 poverty lines) and on 02/01/2027, the leaflets printed on both
dates, make check's list of what changes soon, and the rules that keep the past and the present
apart (a dated page types the value of its own date; a policy does not rest on an ended act)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import tempfile
from html import unescape
from pathlib import Path

import pytest
from conftest import SUITE_TODAY, copy_fixture, kit_project, made_once

from campaign_kit.build import render_site
from campaign_kit.catalogue import EVERY_UNIT, Product
from campaign_kit.check import main as check_main
from campaign_kit.formatting import format_date, format_number
from campaign_kit.model.errors import ContentError, Problems
from campaign_kit.model.sections import page_url
from campaign_kit.printing.__main__ import build_print
from campaign_kit.production import check_press
from campaign_kit.project import load
from campaign_kit.segmentation import ZWSP

NEW_ERA = dt.date(2027, 1, 2)
CAMPAIGN = kit_project().content.campaign
CODES = [language.code for language in CAMPAIGN.languages]
POLICY = "chinh-sach/xac-dinh-ho-ngheo.md"
FAQ = "hoi-dap/ho-ngheo-la-gi.md"
LINES = ("poverty_income_rural", "poverty_income_urban")


def _lines(day: dt.date) -> list[float]:
    return [CAMPAIGN.figures[key].at(day).value for key in LINES]


OLD, NEW = _lines(dt.date(2026, 12, 31)), _lines(dt.date(2027, 1, 1))
CHANGE = CAMPAIGN.figures[LINES[0]].at(dt.date(2027, 1, 1)).start


def _fixture_copy() -> Path:
    """A copy of the fixture campaign in a folder of its own, for a load on another day to build or print."""
    return copy_fixture(Path(tempfile.mkdtemp(prefix="campaign-mau-")) / "project")


@pytest.fixture(scope="session")
def site_2027(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    return made_once(
        tmp_path_factory,
        worker_id,
        "kit-site-2027",
        lambda site: render_site(load(_fixture_copy(), today=NEW_ERA), site),
    )


def _text(site: Path, src_uri: str, code: str, css_class: str | None = None) -> str:
    root = site if code == CAMPAIGN.default_language else site / code
    html = (root / page_url(src_uri) / "index.html").read_text(encoding="utf-8").replace(ZWSP, "")
    if css_class:
        html = " ".join(re.findall(rf'<div class="{css_class}">(.*?)</div>', html, re.S))
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _numbers(values: list[float], code: str) -> list[str]:
    return [format_number(value, CAMPAIGN.language(code)) for value in values]


def test_the_suite_builds_inside_the_notice_window_of_the_new_lines() -> None:
    assert OLD != NEW and 0 < (CHANGE - SUITE_TODAY).days <= CAMPAIGN.notice_days and CHANGE < NEW_ERA


@pytest.mark.parametrize("code", CODES)
def test_before_the_change_both_lines_are_shown_with_their_dates(kit_site: Path, code: str) -> None:
    language, strings = CAMPAIGN.language(code), CAMPAIGN.strings[code]
    box = _text(kit_site, POLICY, code, "campaign-keypoints")
    for old, new in zip(_numbers(OLD, code), _numbers(NEW, code), strict=True):
        assert old in box and new in box, (code, box)
    assert format_date(CHANGE, language, strings) in box
    assert format_date(CHANGE - dt.timedelta(days=1), language, strings) in box
    standard = _text(kit_site, FAQ, code, "campaign-standard")  # the standard in force, then the next one
    assert standard.index(_numbers(OLD, code)[0]) < standard.index(_numbers(NEW, code)[0]), standard


@pytest.mark.parametrize("code", CODES)
def test_after_the_change_only_the_new_lines_without_anyone_editing_a_page(site_2027: Path, code: str) -> None:
    for src_uri, css_class in (
        (POLICY, "campaign-keypoints"),
        (POLICY, "campaign-standard"),
        (FAQ, "campaign-standard"),
    ):
        shown = _text(site_2027, src_uri, code, css_class)
        assert all(new in shown for new in _numbers(NEW, code)), (code, src_uri, shown)
        assert not [old for old in _numbers(OLD, code) if old in shown], (code, src_uri, shown)
    if code == CAMPAIGN.default_language:
        assert "Phương tiện phục vụ tiếp cận thông tin" not in _text(site_2027, FAQ, code, "campaign-standard")
        assert "dự thảo" in _text(site_2027, FAQ, code, "campaign-standard")  # the 2027 list is a draft's


def test_an_ended_act_says_so_and_links_its_successor(kit_site: Path, site_2027: Path) -> None:
    act = "van-ban/nghi-dinh-07-2021-nd-cp.md"
    assert "không còn áp dụng" not in _text(kit_site, act, "vi")
    after = (site_2027 / page_url(act) / "index.html").read_text(encoding="utf-8")
    notice = re.search(r'<p class="campaign-act-ended">(.*?)</p>', after, re.S)
    assert notice and "01/01/2027" in notice[1] and "nghi-dinh-351-2025-nd-cp" in notice[1]
    assert "đã được thay thế bằng" in notice[1] and "Nghị định số 351/2025/NĐ-CP" in unescape(notice[1])
    # the policy keeps the old act beside its successor, and says until when the old one applied
    basis = re.search(
        r'<ul class="campaign-legal">(.*?)</ul>', (site_2027 / page_url(POLICY) / "index.html").read_text()
    )
    assert basis and "áp dụng đến hết ngày 31/12/2026" in unescape(basis[1])


def test_a_dated_page_shows_the_value_of_its_own_date(tmp_path: Path) -> None:
    """A news item of 2023 written with {{ figure:… }} keeps the 2023 line when the site is rebuilt in 2027."""
    project = copy_fixture(tmp_path / "project")
    news = project / "docs" / "tin-tuc" / "ra-soat-2023.md"
    news.write_text(
        "---\ntitle: Rà soát hộ nghèo năm 2023\ndate: 2023-12-20\nsummary: Kết quả rà soát năm 2023.\n---\n\n"
        "Năm đó, mức thu nhập ở nông thôn là {{ figure:poverty_income_rural }}.\n",
        encoding="utf-8",
    )
    plan = load(project, today=NEW_ERA).plan
    text = plan.sites[CAMPAIGN.default_language].pages["tin-tuc/ra-soat-2023.md"].body
    assert _numbers(OLD, "vi")[0] in text and _numbers(NEW, "vi")[0] not in text


def test_a_policy_resting_on_a_replaced_act_is_refused(tmp_path: Path) -> None:
    """On the day after the 2021 standard's act ended, a policy citing it without its successor is refused
    (the poverty-standard policy cites both, and loads)."""
    project = copy_fixture(tmp_path / "project")
    page = project / "docs" / "chinh-sach" / "bao-hiem-y-te.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("legal_basis:\n", "legal_basis:\n  - doc: nghi-dinh-07-2021-nd-cp\n", 1), "utf-8")
    load(project, today=NEW_ERA - dt.timedelta(days=2))  # still in force on 31/12/2026
    with pytest.raises(ContentError) as caught:
        load(project, today=NEW_ERA)
    assert [str(p) for p in caught.value.errors] == [  # the warnings beside it: its translations are stale
        "docs/chinh-sach/bao-hiem-y-te.md:8: căn cứ pháp lý “nghi-dinh-07-2021-nd-cp” không còn áp dụng"
        " từ sau ngày 31/12/2026, đã được thay bằng nghi-dinh-351-2025-nd-cp.\n"
        "    → Trang chính sách nói về hiện tại: dẫn văn bản đang áp dụng (nghi-dinh-351-2025-nd-cp), có thể để cả"
        " văn bản cũ bên cạnh."
    ]


def test_the_content_holds_on_every_day_a_fact_changes() -> None:
    """The daily deploy must build on the day a value or an act changes, and the day before."""
    days = {
        moment
        for figure in CAMPAIGN.figures.values()
        for period in figure.periods
        for moment in (period.start, period.until and period.until + dt.timedelta(days=1))
        if moment and moment > SUITE_TODAY
    }
    assert NEW_ERA - dt.timedelta(days=1) in days
    project = kit_project().root
    for day in sorted(days):
        for when in (day - dt.timedelta(days=1), day):
            load(project, today=when)


def test_make_check_lists_what_changes_within_the_notice_window(capsys: pytest.CaptureFixture[str]) -> None:
    project = str(kit_project().root)
    assert check_main(["--project", project, "--today", SUITE_TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    due = out[out.index(f"thay đổi trong {CAMPAIGN.notice_days} ngày tới") :]
    assert f"• {CHANGE:%d/%m/%Y}: số liệu “poverty_income_rural”" in due
    assert "docs/chinh-sach/xac-dinh-ho-ngheo.md" in due and "văn bản “nghi-dinh-07-2021-nd-cp”" in due
    assert check_main(["--project", project, "--today", "2026-06-01"]) == 0
    assert "ngày tới" not in capsys.readouterr().out


def test_a_print_run_across_a_change_is_refused_unless_the_office_accepts_it() -> None:
    content = kit_project().content
    problems = Problems(kit_project().root)
    check_press(content, problems)
    across = [p for p in problems.items if "tờ rơi in hôm nay sẽ sớm sai" in p.message]
    assert {p.message.split("”")[0].split("“")[1] for p in across} == set(LINES)
    settings = CAMPAIGN.print_settings.model_copy(update={"print_across_changes": list(LINES)})
    accepted = Problems(kit_project().root)
    campaign = dataclasses.replace(CAMPAIGN, print_settings=settings)
    check_press(dataclasses.replace(content, campaign=campaign), accepted)
    assert not [p for p in accepted.items if "tờ rơi in hôm nay sẽ sớm sai" in p.message]


def _leaflet(product: Product) -> bool:
    return product.subject == "xac-dinh-ho-ngheo" and product.format.key == "a5" and product.unit is None


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_leaflets_carry_the_values_of_their_print_date(tmp_path: Path) -> None:
    for project, out in (
        (kit_project(), tmp_path / "before"),
        (load(_fixture_copy(), today=NEW_ERA), tmp_path / "after"),
    ):
        entries, errors = build_print(project, out, jobs=2, select=_leaflet)
        assert not errors and sorted(entry.language for entry in entries) == sorted(CODES)
    for code in CODES:
        (before,) = (tmp_path / "before").glob(f"to-roi_xac-dinh-ho-ngheo_a5_{EVERY_UNIT}_{code}_*.pdf")
        (after,) = (tmp_path / "after").glob(f"to-roi_xac-dinh-ho-ngheo_a5_{EVERY_UNIT}_{code}_*.pdf")
        assert before.name != after.name  # a new version: the printed text changed
        old_text, new_text = _pdf_text(before).replace(ZWSP, ""), _pdf_text(after).replace(ZWSP, "")
        old, new = _numbers(OLD, code), _numbers(NEW, code)
        assert all(n in old_text for n in [*old, *new]), (code, old_text)
        assert all(n in new_text for n in new) and not [n for n in old if n in new_text], (code, new_text)
