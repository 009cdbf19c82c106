"""Typed configuration of the `campaign` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CampaignConfig(Config):
    # Folder of campaign facts, relative to mkdocs.yml.
    campaign_dir = c.Type(str, default="campaign")
    # Folder of the vendored fonts served to readers, relative to mkdocs.yml.
    fonts_dir = c.Type(str, default="fonts")
    # Language of this build (one entry of campaign/languages.yml).
    language = c.Type(str, default="vi")
    # A production build refuses example content (sample: true) and placeholder URLs.
    production = c.Type(bool, default=False)
