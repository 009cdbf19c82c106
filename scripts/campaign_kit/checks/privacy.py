"""Personal data of the people the site writes about (FACTS.md §8: NĐ 13/2023/NĐ-CP,
Luật 91/2025/QH15): no ID or phone numbers, no home addresses, consent on record.

Whether a page needs consent at all is the schema's rule (`about_people`,
`consent`); this module checks what the page says and what its consent record
holds. Numbers are quoted half-hidden: check output lands in public CI logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..model.content import Page
from ..model.errors import Problems
from ..model.schema import Consent, DatedMeta
from ..slugs import slug
from .markup import line_finder, without_urls

# Every pattern opens with the digit (or + or letter) it needs and only then looks
# behind it: Python's regex engine then skips straight to candidate characters,
# which keeps the checks of thousands of pages fast.
# A digit that does not continue a number (1.500.000, 24/2021) or a word: a hash like 187328651fca is no ID.
_FIRST_DIGIT = r"\d(?<![\w.,/]\d)"
_LAST_DIGIT = r"(?!\w|[.,/]\d)"
_MONEY_AFTER = re.compile(r"\s*(?:đồng|đ\b|VNĐ|VND|triệu|tỷ)", re.IGNORECASE)
_ID_NUMBERS = (
    (re.compile(rf"{_FIRST_DIGIT}(?:\d{{11}}|\d{{2}}(?: \d{{3}}){{3}}){_LAST_DIGIT}"),
     "căn cước công dân (CCCD, 12 chữ số)"),
    (re.compile(rf"{_FIRST_DIGIT}(?:\d{{8}}|\d{{2}}(?: \d{{3}}){{2}}){_LAST_DIGIT}"),
     "chứng minh nhân dân (CMND, 9 chữ số)"),
)  # fmt: skip
# Mobile numbers: 0 or +84/84, then 3, 5, 7, 8 or 9 and eight digits, grouped at will.
_MOBILE = re.compile(r"(?:\+84(?<![\d+]\+84)|84(?<![\d+]84)|0(?<![\d+]0))[ .-]?[35789](?:[ .-]?\d){8}(?!\d)")
_STREET_WORDS = r"(?:đường|phố|hẻm|ngõ|ngách|kiệt)"
_HOUSE_NUMBER = r"\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*"
_HOUSE_NUMBER_ALONE = r"\d(?<![\w/]\d)\d*[A-Za-z]?(?:/\d+[A-Za-z]?)*"  # not inside a word or a number
_ADDRESS = re.compile(
    # "số nhà 12", "nhà số 12"
    r"(?:[Ss]ố [Nn]hà|[Nn]hà [Ss]ố)[ \t]*\d+"
    # "số 12 đường …", "số 45/3, hẻm …"
    rf"|[Ss]ố[ \t]+{_HOUSE_NUMBER},?[ \t]+{_STREET_WORDS}\b"
    # "12 đường Lê Lợi", "45 hẻm 3" (not "3 đường dây nóng")
    rf"|{_HOUSE_NUMBER_ALONE},?[ \t]+(?:(?:đường|phố)[ \t]+[A-ZĐ]|(?:hẻm|ngõ|ngách|kiệt)[ \t]+\d)"
)
# "123/4 Nguyễn Trãi": a house number with a slash before a street named after a person.
_SLASHED_HOUSE_NUMBER = re.compile(r"(\d(?<![\w/]\d)\d*[A-Za-z]?(?:/\d+[A-Za-z]?)+)[ \t]+(\w+)[ \t]+(\w+)")
_NOT_A_HOUSE_NUMBER_BEFORE = re.compile(r"(?:ngày|từ|đến|tháng|hạn|số hiệu|quyết định|nghị định)\s*$", re.IGNORECASE)
_FILE_OR_LINK = re.compile(r"https?://|www\.|\.(?:pdf|jpe?g|png|heic|docx?)\b", re.IGNORECASE)
_CONSENT_FORM_NAMES = ("giay-dong-y", "phieu-dong-y", "dong-y-dang", "consent")


def check(path: Path, text: str, page: Page | None, problems: Problems) -> None:
    prose = without_urls(text)
    found = list(_numbers(prose))
    # The address rule needs to know whom the page is about: it waits until the
    # front matter is valid (its own mistakes are reported meanwhile).
    if page is not None and page.meta.about_people:
        found += _addresses(prose)
    line_of = line_finder(prose)
    reported = set()
    for offset, message, hint in sorted(found):
        line = line_of(offset)
        if line not in reported:  # one personal detail per line is enough to send the editor there
            problems.add(path, line, message, hint)
            reported.add(line)
    if page is not None and page.meta.consent_record is not None:
        _check_consent(page, page.meta.consent_record, problems)


def check_files(files: list[Path], problems: Problems) -> None:
    """Signed consent forms stay with the agency, on paper: never in the repository.
    `files`: every file under docs/ but the Markdown pages."""
    for path in files:
        if any(name in slug(path.stem) for name in _CONSENT_FORM_NAMES):
            problems.add(
                path,
                1,
                "tệp này có vẻ là giấy đồng ý đã ký: giấy đồng ý không bao giờ được đưa lên kho nội dung.",
                "Xóa tệp khỏi kho. Giấy đồng ý được cất ở cơ quan; trong bài chỉ ghi consent: kept_at (nơi cất).",
            )


def _numbers(prose: str) -> Iterator[tuple[int, str, str]]:
    """(offset, message, hint) of every ID or mobile number in `prose`."""
    for pattern, kind in _ID_NUMBERS:
        for match in pattern.finditer(prose):
            if not _MONEY_AFTER.match(prose, match.end()):
                yield (
                    match.start(),
                    f"dãy số “{_half_hidden(match[0])}” giống số {kind}: không được đăng số giấy tờ tùy thân.",
                    "Xóa số này khỏi bài. Nếu là số tiền, viết có dấu chấm và đơn vị: 100.000.000 đồng.",
                )
    for match in _MOBILE.finditer(prose):
        yield (
            match.start(),
            f"số “{_half_hidden(match[0])}” giống số điện thoại di động: không được đăng số điện thoại riêng.",
            "Xóa số này. Muốn người đọc liên hệ, ghi số điện thoại cơ quan ở campaign/districts.yml (contact).",
        )


def _addresses(prose: str) -> Iterator[tuple[int, str, str]]:
    """(offset, message, hint) of every house number or street address in `prose`."""
    found = list(_ADDRESS.finditer(prose))
    found += [
        match
        for match in _SLASHED_HOUSE_NUMBER.finditer(prose)
        if _is_house_number(match[1]) and match[2][0].isupper() and match[3][0].isupper()
        and not _NOT_A_HOUSE_NUMBER_BEFORE.search(prose, prose.rfind("\n", 0, match.start()) + 1, match.start())
    ]  # fmt: skip
    for match in found:
        yield (
            match.start(),
            f"“{match[0]}” là địa chỉ nhà cụ thể: bài về người thật không được ghi số nhà, tên đường nơi họ ở.",
            "Chỉ ghi đến ấp, xã (ví dụ: ở xã Vĩnh Hòa Hưng Bắc), không ghi số nhà, hẻm, đường.",
        )


def _is_house_number(text: str) -> bool:
    """'123/4' yes; a date '17/4/2023' or a document number '24/2021' no."""
    last = text.rsplit("/", 1)[1]
    return not (len(last) == 4 and last.isdigit())


def _check_consent(page: Page, consent: Consent, problems: Problems) -> None:
    published = page.meta.date if isinstance(page.meta, DatedMeta) else None
    if published is not None and consent.date > published:
        problems.add(
            page.path,
            page.line_of("consent", "date"),
            f"ngày đồng ý ({consent.date:%d/%m/%Y}) muộn hơn ngày đăng bài ({published:%d/%m/%Y}).",
            "Phải có giấy đồng ý đã ký trước khi đăng. Ghi đúng ngày ký trong consent: date.",
        )
    if _FILE_OR_LINK.search(consent.kept_at):
        problems.add(
            page.path,
            page.line_of("consent", "kept_at"),
            "nơi lưu giấy đồng ý (kept_at) phải là nơi cất bản giấy, không phải tệp hay đường dẫn.",
            "Ví dụ: UBND xã Vĩnh Hòa Hưng Bắc (bản giấy). Không chụp hay tải giấy đồng ý lên mạng.",
        )


def _half_hidden(number: str) -> str:
    """'091234567890' → '091•••••••90': enough for the editor to find it, not enough to use it."""
    digits = [index for index, char in enumerate(number) if char.isdigit()]
    hidden = set(digits[3:-2])
    return "".join("•" if index in hidden else char for index, char in enumerate(number))
