"""Typography of printed text, applied at render time to the words of campaign/ data and pages:
names and listed compounds never break across lines, an en dash in ranges and between the parts of a
name, no word or dash alone on a last line, and balanced headline breaks (WeasyPrint has no
text-wrap: balance).

Source texts stay plain: the non-breaking spaces are made here, from the lists in campaign/.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from markupsafe import Markup, escape

from ..model.campaign import Campaign

NBSP = "\u00a0"
WORD_JOINER = "\u2060"  # no line break here (a range: 2022–2025 stays on one line)
NB_HYPHEN = "\u2011"  # a hyphen no line breaks after (near-poor household); Noto Sans has it
EN_DASH = "\u2013"
# Longer names are not bound whole: at headline size they would not fit a leaflet's column. Their parts
# (places, "Ủy ban nhân dân") still are, when listed.
MAX_BOUND_CHARS = 28
# A balanced line may use this share of the box: our measure (advance widths, no kerning) is close to
# Pango's, not equal to it.
BALANCE_SHARE = 0.96
MM_PER_PT = 25.4 / 72

SPACED_HYPHEN = re.compile(r" - ")  # "Vì người nghèo - Không để ai…": the dash between two parts
NUMBER_RANGE = re.compile(r"(?<![\w/.,])(\d+)-(\d+)(?![\w/])")  # 2021-2025 → 2021–2025
# Elements whose text is not prose: style sheets, vector drawings, the document's title.
NOT_PROSE = re.compile(r"<(style|svg|title)\b.*?</\1>", re.S)
TAG = re.compile(r"(<[^>]*>)")
BLOCK_END = re.compile(r"</(p|li|h1|h2|h3)>")


def kept_together(campaign: Campaign, language: str) -> list[str]:
    """Names and compounds a line never splits, longest first: places of 2024 and of today, agencies
    and contacts, the glossary's terms, and print.yml's keep_together list."""
    admin = campaign.admin_map
    names = [campaign.site.province, admin.province_today]
    names += [unit.name for unit in admin.units] + [former.name for u in admin.units for former in u.formed_from]
    names += [district.name for district in campaign.districts]
    agencies = campaign.agencies.get(language, {})
    names += [agency.name for agency in agencies.values()] + [agency.short for agency in agencies.values()]
    names += [contact.agency for contact in campaign.contacts]
    reference = language == campaign.default_language
    names += [term.vi if reference else term.say.get(language, "") for term in campaign.glossary]
    names += campaign.print_settings.keep_together
    found = {dashes(name) for name in names if re.search(r"\S[ -]\S", name) and len(name) <= MAX_BOUND_CHARS}
    return sorted(found, key=len, reverse=True)


def dashes(text: str) -> str:
    """En dashes where campaign data types a hyphen: between two parts (with a non-breaking space before
    it, so the dash ends a line and never stands alone) and in number ranges (which never break)."""
    text = SPACED_HYPHEN.sub(f"{NBSP}{EN_DASH} ", text)
    return NUMBER_RANGE.sub(rf"\1{WORD_JOINER}{EN_DASH}{WORD_JOINER}\2", text)


@dataclass(frozen=True)
class Typesetter:
    names: re.Pattern[str] | None

    def bind(self, text: str) -> str:
        """Plain text with its dashes, and the spaces and hyphens inside listed names made non-breaking."""
        text = dashes(text)
        if self.names is None:
            return text
        return self.names.sub(lambda match: match[0].replace(" ", NBSP).replace("-", NB_HYPHEN), text)

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
            text = self.bind(parts[index])
            closing = parts[index + 1] if index + 1 < len(parts) else ""
            if BLOCK_END.fullmatch(closing) and " " in text.strip():
                head, _, tail = text.rstrip().rpartition(" ")
                last_two = f"{head.rpartition(' ')[2]}{NBSP}{tail}"
                if len(last_two) <= MAX_BOUND_CHARS:  # longer, it might not fit a column: an orphan is better
                    text = f"{head}{NBSP}{tail}{text[len(text.rstrip()) :]}"
            parts[index] = text
        return "".join(parts)


@cache
def _typesetter(names: tuple[str, ...]) -> Typesetter:
    if not names:
        return Typesetter(None)
    # Names as written and as the templates escape them (People&#39;s Committee), longest first.
    forms = sorted({form for name in names for form in (name, str(escape(name)))}, key=len, reverse=True)
    pattern = "|".join(re.escape(form) for form in forms)
    # A name starts a word; it may end inside one (plurals: near-poor households).
    return Typesetter(re.compile(rf"(?<!\w)(?:{pattern})"))


def typesetter(campaign: Campaign, language: str) -> Typesetter:
    return _typesetter(tuple(kept_together(campaign, language)))


@dataclass(frozen=True)
class Metrics:
    """Advance widths of one font, in em: enough to choose line breaks close to what Pango does."""

    widths: dict[str, float]
    fallback: float

    def width(self, text: str) -> float:
        return sum(self.widths.get(char, self.fallback) for char in unicodedata.normalize("NFC", text))


@cache
def metrics(font: Path) -> Metrics:
    with TTFont(font, lazy=True) as ttf:
        per_em = ttf["head"].unitsPerEm
        advances = ttf["hmtx"].metrics
        widths = {chr(code): advances[glyph][0] / per_em for code, glyph in ttf.getBestCmap().items()}
    widths[NBSP] = widths[" "]
    return Metrics(widths, sum(widths.values()) / len(widths))


def balanced_lines(words: list[str], space: float, limit: float, width: Callable[[str], float]) -> list[str]:
    """As many lines as a greedy fill of `limit` makes (em units), each within `limit`, as even as possible:
    the least sum of squared differences from the mean line width (no short line left at either end)."""
    greedy: list[str] = []
    for word in words:
        if greedy and width(greedy[-1]) + space + width(word) <= limit:
            greedy[-1] += " " + word
        else:
            greedy.append(word)
    count = len(greedy)
    mean = width(" ".join(words)) / count

    @cache
    def best(start: int, lines: int) -> tuple[float, tuple[str, ...]] | None:
        """The cheapest way to set words[start:] in `lines` lines, or None."""
        if lines == 1:
            line = " ".join(words[start:])
            return ((width(line) - mean) ** 2, (line,)) if width(line) <= limit else None
        found = None
        for end in range(start + 1, len(words) - lines + 2):
            line = " ".join(words[start:end])
            if width(line) > limit:
                break
            rest = best(end, lines - 1)
            if rest is not None:
                cost = (width(line) - mean) ** 2 + rest[0]
                if found is None or cost < found[0]:
                    found = (cost, (line, *rest[1]))
        return found

    result = best(0, count)
    return list(result[1]) if result else greedy


@dataclass(frozen=True)
class Headlines:
    """Headlines for templates: bound (names, dashes), balanced, and no larger than their longest
    unbreakable word allows. Without a font (a script we do not measure, e.g. Khmer): bound only."""

    typeset: Typesetter
    font: Path | None

    def _limit(self, width_mm: float, size_pt: float) -> float:
        """The box's width in em at `size_pt`, less the margin for our measure."""
        return width_mm / (size_pt * MM_PER_PT) * BALANCE_SHARE

    def size(self, text: str, width_mm: float, size_pt: float) -> float:
        """`size_pt`, or less if the longest word (a bound name is one word) would not fit the width."""
        if self.font is None:
            return size_pt
        widest = max(metrics(self.font).width(word) for word in self.typeset.bind(text).split(" "))
        return min(size_pt, size_pt * self._limit(width_mm, size_pt) / widest)

    def balance(self, text: str, width_mm: float, size_pt: float) -> Markup:
        """The text in balanced lines joined by <br>."""
        words = self.typeset.bind(text).split(" ")
        if self.font is None or len(words) < 2:
            return Markup(escape(" ".join(words)))
        measure = metrics(self.font)
        lines = balanced_lines(words, measure.width(" "), self._limit(width_mm, size_pt), measure.width)
        return Markup("<br>".join(escape(line) for line in lines))
