"""Text as it is read aloud: `spoken(text)` writes numbers, money, dates, document numbers, units and
abbreviations in words, the way a commune announcer reads them on the loudspeakers.

"1.500.000 đ/người/tháng" → "một triệu năm trăm nghìn đồng mỗi người mỗi tháng";
"01/01/2027" → "ngày mồng một tháng một năm hai nghìn không trăm hai mươi bảy";
"Nghị định 351/2025/NĐ-CP" → "Nghị định số ba trăm năm mươi mốt năm hai nghìn không trăm hai mươi lăm của
Chính phủ".

Numbers below a thousand are num2words' Vietnamese (pinned), which reads them right ("hai mươi mốt",
"mười lăm", "một trăm lẻ năm"). What it gets wrong is wrapped here: a group after the first is read with
its hundreds ("hai nghìn không trăm hai mươi bảy", not "hai nghìn lẻ hai mươi bảy"), the digits after a
decimal comma keep their zeros ("một phẩy không năm", not "một phẩy năm"), and four after "mươi" is "tư".
The abbreviations, issuers of documents, units and the reading pace are campaign/spoken.yml.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated

from num2words import num2words
from pydantic import Field

from .model.errors import Problems
from .model.schema import Strict, Text
from .model.yamlfile import load_validated

RULES_FILE = "spoken.yml"
LANGUAGES = ("vi",)  # languages whose numbers are spoken correctly (Khmer: not yet)


class Pace(Strict):
    syllables_per_minute: Annotated[int, Field(gt=60, lt=400)]
    source: Text | None = None  # where the pace was measured; without one, `assumption` says so
    assumption: Text | None = None


class ScriptWords(Strict):
    """The words around a loudspeaker script (campaign_kit.loudspeaker), in Vietnamese."""

    station: Text
    opening: Text
    step: Text
    where_unit: Text
    contact: Text
    recap: Text
    closing: Text
    key_messages_title: Text
    key_messages_policies: Text
    and_: Annotated[Text, Field(alias="and")]
    folder_title: Text
    folder_intro: Text
    length: Text
    pace_assumption: Text
    pace_source: Text
    minutes: Text
    seconds: Text
    not_generated: dict[str, Text] = {}


class SpokenRules(Strict):
    pace: Pace
    abbreviations: dict[str, Text]
    issuers: dict[str, Text]
    units: dict[str, Text]
    script: ScriptWords


class UnsupportedLanguage(ValueError):
    """A language whose numbers and dates this module cannot speak yet."""


def load_rules(campaign_dir: Path) -> SpokenRules:
    """campaign/spoken.yml, validated; raise ContentError naming the file and line."""
    path = campaign_dir / RULES_FILE
    rules = load_validated(path, SpokenRules)
    if rules.pace.source is None and rules.pace.assumption is None:
        problems = Problems(campaign_dir.parent)
        problems.add(path, 1, "tốc độ đọc (pace) cần nguồn (source) hoặc ghi rõ là giả định (assumption).")
        problems.raise_if_any()
    return rules


@cache
def default_rules() -> SpokenRules:
    """The project's own rules (campaign/ beside scripts/)."""
    return load_rules(Path(__file__).resolve().parents[2] / "campaign")


# --- numbers -------------------------------------------------------------------------------------------

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _hundreds(value: int, inner: bool) -> str:
    """0 < value < 1000; `inner`: a group after a higher one, read with its hundreds."""
    words = num2words(value, lang="vi")
    words = re.sub(r"mươi bốn$", "mươi tư", words)
    if inner and value < 100:
        words = "không trăm " + (f"lẻ {words}" if value < 10 else words)
    return words


def _below_billion(value: int, inner: bool) -> str:
    parts = []
    for group, scale in ((value // 10**6 % 1000, " triệu"), (value // 1000 % 1000, " nghìn"), (value % 1000, "")):
        if group:
            parts.append(_hundreds(group, inner) + scale)
            inner = True
    return " ".join(parts)


def number_words(value: int) -> str:
    """2027 → 'hai nghìn không trăm hai mươi bảy'; 10**12 → 'một nghìn tỷ'."""
    if value < 0:
        return "âm " + number_words(-value)
    if value == 0:
        return DIGITS[0]
    if value < 10**9:
        return _below_billion(value, inner=False)
    high, low = divmod(value, 10**9)
    head = number_words(high) + " tỷ"
    return f"{head} {_below_billion(low, inner=True)}" if low else head


def decimal_words(whole: str, fraction: str) -> str:
    """'1', '05' → 'một phẩy không năm': the zeros after the comma are read."""
    zeros = len(fraction) - len(fraction.lstrip("0"))
    rest = fraction.lstrip("0")
    tail = [DIGITS[0]] * zeros + ([number_words(int(rest))] if rest else [])
    return f"{number_words(int(whole))} phẩy {' '.join(tail)}"


def day_words(day: int) -> str:
    """The day of a month: 'mồng một' … 'mồng mười', then 'mười một'."""
    return f"mồng {number_words(day)}" if day <= 10 else number_words(day)


def month_words(month: int) -> str:
    return "tư" if month == 4 else number_words(month)


def ordinal_words(value: int) -> str:
    return {1: "nhất", 4: "tư"}.get(value, number_words(value))


# --- text ----------------------------------------------------------------------------------------------

# A number as written in Vietnamese: 1.500.000 (dots group thousands), 6,6 (comma before decimals), 70.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
DATE = re.compile(r"\b(?:(ngày)\s+)?(\d{1,2})/(\d{1,2})/(\d{4})\b", re.IGNORECASE)
DAY_MONTH = re.compile(r"\b(ngày)\s+(\d{1,2})/(\d{1,2})\b(?!/)", re.IGNORECASE)
MONTH_YEAR = re.compile(r"\b(?:(tháng)\s+)?(\d{1,2})/(\d{4})\b", re.IGNORECASE)
DOCUMENT = re.compile(r"(?:\b(số)\s+)?\b(\d+)(?:/(\d{4}))?/([A-ZĐ][\wĐđ]*(?:-[\wĐđ]+)*)")
DOCUMENT_DASHED = re.compile(r"(?:\b(số)\s+)?\b(\d+)-([A-ZĐ]+)/([A-ZĐ][\wĐđ]*)")
ORDINAL = re.compile(r"\b(thứ)\s+(\d+)\b", re.IGNORECASE)
SPACES = re.compile(r"[ \t\u00a0]+")


def _number(text: str) -> str:
    whole, _, fraction = text.replace(".", "").partition(",")
    return decimal_words(whole, fraction) if fraction else number_words(int(whole))


class _Speaker:
    def __init__(self, rules: SpokenRules) -> None:
        self.rules = rules
        units = sorted(rules.units, key=len, reverse=True)
        unit = "|".join(re.escape(u) for u in units)
        # A number or a range of numbers, then maybe a unit and "/person/month" parts.
        self.quantity = re.compile(
            rf"(?<![\w,.])({NUMBER})(?:\s*[-–]\s*({NUMBER}))?(?:\s?({unit})(?![\w²]))?((?:/[^\W\d_]+)*)"
        )
        abbreviations = sorted(rules.abbreviations, key=len, reverse=True)
        self.abbreviation = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, abbreviations)) + r")(?![\w])")
        self.redundant = [
            re.compile(rf"({re.escape(full)})\s*\(\s*{re.escape(short)}\s*\)", re.IGNORECASE)
            for short, full in rules.abbreviations.items()
        ]

    def issuer(self, suffix: str) -> str:
        code = suffix.rpartition("-")[2]
        issuer = self.rules.issuers.get(code) or self.rules.issuers.get(suffix)
        if issuer is not None:
            return f"của {issuer}"
        return "ký hiệu " + " ".join(self.rules.abbreviations.get(part, part) for part in suffix.split("-"))

    def document(self, match: re.Match[str]) -> str:
        number = number_words(int(match[2]))
        year = f" năm {number_words(int(match[3]))}" if match[3] else ""
        return f"số {number}{year} {self.issuer(match[4])}"

    def dashed_document(self, match: re.Match[str]) -> str:
        return f"số {number_words(int(match[2]))} {self.issuer(match[4])}"

    def quantity_words(self, match: re.Match[str]) -> str:
        words = _number(match[1])
        if match[2]:
            words += " đến " + _number(match[2])
        if match[3]:
            words += " " + self.rules.units[match[3]]
        for part in filter(None, match[4].split("/")):
            words += f" mỗi {part}"
        return words

    def __call__(self, text: str) -> str:
        for pattern in self.redundant:
            text = pattern.sub(r"\1", text)
        text = DOCUMENT_DASHED.sub(self.dashed_document, text)
        text = DOCUMENT.sub(self.document, text)
        text = DATE.sub(_date, text)
        text = DAY_MONTH.sub(_date, text)
        text = MONTH_YEAR.sub(_month_year, text)
        text = ORDINAL.sub(lambda m: f"{m[1]} {ordinal_words(int(m[2]))}", text)
        text = self.quantity.sub(self.quantity_words, text)
        text = re.sub(r"\d+", lambda m: number_words(int(m[0])), text)  # what is left: "1.2.3", "007"
        text = self.abbreviation.sub(lambda m: self.rules.abbreviations[m[1]], text)
        text = re.sub(r"(?<=[^\W\d_])/(?=[^\W\d_])", " hoặc ", text)
        return SPACES.sub(" ", text).strip()


def _date(match: re.Match[str]) -> str:
    said = f"ngày {day_words(int(match[2]))} tháng {month_words(int(match[3]))}"
    if match.re is DATE:
        said += f" năm {number_words(int(match[4]))}"
    return said if not match[1] or match[1].islower() else "N" + said[1:]


def _month_year(match: re.Match[str]) -> str:
    said = f"tháng {month_words(int(match[2]))} năm {number_words(int(match[3]))}"
    return said if not match[1] or match[1].islower() else "T" + said[1:]


_SPEAKERS: dict[int, tuple[SpokenRules, _Speaker]] = {}


def _speaker(rules: SpokenRules) -> _Speaker:
    """One compiled speaker per rules object (rules hold dicts: not hashable)."""
    if id(rules) not in _SPEAKERS:
        _SPEAKERS[id(rules)] = (rules, _Speaker(rules))
    return _SPEAKERS[id(rules)][1]


def spoken(text: str, lang: str = "vi", rules: SpokenRules | None = None) -> str:
    """`text` as an announcer reads it: no digit, no abbreviation of the list, no unit symbol."""
    if lang not in LANGUAGES:
        raise UnsupportedLanguage(f"Chưa đọc được số, ngày tháng của ngôn ngữ “{lang}” thành lời.")
    return _speaker(rules or default_rules())(text)


SYLLABLE = re.compile(r"[^\W\d_]+")


def syllables(text: str) -> int:
    """Syllables of a spoken text: Vietnamese writes each syllable as one word."""
    return len(SYLLABLE.findall(text))


def reading_seconds(text: str, rules: SpokenRules | None = None) -> float:
    """Reading time at the campaign's pace: syllables ÷ pace."""
    pace = (rules or default_rules()).pace.syllables_per_minute
    return syllables(text) / pace * 60
