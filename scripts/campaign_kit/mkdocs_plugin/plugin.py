"""MkDocs adapter: hand MkDocs the site plan's pages and configuration.

All knowledge of content lives in `campaign_kit.model`, `campaign_kit.pages` and
`campaign_kit.siteplan`; this file only translates between the plan and MkDocs
events, so a different renderer needs a different adapter, nothing else.

`campaign_kit.build` loads the project once and gives each language's MkDocs run
the same plan (`use`); run by `mkdocs serve`, the plugin loads the project itself
(reference language, preview).
"""

from __future__ import annotations

import logging
import re
import shutil
from html import unescape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from ..cards import card_url, write_cards
from ..checks.files import is_publishable
from ..cms.admin import admin_assets
from ..css_pruning import markup_names
from ..feeds import feed_assets
from ..fold import INVISIBLE
from ..html_policy import sanitize
from ..markdown_config import EXTENSION_CONFIGS, EXTENSIONS
from ..model.errors import ContentError
from ..model.sections import SEARCH_URI, page_url
from ..page_html import wrap_tables
from ..pages import SitePage
from ..pages.context import Context
from ..pages.reports import report_charts
from ..photos import IMAGE_SUFFIXES, Photo, published_photo, rendition_files, responsive_photos
from ..project import STAGING_MARK, Project, load
from ..published_files import published_bytes
from ..review_boundary import BUILD_CACHE
from ..security import REFERRER_POLICY, csp, mark_outgoing_links
from ..self_check import self_check_assets
from ..site_assets import STYLESHEET, preloaded_fonts, site_fonts, site_stylesheet, theme_css
from ..site_scripts import site_scripts
from ..siteplan import SitePlan
from ..siteplan.short_links import short_link_pages
from ..siteplan.sitemap import sitemap_xml
from .config import CampaignConfig

log = logging.getLogger("mkdocs.plugins.campaign")

#: Material's stylesheet (re-check on upgrade: overrides/main.html links the site's one instead)
#: and the theme's own, both folded into the site's stylesheet (campaign_kit.site_assets).
MATERIAL_STYLESHEET = re.compile(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css")
OUR_STYLESHEET = "assets/stylesheets/campaign.css"


class CampaignPlugin(BasePlugin[CampaignConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.language: str | None = None
        self.pages: dict[str, SitePage] = {}
        self.assets: dict[str, Path | str] = {}
        self.stylesheets: dict[str, Path] = {}
        self.names: set[str] = set()  # what the rendered pages' markup offers to selectors
        self.characters: set[str] = set()  # what the rendered pages show, for the font subsets
        self.photos: dict[str, Photo] = {}  # content photos under docs/, by src_uri
        self.shared: set[str] = set()  # files under docs/ published once, in the reference site

    def use(self, project: Project, language: str) -> None:
        """Build `language` of an already loaded project (called before MkDocs runs)."""
        self.project, self.language = project, language

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        if self.project is None:
            self.project = _load(root)
        plan = self.project.plan
        language = self.language = self.language or plan.reference.code
        if language not in plan.sites:
            raise PluginError(f"Ngôn ngữ “{language}” không có trong campaign/languages.yml.")
        _configure(config, plan, language)
        config.extra["campaign"]["staging"] = STAGING_MARK if self.project.staging else ""
        self.pages = plan.sites[language].pages
        self.names, self.characters = set(), set()
        self.assets = {}
        config.extra["campaign"]["preload"] = preloaded_fonts(
            plan.content.campaign, root / self.config.fonts_dir, language
        )
        self.assets.update(self_check_assets(plan.content.campaign))
        self.assets.update(site_scripts())
        self.assets.update(feed_assets(plan, language))
        self.assets.update(report_charts(Context(plan.content, plan.content.campaign.language(language))))
        if language == plan.reference.code:  # the short links of print QR codes, at the site's root
            self.assets.update(short_link_pages(plan))
            self.assets.update(admin_assets(plan.content.campaign))  # the newsroom's forms: quan-tri/
        return config

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        """`visible`: text without zero-width characters (the word breaks of Khmer), for meta tags a
        chat app shows as they are."""
        env.filters["visible"] = lambda text: "".join(char for char in str(text) if char not in INVISIBLE)
        return env

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        """Campaign facts are content too: a change in campaign/ rebuilds the preview."""
        server.watch(str(Path(config.config_file_path).parent / self.config.campaign_dir))
        return server

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        self._read(output)
        return mark_outgoing_links(output, config.site_url)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        self._read(output_content)  # 404.html
        return mark_outgoing_links(output_content, config.site_url)

    def _read(self, html_page: str) -> None:
        self.names |= markup_names(html_page)
        self.characters.update(unescape(html_page))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The stylesheet and the fonts, made from what the pages contain; MkDocs' sitemap,
        replaced by the plan's: the same pages, with their hreflang alternates; share cards."""
        assert self.project is not None and self.language is not None
        site_dir = Path(config.site_dir)
        self._write_stylesheet_and_fonts(config)
        (site_dir / "sitemap.xml").write_text(sitemap_xml(self.project.plan, self.language), encoding="utf-8")
        (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
        if self.project.staging and self.language == self.project.plan.reference.code:
            (site_dir / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
        root = Path(config.config_file_path).parent
        rendered, cached = write_cards(
            self.project.plan, self.language, site_dir, root / self.config.fonts_dir, root / BUILD_CACHE
        )
        log.info("Thẻ chia sẻ (%s): %d vẽ mới, %d lấy từ .cache/cards", self.language, rendered, cached)

    def _write_stylesheet_and_fonts(self, config: MkDocsConfig) -> None:
        assert self.project is not None and self.language is not None
        campaign = self.project.plan.content.campaign
        root = Path(config.config_file_path).parent
        fonts_dir = root / self.config.fonts_dir
        site_dir = Path(config.site_dir)
        stylesheet = site_stylesheet(
            self.stylesheets["material"].read_text(encoding="utf-8"),
            theme_css(campaign, fonts_dir, self.language),
            self.stylesheets["ours"].read_text(encoding="utf-8"),
            self.names,
        )
        (site_dir / STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / STYLESHEET).write_text(stylesheet, encoding="utf-8")
        text = self.characters | set(stylesheet)  # generated content (content: "…") is drawn too
        for uri, built in site_fonts(campaign, fonts_dir, root / BUILD_CACHE, self.language, text).items():
            (site_dir / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(built, site_dir / uri)

    def on_page_markdown(self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        """The page's share card and address, for the og: tags of overrides/main.html."""
        assert self.project is not None and self.language is not None
        src_uri = page.file.src_uri
        if src_uri in self.pages:
            page.meta["share_url"] = self.project.plan.url(src_uri, self.language)
            page.meta["share_image"] = card_url(self.project.plan, src_uri, self.language)
        return markdown

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Replace the Markdown sources by the plan's pages; add fonts and styles.

        Of the other files under docs/, only what the gate allows is published (never a
        file reached through a symbolic link), and a theme file one of them shadowed
        comes back: defence in depth, for a build run without the gate. Photos and PDFs
        are published as `published_files` re-writes them, never as they were sent."""
        docs_dir = Path(config.docs_dir)
        kept, generated = [], []
        self.photos, self.shared = {}, set()
        for file in files:
            if file.is_documentation_page():
                continue
            if not _is_under(file, docs_dir):
                kept.append(file)
            elif is_publishable(Path(file.abs_src_path), docs_dir):
                generated += self._published_once(config, file)
        generated += [File.generated(config, uri, content=page.markdown()) for uri, page in self.pages.items()]
        for uri, source in self.assets.items():
            if isinstance(source, Path):
                generated.append(File.generated(config, uri, abs_src_path=str(source)))
            else:
                generated.append(File.generated(config, uri, content=source))
        published = Files(kept + generated)
        published.add_files_from_theme(config.theme.get_env(), config)
        return self._fold_stylesheets(published)

    def _published_once(self, config: MkDocsConfig, file: File) -> list[File]:
        """A file under docs/ is published once, by the reference language's build (a photo with
        its renditions, `campaign_kit.photos`); the other languages know it, so that their links
        to it are checked, but do not write it: their pages point to the reference copy."""
        assert self.project is not None
        path = Path(file.abs_src_path)
        is_image = file.src_uri.lower().endswith(IMAGE_SUFFIXES)
        photo = published_photo(path, file.src_uri) if is_image else None
        reference = self.language == self.project.plan.reference.code
        # Whether it can be published: a photo's header says (the other languages decode nothing);
        # the reference language writes it, and drops it too if it cannot be decoded after all.
        content = published_bytes(path) if reference or not is_image else b""
        if content is None or (is_image and photo is None):
            return []
        if photo is not None:
            self.photos[file.src_uri] = photo
        self.shared.add(file.src_uri)
        if not reference:
            return [File.generated(config, file.src_uri, content=b"", inclusion=InclusionLevel.EXCLUDED)]
        published = [File.generated(config, file.src_uri, content=content)]
        if photo is not None:
            cache = Path(config.config_file_path).parent / BUILD_CACHE
            for uri, cached in rendition_files(path, photo, cache).items():
                published.append(File.generated(config, uri, abs_src_path=str(cached)))
        return published

    def _fold_stylesheets(self, files: Files) -> Files:
        """Material's stylesheet and campaign.css become part of the site's stylesheet (written
        after the pages): neither is published on its own, nor Material's source map."""
        material = [file for file in files if MATERIAL_STYLESHEET.fullmatch(file.src_uri)]
        ours = files.get_file_from_path(OUR_STYLESHEET)
        if len(material) != 1 or ours is None or material[0].abs_src_path is None or ours.abs_src_path is None:
            raise PluginError(f"Material's stylesheet or {OUR_STYLESHEET} not found: re-check overrides/main.html")
        self.stylesheets = {"material": Path(material[0].abs_src_path), "ours": Path(ours.abs_src_path)}
        folded = {material[0].src_uri, material[0].src_uri + ".map", OUR_STYLESHEET}
        return Files([file for file in files if file.src_uri not in folded])

    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        """Every page's HTML through the site's sanitizer: the gate reports what it would change;
        here it is changed, whatever reached the build. Pages the plan generates from campaign/
        data (search, finder, listings) may also keep their forms and data attributes (their
        scripts come from the theme). Then tables get their accessible scroll areas (ours)."""
        assert self.project is not None and self.language is not None
        html = sanitize(html, generated=page.file.src_uri not in self.project.content.pages)
        html = wrap_tables(html, self.project.content.campaign.strings[self.language].table_label)
        prefix = self.project.plan.sites[self.language].prefix
        return responsive_photos(html, page.file.url, self.photos, self.shared, prefix)


def _is_under(file: File, folder: Path) -> bool:
    return file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(folder)


def _load(root: Path) -> Project:
    try:
        return load(root)  # `mkdocs serve` reloads on every edit: the gate re-checks only changed files
    except ContentError as error:
        for problem in error.problems:
            (log.error if problem.severity == "error" else log.warning)(str(problem))
        raise PluginError(f"Nội dung có {len(error.errors)} lỗi (xem các dòng ERROR ở trên).") from None


def _configure(config: MkDocsConfig, plan: SitePlan, language: str) -> None:
    """Everything per language comes from the plan and campaign/: no mkdocs.<lang>.yml."""
    site = plan.content.campaign.site
    config.site_name = plan.content.campaign.strings[language].site_name or site.site_name
    config.site_url = plan.site_url + plan.sites[language].prefix
    config.theme["language"] = language
    config.nav = list(plan.nav)
    config.markdown_extensions = list(EXTENSIONS)
    config.mdx_configs = dict(EXTENSION_CONFIGS)
    strings = plan.content.campaign.strings[language]
    config.extra["campaign"] = {
        "short_name": strings.short_name or site.short_name,
        "locale": plan.content.campaign.language(language).locale,
        "edit_label": strings.edit_page,
        "search_url": page_url(SEARCH_URI),
        "stylesheet": STYLESHEET,
        "csp": csp(),
        "referrer": REFERRER_POLICY,
        "languages": [
            {"name": other.language.name, "lang": other.code, "link": plan.language_root(other.code)}
            for other in plan.sites.values()
        ],
    }
