"""make launch-check reads the print orders (campaign/print-orders/), as make print ORDER=… judges them, and
nothing of campaign/print.yml's publication data: the order alone holds publisher, licence, printer, runs."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_fixture, kit_project

from campaign_kit.catalogue import GENERAL
from campaign_kit.launch import ORDERS_FOLDER, launch_items
from campaign_kit.printing.orders import press_profiles


def office(root: Path) -> list[str]:
    return [item.message for item in launch_items(root) if item.who == "office"]


def test_without_an_order_the_office_is_asked_for_one(tmp_path: Path) -> None:
    messages = office(copy_fixture(tmp_path / "project"))
    assert any("chưa có lệnh in nào" in message for message in messages), messages
    assert not any("print.yml" in message or "colophon" in message for message in messages), messages


def test_an_order_missing_its_licence_is_named_until_it_has_one(tmp_path: Path) -> None:
    campaign = kit_project().content.campaign
    root = copy_fixture(tmp_path / "project")
    leaflet = campaign.print_settings.leaflets[0].key
    order = f"""\
title: Lệnh in để kiểm thử
publisher: {next(iter(campaign.agencies[campaign.default_language]))}
licence: {{kind: quyet-dinh, number: KIỂM-THỬ-01, issuer: Cơ quan kiểm thử, date: 2026-11-30}}
printer: {{name: Xưởng in kiểm thử, address: Số 1 đường Kiểm Thử}}
legal_deposit: tháng 12/2026
press_profile: {press_profiles(root)[0].key}
products:
  - format: {leaflet}
    subject: {GENERAL}
    runs: {{moi-xa-phuong: 500}}
"""
    folder = root / "campaign" / ORDERS_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / "2026-12-01-thieu-giay-phep.yml").write_text(order.replace("licence: {", "#licence: {"), "utf-8")
    messages = office(root)
    assert any("lệnh in thiếu giấy phép hoặc quyết định xuất bản" in message for message in messages), messages
    assert any("chưa có lệnh in nào" in message for message in messages), messages
    (folder / "2026-12-01-thieu-giay-phep.yml").write_text(order, "utf-8")
    messages = office(root)
    assert not any("lệnh in thiếu" in message for message in messages), messages
