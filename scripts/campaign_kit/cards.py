"""Share cards: a 1200×630 PNG per page (its title and the campaign's name) for links shared
on Zalo and Facebook, which rarely get opened without one. The many pages of a growing
section (stories, their listings) show their section's card.

Rendered through the print pipeline: WeasyPrint lays out the vendored Noto fonts (Pango and
HarfBuzz shape Vietnamese and Khmer), pypdfium2 rasterises the PDF. No network. A card is
cached in .cache/cards/ under the hash of everything that makes it (its HTML, the fonts,
this module's layout), so an unchanged page is not rendered again; the missing cards of a
build are laid out as one document, one page each (WeasyPrint's cost is per document).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pypdfium2
from PIL import Image
from weasyprint import HTML
from weasyprint.document import Document

from .atomic import write_atomic
from .model.campaign import Campaign
from .model.sections import growing_section
from .segmentation import mark_word_breaks
from .siteplan import SitePlan

WIDTH, HEIGHT = 1200, 630  # pixels: the size Facebook and Zalo show in full
CSS_PX_PER_PT = 4 / 3  # WeasyPrint's page is in CSS px (96/in); the PDF in points (72/in)
CARD_FOLDER = "assets/cards"
COLOURS = 32  # a palette PNG: the card's flat colours and the text's anti-aliasing, a third of the bytes
LAYOUT_VERSION = "1"  # change with the CSS below: cached cards are then rendered again


@dataclass(frozen=True)
class Card:
    title: str
    site_name: str
    scripts: tuple[str, ...]  # scripts of the page's language (Khmer gets its word breaks)


def card_source(src_uri: str) -> str:
    """The page whose card a page shows: its own, or its section's index for the many pages of a
    section that grows (stories, their listings): a link preview shows the page's own og:title
    beside the card anyway, and thousands of cards would make every cold build slow."""
    section = growing_section(src_uri)
    return section.index if section is not None else src_uri


def card_uri(src_uri: str) -> str:
    """Where a page's card lives under its language's root: 'assets/cards/chinh-sach/nha-o.png'."""
    return f"{CARD_FOLDER}/{card_source(src_uri).removesuffix('.md')}.png"


def card_url(plan: SitePlan, src_uri: str, language: str) -> str:
    """The card's absolute URL (og:image must be absolute)."""
    return plan.site_url + plan.sites[language].prefix + card_uri(src_uri)


def page_cards(plan: SitePlan, language: str) -> dict[str, Card]:
    """{card path under the language root: card} for every card a language's pages show."""
    campaign = plan.content.campaign
    site_name = campaign.strings[language].site_name or campaign.site.site_name
    scripts = tuple(campaign.language(language).scripts)
    sources = dict.fromkeys(card_source(src_uri) for src_uri in plan.sites[language].pages)
    return {card_uri(src_uri): Card(plan.title(src_uri, language), site_name, scripts) for src_uri in sources}


def _style(campaign: Campaign, fonts_dir: Path) -> str:
    faces = "".join(
        f'@font-face {{ font-family: "{font.family}"; font-weight: {font.weight}; font-style: {font.style};'
        f' src: url("{(fonts_dir / font.file).resolve().as_uri()}"); }}\n'
        for font in campaign.fonts
    )
    families = ", ".join(dict.fromkeys(f'"{font.family}"' for font in campaign.fonts))
    palette = campaign.site.palette
    return (
        faces
        + f"""
@page {{ size: {WIDTH}px {HEIGHT}px; margin: 0; }}
html, body {{ margin: 0; }}
body {{ font-family: {families}; color: #fff; }}
.card {{ width: {WIDTH}px; height: {HEIGHT}px; box-sizing: border-box; padding: 72px 80px;
  background: {palette.primary}; border-bottom: 24px solid {palette.accent}; page-break-after: always;
  display: flex; flex-direction: column; justify-content: space-between; overflow: hidden; }}
.title {{ font-weight: 700; line-height: 1.3; margin: 0; max-height: 400px; overflow: hidden; }}
.site {{ font-size: 34px; line-height: 1.4; margin: 0; color: {palette.surface}; }}
"""
    )


def _title_size(title: str) -> int:
    """Short titles large; long ones smaller, so that they fit in four lines."""
    return 72 if len(title) <= 40 else 60 if len(title) <= 70 else 48 if len(title) <= 110 else 40


def _card_html(card: Card) -> str:
    body = (
        f'<section class="card"><p class="title" style="font-size: {_title_size(card.title)}px">'
        f'{escape(card.title)}</p><p class="site">{escape(card.site_name)}</p></section>'
    )
    return mark_word_breaks(body, list(card.scripts))


def cards_document(cards: list[Card], campaign: Campaign, fonts_dir: Path) -> Document:
    """The cards laid out as one document, one page each (tests read its text back)."""
    html = f"<!doctype html><html><head><meta charset='utf-8'><style>{_style(campaign, fonts_dir)}</style></head>"
    html += "<body>" + "".join(_card_html(card) for card in cards) + "</body></html>"
    return HTML(string=html, base_url=str(fonts_dir)).render()


def cards_pdf(cards: list[Card], campaign: Campaign, fonts_dir: Path) -> bytes:
    """The PDF that is rasterised."""
    return cards_document(cards, campaign, fonts_dir).write_pdf()


def _png_pages(pdf: bytes) -> list[bytes]:
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    for page in document:
        image = page.render(scale=CSS_PX_PER_PT).to_pil().convert("RGB")
        if image.size != (WIDTH, HEIGHT):
            raise RuntimeError(f"thẻ chia sẻ có kích thước {image.size}, cần {WIDTH}×{HEIGHT}")
        out = io.BytesIO()
        image.quantize(colors=COLOURS, method=Image.Quantize.FASTOCTREE).save(out, format="PNG")
        pages.append(out.getvalue())
    document.close()
    return pages


def _fonts_digest(campaign: Campaign, fonts_dir: Path) -> str:
    digest = hashlib.sha256(LAYOUT_VERSION.encode())
    digest.update(_style(campaign, fonts_dir).encode())
    for font in campaign.fonts:
        digest.update((fonts_dir / font.file).read_bytes())
    return digest.hexdigest()


def write_cards(plan: SitePlan, language: str, site_dir: Path, fonts_dir: Path, cache_dir: Path) -> tuple[int, int]:
    """Every page's card into `site_dir` (a language's root). Returns (rendered, from cache)."""
    campaign = plan.content.campaign
    fonts = _fonts_digest(campaign, fonts_dir)
    cache = cache_dir / "cards"
    cache.mkdir(parents=True, exist_ok=True)
    cached: dict[str, Path] = {}
    missing: dict[Path, Card] = {}
    for uri, card in page_cards(plan, language).items():
        key = hashlib.sha256((fonts + _card_html(card)).encode()).hexdigest()
        cached[uri] = cache / f"{key}.png"
        if not cached[uri].exists():
            missing[cached[uri]] = card
    if missing:
        pngs = _png_pages(cards_pdf(list(missing.values()), campaign, fonts_dir))
        for path, png in zip(missing, pngs, strict=True):
            write_atomic(path, png)
    for uri, source in cached.items():
        target = site_dir / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    return len(missing), len(cached) - len(missing)
