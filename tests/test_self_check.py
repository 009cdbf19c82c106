"""The household self-check: classify() in node against the boundary table, and the page
in headless Chromium in every language (fill, result, nothing requested after load)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURE, kit_project
from playwright.sync_api import Browser, Request

from campaign_kit.model.campaign import load_campaign
from campaign_kit.model.errors import ContentError
from campaign_kit.model.sections import SELF_CHECK_URI, page_url
from campaign_kit.self_check import MODULE, standard

TESTS = Path(__file__).parent
PAGE = page_url(SELF_CHECK_URI)


@pytest.mark.parametrize("script", ["self_check.test.mjs", "parse_amount.test.mjs"])
def test_the_module_in_node(kit_site: Path, script: str) -> None:
    """classify() against the boundary table; parseAmount() against money as people write it."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the self-check module is tested with node --test")
    env = {**os.environ, "SELF_CHECK_MODULE": str(kit_site / MODULE)}
    run = subprocess.run([node, "--test", str(TESTS / "js" / script)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout


def test_the_module_holds_the_lines_of_figures_yml(kit_site: Path) -> None:
    campaign = kit_project().content.campaign
    text = (kit_site / MODULE).read_text(encoding="utf-8")
    data = standard(campaign)
    lines = [value for period in data["periods"] for value in period["povertyLine"].values()]
    rules = campaign.poverty_standard
    assert sorted(lines) == sorted(
        campaign.figures[key].at(p.first_day).value for p in rules.periods for key in p.poverty_line.values()
    )
    for value in lines:
        assert str(value) in text
    assert "export { classify, parseAmount" in text


# (language prefix, area, members, monthly income of the household, ticked indicators, category, words shown)
FILLED = [
    ("", "rural", 4, "6.000.000", 3, "poor", "Có thể thuộc diện hộ nghèo"),
    ("", "urban", 2, "4000002", 1, "middle", "mức sống trung bình"),
    ("en/", "urban", 3, "6000000", 2, "near_poor", "May be a near-poor household"),
    ("km/", "rural", 5, "7500000", 4, "poor", "អាចជាគ្រួសារក្រីក្រ"),
    ("", "rural", 1, "1tr5", 3, "poor", "Bạn nhập: 1.500.000 đồng/tháng"),
    ("", "urban", 2, "4 triệu 2 trăm", 0, "middle", "Bạn nhập: 4.200.000 đồng/tháng"),
    ("km/", "urban", "២", "៤ លាន", 2, "near_poor", "អ្នកបានបញ្ចូល៖ 4,000,000 ដុង ក្នុងមួយខែ"),
]


@pytest.mark.parametrize(("prefix", "area", "members", "income", "ticked", "category", "shown"), FILLED)
def test_fill_the_self_check(
    browser: Browser,
    kit_site_url: str,
    prefix: str,
    area: str,
    members: int | str,
    income: str,
    ticked: int,
    category: str,
    shown: str,
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(kit_site_url + prefix + PAGE, wait_until="networkidle")  # the favicon too
    after_load: list[Request] = []
    page.on("request", lambda request: after_load.append(request))
    page.select_option("#self-check-year", "2026")
    page.check(f'[data-area][value="{area}"]')
    page.fill("#self-check-members", str(members))
    page.fill("#self-check-income", income)
    boxes = page.locator("[data-indicator]:visible")  # the year's indicators only
    assert boxes.count() == 12
    for index in range(ticked):
        boxes.nth(index).check()
    page.locator("form button").click()
    result = page.locator("[data-self-check-result]")
    assert result.locator("[data-category]").get_attribute("data-category") == category
    text = result.text_content().replace("\u200b", "")  # Khmer word breaks (campaign_kit.segmentation)
    assert shown in text
    read = result.locator("p").first  # how the amount was read, before the result
    assert read.get_attribute("class") == "campaign-self-check__read"
    assert read.text_content() == page.locator("[data-income-read]").text_content()
    assert result.locator("a[href*='van-ban/nghi-dinh-07-2021-nd-cp']").count() == 1
    assert "2022" in result.locator("a[href*='van-ban/nghi-dinh-07-2021-nd-cp']").text_content()  # the period named
    assert result.locator("a[href$='hoi-o-dau/']").count() == 1  # what to do next: the unit's People's Committee
    assert result.locator("a[href$='chinh-sach/']").count() == (1 if category in ("poor", "near_poor") else 0)
    assert after_load == [], [request.url for request in after_load]
    assert page.url == kit_site_url + prefix + PAGE  # nothing entered went into the address
    context.close()


def test_a_year_of_the_new_standard_asks_its_own_indicators(browser: Browser, kit_site_url: str) -> None:
    """2027 asks the 2027-2030 list (known from a draft, and the page says so), classifies with the
    2027 lines and names the period and act; back to 2026, the old list returns."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(kit_site_url + PAGE)
    page.select_option("#self-check-year", "2027")
    visible = page.locator("[data-indicator]:visible")
    assert visible.count() == 12
    labels = " ".join(page.locator("li[data-periods]:visible").all_text_contents())
    assert "Xử lý rác thải" in labels and "Phương tiện phục vụ tiếp cận thông tin" not in labels
    assert page.locator(".campaign-self-check__draft:visible").count() == 1
    page.check('[data-area][value="rural"]')
    page.fill("#self-check-members", "1")
    page.fill("#self-check-income", "2000000")  # under the 2027 rural line, over the 2026 one
    for index in range(3):
        visible.nth(index).check()
    page.locator("form button").click()
    result = page.locator("[data-self-check-result]")
    assert result.locator("[data-category]").get_attribute("data-category") == "poor"
    link = result.locator("a[href*='van-ban/nghi-dinh-351-2025-nd-cp']")
    assert link.count() == 1 and "2027" in link.text_content() and "2030" in link.text_content()
    assert "dự thảo" in result.text_content()
    page.select_option("#self-check-year", "2026")
    labels = " ".join(page.locator("li[data-periods]:visible").all_text_contents())
    assert "Phương tiện phục vụ tiếp cận thông tin" in labels and "Xử lý rác thải" not in labels
    hidden_ticked = "Array.from(document.querySelectorAll('li[data-periods][hidden] input:checked')).length"
    assert page.evaluate(hidden_ticked) == 0  # an answer of the other list is not counted
    assert page.locator("[data-indicator]:visible:checked").count() == 3  # the indicators both lists ask stay
    context.close()


# (field, what is entered, the reason shown beside it)
REFUSED = [
    ("#self-check-income", "-3000000", "Thu nhập không thể là số âm"),
    ("#self-check-income", "", "Hãy ghi tổng thu nhập của cả hộ"),
    ("#self-check-income", "3", "3 đồng mỗi tháng là quá ít"),
    ("#self-check-income", "50 tỷ", "Số này lớn hơn 1.000.000.000 đồng mỗi tháng"),
    ("#self-check-members", "0", "từ 1 trở lên"),
    ("#self-check-members", "-2", "từ 1 trở lên"),
]


@pytest.mark.parametrize(("field", "entered", "reason"), REFUSED)
def test_impossible_input_is_named_beside_its_field(
    browser: Browser, kit_site_url: str, field: str, entered: str, reason: str
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.goto(kit_site_url + PAGE)
    page.check('[data-area][value="rural"]')
    page.fill("#self-check-members", "4")
    page.fill("#self-check-income", "6 triệu")
    page.fill(field, entered)
    page.locator("form button").click()
    result = page.locator("[data-self-check-result]")
    assert result.locator("[data-category]").count() == 0  # never a category from a wrong reading
    assert "không âm" in result.text_content()
    box = page.locator(field)
    error = page.locator("#" + box.get_attribute("data-error"))
    assert error.is_visible() and reason in error.text_content()
    assert box.get_attribute("aria-invalid") == "true"
    assert box.get_attribute("data-error") in box.get_attribute("aria-describedby").split()
    assert page.evaluate("document.activeElement.id") == field[1:]  # a screen reader reads label and reason
    field_box, error_box = box.bounding_box(), error.bounding_box()
    assert 0 <= error_box["y"] - (field_box["y"] + field_box["height"]) < 60  # right under the field
    page.fill(field, "2")  # a good value clears its reason on the next try
    page.fill("#self-check-income", "6 triệu")
    page.locator("form button").click()
    assert not error.is_visible() and box.get_attribute("aria-invalid") is None
    context.close()


def test_no_area_is_named_beside_its_question(browser: Browser, kit_site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(kit_site_url + PAGE)
    page.fill("#self-check-members", "4")
    page.fill("#self-check-income", "6 triệu")
    page.locator("form button").click()
    error = page.locator("#self-check-area-error")
    assert error.is_visible() and "nông thôn hay thành thị" in error.text_content()
    assert page.evaluate("document.activeElement.getAttribute('data-area')") is not None
    assert page.locator("[data-self-check-result] [data-category]").count() == 0
    context.close()


def test_the_form_on_a_phone(browser: Browser, kit_site_url: str) -> None:
    """At 360×800: every field, radio, box and the button is a target of 44 px or more, and the
    amount is read back as it is typed."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.goto(kit_site_url + PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    targets = page.locator(
        ".campaign-self-check select, .campaign-self-check input[type=text], "
        ".campaign-self-check label:has(input[type=radio]), .campaign-self-check label:visible:has(input[type=checkbox]), "
        ".campaign-self-check form button"
    )
    assert targets.count() == 1 + 2 + 2 + 12 + 1  # the chosen year's 12 indicators
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] + box["width"] <= 360, index
    button = page.locator("form button")
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") != "rgba(0, 0, 0, 0)"
    income = page.locator("#self-check-income")
    assert income.evaluate("i => parseFloat(getComputedStyle(i).borderTopWidth)") >= 1
    assert income.evaluate("i => parseFloat(getComputedStyle(i).fontSize)") >= 16
    income.fill("2 triệu 500 nghìn")
    assert page.locator("[data-income-read]").text_content() == "Bạn nhập: 2.500.000 đồng/tháng"
    assert page.locator("table th").evaluate_all("cells => cells.every(cell => cell.textContent.trim())")
    context.close()


def test_without_javascript_a_printable_checklist(browser: Browser, kit_site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(kit_site_url + PAGE)
    # every indicator of every period, those of one period only saying which years they are asked for
    assert page.locator("[data-indicator]").count() == 13
    assert "(chỉ hỏi cho năm 2027–2030)" in page.locator("li[data-periods='2027']").text_content()
    assert "(chỉ hỏi cho năm 2022–2026)" in page.locator("li[data-periods='2022']").text_content()
    assert not page.locator("form button").is_visible()  # no button that would send the answers in a URL
    assert page.locator("form [name='income'], form [data-income][name]").count() == 0
    table = page.locator("table").first.text_content()
    for amount in ("1.500.000", "2.000.000", "2.250.000", "3.000.000", "2.200.000", "2.800.000"):
        assert amount in table
    assert "Chỉ kết quả rà soát" in page.content()
    context.close()


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "poverty_standard.yml",
            "rural: poverty_income_rural,",
            "rural: poverty_income_rural_2031,",
            "poverty_standard.yml:1: Chuẩn nghèo nhắc tới số liệu “poverty_income_rural_2031”",
        ),
        ("poverty_standard.yml", "last_year: 2026 ", "last_year: 2027 ", "không trùng năm (2027)"),
        (  # a line without one value through the years of its period of the standard
            "figures.yml",
            "until: 2026-12-31\n        value: 1500000",
            "until: 2025-12-31\n        value: 1500000",
            "poverty_standard.yml:1: số liệu “poverty_income_rural” không giữ một giá trị suốt các năm 2022–2026.",
        ),
        (
            "self_check.km.yml",
            "  nha-tieu:\n",
            "  nha-tieu-moi:\n",
            "self_check.km.yml:1: Chỉ số “nha-tieu” thiếu câu hỏi.",
        ),
    ],
)
def test_a_broken_standard_is_refused_with_its_file(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    campaign = tmp_path / "campaign"
    shutil.copytree(FIXTURE / "campaign", campaign)
    text = (campaign / file).read_text(encoding="utf-8")
    assert old in text
    (campaign / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_campaign(campaign)
    assert message in str(caught.value)
