"""campaign/press-profiles.yml: every profile an order may name says where its file comes from and why it may be
used; the profiles the kit ships (profiles/) are there, unchanged, with their licences; an order naming one whose
file is not on the machine, or not the file recorded, is refused at its press_profile line, naming the file."""

from __future__ import annotations

import hashlib
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


def refusals_of_an_order_naming(project: Path, profiles: list[dict], key: str) -> list[str] | None:
    """With `profiles` as campaign/press-profiles.yml of `project`: "line: message" of each problem of an order of
    the fixture campaign naming profile `key`, or None when the order loads."""
    (project / "campaign").mkdir(exist_ok=True)
    (project / "campaign" / PROFILES_FILE).write_text(
        yaml.safe_dump({"profiles": profiles}, allow_unicode=True), "utf-8"
    )
    plan = kit_project().plan
    campaign = plan.content.campaign
    order = project / "lenh-in.yml"
    order.write_text(
        f"""\
title: Lệnh in để kiểm thử
publisher: {next(iter(campaign.agencies[campaign.default_language]))}
press_profile: {key}
products:
  - format: {campaign.print_settings.leaflets[0].key}
    subject: {GENERAL}
    runs: {{moi-xa-phuong: 500}}
""",
        "utf-8",
    )
    problems = Problems(project)
    loaded = load_order(project, plan, order, problems)
    return None if loaded else [f"{p.line}: {p.message}" for p in problems.items]


def kit_profiles() -> list[dict]:
    return [p.model_dump(mode="json", exclude_none=True) for p in press_profiles(kit_project().root)]


def test_an_order_naming_a_profile_not_installed_is_refused(tmp_path: Path) -> None:
    missing = {"key": "khong-co", "name": "Hồ sơ không có", "file": str(tmp_path / "khong-co.icc"), "licence": "thử"}
    found = refusals_of_an_order_naming(tmp_path, [*kit_profiles(), missing], "khong-co")
    assert found and any(m.startswith("3: ") and "khong-co.icc" in m for m in found), found


def test_the_shipped_profiles_are_here_unchanged_with_their_licences() -> None:
    """A profile of profiles/ is a CMYK output profile, the very file recorded (its licence allows no change),
    with its licence beside it (its licence asks that they travel together); no profile is shipped unlisted."""
    root = kit_project().root
    shipped = [profile for profile in press_profiles(root) if not profile.file.is_absolute()]
    assert len(shipped) >= 2  # FOGRA39 and Japan Color: the conditions presses here print to
    for profile in shipped:
        data = profile_path(root, profile).read_bytes()
        assert data[12:20] == b"prtrCMYK", profile.key  # ICC header: an output (printer) profile in CMYK
        assert profile.sha256 == hashlib.sha256(data).hexdigest(), profile.key
        assert profile.licence_file and (root / profile.licence_file).read_text(encoding="utf-8").strip(), profile.key
        assert profile.licence_file.parent == profile.file.parent, profile.key
    listed = {(root / profile.file).resolve() for profile in shipped}
    folders = {(root / profile.file).parent for profile in shipped}
    assert {path.resolve() for folder in folders for path in folder.glob("*.ic[cm]")} == listed


def test_an_order_naming_a_changed_profile_file_is_refused(tmp_path: Path) -> None:
    root = kit_project().root
    profile = next(p for p in press_profiles(root) if p.sha256)
    changed = tmp_path / profile.file
    changed.parent.mkdir(parents=True)
    data = bytearray(profile_path(root, profile).read_bytes())
    data[-1] ^= 1  # one bit of its last tag
    changed.write_bytes(bytes(data))
    found = refusals_of_an_order_naming(tmp_path, kit_profiles(), profile.key)
    assert found and any(m.startswith("3: ") and "SHA-256" in m and profile.file.name in m for m in found), found
    changed.write_bytes(profile_path(root, profile).read_bytes())  # the file as shipped: accepted
    assert refusals_of_an_order_naming(tmp_path, kit_profiles(), profile.key) is None
