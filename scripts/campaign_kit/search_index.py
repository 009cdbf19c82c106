"""The site's search index: Pagefind over the built HTML of every language.

Pagefind (a static index read by a small WebAssembly module) was chosen over
Material's lunr search: its index folds Vietnamese tone marks and đ while ranking
an exact match first, it splits the index per language (by `<html lang>`) and into
chunks a phone downloads only when the reader searches, and it needs no code of
ours beyond the search page. Only the article of searchable pages is indexed
(`data-pagefind-body` in overrides/main.html): listings, menus and the edit link stay out.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from html import escape, unescape
from pathlib import Path

from .model.sections import SEARCH_BUNDLE, growing_section, search_data
from .segmentation import ZWSP, marked_words
from .siteplan import SitePlan

# The notes the build puts on many pages (translation not reviewed, shown in Vietnamese, example
# story, the 2024 plan's date): boxes of one paragraph (campaign_kit.pages.items.notice). Indexed,
# they would match a query on every page and fill the excerpts.
BOILERPLATE = re.compile(
    r'<div class="campaign-(?:unreviewed|fallback|sample|dated)" role="note"[^>]*><p>.*?</p></div>', re.DOTALL
)
FRAGMENT_SIGNATURE = b"pagefind_dcd"  # before the JSON of each of Pagefind's (gzipped) page fragments
_H1 = re.compile(r"<h1([^>]*)>(.*?)</h1>", re.DOTALL)


def for_index(html: str) -> str:
    """A built page as Pagefind reads it: without the boilerplate notes; the zero-width spaces between
    Khmer words made spaces (Pagefind does not split words there, and would index whole phrases);
    the title as the page writes it, without a space between words, kept as the `written` meta that
    the results show (the spaced title stays the one search.js ranks by)."""
    html = BOILERPLATE.sub("", html)
    if ZWSP not in html:
        return html

    def titled(match: re.Match[str]) -> str:
        title = unescape(re.sub(r"<[^>]+>", "", match[2])).replace(ZWSP, "")
        return f'<h1{match[1]} data-pagefind-meta="written:{escape(title)}">{match[2]}</h1>'

    return _H1.sub(titled, html, count=1).replace(ZWSP, " ")


def copy_for_index(built: Path, copy: Path) -> None:
    """The pages of a built folder, copied where Pagefind will read them (`for_index`). Each
    language's build copies its own pages as soon as it is done."""
    shutil.copytree(built, copy, ignore=_not_pages, dirs_exist_ok=True)
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        indexed = for_index(text)
        if indexed != text:
            page.write_text(indexed, encoding="utf-8")


def index_copy(copy: Path, site_dir: Path, plan: SitePlan) -> None:
    """Pagefind over the copied pages of every language, its bundle into the built site, and beside
    it each language's search data (`search_data`)."""
    bundle = site_dir / SEARCH_BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(copy), "--output-path", str(bundle), "--silent"]
    subprocess.run(command, check=True)
    titles = page_titles(bundle)
    for code in plan.sites:
        words = query_words(plan, code)
        data = {"titles": titles.get(code, {}), **({"words": words} if words else {})}
        (site_dir / search_data(code)).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def page_titles(bundle: Path) -> dict[str, dict[str, list[str]]]:
    """{language: {Pagefind's page id: [URL, title as indexed, title as the page writes it]}} of the pages outside
    the sections that grow (campaign_kit.model.sections.growing_section). The search page ranks
    and lists results by these titles: it then loads a result's fragment (one request each) only
    for the excerpts it shows, or for a page of a growing section, whose number would make this
    file grow with every story."""
    titles: dict[str, dict[str, list[str]]] = {}
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        page = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT_SIGNATURE))
        code, page_id = fragment.stem.split("_", 1)[0], fragment.stem
        path = page["url"].strip("/").split("/")
        if path[:1] == [code]:
            path = path[1:]  # the language's prefix
        src_uri = "/".join(path) + ".md" if len(path) > 1 else f"{'/'.join(path)}/index.md"
        if growing_section(src_uri) is None:
            meta = page["meta"]
            title = meta.get("title", "")
            titles.setdefault(code, {})[page_id] = [page["url"], title, meta.get("written") or title]
    return titles


def _not_pages(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if "." in name and not name.endswith(".html")]


def query_words(plan: SitePlan, language: str) -> list[str]:
    """The words of a language written without spaces, as the build split them (none for a
    language written with spaces): the search page splits a query into them."""
    site = plan.sites[language]
    return marked_words([page.markdown() for page in site.pages.values()], site.language.scripts)
