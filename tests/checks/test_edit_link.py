"""Every content page links to its own file in GitHub's web editor, without Material's
repository widget (its script would call api.github.com from every reader's phone)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture, kit_project
from site_reading import html_of

from campaign_kit.build import build_site
from campaign_kit.model.errors import ContentError
from campaign_kit.project import load

CONTENT = kit_project().content  # the fictional fixture campaign's (tests/fixtures/)
CAMPAIGN = CONTENT.campaign
PLAN = kit_project().plan
REPOSITORY = str(CAMPAIGN.site.repository.url).rstrip("/")


def test_every_content_page_links_to_its_file_in_the_web_editor(kit_site: Path) -> None:
    for src_uri, languages in CONTENT.pages.items():
        for language in CAMPAIGN.languages:
            page = languages.get(language.code) or languages[CAMPAIGN.default_language]
            source = page.path.relative_to(kit_project().root).as_posix()
            words = CAMPAIGN.strings[language.code].edit_page
            link = f'<a href="{REPOSITORY}/edit/main/{source}" rel="noopener noreferrer">{words}</a>'  # outgoing
            html = html_of(kit_site, PLAN, src_uri, language.code).replace("\u200b", "")  # Khmer word breaks
            assert link in html, (src_uri, language.code)


def test_generated_pages_have_no_edit_link(kit_site: Path) -> None:
    for generated in ("ke-hoach/index.md", f"dia-phuong/{CAMPAIGN.districts[0].key}.md"):
        assert "/edit/main/" not in html_of(kit_site, PLAN, generated)


def test_no_page_names_the_repository_widget(kit_site: Path) -> None:
    home = html_of(kit_site, PLAN, "index.md")
    assert "md-source" not in home and "api.github.com" not in home


def test_production_refuses_a_placeholder_repository(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project_copy = copy_fixture(tmp_path / "project")
    for page in load(project_copy).content.samples():
        page.path.unlink()
    site_yml = project_copy / "campaign" / "site.yml"
    site_yml.write_text(
        site_yml.read_text(encoding="utf-8").replace(str(CAMPAIGN.site.site_url), "https://giamngheo.song-may.gov.vn/"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        build_site(project_copy, tmp_path / "out", production=True)
    assert "repository.url" in str(caught.value) and "site_url" not in str(caught.value)
