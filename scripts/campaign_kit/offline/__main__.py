"""The offline copy: the whole site, every language, in one zip that works from file://
on a computer without network (commune offices, village meetings).

    python -m campaign_kit.offline [--out dist/offline] [--date 2026-11-30]

The site is built as usual, then made browsable from a folder:
- links: a browser opens no index.html for a folder on file://, so every link to a page
  ("../chinh-sach/") gets its index.html, and links from the site root ("/en/") become relative;
- search: Pagefind cannot run from file:// (module script and fetch refused there), so its
  bundle is left out and the search page runs `search.js` beside this file over the titles and
  summaries of the plan; the finder and the self-check are classic scripts and run as they are.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from ..build import render_site
from ..fold import with_fold
from ..model.errors import ContentError
from ..model.sections import ADMIN_FOLDER, SEARCH_BUNDLE, SEARCH_URI, page_url
from ..project import add_today_argument, load
from ..site_scripts import SEARCH_SCRIPT as PAGEFIND_SCRIPT
from ..siteplan import SitePlan
from ..slugs import slug

HERE = Path(__file__).parent
INDEX_SCRIPT = "assets/javascripts/offline-index.js"
SEARCH_SCRIPT = "assets/javascripts/offline-search.js"
LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
# A font preload is a CORS request, which file:// refuses: offline the fonts load from the stylesheet.
FONT_PRELOAD = re.compile(r'\s*<link rel="preload" [^>]*as="font"[^>]*>')
# A short link's page (q/…) forwards by a refresh: its target needs its index.html as a link's does.
REFRESH = re.compile(r'(<meta http-equiv="refresh" content="\d+; url=)([^"]*)(")')
# "Edit this page" opens GitHub's editor: nothing for a copy without network.
EDIT_LINK = re.compile(r'\s*<p class="campaign-edit"[^>]*>.*?</p>', re.DOTALL)


def local_link(value: str, page: Path, site: Path, base_path: str) -> str:
    """A link of a built page as it works from a folder: relative, and to a file."""
    if not value or EXTERNAL.match(value):
        return value
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    path, rest = value[:cut], value[cut:]
    if path.startswith("/"):  # from the server's root: the language switcher, the logo
        path = Path(os.path.relpath(site / path.removeprefix(base_path), page.parent)).as_posix()
    if (page.parent / path).is_dir():
        path = ("" if path in ("", ".") else path.rstrip("/") + "/") + "index.html"
    return path + rest


def make_browsable(site: Path, base_path: str) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        rewritten = LINK.sub(lambda m, page=page: m[1] + local_link(m[2], page, site, base_path) + m[3], html)
        rewritten = REFRESH.sub(lambda m, page=page: m[1] + local_link(m[2], page, site, base_path) + m[3], rewritten)
        rewritten = EDIT_LINK.sub("", FONT_PRELOAD.sub("", rewritten))
        if rewritten != html:
            page.write_text(rewritten, encoding="utf-8")


def offline_search(plan: SitePlan, site: Path) -> None:
    """Each language's titles and summaries, and the search page's script swapped for the offline one."""
    for language_site in plan.sites.values():
        root = site / language_site.prefix
        pages = []
        for src_uri, page in language_site.pages.items():
            if page.meta.searchable:
                path = page_url(src_uri) + "index.html"
                pages.append({"title": page.meta.title, "summary": page.meta.description or "", "path": path})
        data = json.dumps(pages, ensure_ascii=False).replace("</", "<\\/")
        (root / INDEX_SCRIPT).write_text(f"window.OFFLINE_PAGES = {data};\n", encoding="utf-8")
        (root / SEARCH_SCRIPT).write_text(with_fold((HERE / "search.js").read_text(encoding="utf-8")), encoding="utf-8")
        search_page = root / page_url(SEARCH_URI) / "index.html"
        up = "../" * page_url(SEARCH_URI).count("/")
        html = search_page.read_text(encoding="utf-8")
        module = f'<script src="{up}{PAGEFIND_SCRIPT}" defer></script>'
        if module not in html:
            raise RuntimeError(f"{search_page}: không thấy thẻ script của ô tìm kiếm")
        html = html.replace(
            module, f'<script src="{up}{INDEX_SCRIPT}"></script><script src="{up}{SEARCH_SCRIPT}"></script>'
        )
        html = html.replace('data-campaign-search="" ', f'data-campaign-search="" data-offline-root="{up}" ', 1)
        search_page.write_text(html, encoding="utf-8")
    shutil.rmtree(site / SEARCH_BUNDLE, ignore_errors=True)


def build_offline(root: Path, out_dir: Path, day: dt.date | None = None) -> Path:
    """The site as of `day` (its build date; default the campaign's today), in an archive named with that date."""
    project = load(root, today=day)
    name = f"{slug(project.content.campaign.site.site_name)}-{project.content.today.isoformat()}"
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{name}.zip"
    with tempfile.TemporaryDirectory(prefix="campaign-offline-") as scratch:
        site = Path(scratch) / name
        render_site(project, site)
        shutil.rmtree(site / ADMIN_FOLDER)  # the newsroom's forms work only online, with GitHub
        offline_search(project.plan, site)
        make_browsable(site, project.content.campaign.site.base_path)
        partial = archive.with_suffix(".tmp")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    # PNG cards and WOFF2 fonts are compressed already
                    kind = zipfile.ZIP_STORED if path.suffix in (".png", ".woff2", ".jpg") else zipfile.ZIP_DEFLATED
                    bundle.write(path, f"{name}/{path.relative_to(site).as_posix()}", compress_type=kind)
        os.replace(partial, archive)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--out", type=Path, default=Path("dist/offline"))
    add_today_argument(parser)
    args = parser.parse_args(argv)
    try:
        archive = build_offline(args.project.resolve(), args.out.resolve(), args.today)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{archive} ({archive.stat().st_size / 1_000_000:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
