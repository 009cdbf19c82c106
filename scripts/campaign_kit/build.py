"""Build the whole site: the project is loaded, checked and planned once, then one
MkDocs run per language renders it (Material's advice for multilingual sites: each
language gets its own search index and theme strings).

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

from .model.errors import ContentError
from .printing.__main__ import build_print
from .project import Project, load
from .search_index import index_site

CONFIG_FILE = "mkdocs.yml"


def render_site(project: Project, site_dir: Path) -> None:
    """Reference language into `site_dir`, every other language into its prefix folder
    (the reference first: MkDocs empties its site_dir before writing), then the search index."""
    for site in project.plan.sites.values():
        config = load_config(config_file=str(project.root / CONFIG_FILE), site_dir=str(site_dir / site.prefix))
        config.plugins["campaign"].use(project, site.code)
        build(config)
    index_site(site_dir)


def build_site(root: Path, site_dir: Path, *, production: bool = False) -> Project:
    """A production build also puts the print kit in the site, where its pages link to it."""
    project = load(root, production=production)
    render_site(project, site_dir)
    if production:
        publish_print(project, site_dir)
    return project


def publish_print(project: Project, site_dir: Path) -> None:
    folder = site_dir / project.content.campaign.print_settings.site_folder
    _entries, errors = build_print(project, folder, jobs=os.cpu_count() or 1)
    if errors:
        raise MkDocsException("Bộ tài liệu in có lỗi:\n" + "\n".join(errors))


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
    root = args.project.resolve()
    try:
        build_site(root, (args.site_dir or root / "site").resolve(), production=args.production)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except MkDocsException as error:
        print(f"Không dựng được trang: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
