"""Typed configuration of the `campaign` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CampaignConfig(Config):
    # Folder of campaign facts, relative to mkdocs.yml (watched by `mkdocs serve`).
    campaign_dir = c.Type(str, default="campaign")
    # Folder of the vendored fonts served to readers, relative to mkdocs.yml.
    fonts_dir = c.Type(str, default="fonts")
