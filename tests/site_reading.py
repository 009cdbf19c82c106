"""Reading a built site back, for the kit's tests (the fixture's site, the export built with Zensical) and the
real content's own checks (tests/content/) alike: its links and anchors, the placeholders it shows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

IDS = re.compile(r'\s(?:id|name)="([^"]+)"')
LINKS = re.compile(r'\s(?:href|src)="([^"]*)"')
OTHER_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\{\s*[a-z_]+\s*:")


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
