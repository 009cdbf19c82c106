"""Typography of printed text, applied at render time to the words of campaign/ data and pages:
names and listed compounds never break across lines, an en dash in ranges and between the parts of a
name, no word or dash alone on a last line, and balanced headline breaks (WeasyPrint has no
text-wrap: balance), measured with HarfBuzz in the fonts WeasyPrint sets them in.

Source texts stay plain: the non-breaking spaces are made here, from the lists in campaign/.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import uharfbuzz as hb
from markupsafe import Markup, escape

from ..model.campaign import Campaign
from ..segmentation import UNSPACED, ZWSP, mark_word_breaks, unspaced
from .sheet import PT_PER_MM

NBSP = "\u00a0"
WORD_JOINER = "\u2060"  # no line break here (a range: 2022–2025 stays on one line)
NB_HYPHEN = "\u2011"  # a hyphen no line breaks after (near-poor household); Noto Sans has it
EN_DASH = "\u2013"
# The last two words of a paragraph are bound only when this short together (characters): longer, they
# might not fit a narrow column, and an orphan is better than an overflow. The same length bounds a
# listed compound word.
ORPHAN_MAX_CHARS = COMPOUND_MAX_CHARS = 28
# A balanced line may use this share of the box: HarfBuzz shapes as Pango does, but Pango may pick another
# face for a space or a digit between two scripts, and rounds positions.
BALANCE_SHARE = 0.98

SPACED_HYPHEN = re.compile(r" - ")  # "Vì người nghèo - Không để ai…": the dash between two parts
NUMBER_RANGE = re.compile(r"(?<![\w/.,])(\d+)-(\d+)(?![\w/])")  # 2021-2025 → 2021–2025
# A name followed by its gloss in parentheses (a Khmer agency name, then its Vietnamese name) is two names:
# a line may break before the gloss.
GLOSS = re.compile(r"\s+\(([^()]+)\)")
# Elements whose text is not prose: style sheets, vector drawings, the document's title.
NOT_PROSE = re.compile(r"<(style|svg|title)\b.*?</\1>", re.S)
TAG = re.compile(r"(<[^>]*>)")
BLOCK_END = re.compile(r"</(p|li|h1|h2|h3)>")
TAIL_MARK = "\x00"  # stands for the text after inline tags while the break before it is bound
INLINE_TAG = re.compile(r"</?(span|b|strong|em|i|a)\b[^>]*>")
# Where a line may break: a space, or a word boundary that segmentation marked in Khmer.
BREAK = re.compile(rf"[ {ZWSP}]")


def kept_together(campaign: Campaign, language: str) -> list[str]:
    """Names and compounds a line never splits, longest first: places of 2024 and of today, agencies
    and contacts, and the glossary's terms and print.yml's keep_together list up to COMPOUND_MAX_CHARS."""
    admin = campaign.admin_map
    names = [campaign.site.province, campaign.site.province_now]
    names += [unit.name for unit in admin.units] + [former.name for u in admin.units for former in u.formed_from]
    names += [district.name for district in campaign.districts]
    agencies = campaign.agencies.get(language, {})
    names += [agency.name for agency in agencies.values()] + [agency.short for agency in agencies.values()]
    names += [contact.agency for contact in campaign.contacts]
    reference = language == campaign.default_language
    terms = [term.vi if reference else term.say.get(language, "") for term in campaign.glossary]
    # Compounds are words, short; a longer glossary term is a phrase ("People's Committee of the commune,
    # ward or special zone"): a line may break between its words, as in any phrase.
    names += [term for term in terms + campaign.print_settings.keep_together if len(term) <= COMPOUND_MAX_CHARS]
    parts = [part for name in names for part in GLOSS.split(name)]
    scripts = campaign.language(language).scripts
    # Names of any length: a box too narrow for a name makes its type smaller (Headlines.size, the folded
    # leaflet's body size), never breaks the name. Khmer writes no spaces in a name, but has word
    # boundaries a line could break at.
    found = {dashes(name) for name in parts if re.search(r"\S[ -]\S", name) or unspaced(name, scripts)}
    return sorted(found, key=len, reverse=True)


def dashes(text: str) -> str:
    """En dashes where campaign data types a hyphen: between two parts (with a non-breaking space before
    it, so the dash ends a line and never stands alone) and in number ranges (which never break)."""
    text = SPACED_HYPHEN.sub(f"{NBSP}{EN_DASH} ", text)
    return NUMBER_RANGE.sub(rf"\1{WORD_JOINER}{EN_DASH}{WORD_JOINER}\2", text)


@dataclass(frozen=True)
class Typesetter:
    names: re.Pattern[str] | None

    def segment(self, text: str, scripts: list[str]) -> str:
        """`text` with the word boundaries of scripts written without spaces, none inside a listed name."""
        return mark_word_breaks(text, scripts, self.names)

    def bind(self, text: str) -> str:
        """Plain text with its dashes, and the spaces and hyphens inside listed names made non-breaking."""
        return _bound(self.names, text)

    def html(self, html: str) -> str:
        """The same on every text node of a document (prose only), and no orphan: the last two words of a
        paragraph, item or heading stay on one line."""
        out, last = [], 0
        for element in NOT_PROSE.finditer(html):
            out += [self._prose(html[last : element.start()]), element[0]]
            last = element.end()
        out.append(self._prose(html[last:]))
        return "".join(out)

    def _prose(self, html: str) -> str:
        parts = TAG.split(html)
        for index in range(0, len(parts), 2):
            parts[index] = self.bind(parts[index])
        for index in range(1, len(parts), 2):
            if BLOCK_END.fullmatch(parts[index]):
                _bind_last_words(parts, index - 1)
        return "".join(parts)


# A text node recurs in every size a search tries and in every unit's variant: the long pattern of names was
# matched against it again each time, a tenth of a tri-fold variant's time.
@lru_cache(maxsize=1 << 16)
def _bound(names: re.Pattern[str] | None, text: str) -> str:
    text = dashes(text)
    if names is None:
        return text
    return names.sub(lambda match: match[0].replace(" ", NBSP).replace("-", NB_HYPHEN), text)


def _bind_last_words(parts: list[str], end: int) -> None:
    """No orphan before a block's end, text part `end` of `parts` (text and tags alternate): when the last
    text node has no break of its own ("." after a figure in a span), the last break before it, across
    inline tags, is bound instead."""
    tail = ""
    for index in range(end, -1, -1):
        part = parts[index]
        if index % 2:  # a tag: only inline ones are crossed
            if not INLINE_TAG.fullmatch(part):
                return
            continue
        if BREAK.search(part.rstrip() if index == end else part):
            if index == end:
                parts[index] = _without_orphan(part)
            elif len(BREAK.split(part.rstrip())[-1]) + 1 + len(tail) <= ORPHAN_MAX_CHARS:
                # The text after the inline tags is the paragraph's last word: bind the last break before it.
                parts[index] = _without_orphan(part + TAIL_MARK).removesuffix(TAIL_MARK)
            return
        tail = part + tail


def _without_orphan(text: str) -> str:
    """The last two words of a text node kept together (a no-break space, or no Khmer word boundary)
    when they are short enough to share a line."""
    body = text.rstrip()
    start = len(body) - len(body.lstrip())
    breaks = [match.start() for match in BREAK.finditer(body, start)]
    if not breaks:
        return text
    last, previous = breaks[-1], (breaks[-2] + 1 if len(breaks) > 1 else start)
    if len(body) - previous - 1 > ORPHAN_MAX_CHARS:
        return text
    joined = NBSP if body[last] == " " else ""
    return f"{body[:last]}{joined}{body[last + 1 :]}{text[len(body) :]}"


@cache
def _typesetter(names: tuple[str, ...]) -> Typesetter:
    if not names:
        return Typesetter(None)
    # Names as written and as the templates escape them (People&#39;s Committee), longest first.
    forms = sorted({form for name in names for form in (name, str(escape(name)))}, key=len, reverse=True)
    # A name starts a word; it may end inside one (plurals: near-poor households). In a script without
    # spaces a word starts after any letter.
    pattern = "|".join(
        re.escape(form) if unspaced(form[0], list(UNSPACED)) else rf"(?<!\w){re.escape(form)}" for form in forms
    )
    return Typesetter(re.compile(pattern))


def typesetter(campaign: Campaign, language: str) -> Typesetter:
    return _typesetter(tuple(kept_together(campaign, language)))


@dataclass(frozen=True)
class Shaper:
    """Widths of text (em) as HarfBuzz shapes it (kerning, Khmer clusters, subscripts) in the faces
    WeasyPrint sets it in: each character in the first face of the font-family list that has it, as Pango
    falls back along that list."""

    fonts: tuple[Path, ...]

    def width(self, text: str) -> float:
        return _shaped_width(self.fonts, unicodedata.normalize("NFC", text))


@cache
def _font(path: Path) -> tuple[hb.Font, frozenset[int]]:
    """A HarfBuzz font of the file, and the characters it has."""
    face = hb.Face(hb.Blob.from_file_path(path))
    return hb.Font(face), frozenset(face.unicodes)


@lru_cache(maxsize=16384)  # balancing measures the same candidate lines many times
def _shaped_width(fonts: tuple[Path, ...], text: str) -> float:
    total = 0.0
    for path, run in _runs(fonts, text):
        font, _ = _font(path)
        buffer = hb.Buffer()
        buffer.add_str(run)
        buffer.guess_segment_properties()
        hb.shape(font, buffer)
        total += sum(position.x_advance for position in buffer.glyph_positions) / font.face.upem
    return total


def _runs(fonts: tuple[Path, ...], text: str) -> list[tuple[Path, str]]:
    """`text` cut where the face changes. Invisible format characters (zero-width space, word joiner) stay
    in the run they are in: HarfBuzz gives them no width, and a cut there would break a Khmer cluster."""
    runs: list[tuple[Path, str]] = []
    for char in text:
        covering = next((path for path in fonts if ord(char) in _font(path)[1]), fonts[0])
        if runs and (covering == runs[-1][0] or unicodedata.category(char) == "Cf"):
            runs[-1] = (runs[-1][0], runs[-1][1] + char)
        else:
            runs.append((covering, char))
    return runs


def units(text: str) -> list[str]:
    """The unbreakable parts of a segmented, bound text, each with the break that follows it (a space or a
    Khmer word boundary): joined, they give the text back."""
    return [unit for unit in re.split(rf"(?<={BREAK.pattern})", text) if unit]


def _line(parts: list[str] | tuple[str, ...]) -> str:
    return "".join(parts).rstrip(f" {ZWSP}")


def balanced_lines(parts: list[str], limit: float, width: Callable[[str], float]) -> list[str]:
    """As many lines as a greedy fill of `limit` makes (em units), each within `limit`, as even as possible:
    the least sum of squared differences from the mean line width (no short line left at either end).
    `parts` as `units` gives them."""
    greedy: list[list[str]] = []
    for part in parts:
        if greedy and width(_line([*greedy[-1], part])) <= limit:
            greedy[-1].append(part)
        else:
            greedy.append([part])
    count = len(greedy)
    mean = width(_line(parts)) / count

    @cache
    def best(start: int, lines: int) -> tuple[float, tuple[str, ...]] | None:
        """The cheapest way to set parts[start:] in `lines` lines, or None."""
        if lines == 1:
            line = _line(parts[start:])
            return ((width(line) - mean) ** 2, (line,)) if width(line) <= limit else None
        found = None
        for end in range(start + 1, len(parts) - lines + 2):
            line = _line(parts[start:end])
            if width(line) > limit:
                break
            rest = best(end, lines - 1)
            if rest is not None:
                cost = (width(line) - mean) ** 2 + rest[0]
                if found is None or cost < found[0]:
                    found = (cost, (line, *rest[1]))
        return found

    result = best(0, count)
    return list(result[1]) if result else [_line(line) for line in greedy]


@dataclass(frozen=True)
class Headlines:
    """Headlines for templates: bound (names, dashes), balanced over their unbreakable parts (words, Khmer
    words, bound names), and no larger than their widest part allows. Sizes are nominal (pt), as the
    templates give them: the language's print_scale applies, as the style sheet's pt() does."""

    typeset: Typesetter
    shaper: Shaper
    scripts: list[str]
    scale: float

    def _parts(self, text: str) -> list[str]:
        return units(self.typeset.bind(self.typeset.segment(text, self.scripts)))

    def _limit(self, width_mm: float, size_pt: float) -> float:
        """The box's width in em at nominal `size_pt`, less the margin for our measure."""
        return width_mm * PT_PER_MM / (size_pt * self.scale) * BALANCE_SHARE

    def size(self, text: str, width_mm: float, size_pt: float) -> float:
        """`size_pt`, or less if the widest part (a bound name is one) would not fit the width."""
        widest = max(self.shaper.width(_line([part])) for part in self._parts(text))
        return min(size_pt, size_pt * self._limit(width_mm, size_pt) / widest)

    def balance(self, text: str, width_mm: float, size_pt: float) -> Markup:
        """The text in balanced lines joined by <br>."""
        parts = self._parts(text)
        if len(parts) < 2:
            return Markup(escape(_line(parts)))
        lines = balanced_lines(parts, self._limit(width_mm, size_pt), self.shaper.width)
        return Markup("<br>".join(escape(line) for line in lines))
