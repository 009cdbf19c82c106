"""Policy figures: each names the act it comes from, and pages write them only through
`{{ figure:KEY }}`. A figure typed by hand stays behind when the law changes the amount:
the page would then contradict every other page and leaflet."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ..model.campaign import Figure
from ..model.content import Content
from ..model.errors import Problems
from ..model.sections import BY_TYPE

# Amounts as editors type them: 1.500.000 đồng (1,500,000 dong in English), 1,5 triệu, 100 triệu, 12.690 tỷ,
# VND 1.5 million. Digits grouped by thousands are money only next to a currency: 3.618 căn nhà is a count.
_AMOUNT = re.compile(
    r"(VND\s*)?(?<![\d.,])(\d{1,3}(?:([.,])\d{3})(?:\3\d{3})*|\d+(?:[.,]\d+)?)(?![\d]|[.,]\d)"
    r"(?:\s*(triệu|tỷ|million|billion|ពាន់លាន|លាន))?(\s*(?:đồng|đ\b|dong|VND|ដុង))?",
    re.IGNORECASE,
)
# Interest rates as typed: 6,6%/năm, 6.6% a year, 6.6% ក្នុងមួយឆ្នាំ.
_RATE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s?%\s*(?:/\s*năm|a year|per year|ក្នុងមួយឆ្នាំ)", re.IGNORECASE)
_INTEREST = re.compile(r"lãi suất|interest|អត្រាការប្រាក់", re.IGNORECASE)
_MULTIPLIERS = {"triệu": 10**6, "million": 10**6, "លាន": 10**6, "tỷ": 10**9, "billion": 10**9, "ពាន់លាន": 10**9}


def money_figures(figures: Mapping[str, Figure]) -> dict[int, str]:
    """{amount in đồng: figure key} for the figures that are sums of money."""
    return {int(figure.value): key for key, figure in figures.items() if figure.unit.startswith("dong")}


def rate_figures(figures: Mapping[str, Figure]) -> dict[float, str]:
    """{rate in % a year: figure key} for the interest rates."""
    return {float(figure.value): key for key, figure in figures.items() if figure.unit == "percent_per_year"}


def rates(line: str) -> list[float]:
    """Every interest rate written out in `line`, in % a year; only on a line about interest, since
    "giảm trên 3% mỗi năm" is a target, not a rate."""
    if not _INTEREST.search(line):
        return []
    return [float(match[1].replace(",", ".")) for match in _RATE.finditer(line)]


def amounts(line: str) -> list[int]:
    """Every sum of money written out in `line`, in đồng: a number of millions or billions, or digits
    grouped by thousands next to a currency. Other numbers (years, counts, 1,28%, 15 km) are left alone."""
    found = []
    for match in _AMOUNT.finditer(line):
        before, digits, separator, multiplier, currency = match.groups()
        if multiplier:  # 1,5 triệu, 1.5 million, 12.690 tỷ
            number = int(digits.replace(separator, "")) if separator else float(digits.replace(",", "."))
            found.append(round(number * _MULTIPLIERS[multiplier.lower()]))
        elif separator and (before or currency):  # 1.500.000 đồng, VND 1,500,000
            found.append(int(digits.replace(separator, "")))
    return found


def check_page(
    path: Path, raw: str, money: Mapping[int, str], interest: Mapping[float, str], problems: Problems
) -> None:
    """No line of the file (front matter included: key points are printed on leaflets) types a figure's
    amount of money or interest rate."""
    for number, line in enumerate(raw.splitlines(), start=1):
        typed = [(amount, money, "số tiền " + f"{amount:,}".replace(",", ".") + " đồng") for amount in amounts(line)]
        typed += [(rate, interest, "lãi suất " + f"{rate:g}".replace(".", ",") + "%/năm") for rate in rates(line)]
        for value, known, written in typed:
            if value in known:
                problems.add(
                    path,
                    number,
                    f"{written} được gõ tay; đây là số liệu “{known[value]}” trong campaign/figures.yml.",
                    f"Viết {{{{ figure:{known[value]} }}}} thay cho con số, để mọi trang cùng đổi khi luật đổi.",
                )


def check_sources(content: Content, problems: Problems) -> None:
    """Every figure names its act, and that act has a page in docs/van-ban/ (the page cites number and date)."""
    campaign = content.campaign
    folder = content.docs_dir / BY_TYPE["legal"].folder
    legal = {path.stem for path in folder.glob("*.md") if path.name != "index.md" and path.stem.count(".") == 0}
    for key, figure in campaign.figures.items():
        if figure.source not in legal:
            problems.add(
                campaign.root / "figures.yml",
                _line_of(campaign.root / "figures.yml", key),
                f"số liệu “{key}” dẫn văn bản “{figure.source}” nhưng docs/van-ban/ không có văn bản này.",
                "Ghi ở source: tên tệp (không có .md) của văn bản pháp luật quy định số liệu, hoặc thêm văn bản đó.",
            )


def _line_of(path: Path, key: str) -> int:
    """The line where figures.yml defines `key` (1 when it cannot be found)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == f"{key}:":
            return number
    return 1
