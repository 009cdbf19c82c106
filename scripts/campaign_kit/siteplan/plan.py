"""SitePlan: what the site publishes, in every language, before any renderer runs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..catalogue import Product, catalogue
from ..markdown_config import render
from ..model.campaign import Language
from ..model.content import Content
from ..model.sections import page_url
from ..pages import SitePage, build_pages
from .short_links import PREFIX as SHORT_PREFIX
from .short_links import short_code, short_links

_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class LanguageSite:
    """One language of the site: where it lives and each of its pages (metadata + Markdown body)."""

    language: Language
    prefix: str  # path of the language's root under the site root: "" or "en/"
    pages: dict[str, SitePage]  # by src_uri
    generated: frozenset[str] = frozenset()  # src_uris of the pages made from campaign/ data

    @property
    def code(self) -> str:
        return self.language.code


@dataclass
class SitePlan:
    content: Content
    sites: dict[str, LanguageSite]  # by language code, reference language first
    nav: list[str]  # src_uris of the global menu, in order
    products: list[Product]
    _anchors: dict[tuple[str, str], set[str]] = field(default_factory=dict, repr=False)

    @property
    def reference(self) -> LanguageSite:
        return next(iter(self.sites.values()))

    @cached_property
    def site_url(self) -> str:
        url = str(self.content.campaign.site.site_url)
        return url if url.endswith("/") else url + "/"

    def has_page(self, src_uri: str, language: str) -> bool:
        return src_uri in self.sites[language].pages

    def path(self, src_uri: str, language: str) -> str:
        """The page's URL path from the site root: 'en/chinh-sach/bao-hiem-y-te/'."""
        return self.sites[language].prefix + page_url(src_uri)

    def url(self, src_uri: str, language: str, anchor: str | None = None) -> str:
        """The page's absolute URL under site_url (printed in QR codes, hreflang, share cards)."""
        return self.site_url + self.path(src_uri, language) + (f"#{anchor}" if anchor else "")

    @cached_property
    def short_links(self) -> dict[str, str]:
        """{code: target path}: the redirect pages q/<code>/ the reference site carries (short_links.py)."""
        return short_links(self)

    def short_url(self, src_uri: str, language: str, anchor: str | None = None) -> str:
        """The shorter of a page's URL and its short link site_url + q/<code>/ (printed, and in QR codes)."""
        target = self.path(src_uri, language) + (f"#{anchor}" if anchor else "")
        code = short_code(target)
        if self.short_links.get(code) != target:
            raise KeyError(f"no short link for {target}")
        return min(self.url(src_uri, language, anchor), f"{self.site_url}{SHORT_PREFIX}{code}/", key=len)

    def language_root(self, language: str) -> str:
        """URL path of a language's home from the server root: '/', '/en/' (or under a sub-path)."""
        return self.content.campaign.site.base_path + self.sites[language].prefix

    def alternates(self, src_uri: str) -> dict[str, str]:
        """{language code: absolute URL} of the same page in every language that has it."""
        return {code: self.url(src_uri, code) for code in self.sites if self.has_page(src_uri, code)}

    def page(self, src_uri: str, language: str) -> SitePage:
        return self.sites[language].pages[src_uri]

    def title(self, src_uri: str, language: str) -> str:
        return self.page(src_uri, language).meta.title

    def anchors(self, src_uri: str, language: str) -> set[str]:
        """Every id in the page as the build renders it (headings through the site's toc slug)."""
        key = (src_uri, language)
        if key not in self._anchors:
            self._anchors[key] = set(_ID.findall(render(self.page(src_uri, language).body)))
        return self._anchors[key]

    def export(self, folder: Path) -> dict[str, Path]:
        """Every page as Markdown with front matter, one folder per language code: the whole
        site for a renderer other than MkDocs (Material reaches end of life in 2027).
        Returns {language code: its folder}."""
        written = {}
        for site in self.sites.values():
            written[site.code] = folder / site.code
            for src_uri, page in site.pages.items():
                path = folder / site.code / src_uri
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(page.markdown(), encoding="utf-8")
        return written


def plan_site(content: Content, *, production: bool = False) -> SitePlan:
    """`production`: the plan of the public site (pages leave out what only a draft shows)."""
    campaign = content.campaign
    reference = campaign.default_language
    sites = {}
    for language in campaign.languages:
        pages, generated = build_pages(content, language.code, production=production)
        prefix = "" if language.code == reference else f"{language.code}/"
        sites[language.code] = LanguageSite(language, prefix, pages, frozenset(generated))
    return SitePlan(content, sites, list(campaign.site.nav), catalogue(content))
