"""Reading a built site back, for the kit's tests (the fixture's site, the export built with Zensical) and the
real content's own checks (tests/content/) alike: its links and anchors, the placeholders it shows, the
photos a phone downloads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from campaign_kit.photos import PHONE_WIDTH
from campaign_kit.segmentation import ZWSP
from campaign_kit.siteplan.plan import SitePlan

IDS = re.compile(r'\s(?:id|name)="([^"]+)"')
LINKS = re.compile(r'\s(?:href|src)="([^"]*)"')
OTHER_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\{\s*[a-z_]+\s*:")


def html_of(site: Path, plan: SitePlan, src_uri: str, language: str | None = None) -> str:
    """The built page of `src_uri` in `language` (default: the campaign's reference language)."""
    language = language or plan.content.campaign.default_language
    return (site / plan.path(src_uri, language) / "index.html").read_text(encoding="utf-8")


def article_text(html: str) -> str:
    """The page's own words: the article, without navigation, tags, scripts or the Khmer word breaks."""
    article = html[html.index("<article") : html.index("</article>")].replace(ZWSP, "")
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))


@dataclass
class Crawl:
    pages: int = 0
    links: int = 0
    anchors: int = 0
    broken: list[str] = field(default_factory=list)


def crawl(site: Path, skip: tuple[str, ...] = ()) -> Crawl:
    """Every local href and src of every built page (but those under the folders `skip`): its file exists;
    its #anchor is an id there."""
    found, ids = Crawl(), {}
    for html_file in sorted(site.rglob("*.html")):
        relative = html_file.relative_to(site).as_posix()
        if relative == "404.html" or relative.startswith(skip):  # 404: served for any path, its links absolute
            continue
        found.pages += 1
        for raw in LINKS.findall(html_file.read_text(encoding="utf-8")):
            value = raw.replace("&amp;", "&")
            if not value or OTHER_SCHEME.match(value):
                continue
            found.links += 1
            parts = urlsplit(urljoin("/" + relative, value))
            path = unquote(parts.path).lstrip("/")
            target = site / path
            if not path or path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                found.broken.append(f"{relative}: {raw} (no file)")
                continue
            if parts.fragment and target.suffix == ".html":
                found.anchors += 1
                if target not in ids:
                    ids[target] = set(IDS.findall(target.read_text(encoding="utf-8")))
                if unquote(parts.fragment) not in ids[target]:
                    found.broken.append(f"{relative}: {raw} (no such anchor)")
    return found


def placeholders_shown(site: Path) -> list[tuple[str, str]]:
    """(file, the start of the placeholder) of every `{{ kind:name }}` a built page, feed or script shows."""
    return [
        (path.relative_to(site).as_posix(), match[0])
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".ics"}
        for match in PLACEHOLDER.finditer(path.read_text(encoding="utf-8", errors="replace"))
    ]


def phone_downloads(site: Path) -> dict[str, int]:
    """Bytes of each content photo a phone 360 CSS px wide at DPR 2 downloads, by page and photo:
    of each <picture>, the first source's (the best format) srcset choice, and the fallback's."""
    found: dict[str, int] = {}
    for page in site.rglob("*.html"):
        for picture in re.findall(r"<picture>.*?</picture>", page.read_text(encoding="utf-8")):
            elements = _Sources()
            elements.feed(picture)
            for _tag, attributes in [element for element in elements.found if "srcset" in element[1]]:
                candidates = sorted(
                    (int(width[:-1]), url) for url, width in (item.split() for item in attributes["srcset"].split(", "))
                )
                chosen = next((url for width, url in candidates if width >= PHONE_WIDTH), candidates[-1][1])
                found[f"{page.relative_to(site)} {chosen}"] = (page.parent / chosen).stat().st_size
    return found


class _Sources(HTMLParser):
    """The img and source elements of a piece of HTML, with their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "source"):
            self.found.append((tag, {name: value or "" for name, value in attrs}))
