"""campaign/press-profiles.yml: every profile an order may name says where its file comes from and why it may be
used; an order naming one whose file is not on the machine is refused at its press_profile line, naming the file."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import kit_project

from campaign_kit.catalogue import GENERAL
from campaign_kit.model.errors import Problems
from campaign_kit.printing.orders import PROFILES_FILE, load_order, press_profiles, profile_path


def test_each_profile_names_its_source_and_the_default_is_on_every_debian_machine() -> None:
    root = kit_project().root
    profiles = press_profiles(root)
    assert profiles and all(profile.licence.strip() for profile in profiles)
    assert profile_path(root, profiles[0]).is_file()  # the first: Ghostscript's, on every Debian machine


def test_an_order_naming_a_profile_not_installed_is_refused(tmp_path: Path) -> None:
    (tmp_path / "campaign").mkdir()
    missing = {"key": "khong-co", "name": "Hồ sơ không có", "file": str(tmp_path / "khong-co.icc"), "licence": "thử"}
    profiles = {"profiles": [{**p.model_dump(mode="json")} for p in press_profiles(kit_project().root)] + [missing]}
    (tmp_path / "campaign" / PROFILES_FILE).write_text(yaml.safe_dump(profiles, allow_unicode=True), "utf-8")
    plan = kit_project().plan
    campaign = plan.content.campaign
    order = tmp_path / "lenh-in.yml"
    order.write_text(
        f"""\
title: Lệnh in để kiểm thử
publisher: {next(iter(campaign.agencies[campaign.default_language]))}
press_profile: khong-co
products:
  - format: {campaign.print_settings.leaflets[0].key}
    subject: {GENERAL}
    runs: {{moi-xa-phuong: 500}}
""",
        "utf-8",
    )
    problems = Problems(tmp_path)
    assert load_order(tmp_path, plan, order, problems) is None
    found = [f"{p.line}: {p.message}" for p in problems.items]
    assert any(m.startswith("3: ") and "khong-co.icc" in m for m in found), found
