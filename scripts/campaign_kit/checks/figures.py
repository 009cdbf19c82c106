"""Policy figures: each period names the act it comes from, and pages that speak of today write
figures only through `{{ figure:KEY }}`. A figure typed by hand stays behind when the law changes
the amount: the page would then contradict every other page and leaflet. A dated page (news,
story, commendation, act) may type the value that was in force on its date, never another one."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..model.content import Content
from ..model.errors import Problems
from ..model.figures import Figure, FigurePeriod, number, span
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


@dataclass(frozen=True)
class Known:
    """A value a page might type: which figure and which of its periods."""

    key: str
    figure: Figure
    period: FigurePeriod


def money_figures(figures: Mapping[str, Figure]) -> dict[int, list[Known]]:
    """{amount in đồng: every figure period of that amount} for the figures that are sums of money."""
    return _by_value(figures, lambda unit: unit.startswith("dong"), int)


def rate_figures(figures: Mapping[str, Figure]) -> dict[float, list[Known]]:
    """{rate in % a year: every figure period of that rate} for the interest rates."""
    return _by_value(figures, lambda unit: unit == "percent_per_year", float)


def _by_value(figures, wanted, kind) -> dict:
    found: dict = {}
    for key, figure in figures.items():
        if wanted(figure.unit):
            for period in figure.periods:
                found.setdefault(kind(period.value), []).append(Known(key, figure, period))
    return found


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
    path: Path,
    raw: str,
    money: Mapping[int, list[Known]],
    interest: Mapping[float, list[Known]],
    problems: Problems,
    *,
    day: dt.date | None = None,
    act: str | None = None,
) -> None:
    """No line of the file (front matter included: key points are printed on leaflets) types a figure's
    amount of money or interest rate, except a dated page (`day`) typing a value in force that day,
    and an act's page (`act`) typing a value it set."""
    for line_number, line in enumerate(raw.splitlines(), start=1):
        typed = [(amount, money, "số tiền " + f"{amount:,}".replace(",", ".") + " đồng") for amount in amounts(line)]
        typed += [(rate, interest, "lãi suất " + f"{rate:g}".replace(".", ",") + "%/năm") for rate in rates(line)]
        for value, known, written in typed:
            if value not in known:
                continue
            periods = known[value]
            if day is None and act is None:
                key = periods[0].key
                problems.add(
                    path,
                    line_number,
                    f"{written} được gõ tay; đây là số liệu “{key}” trong campaign/figures.yml.",
                    f"Viết {{{{ figure:{key} }}}} thay cho con số: trang luôn hiện mức đang áp dụng, và báo trước"
                    " khi luật đổi mức.",
                )
                continue
            if any(k.period.source == act or (day is not None and k.period.covers(day)) for k in periods):
                continue  # the value this act set, or the one in force on the page's date
            wrong = periods[0]
            problems.add(path, line_number, *_not_then(written, wrong, day))


def _not_then(written: str, wrong: Known, day: dt.date | None) -> tuple[str, str]:
    """The message for a value typed on a dated page that was not in force on its date."""
    message = f"{written} là “{wrong.figure.label}” {span(wrong.period)}, không phải mức áp dụng vào ngày của bài"
    message += f" ({day:%d/%m/%Y})." if day else "."
    right = wrong.figure.at(day) if day else None
    if right is None:
        return message, "Sửa lại con số, hoặc bỏ đi nếu không chắc chắn."
    return message, (
        f"Vào ngày đó, mức là {number(right.value)} ({span(right)}, theo văn bản {right.source})."
        + " Sửa con số, hoặc viết {{ figure:" + wrong.key + " }} để trang tự hiện mức của ngày đăng bài."
    )


def check_sources(content: Content, problems: Problems) -> None:
    """Every figure names its act, and that act has a page in docs/van-ban/ (the page cites number and date)."""
    campaign = content.campaign
    folder = content.docs_dir / BY_TYPE["legal"].folder
    legal = {path.stem for path in folder.glob("*.md") if path.name != "index.md" and path.stem.count(".") == 0}
    for key, figure in campaign.figures.items():
        for period in figure.periods:
            if period.source not in legal:
                problems.add(
                    campaign.root / "figures.yml",
                    _line_of(campaign.root / "figures.yml", key),
                    f"số liệu “{key}” dẫn văn bản “{period.source}” nhưng docs/van-ban/ không có văn bản này.",
                    "Ghi ở source: tên tệp (không có .md) của văn bản quy định số liệu, hoặc thêm văn bản đó.",
                )


def _line_of(path: Path, key: str) -> int:
    """The line where figures.yml defines `key` (1 when it cannot be found)."""
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() == f"{key}:":
            return line_number
    return 1
