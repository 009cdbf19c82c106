"""make launch-check reads the print orders (campaign/print-orders/), as make print ORDER=… judges them, and
nothing of campaign/print.yml's publication data: the order alone holds publisher, licence, printer, runs."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_fixture
from print_order_samples import COMPLETE

from campaign_kit.launch import ORDERS_FOLDER, launch_items


def office(root: Path) -> list[str]:
    return [item.message for item in launch_items(root) if item.who == "office"]


def test_without_an_order_the_office_is_asked_for_one(tmp_path: Path) -> None:
    messages = office(copy_fixture(tmp_path / "project"))
    assert any("chưa có lệnh in nào" in message for message in messages), messages
    assert not any("print.yml" in message or "colophon" in message for message in messages), messages


def test_an_order_missing_its_licence_is_named_until_it_has_one(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "project")
    order = COMPLETE  # the print tests' complete order of the fixture campaign
    folder = root / "campaign" / ORDERS_FOLDER
    folder.mkdir(exist_ok=True)
    (folder / "2026-12-01-thieu-giay-phep.yml").write_text(order.replace("licence: {", "#licence: {"), "utf-8")
    messages = office(root)
    assert any("lệnh in thiếu giấy phép hoặc quyết định xuất bản" in message for message in messages), messages
    assert any("chưa có lệnh in nào" in message for message in messages), messages
    (folder / "2026-12-01-thieu-giay-phep.yml").write_text(order, "utf-8")
    messages = office(root)
    assert not any("lệnh in thiếu" in message for message in messages), messages
