"""MkDocs adapter: load the content model, hand MkDocs the generated pages.

All knowledge of content lives in `campaign_kit.model` and
`campaign_kit.pages`; this file only translates between them and MkDocs
events, so a different renderer needs a different adapter, nothing else.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..model.campaign import Campaign, load_campaign
from ..model.content import load_content
from ..model.errors import ContentError
from ..pages import build_pages
from ..site_assets import site_assets
from .config import CampaignConfig

log = logging.getLogger("mkdocs.plugins.campaign")


class CampaignPlugin(BasePlugin[CampaignConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        self.assets: dict[str, Path | str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:
            campaign = load_campaign(root / self.config.campaign_dir)
            content = load_content(campaign, Path(config.docs_dir), production=self.config.production)
        except ContentError as error:
            for problem in error.problems:
                log.error(str(problem))
            raise PluginError(f"Nội dung có {len(error.problems)} lỗi (xem các dòng ERROR ở trên).") from None
        placeholders = campaign.site.placeholder_addresses if self.config.production else {}
        if placeholders:
            listed = "; ".join(f"{key} “{url}”" for key, url in placeholders.items())
            raise PluginError(f"campaign/site.yml: {listed} vẫn là địa chỉ tạm.")
        language = self.config.language
        if language not in {entry.code for entry in campaign.languages}:
            raise PluginError(f"Ngôn ngữ “{language}” không có trong campaign/languages.yml.")
        self._configure_site(config, campaign, language)
        self.pages = build_pages(content, language)
        self.assets = site_assets(campaign, root / self.config.fonts_dir, root / ".cache", language)
        config.extra_css[:0] = [uri for uri in self.assets if uri.endswith(".css")]
        return config

    @staticmethod
    def _configure_site(config: MkDocsConfig, campaign: Campaign, language: str) -> None:
        site = campaign.site
        prefix = "" if language == campaign.default_language else f"{language}/"
        config.site_name = campaign.strings[language].site_name or site.site_name
        config.site_url = f"{site.site_url}{prefix}"
        config.theme["language"] = language
        config.extra["alternate"] = [
            {
                "name": entry.name,
                "lang": entry.code,
                "link": site.base_path + ("" if entry.code == campaign.default_language else f"{entry.code}/"),
            }
            for entry in campaign.languages
        ]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Replace the Markdown sources by the model's pages; add fonts and styles."""
        kept = [file for file in files if not file.is_documentation_page()]
        generated = [File.generated(config, uri, content=markdown) for uri, markdown in self.pages.items()]
        for uri, source in self.assets.items():
            if isinstance(source, Path):
                generated.append(File.generated(config, uri, abs_src_path=str(source)))
            else:
                generated.append(File.generated(config, uri, content=source))
        return Files(kept + generated)
