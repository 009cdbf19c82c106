"""The site plan: every page of every language known once, and the gate checking against it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import copy_fixture, kit_project

from campaign_kit.markdown_config import EXTENSIONS
from campaign_kit.model.errors import ContentError
from campaign_kit.model.sections import BY_TYPE, PLAN_URI
from campaign_kit.project import load

PLAN = kit_project().plan
STORY = """---
title: Chị Tư nuôi vịt
date: 2024-03-02
district: {district}
summary: Một câu chuyện thử.
sample: true
---

{body}
"""


def test_every_language_publishes_every_page() -> None:
    reference = PLAN.reference
    assert reference.prefix == ""
    for site in PLAN.sites.values():
        assert site.pages.keys() == reference.pages.keys(), site.code
        assert site.prefix == ("" if site is reference else f"{site.code}/")
    assert PLAN_URI in reference.pages
    assert BY_TYPE["story"].by_year(2024) in reference.pages


def test_urls_and_alternates_are_absolute_under_site_url() -> None:
    site_url = str(PLAN.content.campaign.site.site_url).rstrip("/")
    policy = PLAN.content.items("policy")[0].src_uri
    alternates = PLAN.alternates(policy)
    assert set(alternates) == set(PLAN.sites)
    assert alternates["vi"] == f"{site_url}/{policy[:-3]}/"
    assert alternates["en"] == f"{site_url}/en/{policy[:-3]}/"
    assert PLAN.url("index.md", "km", anchor="x") == f"{site_url}/km/#x"


def test_anchors_are_the_ids_the_build_gives_headings() -> None:
    policy = PLAN.content.items("policy")[0].src_uri
    assert {"ai-duoc-huong", "duoc-huong-gi", "can-cu-phap-ly"} <= PLAN.anchors(policy, "vi")


def test_nav_comes_from_campaign_and_names_planned_pages() -> None:
    assert PLAN.nav == list(PLAN.content.campaign.site.nav)
    assert all(PLAN.has_page(entry, "vi") for entry in PLAN.nav)


def write_story(project: Path, body: str) -> None:
    district = PLAN.content.campaign.districts[0].key
    text = STORY.format(district=district, body=body)
    (project / "docs" / "guong-thoat-ngheo" / "chi-tu-nuoi-vit.md").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[Năm 1999](theo-nam/1999.md)", "không dẫn tới đâu: không có docs/guong-thoat-ngheo/theo-nam/1999.md"),
        ("[Chủ đề](theo-chu-de/khong-co-chu-de-nay.md)", "không dẫn tới đâu"),
        ("[Hỏi đáp](../hoi-dap/index.md#khong-co-muc-nay)", "mà trang “hoi-dap/index.md” không có"),
    ],
)
def test_the_gate_refuses_links_to_pages_the_plan_does_not_make(tmp_path: Path, body: str, expected: str) -> None:
    project = copy_fixture(tmp_path / "project")
    write_story(project, body)
    with pytest.raises(ContentError) as caught:
        load(project)
    assert expected in str(caught.value)


def test_links_to_generated_pages_and_their_anchors_pass(tmp_path: Path) -> None:
    """The FAQ listing is generated, each question under an anchor of its own."""
    project = copy_fixture(tmp_path / "project")
    year = next(iter(PLAN.content.items("story"))).meta.date.year
    question = "../hoi-dap/index.md#ho-ngheo-co-duoc-cap-the-bao-hiem-y-te-khong"
    write_story(project, f"[Năm {year}](theo-nam/{year}.md), [hỏi đáp]({question}).")
    load(project)


def test_the_plan_exports_to_markdown_a_stock_renderer_builds(tmp_path: Path) -> None:
    """Moving off Material (end of life May 2027) means handing these folders to another renderer."""
    folders = PLAN.export(tmp_path / "export")
    assert set(folders) == set(PLAN.sites)
    policy = PLAN.content.items("policy")[0].src_uri
    exported = (folders["en"] / policy).read_text(encoding="utf-8")
    assert exported.startswith("---\ntitle: ") and "\n---\n" in exported
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "site_name": "export",
                "docs_dir": str(folders["vi"]),
                "theme": {"name": "mkdocs"},
                "nav": PLAN.nav,
                "markdown_extensions": EXTENSIONS,
            }
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], check=True)
    assert (site / policy[:-3] / "index.html").exists()
