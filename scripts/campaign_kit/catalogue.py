"""The catalogue: every print product, named and sized, before anything is rendered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .model.campaign import PrintFormat
from .model.content import Content
from .model.figures import last_change
from .model.schema import PolicyMeta
from .model.sections import BY_TYPE
from .model.translations import page_state

ProductType = Literal["leaflet", "poster", "banner"]
GENERAL = "chung"  # the general campaign leaflet, beside one per policy group
FILE_PREFIX = {"leaflet": "to-roi", "poster": "ap-phich", "banner": "bang-ron"}
EVERY_UNIT = "moi-xa-phuong"  # in file names: the generic version, for readers of every commune and ward
PAGES = {"leaflet": 2, "poster": 1, "banner": 1}


@dataclass(frozen=True)
class Product:
    product_type: ProductType
    subject: str  # GENERAL, a policy group key, or a slogan key
    format: PrintFormat
    language: str
    unit: str | None = None  # variant for a unit of today (admin_map.yml): its People's Committee is printed
    version: str = field(kw_only=True)  # the content's date (content_date), ISO: the same content, the same name

    @property
    def stem(self) -> str:
        """Product, subject, size, unit, language and version, each a slug, separated by "_" so that the
        fields can be told apart: to-roi_y-te_a5_xa-lua-vang_vi_2025-07-01."""
        parts = [FILE_PREFIX[self.product_type], self.subject, self.format.key, self.unit or EVERY_UNIT]
        return "_".join([*parts, self.language, self.version])

    @property
    def filename(self) -> str:
        return f"{self.stem}.pdf"

    @property
    def pages(self) -> int:
        return PAGES[self.product_type]

    @property
    def has_colophon(self) -> bool:
        """Leaflets and posters are printed matter handed out or posted for reading: they carry the
        publication lines (wording.colophon_lines). A banner is street signage read from afar, not a
        publication in that sense: it carries none."""
        return self.product_type != "banner"


def leaflet_subjects(content: Content, language: str) -> list[str]:
    """The general leaflet, then every policy group whose policies all exist in `language`."""
    policies = content.items("policy")
    translated = {policy.meta.group for policy in policies if content.page(policy.src_uri, language)}
    untranslated = {policy.meta.group for policy in policies if not content.page(policy.src_uri, language)}
    keys = [group.key for group in content.campaign.policy_groups[content.campaign.default_language]]
    return [GENERAL, *(key for key in keys if key in translated - untranslated)]


def content_date(content: Content) -> dt.date:
    """The date of what is printed: the latest check of a policy against the law, of the map of units,
    or of a change in the figures printed as of the print date. It versions the files (their names,
    creation and modification dates), so the same content gives the same files on any day."""
    checked = [policy.meta.checked for policy in content.items("policy") if isinstance(policy.meta, PolicyMeta)]
    campaign = content.campaign
    figures = last_change(campaign.figures, content.today, campaign.notice_days)
    return max([campaign.admin_map.since, *(date for date in [*checked, figures] if date)])


def catalogue(content: Content, languages: list[str] | None = None) -> list[Product]:
    """Every product. The reference language gets unit variants, posters and banners; other languages
    get their leaflets in a generic version, and a poster of each slogan whose words and poster line
    their strings translate (banners, read from afar, stay in the reference language)."""
    campaign = content.campaign
    settings = campaign.print_settings
    reference = campaign.default_language
    version = content_date(content).isoformat()
    products: list[Product] = []
    for language in languages or [entry.code for entry in campaign.languages]:
        units: list[str | None] = [None]
        if language == reference:
            units += [unit.key for unit in campaign.admin_map.units]
        for subject in leaflet_subjects(content, language):
            for fmt in settings.leaflets:
                products += [Product("leaflet", subject, fmt, language, unit, version=version) for unit in units]
        if language != reference:
            strings = campaign.strings[language]
            products += [
                Product("poster", slogan.key, settings.poster, language, version=version)
                for slogan in content.current_slogans()
                if slogan.key in strings.slogans and (slogan.poster_line is None or slogan.key in strings.poster_lines)
            ]
            continue
        for slogan in content.current_slogans():
            products.append(Product("poster", slogan.key, settings.poster, language, version=version))
            products += [Product("banner", slogan.key, fmt, language, version=version) for fmt in settings.banners]
    return products


def subject_title(content: Content, product: Product) -> str:
    """What a product is about, in words: the slogan, the policy group, or the campaign itself."""
    campaign = content.campaign
    if product.product_type != "leaflet":
        return campaign.slogan(product.subject).text
    if product.subject == GENERAL:
        return content.current_programme()
    groups = campaign.policy_groups[product.language]
    return next(group.title for group in groups if group.key == product.subject)


ORIGINAL = "original"  # translation status of a product in the reference language


def source_pages(content: Content, product: Product) -> list[str]:
    """The pages whose words a product prints (posters and banners print slogans from campaign/)."""
    if product.product_type != "leaflet":
        return []
    policies = [p.src_uri for p in content.items("policy") if product.subject in (GENERAL, p.meta.group)]
    return ["index.md", BY_TYPE["policy"].index, *policies]


def translation_status(content: Content, product: Product) -> str:
    """ORIGINAL in the reference language; otherwise "reviewed" only when every page the product
    prints has a reviewed translation made from its current source, else "unreviewed". A product that prints
    no page (a poster, a banner: slogans and call lines from strings/<code>.yml, which keep no review record)
    is unreviewed."""
    if product.language == content.campaign.default_language:
        return ORIGINAL
    pages = source_pages(content, product)
    reviewed = bool(pages) and all(page_state(content, src_uri, product.language) == "reviewed" for src_uri in pages)
    return "reviewed" if reviewed else "unreviewed"
