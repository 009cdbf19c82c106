"""make export: the whole site as the source of another renderer (Zensical, Material's successor).

    python -m campaign_kit.export [--out dist/export] [--print dist/print]

Writes into the folder a project Zensical builds as it is (`zensical build` there):
- zensical.toml: site name and URL, the menu, the Markdown extensions, the theme's language;
- docs/: every page of every language where the site has it (the reference language at the root,
  the others under their prefix), as front matter + Markdown read from the site plan's page
  objects. Heading anchors are written as attributes (`## Title { #id }`): another renderer's slug
  function would give other ids. Links in the generated HTML are written as the renderer
  resolves a link of the page's source file (to the .md file), and the simple paragraphs and
  lists of HTML the site generates for speed are written as Markdown;
- beside the pages: photos and documents as the site publishes them, the feeds, report charts,
  short-link pages, page scripts, the fonts (cut to the characters of the pages), one
  stylesheet (fonts, palette, campaign.css), and the print files of dist/print if they are built;
- overrides/main.html: the one template change the pages need (a page's own script).

The site's own search page (Pagefind, made after an MkDocs build) is left out: the renderer's
search takes its place. README "What the Zensical build lacks" lists what else differs.
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import re
import shutil
import sys
import tempfile
from html import unescape
from pathlib import Path

from .checks.files import is_publishable
from .feeds import feed_assets
from .markdown_config import EXTENSIONS, heading_ids, render
from .model.errors import ContentError
from .model.sections import SEARCH_URI, page_url
from .model.tree import walk
from .pages import SitePage
from .pages.context import Context
from .pages.reports import report_charts
from .project import Project, add_today_argument, load
from .published_files import published_bytes
from .review_boundary import BUILD_CACHE
from .self_check import self_check_assets
from .site_assets import FONT_DIR, palette_css, web_fonts
from .site_scripts import SEARCH_SCRIPT, site_scripts
from .siteplan import SitePlan
from .siteplan.short_links import PREFIX as SHORT_PREFIX
from .siteplan.short_links import short_link_pages
from .webfonts import build_web_fonts, font_face_css

STYLESHEET = "assets/stylesheets/campaign.css"
OUR_CSS = Path("overrides/assets/stylesheets/campaign.css")
THEME_FILES = ("assets/favicon.svg", "assets/logo.svg")
# A page's own script (finder, self-check), named in its front matter as the MkDocs theme reads it.
TEMPLATE = """{% extends "base.html" %}
{% block scripts %}
  {{ super() }}
  {%- if page and page.meta and page.meta.script %}
  <script src="{{ base_url }}/{{ page.meta.script }}" defer></script>
  {%- endif %}
{% endblock %}
"""

_HEADING = re.compile(r"^#{1,6}(?!#).*$")  # as Python-Markdown reads a heading: no space needed
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
# HTML blocks the pages generate that Markdown writes as well: a paragraph (with a class: an
# attribute list) or a list without class, whose text holds only links, bold, italics and breaks.
_PARAGRAPH = re.compile(r'^<p(?: class="([\w -]+)")?>(.*)</p>$')
_LIST = re.compile(r"^<ul>\n?((?:<li>.*?</li>\n?)+)</ul>$", re.DOTALL)
_INLINE_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_INLINE_OK = {"a", "strong", "em", "br"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#])")


def with_heading_ids(body: str) -> str:
    """Every Markdown heading with its id written as an attribute, as the site renders it."""
    lines = body.split("\n")
    headings = [index for index, line in enumerate(lines) if _HEADING.match(line)]
    ids = heading_ids(body)
    if len(ids) != len(headings):
        raise ValueError(f"{len(headings)} headings but {len(ids)} ids in:\n{body[:3000]}")
    for index, anchor in zip(headings, ids, strict=True):
        if not lines[index].rstrip().endswith("}"):
            lines[index] = f"{_HEADING.match(lines[index])[0].rstrip()} {{ #{anchor} }}"
    return "\n".join(lines)


class Links:
    """Links of the built site (relative to a page's URL) as links of its source file: to the .md
    file of a page, to the file itself otherwise, relative to the folder of the page's source."""

    def __init__(self, plan: SitePlan) -> None:
        self.base_path = plan.content.campaign.site.base_path
        self.sources = {
            site.prefix + page_url(uri): site.prefix + uri for site in plan.sites.values() for uri in site.pages
        }

    def rewrite(self, source: str, value: str) -> str:
        if not value or _SCHEME.match(value):
            return value
        cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
        path, rest = value[:cut], value[cut:]
        if path.startswith("/"):  # from the server's root
            target = path.removeprefix(self.base_path)
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.url(source)), path))
        target = "" if target == "." else target
        key = target if not target or target.endswith("/") or "." in posixpath.basename(target) else target + "/"
        if key == "/":
            key = ""
        file = self.sources.get(key, target)
        return posixpath.relpath(file, posixpath.dirname(source) or ".") + rest

    def url(self, source: str) -> str:
        return page_url(source)


def _inline_markdown(html: str) -> str | None:
    """`html` (text with inline tags) as Markdown, or None if it holds a tag Markdown does not write."""
    out, stack, last = [], [], 0
    for match in _INLINE_TAG.finditer(html):
        out.append(_text(html[last : match.start()]))
        last = match.end()
        closing, name, attributes = match[1], match[2].lower(), match[3]
        if name not in _INLINE_OK:
            return None
        if name == "br":
            out.append("  \n")
        elif name in ("strong", "em"):
            out.append("**" if name == "strong" else "*")
        elif closing:
            if not stack:
                return None
            out.append(f"]({stack.pop()})")
        else:
            href = re.fullmatch(r'\s+href="([^"]*)"', attributes)
            if href is None:
                return None
            stack.append(unescape(href[1]).replace(" ", "%20").replace(")", "%29"))
            out.append("[")
    out.append(_text(html[last:]))
    return None if stack else "".join(out)


def _text(html: str) -> str:
    """Text of HTML as Markdown text: entities where HTML needs them, Markdown's signs escaped."""
    text = unescape(html).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _paragraph_markdown(line: str) -> str | None:
    paragraph = _PARAGRAPH.fullmatch(line.strip())
    if paragraph is None or "<p" in paragraph[2]:
        return None
    text = _inline_markdown(paragraph[2])
    if text is None or not text.strip() or re.match(r"\s*(?:[-+*#>]|\d+\.)\s", text):
        return None
    classes = " ".join(f".{name}" for name in (paragraph[1] or "").split())
    return text + (f"\n{{: {classes} }}" if classes else "")


def _as_markdown(block: str) -> str | None:
    """An HTML block of paragraphs (one a line) or of a list without class, as Markdown; else None."""
    if block.startswith("<p"):
        paragraphs = [_paragraph_markdown(line) for line in block.split("\n")]
        if all(paragraph is not None for paragraph in paragraphs):
            return "\n\n".join(paragraph for paragraph in paragraphs if paragraph is not None)
        return None
    listing = _LIST.fullmatch(block)
    if listing:
        items = [_inline_markdown(item) for item in re.findall(r"<li>(.*?)</li>", listing[1], re.DOTALL)]
        if items and all(item is not None and "\n" not in item for item in items):
            return "\n".join(f"- {item}" for item in items)
    return None


def _same_html(one: str, other: str) -> bool:
    def normal(html: str) -> str:
        return unescape(re.sub(r">\s+<", "><", re.sub(r"<br\s*/?>", "<br>", html)).strip())

    return normal(one) == normal(other)


def html_as_markdown(body: str) -> str:
    """The simple HTML blocks of a body written as Markdown, each only where the site's Markdown
    renders it to the same HTML (the others stay HTML)."""
    blocks = body.split("\n\n")
    for number, block in enumerate(blocks):
        markdown = _as_markdown(block.strip())
        if markdown is not None and _same_html(render(markdown), render(block)):
            blocks[number] = markdown
    return "\n\n".join(blocks)


def exported_page(page: SitePage, source: str, links: Links) -> str:
    body = _LINK.sub(lambda m: m[1] + links.rewrite(source, m[2]) + m[3], page.body)
    return SitePage(page.meta, with_heading_ids(html_as_markdown(body))).markdown()


def _files(project: Project) -> dict[str, bytes | str | Path]:
    """{path under docs/: content} of everything beside the pages, for every language."""
    plan, root = project.plan, project.root
    docs_dir = plan.content.docs_dir
    campaign = plan.content.campaign
    files: dict[str, bytes | str | Path] = {}
    published = {}
    for path in walk(docs_dir).files:
        if path.suffix != ".md" and is_publishable(path, docs_dir):
            content = published_bytes(path)
            if content is not None:
                published[path.relative_to(docs_dir).as_posix()] = content
    scripts = {uri: text for uri, text in site_scripts().items() if uri != SEARCH_SCRIPT}
    for code, site in plan.sites.items():
        assets = {**published, **scripts, **self_check_assets(campaign), **feed_assets(plan, code)}
        assets.update(report_charts(Context(plan.content, campaign.language(code))))
        files.update({site.prefix + uri: content for uri, content in assets.items()})
    # Short links (print QR codes), but for the search page the export leaves out.
    search = {site.prefix + page_url(SEARCH_URI) for site in plan.sites.values()}
    left_out = {f"{SHORT_PREFIX}{code}/index.html" for code, target in plan.short_links.items() if target in search}
    files.update({uri: html for uri, html in short_link_pages(plan).items() if uri not in left_out})
    for name in THEME_FILES:
        files[name] = root / "overrides" / name
    fonts = {font.output_name: font for code in plan.sites for font in web_fonts(campaign, root / "fonts", code)}
    text = {char for site in plan.sites.values() for page in site.pages.values() for char in page.markdown()}
    ours = (root / OUR_CSS).read_text(encoding="utf-8")
    used = {ord(char) for char in text | set(ours)}
    cut = [font.cut_to(used) for font in fonts.values()]
    for built in build_web_fonts(cut, root / BUILD_CACHE / "webfonts" / "export"):
        files[f"{FONT_DIR}/{built.name}"] = built
    families = list(dict.fromkeys(font.family for font in cut))
    font_urls = posixpath.relpath(FONT_DIR, posixpath.dirname(STYLESHEET))
    theme = font_face_css(cut, font_urls) + "\n" + palette_css(campaign.site.palette, families)
    files[STYLESHEET] = theme + "\n" + ours
    return files


def _toml(value: object) -> str:
    """A TOML value: strings, numbers, booleans, lists and inline tables (JSON strings are TOML's)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(key)} = {_toml(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def zensical_toml(plan: SitePlan) -> str:
    campaign = plan.content.campaign
    reference = plan.reference.code
    project = {
        "site_name": campaign.strings[reference].site_name or campaign.site.site_name,
        "site_url": plan.site_url,
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": True,
        "extra_css": [STYLESHEET],
        "nav": list(plan.nav),
    }
    theme = {
        "language": reference,
        "custom_dir": "overrides",
        "font": False,
        "favicon": THEME_FILES[0],
        "logo": THEME_FILES[1],
        "features": ["navigation.sections", "search.highlight"],
    }
    lines = ["# Written by `make export` (campaign_kit.export) from the site plan: edit campaign/, not this.", ""]
    lines += ["[project]", *(f"{key} = {_toml(value)}" for key, value in project.items()), ""]
    lines += ["[project.theme]", *(f"{key} = {_toml(value)}" for key, value in theme.items()), ""]
    # The site's Markdown extensions; heading ids are written in the pages, so no slug function is needed.
    for name in EXTENSIONS:
        options = {"permalink": False} if name == "toc" else {}
        lines += [f"[project.markdown_extensions.{_toml(name)}]", *(f"{k} = {_toml(v)}" for k, v in options.items())]
    lines += ["", "[project.plugins.search]", ""]
    return "\n".join(lines)


def export(project: Project, out: Path, print_dir: Path | None = None) -> dict[str, int]:
    """Writes the export into `out` (replaced whole); returns what it holds: pages, files."""
    plan = project.plan
    links = Links(plan)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out.parent))
    docs = staging / "docs"
    pages = 0
    for site in plan.sites.values():
        for uri, page in site.pages.items():
            if uri == SEARCH_URI:
                continue
            source = site.prefix + uri
            _write(docs / source, exported_page(page, source, links))
            pages += 1
    files = _files(project)
    for uri, content in files.items():
        _write(docs / uri, content)
    if print_dir is not None and print_dir.is_dir():
        shutil.copytree(print_dir, docs / plan.content.campaign.print_settings.site_folder, dirs_exist_ok=True)
    _write(staging / "overrides" / "main.html", TEMPLATE)
    _write(staging / "zensical.toml", zensical_toml(plan))
    if out.exists():
        shutil.rmtree(out)
    os.replace(staging, out)
    return {"pages": pages, "files": len(files)}


def _write(path: Path, content: bytes | str | Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Path):
        shutil.copyfile(content, path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--out", type=Path, default=Path("dist/export"))
    parser.add_argument("--print", dest="print_dir", type=Path, default=Path("dist/print"))
    add_today_argument(parser)
    args = parser.parse_args(argv)
    try:
        project = load(args.project.resolve(), today=args.today)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    counts = export(project, args.out.resolve(), args.print_dir.resolve())
    print(f"{args.out}: {counts['pages']} trang, {counts['files']} tệp khác")
    print(f"Dựng bằng Zensical: zensical build -f {args.out}/zensical.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
