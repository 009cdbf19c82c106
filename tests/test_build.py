"""The build command's own behaviour: languages built side by side, put together only when all succeed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import kit_project
from mkdocs.exceptions import MkDocsException

from campaign_kit import build as build_module


def test_a_failed_language_leaves_the_last_good_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    real_build = build_module.build

    def failing_in_khmer(config) -> None:  # runs in the forked process of each language
        if config.site_dir.endswith("/km"):
            raise MkDocsException("trang tiếng Khmer hỏng")
        real_build(config)

    monkeypatch.setattr(build_module, "build", failing_in_khmer)
    with pytest.raises(MkDocsException, match="trang tiếng Khmer hỏng"):
        build_module.render_site(kit_project(), site)
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]  # nothing half-built left beside it


def test_every_language_lands_in_its_folder(kit_site: Path) -> None:
    for site in kit_project().plan.sites.values():
        home = (kit_site / site.prefix / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{site.code}"' in home
    assert (kit_site / "pagefind" / "pagefind.js").is_file()
