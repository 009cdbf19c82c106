"""Render one product to PDF bytes: template → HTML → WeasyPrint, with layout checks."""

from __future__ import annotations

import hashlib
import multiprocessing.util
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pydyf
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from weasyprint import HTML, Document
from weasyprint.pdf import fonts as pdf_fonts
from weasyprint.pdf import metadata as pdf_metadata
from weasyprint.text.fonts import FontConfiguration

from ..catalogue import Product, content_date
from ..model.campaign import Campaign
from ..model.print_order import MAX_PAGE_UNITS
from ..production import page_units
from ..siteplan import SitePlan
from .colours import output_intent_finisher, output_profile, press_colours
from .layout import (
    PrintError,
    block_fill,
    inside_columns,
    outside_panels,
    overflowing_blocks,
    starts_a_page,
    text_too_close,
    used_share,
)
from .marks import grommets_finisher, marks_finisher, user_unit_finisher
from .sheet import PT_PER_MM, sheet
from .site_mark import mark_svg
from .typography import Headlines, Shaper, Typesetter, typesetter
from .wording import Copy, product_copy

if TYPE_CHECKING:
    from .orders import Order

DRAFT_MARK = "BẢN THỬ — KHÔNG IN"  # on every page of a kit made outside production
# The band a translation's "not reviewed" note takes at the foot of each page, above the safe margin.
TRANSLATION_NOTE_MM = 4.5
PREVIEW_PAGE_SCALE = 10  # pages over 200 inches in the preview kit: 1:10 with UserUnit 10 (an order chooses)
FIT_STEPS = 12
# Body type of a folded leaflet's inside (pt): at least the minimum for elderly readers, grown up to the
# largest that fits so that short content still fills every panel (columns are balanced).
FOLDED_BODY_PT = (12.0, 18.0)
FOLDED_FIT_STEPS = 5
FLAP_BLOCK = "mặt ngoài, cột gấp vào"  # the outside flap's block (leaflet-folded.html.j2)
INSIDE_BLOCK = "mặt trong"  # the inside's columns (leaflet-folded.html.j2)
CLOSING = "closing"  # the class of a two-sided sheet's contact block and codes (leaflet-sheet.html.j2)
# A two-sided sheet's back that its flow fills less than this share of (layout.used_share) is short: it gets the
# steps to apply or the income lines, whichever fits, when both do not.
SHORT_SIDE = 0.7
# At most this much extra space (em) below each of the inside's questions when its text is short (a quarter of
# it below each bullet): beyond it the parts drift apart and stop reading as one article.
FOLDED_SPREAD_EM = 6.0


def css_string(text: str) -> Markup:
    """A CSS string literal of any text (the style sheet is not HTML: entities would print as is)."""
    return Markup('"' + "".join(f"\\{ord(char):x} " if char in '"\\<>&\n' else char for char in text) + '"')


def printed_url(url: str) -> str:
    """A URL as print shows it: without its scheme, which readers need not type (its QR code has it)."""
    return url.removeprefix("https://").removeprefix("http://")


@cache
def templates() -> Environment:
    environment = Environment(
        loader=PackageLoader("campaign_kit.printing", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["css_string"] = css_string
    environment.filters["printed_url"] = printed_url
    return environment


@dataclass(frozen=True)
class RenderOptions:
    fonts_dir: Path
    marks: bool = False
    production: bool = False  # False: every page carries DRAFT_MARK
    # The CMYK output intent of the PDF/X-4 files, and the profile palette colours are converted
    # through; None: output_profile of campaign/print.yml.
    cmyk_profile: Path | None = None
    # The templates' colours (colours.press_colours through cmyk_profile), computed before workers fork:
    # a LittleCMS transform built in forked workers at once can fail. Empty: computed here.
    colours: dict[str, str] = field(default_factory=dict)
    order: Order | None = None  # a print order: its colophon values, and its scale for pages over 200 inches


def font_faces(campaign: Campaign, language: str, fonts_dir: Path) -> list[dict[str, object]]:
    """The vendored faces of a language's scripts, for the templates' @font-face rules."""
    scripts = set(campaign.language(language).scripts)
    return [
        {"family": f.family, "weight": f.weight, "style": f.style, "url": (fonts_dir / f.file).resolve().as_uri()}
        for f in campaign.fonts
        if f.script in scripts
    ]


def _context(plan: SitePlan, product: Product, options: RenderOptions) -> dict[str, object]:
    campaign = plan.content.campaign
    settings = campaign.print_settings
    language = campaign.language(product.language)
    scripts = set(language.scripts)
    fonts = font_faces(campaign, product.language, options.fonts_dir)
    fmt = product.format
    profile = _profile(plan, options)
    colours = options.colours or press_colours(campaign, profile)
    typeset = typesetter(campaign, product.language)
    scale = language.print_scale
    copy = product_copy(plan, product, options.order)
    return {
        "language": product.language,
        "scripts": language.scripts,
        "copy": copy,
        "note_mm": TRANSLATION_NOTE_MM if copy.translation_note else 0,
        "fmt": fmt,
        "bleed": settings.bleed_mm,
        "safe": settings.safe_mm,
        "sheet": sheet(fmt, settings.safe_mm),
        "draft": "" if options.production else DRAFT_MARK,
        "cmyk_profile": profile.resolve().as_uri(),
        "content_date": content_date(plan.content).isoformat(),
        "fonts": fonts,
        "families": ", ".join(dict.fromkeys(f'"{font["family"]}"' for font in fonts)),
        "colours": colours,
        "scan_qr": campaign.strings[product.language].scan_qr,
        "site_name": campaign.site_name(product.language),
        "mark": Markup(mark_svg(campaign.root.parent / settings.mark, colours["white"])),
        "fold_clearance": settings.fold_clearance_mm,
        "flap_block": FLAP_BLOCK,
        "inside_block": INSIDE_BLOCK,
        "panels": outside_panels(fmt),
        "inside": inside_columns(fmt, settings.safe_mm) if fmt.panels_mm else None,
        "closing_on_back": False,
        "back_steps": False,  # a short sheet's back: the steps to apply (_sheet_layout)
        "back_lines": False,  # a short sheet's back: the poverty lines (_sheet_layout)
        "lines_front": False,  # a short sheet's front: the poverty lines after the policies (_sheet_layout)
        "ask_question": False,  # the two-sided sheet's front: set by _sheet_layout
        "tight": False,  # the two-sided sheet set tighter to keep to its two sides: set by _sheet_layout
        "font_size": 0,
        "spread": 0.0,  # a folded leaflet's extra space between questions and articles (em)
        "only_inside": False,  # a folded leaflet's inside face alone, to fit its type size
        "only_outside": False,  # its outside face alone, beside the inside laid out once (_folded_layout)
        "with_lines": False,  # a folded leaflet's short inside: it carries copy.poverty_lines (_search_inside)
        "flap_lines": False,  # a folded leaflet's outside flap carries them (_folded_layout)
        "typeset": typeset,
        # Type sizes of the templates (pt), scaled for the language's script.
        "scale": scale,
        "pt": lambda size: f"{size * scale:g}pt",
        "headlines": Headlines(typeset, _bold_faces(campaign, scripts, options.fonts_dir), language.scripts, scale),
    }


def _profile(plan: SitePlan, options: RenderOptions) -> Path:
    """The CMYK output profile: the order's or --profile's, else campaign/print.yml's."""
    return options.cmyk_profile or output_profile(plan.content.campaign)


def _bold_faces(campaign: Campaign, scripts: set[str], fonts_dir: Path) -> Shaper:
    """The bold faces headlines are set in, in the order of the style sheet's font-family list."""
    return Shaper(
        tuple(
            fonts_dir / f.file
            for f in campaign.fonts
            if f.script in scripts and f.weight == 700 and f.style == "normal"
        )
    )


def _html(template: str, context: dict[str, object]) -> str:
    typeset: Typesetter = context["typeset"]  # type: ignore[assignment]
    html = templates().get_template(template).render(**context)
    # Scripts without spaces (Khmer) get their word boundaries, where Pango may break lines (none inside a
    # name); then names are bound, and the last two words of a paragraph.
    return typeset.html(typeset.segment(html, context["scripts"]))  # type: ignore[arg-type]


def _layout(template: str, context: dict[str, object], base: Path) -> Document:
    return _laid_out(_html(template, context), context, base)


def _laid_out(html: str, context: dict[str, object], base: Path) -> Document:
    fonts: list[dict[str, object]] = context["fonts"]  # type: ignore[assignment]
    faces = tuple(tuple(sorted(face.items())) for face in fonts)
    return HTML(string=html, base_url=str(base)).render(font_config=_font_config(faces))


@cache
def _font_config(faces: tuple[tuple[tuple[str, object], ...], ...]) -> FontConfiguration:
    """One font configuration per process and set of @font-face rules (a language's): a new one for each layout
    loaded the system's fonts and added the faces again, 30 ms. Never one for two sets: a glyph missing
    from one set could then fall back on a face of the other, depending on what was printed before."""
    config = FontConfiguration()
    # Its copies of the fonts go when the process ends: a forked worker ends without collecting it.
    multiprocessing.util.Finalize(None, config.__del__, exitpriority=0)
    return config


def _largest_fitting(render: Callable[[float], Document], low: float, high: float, product: Product) -> float:
    """The largest font size (pt) in [low, high) at which the text fits its box; an error if `low` does not."""
    smallest = render(low)
    if not _fits(smallest):
        blocks = overflowing_blocks(smallest)
        where = f"khung “{blocks[0]}”" if blocks else "trang"
        raise PrintError(
            f"{product.filename}: chữ không vừa {where}, kể cả ở cỡ chữ {low:g} pt. Cần rút ngắn nội dung."
        )
    unit = (high - low) / 2**FIT_STEPS
    return low + unit * _last_fitting(lambda step: _fits(render(low + unit * step)), 0, 2**FIT_STEPS, None)


# {(id(plan), kind, size key, language): (plan, type size)}: the plan is kept so that its id is not reused.
_SERIES: dict[tuple[int, str, str, str], tuple[SitePlan, float]] = {}


def _series_size(plan: SitePlan, product: Product, options: RenderOptions) -> float:
    """One type size (pt) for a series, every slogan on posters or banners of one size: the largest
    at which the longest slogan fits. Computed once per process and series."""
    key = (id(plan), product.product_type, product.format.key, product.language)
    if key not in _SERIES:
        fmt = product.format
        template = f"{product.product_type}.html.j2"
        # Upper bound: one line of text as tall as the sheet's short side allows. Below a
        # twelfth of that (42 pt on A3), a slogan is too small for where it hangs.
        high = min(fmt.width_mm, fmt.height_mm) * PT_PER_MM * 0.6
        sizes = []
        for slogan in plan.content.campaign.slogans:
            sibling = replace(product, subject=slogan.key)
            context = _context(plan, sibling, options)
            sizes.append(
                _largest_fitting(
                    lambda size, c=context: _layout(template, {**c, "font_size": size}, options.fonts_dir),
                    high / 12,
                    high,
                    sibling,
                )
            )
        _SERIES[key] = (plan, min(sizes))
    return _SERIES[key][1]


# {digest of a folded leaflet's inside, as HTML at the smallest size: its body size and spread}. A unit's variants
# print their generic leaflet's inside (only the back panel names the unit), so the search for its size,
# most of a tri-fold's rendering time, is made once per process and inside, not once per unit.
_INSIDES: dict[str, dict[str, object]] = {}


def inside_key(context: dict[str, object], base: Path) -> str:
    """What a folded leaflet's inside search depends on: its HTML at the smallest size (style sheet included)
    and whether the flap carries the income lines. A unit's variants have their generic leaflet's key."""
    smallest = FOLDED_BODY_PT[0] * float(context["scale"])  # type: ignore[arg-type]
    inside = _html("leaflet-folded.html.j2", {**context, "font_size": smallest, "only_inside": True})
    return hashlib.sha256(f"{base}\n{context['flap_lines']}\n{inside}".encode()).hexdigest()


def _folded_inside(context: dict[str, object], base: Path) -> dict[str, object]:
    key = inside_key(context, base)
    if key not in _INSIDES:
        _INSIDES[key] = _search_inside(context, base)
    return _INSIDES[key]


def search_key(product: Product) -> tuple[str, ...]:
    """Products that share a search share this key: a folded leaflet's inside type size with its unit variants,
    a two-sided sheet's arrangement with them (_sheet_product), a series' type size, posters or banners."""
    if product.product_type == "leaflet":
        kind = "inside" if product.format.panels_mm else "sheet"
        return (kind, product.subject, product.format.key, product.language)
    return (product.product_type, product.format.key, product.language)


# What a process has searched: folded insides (by digest), then series' sizes and sheets' arrangements (by
# id(plan), kind, format, language), for processes forked later to adopt.
Sizes = tuple[
    dict[str, dict[str, object]],
    dict[tuple[int, str, str, str], float],
    dict[tuple[int, str, str, str], dict[str, object]],
]


def searched_sizes() -> Sizes:
    """The type sizes and arrangements this process has searched, for another process to adopt."""
    return (
        dict(_INSIDES),
        {key: size for key, (_plan, size) in _SERIES.items()},
        {key: arrangement for key, (_plan, arrangement) in _SHEETS.items()},
    )


def adopt_sizes(plan: SitePlan, sizes: Sizes) -> None:
    """Take what another process searched for `plan` (one forked from this one: the plan's id is the
    same): processes forked after this search none of it again."""
    insides, series, sheets = sizes
    _INSIDES.update(insides)
    _SERIES.update({key: (plan, size) for key, size in series.items() if key[0] == id(plan)})
    _SHEETS.update({key: (plan, arrangement) for key, arrangement in sheets.items() if key[0] == id(plan)})


def _search_inside(context: dict[str, object], base: Path) -> dict[str, object]:
    """The inside's body size, spread (em of extra space below its questions and bullets) and whether it carries
    the poverty standard's income lines.

    The body size is the largest in FOLDED_BODY_PT at which the inside fits; the smallest if none does
    (the full layout then reports what does not fit). Text that is short for its panels at that size
    (at the largest size, or held smaller by a word as wide as a column) would end high in balanced
    columns and leave the panels' lower parts empty: it gets the income lines of the poverty standard (who
    counts as poor or near-poor, which every support starts from) when they fit, and the spare height goes
    between its parts (a designer's vertical justification), as much as still fits."""
    plain = _InsideGrid(context, base)
    if not plain.fits(0):
        return {"font_size": plain.size(0), "spread": 0.0}
    size = plain.largest_size(plain.top)
    if not plain.fits(size, 1):  # the text fills its panels: no spare height
        return {"font_size": plain.size(size), "spread": 0.0}
    copy: Copy = context["copy"]  # type: ignore[assignment]
    # Not twice on one leaflet: the flap may carry them (_folded_layout).
    if copy.poverty_lines and not context["flap_lines"]:
        lined = _InsideGrid({**context, "with_lines": True}, base)
        if lined.fits(0):
            lined_size = lined.largest_size(size)  # more text: never larger than without the lines
            return {"font_size": lined.size(lined_size), "spread": lined.largest_spread(lined_size), "with_lines": True}
    return {"font_size": plain.size(size), "spread": plain.largest_spread(size)}


# How a folded leaflet's text grows with its type size: its area as size ** TEXT_GROWTH (2 for text alone; its
# codes and spacing in mm do not grow). Measured 1.3-2.2 on the campaign's insides; only the search's first guess.
TEXT_GROWTH = 1.75


class _InsideGrid:
    """A folded leaflet's inside laid out on the search's grid: body sizes from FOLDED_BODY_PT's smallest (step 0)
    to its largest (step `top`), spreads from 0 by FOLDED_SPREAD_EM / `top` (FOLDED_FIT_STEPS halvings of each
    range, as bisections would find), each layout made once."""

    def __init__(self, context: dict[str, object], base: Path) -> None:
        self.context, self.base = context, base
        self.low, self.high = (size * float(context["scale"]) for size in FOLDED_BODY_PT)  # type: ignore[arg-type]
        self.top = 2**FOLDED_FIT_STEPS
        self.fills: dict[tuple[int, int], float | None] = {}

    def size(self, step: int) -> float:
        return self.high if step == self.top else self.low + step * (self.high - self.low) / self.top

    def fill(self, size_step: int, spread_step: int = 0) -> float | None:
        """How far down its columns the text reaches (0-1); None: it does not fit."""
        key = (size_step, spread_step)
        if key not in self.fills:
            spread = spread_step * FOLDED_SPREAD_EM / self.top
            context = {**self.context, "font_size": self.size(size_step), "spread": spread, "only_inside": True}
            document = _layout("leaflet-folded.html.j2", context, self.base)
            self.fills[key] = block_fill(document, INSIDE_BLOCK) if _fits(document) else None
        return self.fills[key]

    def fits(self, size_step: int, spread_step: int = 0) -> bool:
        return self.fill(size_step, spread_step) is not None

    def largest_size(self, bound: int) -> int:
        """The largest size step up to `bound` at which the text fits (step 0 does), first tried where the
        smallest size's fill says the text would reach its columns' foot."""
        smallest = self.fill(0) or 0.0
        reach = self.low * smallest ** (-1 / TEXT_GROWTH) if smallest else self.high
        guess = (reach - self.low) / (self.high - self.low) * self.top
        return _last_fitting(self.fits, 0, bound + 1, guess)

    def largest_spread(self, size_step: int) -> float:
        """The largest spread (em) at which the text still fits at `size_step`."""
        if not self.fits(size_step, 1):
            return 0.0
        step = _last_fitting(lambda spread: self.fits(size_step, spread), 1, self.top, None)
        return step * FOLDED_SPREAD_EM / self.top


def _last_fitting(fits: Callable[[int], bool], last_fit: int, first_misfit: int, guess: float | None) -> int:
    """The largest step in [last_fit, first_misfit) that fits, `last_fit` known to fit and `first_misfit` taken
    not to. With a guess: the guess and its neighbour first (two layouts when it is right), then halves of
    what is left; without one, halves."""
    low, high = last_fit, first_misfit
    if guess is not None and high - low > 1:
        probe = min(max(round(guess), low + 1), high - 1)
        low, high = (probe, high) if fits(probe) else (low, probe)
        neighbour = probe + 1 if low == probe else probe - 1
        if low < neighbour < high:
            low, high = (neighbour, high) if fits(neighbour) else (low, neighbour)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low


def _fits(document: Document) -> bool:
    return not overflowing_blocks(document) and len(document.pages) == 1


def layout_product(plan: SitePlan, product: Product, options: RenderOptions) -> Document:
    context = _context(plan, product, options)
    base = options.fonts_dir
    fmt = product.format
    if product.product_type == "leaflet" and fmt.panels_mm:
        document = _folded_product(context, base)
    elif product.product_type == "leaflet":
        document = _sheet_product(plan, product, context, base)
    else:
        size = _series_size(plan, product, options)
        document = _layout(f"{product.product_type}.html.j2", {**context, "font_size": size}, base)
    _check(document, product)
    return document


# {digest of a folded leaflet's inside, as HTML at its sizes: the inside laid out alone}: kept for the unit variants.
_INSIDE_PAGES: dict[str, Document] = {}


def _folded_layout(context: dict[str, object], base: Path) -> Document:
    """A folded leaflet: its outside page and its inside page, each laid out alone, the inside once per process
    and inside. A unit's variants differ only on the outside: the balanced columns of the inside were most of a
    variant's layout time. The inside alone lays out as in the whole document: no style depends
    on a page's number, and the margin boxes and fixed notes repeat on every page."""
    inside = _html("leaflet-folded.html.j2", {**context, "only_inside": True})
    key = hashlib.sha256(f"{base}\n{inside}".encode()).hexdigest()
    if key not in _INSIDE_PAGES:
        _INSIDE_PAGES[key] = _laid_out(inside, context, base)
    outside = _layout("leaflet-folded.html.j2", {**context, "only_outside": True}, base)
    return outside.copy([*outside.pages, *_INSIDE_PAGES[key].pages])


def _folded_product(context: dict[str, object], base: Path) -> Document:
    """A tri-fold. Its outside flap says where to ask and how to apply; without steps to apply (the home page's
    first question is no policy) it says who counts as poor (the income lines) instead, unless they do not fit
    there; the inside carries them only when the flap does not."""
    copy: Copy = context["copy"]  # type: ignore[assignment]
    if copy.poverty_lines and not copy.steps:
        with_flap = {**context, "flap_lines": True}
        document = _folded_layout({**with_flap, **_folded_inside(with_flap, base)}, base)
        if FLAP_BLOCK not in overflowing_blocks(document):
            return document
    return _folded_layout({**context, **_folded_inside(context, base)}, base)


# What _sheet_layout decides for a two-sided sheet: the note's band, the cover question, the tighter setting, the
# contact block on the back, and what the room left gets.
ARRANGEMENT = ("note_mm", "ask_question", "tight", "closing_on_back", "back_steps", "back_lines", "lines_front")
# {(id(plan), subject, format, language): (plan, the generic sheet's arrangement)}: the plan is kept so that its id
# is not reused.
_SHEETS: dict[tuple[int, str, str, str], tuple[SitePlan, dict[str, object]]] = {}


def _arrangement(context: dict[str, object]) -> dict[str, object]:
    return {name: context[name] for name in ARRANGEMENT}


def _sheet_product(plan: SitePlan, product: Product, context: dict[str, object], base: Path) -> Document:
    """A two-sided sheet. A unit's variant differs from its generic sheet only by its contacts, at the foot: it
    takes the generic sheet's arrangement (its room left given the most it takes, the steps to apply and the
    income lines, when that fits) in one layout where deciding took two or three, and decides on its own
    (_sheet_layout) only when its contacts do not fit that arrangement."""
    key = (id(plan), product.subject, product.format.key, product.language)
    if product.unit and key in _SHEETS:
        arrangement = _SHEETS[key][1]
        lines = bool(context["copy"].poverty_lines)  # type: ignore[attr-defined]
        on_back = bool(arrangement["closing_on_back"])
        fullest = {
            **arrangement,
            "back_steps": True,
            "lines_front": lines and on_back,
            "back_lines": lines and not on_back,
        }
        for candidate in [fullest] if fullest == arrangement else [fullest, arrangement]:
            document = _layout("leaflet-sheet.html.j2", {**context, **candidate}, base)
            # Its sides, and its contact block where the arrangement puts it: a longer block that no longer fits
            # under the policies would start the back and leave the front's foot empty (_sheet_layout fills it).
            if len(document.pages) == product.pages and starts_a_page(document, CLOSING) == on_back:
                return document
    document, arrangement = _sheet_layout(context, base, product)
    if not product.unit:
        _SHEETS[key] = (plan, arrangement)
    return document


def _sheet_layout(context: dict[str, object], base: Path, product: Product) -> tuple[Document, dict[str, object]]:
    """A two-sided sheet: its front asks the cover question unless the text then needs more sides than the
    sheet has (the policies are the message, the question leads to them); short text puts the contact
    block on the back (as does a contact block too long to fit under the policies), with the steps to apply
    and the poverty standard's income lines when they fit, or one of them on a short back. A
    translation's note takes its band above the safe margin; when the text then needs more sides, the text
    is set tighter (less leading and space between items, the same type size); only when that does not fit
    either does the note fall back into the margin, 1 mm from the trim, where a print order's guard
    (text_too_close) refuses it: the preview shows the leaflet, the press gets no text that a cut may take.
    Returns the sheet and its arrangement (ARRANGEMENT)."""
    bands = [context["note_mm"], 0.0] if context["note_mm"] else [0.0]
    tries = [(True, False), (False, False), (False, True)]  # (ask the cover question, set tight)
    for band, (ask, tight) in [(band, attempt) for band in bands for attempt in tries]:
        context = {**context, "ask_question": ask, "note_mm": band, "tight": tight}
        document = _layout("leaflet-sheet.html.j2", context, base)
        if len(document.pages) <= product.pages:
            break
    if len(document.pages) == 1:
        context = {**context, "closing_on_back": True}
        document = _layout("leaflet-sheet.html.j2", context, base)
    elif starts_a_page(document, CLOSING):
        # The contact block, kept whole, did not fit under the policies and starts the back: the front ends
        # early, as if it were put on the back on purpose, and gets what a short sheet's front gets (below).
        context = {**context, "closing_on_back": True}
    if len(document.pages) <= product.pages:
        # Room left: the sheet also says how to apply (on the back) and who counts as poor (after the policies
        # when the contact block is on the back, else on the back), as much of it as fits: both, else (when
        # the back is short, SHORT_SIDE) one of them.
        lines = bool(context["copy"].poverty_lines)  # type: ignore[attr-defined]
        tries = [{"back_steps": True, "lines_front": True}] if context["closing_on_back"] and lines else []
        tries.append({"back_steps": True, "back_lines": lines})
        if lines and used_share(document.pages[-1]) < SHORT_SIDE:
            tries += [{"back_steps": True}, {"back_lines": True}]
        for extra in tries:
            fuller = _layout("leaflet-sheet.html.j2", {**context, **extra}, base)
            if len(fuller.pages) <= product.pages:
                return fuller, _arrangement({**context, **extra})
    return document, _arrangement(context)


def _check(document: Document, product: Product) -> None:
    where = f"{product.filename}"
    blocks = overflowing_blocks(document)
    if blocks:
        raise PrintError(f"{where}: chữ tràn ra ngoài khung “{blocks[0]}”. Cần rút ngắn nội dung của khối này.")
    if len(document.pages) != product.pages:
        raise PrintError(
            f"{where}: nội dung cần {len(document.pages)} trang, sản phẩm này chỉ có {product.pages} trang. "
            "Cần rút ngắn nội dung."
        )


def page_scale(plan: SitePlan, product: Product, order: Order | None) -> int:
    """1:N, the scale a product's file is written at: 1 unless its page passes 200 inches; then the order's
    large_page_scale (the guard refuses 1), or PREVIEW_PAGE_SCALE in the preview kit."""
    if page_units(plan.content, product) <= MAX_PAGE_UNITS:
        return 1
    return order.source.order.large_page_scale if order else PREVIEW_PAGE_SCALE


def render_pdf(plan: SitePlan, product: Product, options: RenderOptions) -> bytes:
    """PDF/X-4 bytes, the same for the same input: dates from the content, names from the product."""
    document = layout_product(plan, product, options)
    settings = plan.content.campaign.print_settings
    finished = sheet(product.format, settings.safe_mm)
    if options.order:  # the press guard: no text within safe_mm of the trim or a fold
        close = text_too_close(document, finished, settings.safe_mm)
        if close:
            more = f" (và {len(close) - 3} chỗ khác)" if len(close) > 3 else ""
            raise PrintError(
                f"{product.filename}: chữ gần mép cắt hoặc nếp gấp hơn {settings.safe_mm:g} mm: "
                + "; ".join(close[:3])
                + more
            )
    finishers = [output_intent_finisher(_profile(plan, options))]
    if finished.grommets:
        finishers.append(grommets_finisher(finished))
    if options.marks:
        finishers.append(marks_finisher(finished, settings.bleed_mm))
    scale = page_scale(plan, product, options.order)
    if scale > 1:  # last: the other finishers draw at full size
        finishers.append(user_unit_finisher(scale))

    def finish(document: Document, pdf: pydyf.PDF) -> None:
        for finisher in finishers:
            finisher(document, pdf)

    with names_from(product.stem):  # the stem names the content's version
        return document.write_pdf(pdf_variant="pdf/x-4", finisher=finish)


@contextmanager
def names_from(seed: str) -> Iterator[None]:
    """Make WeasyPrint's generated names depend on the product, as it offers no option for either:
    - the XMP DocumentID of a PDF/X-4 file, a random uuid4 (the file's /ID hashes it): reproducible;
    - the subset tag of each font (ABCDEF+Noto-Sans), a hash of the font alone, so every file had the
      same tag for different subsets and a RIP that caches fonts by name could drop glyphs: unique per file."""
    random_id, font_hash = pdf_metadata.uuid4, pdf_fonts.md5
    pdf_metadata.uuid4 = lambda: uuid.uuid5(uuid.NAMESPACE_URL, seed)
    pdf_fonts.md5 = lambda data, **kwargs: hashlib.md5(seed.encode() + data, **kwargs)
    try:
        yield
    finally:
        pdf_metadata.uuid4, pdf_fonts.md5 = random_id, font_hash
