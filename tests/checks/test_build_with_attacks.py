"""Defence in depth: the site built with every attack of the corpus present, the gate
bypassed (`load(..., gate=False)`), still publishes nothing that runs, loads from another
host or comes through a symbolic link: the build sanitizes every page and copies only
the files the gate allows."""

from __future__ import annotations

import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import material
from conftest import PROJECT, copy_fixture
from corpus import CORPUS, STORY
from file_attacks import FILE_ATTACKS
from photos import photo
from PIL import Image
from site_reading import phone_downloads

from campaign_kit.build import render_site
from campaign_kit.cms.admin import admin_assets
from campaign_kit.model.errors import ContentError
from campaign_kit.model.sections import ADMIN_FOLDER, SEARCH_BUNDLE, page_url
from campaign_kit.pages.context import Context
from campaign_kit.pages.reports import report_charts
from campaign_kit.photos import PHONE_BUDGET
from campaign_kit.project import Project, load
from campaign_kit.security import csp
from campaign_kit.self_check import self_check_assets
from campaign_kit.site_scripts import site_scripts
from campaign_kit.siteplan.short_links import PREFIX as SHORT_PREFIX

SECRET = "SECRET-DEPLOY-TOKEN-4f1c"
# Broken links are mistakes, not attacks: the strict build stops at them by design.
# (An absolute link, even one hidden with a tab, stops it too: its sanitizing is tested on its own.)
LINK_MISTAKES = ("lien-ket-hong.md", "lien-ket-tuyet-doi.md", "muc-khong-co.md", "tieu-de-anh-tab.md")
THEME_DIRS = (PROJECT / "overrides", Path(material.__file__).parent / "templates")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href")
RESOURCE_ATTRIBUTES = ("src", "poster", "data", "srcset")  # what a browser fetches by itself
FETCHED_LINKS = ("stylesheet", "preload", "modulepreload", "prefetch", "icon", "manifest")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.in_article = 0
        self.active_in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "article":
            self.in_article += 1
        if tag in ("script", "iframe", "object", "embed", "svg", "style", "form", "input") and self.in_article:
            self.active_in_article += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1


def _attack_project(root: Path) -> Project:
    """Every attack page and file under docs/; the pages the content model itself
    refuses (broken YAML, unknown folders, schema) are taken out: no build can use them."""
    docs = root / "docs"
    for page in CORPUS.rglob("*.md"):
        relative = page.relative_to(CORPUS)
        if relative.parts[0] == "hop-le" or relative.name in LINK_MISTAKES:
            continue
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(page, docs / relative)
    for name in ("chi-ba", "chi-ba-tuoi-rau", "chi-ba-sang"):  # the photos the attack pages show
        photo(docs / STORY / "anh" / f"{name}.jpg")
    for _, make, _ in FILE_ATTACKS:
        make(docs)
    secret = root.parent / "deploy.env"
    secret.write_text(f"TOKEN={SECRET}\n", encoding="utf-8")
    (docs / STORY / "anh" / "bi-mat.jpg").symlink_to(secret)
    (docs / "bi-mat.md").symlink_to(secret)
    for _ in range(5):
        try:
            return load(root, gate=False)
        except ContentError as error:
            for problem in error.problems:
                refused = root / problem.path
                if problem.path.startswith("docs/") and refused.suffix == ".md" and not refused.is_symlink():
                    refused.unlink(missing_ok=True)
    return load(root, gate=False)


def _theme_file(relative: str) -> Path | None:
    for folder in THEME_DIRS:
        if (folder / relative).is_file():
            return folder / relative
    return None


def test_a_site_built_with_every_attack_publishes_none(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "project")
    project = _attack_project(root)
    attack_pages = [
        page
        for languages in project.content.pages.values()
        for page in languages.values()
        if (CORPUS / page.src_uri).is_file()
    ]
    assert len(attack_pages) >= 40, "most attacks reach the build: the sanitizer, not the loader, stops them"
    site = tmp_path / "site"
    render_site(project, site)

    files = [path for path in site.rglob("*") if path.is_file() or path.is_symlink()]
    assert not [path for path in files if path.is_symlink()]
    assert not (site / "he-thong").exists()
    for path in files:
        data = path.read_bytes()
        assert SECRET.encode() not in data, path
        assert b"root:x:0:0" not in data, path
    charts = report_charts(Context(project.content, project.content.campaign.languages[0]))
    admin = admin_assets(project.content.campaign)
    for path in files:
        relative = path.relative_to(site).as_posix()
        relative = re.sub(r"^(?:en|km)/", "", relative)
        if relative.startswith(f"{SEARCH_BUNDLE}/"):
            continue  # the search index: Pagefind's own scripts and the index it made of the built pages
        if relative in self_check_assets(project.content.campaign):
            continue  # the self-check, built from scripts/campaign_kit/self_check and campaign/ data
        if relative in site_scripts():
            continue  # the finder and search scripts with the fold rule, from scripts/campaign_kit/site_scripts
        if relative in charts:
            continue  # the report pages' bar charts, drawn from the totals of campaign/activities/
        if relative in admin:
            continue  # the admin page: the vendored CMS (its hashes pinned) and its generated config (test_cms.py)
        if path.suffix in (".js", ".svg", ".css", ".html") and not relative.endswith(".html"):
            theme = _theme_file(relative)
            if path.suffix == ".css" and theme is None:
                continue  # the campaign's own stylesheets, generated by the plugin from campaign/
            assert theme is not None and theme.read_bytes() == path.read_bytes(), f"{relative} is not the theme's"
    assert not [path for path in files if path.name == "trang.html"]
    assert not (site / "van-ban" / "mau.pdf").exists(), "a PDF the gate refuses is not copied either"
    assert not (site / STORY / "anh" / "rat-lon.png").exists(), "an image beyond the pixel limit is never decoded"
    suffixes = {".jpg": "JPEG", ".webp": "WEBP", ".avif": "AVIF"}
    photos = [path for suffix in suffixes for path in site.glob(f"**/anh/*{suffix}")]
    for path in photos:  # photos and their renditions are re-encoded
        with Image.open(path) as image:
            assert not image.getexif() and not image.info.get("xmp") and getattr(image, "n_frames", 1) == 1, path
            assert image.format == suffixes[path.suffix], path
    assert {path.suffix for path in photos} == set(suffixes)
    assert not [path for path in photos if path.relative_to(site).parts[0] in ("en", "km")], "published once"
    downloads = phone_downloads(site)
    assert downloads and max(downloads.values()) <= PHONE_BUDGET

    # The short links of print QR codes are redirect pages of ours (a meta refresh to a page of the site).
    # The admin page (quan-tri/) is the vendored CMS with its own policy, judged in test_cms.py.
    pages = [
        path
        for path in files
        if path.suffix == ".html"
        and not path.is_relative_to(site / SHORT_PREFIX)
        and not path.is_relative_to(site / ADMIN_FOLDER)
    ]
    # Pages written by editors; the others (search, finder, listings) are generated from campaign/ data.
    written = {page_url(uri) for uri in project.content.pages}
    attacked = {page.src_uri[:-3] for page in attack_pages}
    checked = 0
    # The one http-equiv a page may carry: the site's own Content-Security-Policy (campaign_kit.security).
    our_policy = {"http-equiv": "Content-Security-Policy", "content": csp()}
    for path in pages:
        text = path.read_text(encoding="utf-8")
        elements = _Elements()
        elements.feed(text)
        url = re.sub(r"^(?:en|km)/", "", path.parent.relative_to(site).as_posix() + "/").removeprefix("./")
        if url in written:
            assert elements.active_in_article == 0, path
        for tag, attributes in elements.elements:
            assert not [name for name in attributes if name.startswith("on")], (path, tag, attributes)
            assert tag not in ("iframe", "object", "embed", "base") and not (
                tag == "meta" and "http-equiv" in attributes and attributes != our_policy
            ), (path, tag)
            if tag == "script" and "src" in attributes:
                assert "assets/javascripts/" in attributes["src"], (path, attributes)
            for name in URL_ATTRIBUTES:
                value = re.sub(r"[\x00-\x20]", "", html.unescape(attributes.get(name, ""))).lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, tag, name, value)
                fetched = tag == "link" and attributes.get("rel") in FETCHED_LINKS
                if name in RESOURCE_ATTRIBUTES or (fetched and name == "href"):
                    assert not value.startswith(("http:", "https:", "//")), (path, tag, name, value)
        if any(f"/{uri}/" in path.as_posix() for uri in attacked):
            checked += 1
    assert checked >= 40, "the attack pages were built and inspected"
