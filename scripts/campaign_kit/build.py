"""Build the whole site: one MkDocs build per language (Material's advice for
multilingual sites: each language gets its own search index and theme strings).

    python -m campaign_kit.build [--site-dir site] [--production]
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .model.campaign import load_campaign
from .model.errors import ContentError


def config_file(project: Path, language: str, default: str) -> Path:
    return project / ("mkdocs.yml" if language == default else f"mkdocs.{language}.yml")


def build_site(project: Path, site_dir: Path, *, production: bool = False) -> None:
    """Reference language into `site_dir`, every other language into `site_dir/<code>`."""
    campaign = load_campaign(project / "campaign")
    default = campaign.default_language
    os.environ["CAMPAIGN_PRODUCTION"] = "true" if production else "false"
    for language in campaign.languages:
        code = language.code
        target = site_dir if code == default else site_dir / code
        config = load_config(config_file=str(config_file(project, code, default)), site_dir=str(target))
        build(config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--site-dir", type=Path, default=None)
    parser.add_argument("--production", action="store_true", help="refuse example content and placeholder URLs")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)-7s -  %(message)s"
    )
    project = args.project.resolve()
    try:
        build_site(project, (args.site_dir or project / "site").resolve(), production=args.production)
    except (MkDocsException, ContentError) as error:
        print(f"Không dựng được trang: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
