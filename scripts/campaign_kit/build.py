"""Build the whole site: the project is loaded, checked and planned once, then one
MkDocs run per language renders it (Material's advice for multilingual sites: each
language gets its own theme strings), the languages side by side on the machine's cores.

    python -m campaign_kit.build [--site-dir site] [--production | --staging URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import multiprocessing
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .model.errors import ContentError
from .precompress import precompress
from .project import Project, add_today_argument, load
from .search_index import copy_for_index, index_copy

CONFIG_FILE = "mkdocs.yml"


def render_site(project: Project, site_dir: Path) -> None:
    """Every language built at once (one MkDocs run each, in forked processes that share the
    loaded project), then put together: the reference language at the root, the others in
    their prefix folders, and the search index. The languages are built beside `site_dir`
    and replace it only when all succeeded: a failed build leaves the last good site."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        sites = list(project.plan.sites.values())
        _building.update(project=project, staging=staging)
        # A process per language even beyond the cores: with three languages on two cores, two
        # workers would leave one core idle while the third language builds alone.
        with ProcessPoolExecutor(max_workers=len(sites), mp_context=multiprocessing.get_context("fork")) as pool:
            list(pool.map(_render_language, [site.code for site in sites]))
        root = staging / sites[0].code
        for site in sites[1:]:
            (staging / site.code).rename(root / site.prefix)
        index_copy(staging / SEARCH_COPY, root, project.plan)
        shutil.rmtree(site_dir, ignore_errors=True)
        root.rename(site_dir)
    finally:
        _building.clear()
        shutil.rmtree(staging, ignore_errors=True)


# The project is loaded once, in the parent; each forked process renders one language.
_building: dict[str, object] = {}
SEARCH_COPY = "search-copy"  # under the staging folder: the pages as the search index reads them


def _render_language(code: str) -> None:
    project, staging = _building["project"], _building["staging"]
    assert isinstance(project, Project) and isinstance(staging, Path)
    config = load_config(config_file=str(project.root / CONFIG_FILE), site_dir=str(staging / code))
    config.plugins["campaign"].use(project, code)
    build(config)
    copy_for_index(staging / code, staging / SEARCH_COPY / project.plan.sites[code].prefix)


def build_site(
    root: Path,
    site_dir: Path,
    *,
    production: bool = False,
    compressed: bool = False,
    staging_url: str | None = None,
    today: dt.date | None = None,
) -> Project:
    """The website only, as of `today` (the build date): a production build applies the site's policy,
    never the press guard (missing print data stops a print run, not the website). `compressed`: also
    the .gz and .br copies a web server of ours sends as they are (deploy/nginx). `staging_url`: the
    staging site at that address (samples allowed, every page marked, not indexed)."""
    project = load(root, production=production, staging_url=staging_url, today=today)
    render_site(project, site_dir)
    if compressed:
        precompress(site_dir)
    return project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--site-dir", type=Path, default=None)
    parser.add_argument(
        "--production",
        action="store_true",
        help="refuse example content and placeholder URLs; write .gz and .br copies of text files",
    )
    parser.add_argument(
        "--staging", metavar="URL", help="the staging site at URL: every page marked as a test copy, not indexed"
    )
    parser.add_argument("--verbose", "-v", action="store_true")
    add_today_argument(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)-7s -  %(message)s"
    )
    root = args.project.resolve()
    try:
        site_dir = (args.site_dir or root / "site").resolve()
        if args.production and args.staging:
            parser.error("--production or --staging, not both")
        if args.staging and not args.staging.startswith(("https://", "http://")):
            parser.error(f"--staging needs the staging site's address (https://…), not “{args.staging}”")
        build_site(
            root,
            site_dir,
            production=args.production,
            compressed=args.production,
            staging_url=args.staging,
            today=args.today,
        )
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except MkDocsException as error:
        print(f"Không dựng được trang: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
