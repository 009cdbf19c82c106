"""Campaign kit: one content model for a provincial campaign's site, print and checks.

The package reads `campaign/` (structured facts) and `docs/` (Markdown pages),
validates them into typed objects (`campaign_kit.model`) and produces, per
language, the Markdown of every page (`campaign_kit.pages`). Renderers are thin
adapters on top (`campaign_kit.mkdocs_plugin`).
"""
