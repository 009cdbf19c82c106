"""Share cards: a 1200×630 PNG per page for links shared on Zalo and Facebook, which rarely get
opened without one: the site's mark and name, the page's title and a line of its summary (its
description), so that the card says something to whoever receives it. The many pages of a growing
section (stories, their listings) show their section's card.

Type sizes: the title as large as fits TITLE_LINES lines, measured with HarfBuzz in the bold faces
(Khmer marks and subscripts take no width of their own); every size times the language's print_scale,
the factor that makes a script set in its own font look as large as the reference language's
(campaign/languages.yml). The summary is cut to one line at a word, with an ellipsis.

Rendered through the print pipeline: WeasyPrint lays out the vendored Noto fonts (Pango and
HarfBuzz shape Vietnamese and Khmer), pypdfium2 rasterises the PDF. No network. A card is
cached in .cache/cards/ under the hash of everything that makes it (its HTML, the fonts,
this module's layout), so an unchanged page is not rendered again; the missing cards of a
build are laid out as one document, one page each (WeasyPrint's cost is per document).
"""

from __future__ import annotations

import base64
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
from .printing.typography import Shaper, balanced_lines, units
from .segmentation import ZWSP, mark_word_breaks
from .siteplan import SitePlan

WIDTH, HEIGHT = 1200, 630  # pixels: the size Facebook and Zalo show in full
CSS_PX_PER_PT = 4 / 3  # WeasyPrint's page is in CSS px (96/in); the PDF in points (72/in)
CARD_FOLDER = "assets/cards"
COLOURS = 32  # a palette PNG: the card's flat colours and the text's anti-aliasing, a third of the bytes
LAYOUT_VERSION = "2"  # change with the CSS below: cached cards are then rendered again
PADDING_X, TEXT_WIDTH = 80, WIDTH - 2 * 80  # px
TITLE_SIZES = (72, 64, 56, 48, 42)  # px before the language's scale, the largest that fits first
TITLE_LINES = 3  # ...in this many lines
TITLE_LEADING = 1.25
TITLE_HEIGHT = 310  # px between the mark and the summary
SUMMARY_SIZE = 34  # px before the language's scale
SITE_SIZE = 32
MARK_SIZE = 72
FIT_SHARE = 0.95  # of the line HarfBuzz's measure may fill (Pango rounds, may pick another face for a space)
ELLIPSIS = "…"
SENTENCE_ENDS = (".", "?", "!", "\u17d4")  # ។ (Khmer khan)


@dataclass(frozen=True)
class Card:
    title: str
    summary: str  # the page's description ("" without one)
    site_name: str
    scripts: tuple[str, ...]  # scripts of the page's language (Khmer gets its word breaks)
    scale: float = 1.0  # the language's print_scale


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
    scale = campaign.language(language).print_scale
    sources = dict.fromkeys(card_source(src_uri) for src_uri in plan.sites[language].pages)
    return {
        card_uri(src_uri): Card(
            plan.title(src_uri, language),
            plan.page(src_uri, language).meta.description or "",
            site_name,
            scripts,
            scale,
        )
        for src_uri in sources
    }


def _style(campaign: Campaign) -> str:
    """The cards' CSS; font files by name, found in the fonts folder (the document's base URL), so that
    the cache key holds no path: a copy of the project elsewhere reuses the cards."""
    faces = "".join(
        f'@font-face {{ font-family: "{font.family}"; font-weight: {font.weight}; font-style: {font.style};'
        f' src: url("{font.file}"); }}\n'  # a plain file name (campaign.FontFile)
        for font in campaign.fonts
    )
    palette = campaign.site.palette
    return (
        faces
        + f"""
@page {{ size: {WIDTH}px {HEIGHT}px; margin: 0; }}
html, body {{ margin: 0; }}
body {{ font-family: {_families(campaign)}; color: #fff; }}
.card {{ position: relative; width: {WIDTH}px; height: {HEIGHT}px; box-sizing: border-box;
  padding: 56px {PADDING_X}px 0; background: {palette.primary}; border-bottom: 24px solid {palette.accent};
  page-break-after: always; overflow: hidden; }}
.brand {{ height: {MARK_SIZE}px; margin: 0 0 36px; white-space: nowrap; }}
.mark {{ width: {MARK_SIZE}px; height: {MARK_SIZE}px; margin-right: 24px; vertical-align: middle; }}
.site {{ line-height: 1.3; vertical-align: middle; color: {palette.surface}; }}
.title {{ font-weight: 700; line-height: {TITLE_LEADING}; margin: 0; max-height: {TITLE_HEIGHT}px; overflow: hidden; }}
.summary {{ position: absolute; left: {PADDING_X}px; right: {PADDING_X}px; bottom: 48px; margin: 0;
  line-height: 1.4; white-space: nowrap; overflow: hidden; color: {palette.surface}; }}
"""
    )


def _families(campaign: Campaign) -> str:
    return ", ".join(dict.fromkeys(f'"{font.family}"' for font in campaign.fonts))


@dataclass(frozen=True)
class Measure:
    """Widths (em) of a card's texts in the faces WeasyPrint sets them in, in the style sheet's order."""

    bold: Shaper
    regular: Shaper

    @classmethod
    def of(cls, campaign: Campaign, fonts_dir: Path) -> Measure:
        def faces(weight: int) -> Shaper:
            return Shaper(
                tuple(fonts_dir / f.file for f in campaign.fonts if f.weight == weight and f.style == "normal")
            )

        return cls(faces(700), faces(400))

    def title(self, card: Card) -> tuple[float, list[str]]:
        """The title's size, the largest of TITLE_SIZES (times the scale) at which it fits TITLE_LINES
        lines, and its lines, balanced (WeasyPrint fills lines greedily, leaving one word alone)."""
        parts = units(mark_word_breaks(card.title, list(card.scripts)))
        for size in TITLE_SIZES:
            px = size * card.scale
            limit = TEXT_WIDTH / px * FIT_SHARE
            lines = balanced_lines(parts, limit, self.bold.width)
            if max(map(self.bold.width, parts)) <= limit and len(lines) <= TITLE_LINES:
                return px, lines
        return px, lines  # the smallest size: the box hides what overflows

    def one_line(self, text: str, card: Card) -> str:
        """`text` whole if it fits one line of the summary, or its first words and an ellipsis."""
        limit = TEXT_WIDTH / (SUMMARY_SIZE * card.scale) * FIT_SHARE
        text = " ".join(text.split())
        if self.regular.width(text) <= limit:
            return text
        kept = ""
        for part in units(mark_word_breaks(text, list(card.scripts))):
            if self.regular.width((kept + part).rstrip(f" {ZWSP},;:") + ELLIPSIS) > limit:
                break
            kept += part
        kept = kept.rstrip(f" {ZWSP},;:")
        return kept if kept.endswith(SENTENCE_ENDS) else kept + ELLIPSIS  # a whole sentence needs none


def _card_html(card: Card, measure: Measure, mark: str) -> str:
    scale = card.scale
    summary = measure.one_line(card.summary, card) if card.summary else ""
    size, lines = measure.title(card)
    body = (
        f'<section class="card"><p class="brand"><img class="mark" src="{mark}" alt="">'
        f'<span class="site" style="font-size: {SITE_SIZE * scale:g}px">{escape(card.site_name)}</span></p>'
        f'<p class="title" style="font-size: {size:g}px">{"<br>".join(map(escape, lines))}</p>'
        + (f'<p class="summary" style="font-size: {SUMMARY_SIZE * scale:g}px">{escape(summary)}</p>' if summary else "")
        + "</section>"
    )
    return mark_word_breaks(body, list(card.scripts))


def _mark(campaign: Campaign) -> str:
    """The site's mark (print.yml's mark, the header's logo) as a data URL."""
    svg = (campaign.root.parent / campaign.print_settings.mark).read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def cards_document(cards: list[Card], campaign: Campaign, fonts_dir: Path) -> Document:
    """The cards laid out as one document, one page each (tests read its text back)."""
    measure, mark = Measure.of(campaign, fonts_dir), _mark(campaign)
    html = f"<!doctype html><html><head><meta charset='utf-8'><style>{_style(campaign)}</style></head>"
    html += "<body>" + "".join(_card_html(card, measure, mark) for card in cards) + "</body></html>"
    return HTML(string=html, base_url=fonts_dir.resolve().as_uri() + "/").render()


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
    digest.update(_style(campaign).encode())
    for font in campaign.fonts:
        digest.update((fonts_dir / font.file).read_bytes())
    return digest.hexdigest()


def write_cards(plan: SitePlan, language: str, site_dir: Path, fonts_dir: Path, cache_dir: Path) -> tuple[int, int]:
    """Every page's card into `site_dir` (a language's root). Returns (rendered, from cache)."""
    campaign = plan.content.campaign
    fonts = _fonts_digest(campaign, fonts_dir)
    measure, mark = Measure.of(campaign, fonts_dir), _mark(campaign)
    cache = cache_dir / "cards"
    cache.mkdir(parents=True, exist_ok=True)
    cached: dict[str, Path] = {}
    missing: dict[Path, Card] = {}
    for uri, card in page_cards(plan, language).items():
        key = hashlib.sha256((fonts + _card_html(card, measure, mark)).encode()).hexdigest()
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
