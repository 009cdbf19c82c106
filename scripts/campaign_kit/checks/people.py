"""Naming a private person needs their consent, on any page (NĐ 13/2023/NĐ-CP Điều 11).

Stories and commendations are about people by their type, and the schema asks them for a consent
record (`schema.consent_rule`). Any other page (a news item, a question, a policy, a top-level page,
in every language) that names a person — an honorific and a name (“chị Năm”, “ông Nguyễn Văn
Sơn”, “Mrs Lan”) or a full name (“Nguyễn Văn Sơn”) — needs the same record in its front matter
(`consent:`), or its translation's source does. A name in a public capacity (an official with
their title beside the name: “ông Võ Văn Thưởng, Thường trực Ban Bí thư”) and a street, school or
place named after a person (“đường Nguyễn Trung Trực”) are not a private person. Example pages
(`sample: true`) are about nobody.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.content import Content, Page
from ..model.errors import Problems
from .markup import without_urls
from .reader_text import reader_text

# Family names of most people in the country (a full name starts with one).
_SURNAME_WORDS = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Trương Đinh Mai Lương Đào "
    "Cao Tạ Triệu Lưu Thái Châu Kiều Quách Tô Danh Thạch Mạc Tôn Hà Quang Chau La Lò Hứa Diệp Thân"
)
SURNAMES = frozenset(_SURNAME_WORDS.split())
_HONORIFIC = r"(?:anh|chị|ông|bà|cô|chú|bác|dì|cậu|thím|mợ|cụ|em|cháu|bé|mr|mrs|ms|miss)\.?"
# An honorific and the words after it, or a family name and the words after it (bounded: no backtracking).
_NAMED = re.compile(
    rf"\b(?=[^\W\d_])(?:({_HONORIFIC})[ \t]+|(?=(?:{'|'.join(sorted(SURNAMES))})[ \t]))(\w+(?:[ \t]+\w+){{0,3}})", re.I
)
# What a name after these words names: a place, a street, a school, a building.
_PLACE_BEFORE = re.compile(
    r"\b(?=[^\W\d_])(?:đường|phố|hẻm|trường|xã|phường|ấp|khóm|huyện|tỉnh|thành phố|tp\.?|quận|cầu|chợ|bệnh viện"
    r"|đặc khu|thị trấn|sông|kênh|rạch|giải|quỹ|street|road|school|commune|ward|district|province|hamlet|city)"
    r"(?:\s+(?:tiểu học|trung học cơ sở|trung học phổ thông|thcs|thpt|mầm non|mẫu giáo|phổ thông|dân tộc nội trú))*"
    r"\s*$",
    re.IGNORECASE,
)
# A title beside the name: the person is named in a public capacity (an official, a signatory).
_OFFICE = re.compile(
    r"\b(?=[^\W\d_])(?:chủ tịch|giám đốc|bí thư|trưởng|thủ tướng|thứ trưởng|thường trực|ủy viên|đại biểu|cán bộ"
    r"|chuyên viên|phát ngôn|president|chair|director|secretary|minister|head of|deputy|member|spokes)",
    re.IGNORECASE,
)
_WINDOW = 60  # characters either side of a name where its title may be written
MAX_NAMES = 5  # reported per page: enough to show the editor what was meant


def named_people(text: str) -> Iterator[tuple[int, str]]:
    """(offset, name) of each private person `text` names (a reader's text, links blanked)."""
    for match in _NAMED.finditer(text):
        words = match[2].split()
        capitalised = 0
        while capitalised < len(words) and words[capitalised][:1].isupper() and words[capitalised].isalpha():
            capitalised += 1
        if capitalised == 0 or (match[1] is None and capitalised < 3):
            continue  # no name; a family name is a full name only with a middle and a given name
        if _PLACE_BEFORE.search(text, max(0, match.start() - _WINDOW), match.start()):
            continue
        if _OFFICE.search(text, *_sentence_around(text, match.start(), match.end())):
            continue
        yield match.start(), " ".join(([match[1]] if match[1] else []) + words[:capitalised])


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence a name is in, at most _WINDOW characters either side: a title in the sentence
    before (“… of the Prime Minister. Mrs Lan …”) is not this person's."""
    left = max(0, start - _WINDOW)
    left = max(left, *(text.rfind(mark, left, start) + 1 for mark in ".\n;!?"))
    right = min(len(text), end + _WINDOW)
    ends = [found for mark in ".\n;!?" if (found := text.find(mark, end, right)) >= 0]
    return left, min(ends, default=right)


def check(content: Content, problems: Problems) -> None:
    for languages in content.pages.values():
        reference = languages.get(content.campaign.default_language)
        for page in languages.values():
            if page.meta.about_people or _consented(page) or (reference is not None and _consented(reference)):
                continue  # a story or commendation: its consent is the schema's rule
            _report(page, problems)


def _consented(page: Page) -> bool:
    return page.is_sample or page.meta.consent_record is not None


def _report(page: Page, problems: Problems) -> None:
    seen: set[str] = set()
    texts = [(line, value) for line, value in page.front_values()] + [(page.body_line, page.body)]
    for first_line, value in texts:
        plain = without_urls(reader_text(value))
        for offset, name in named_people(plain):
            if name.casefold() in seen or len(seen) >= MAX_NAMES:
                continue
            seen.add(name.casefold())
            problems.add(
                page.path,
                first_line + plain.count("\n", 0, offset),
                f"trang nêu tên “{name}” mà không có ghi nhận đồng ý đăng tin (consent) của người này.",
                "Nêu tên người thật cần giấy đồng ý đã ký: thêm consent: given_by, date, kept_at vào phần đầu"
                " trang. Cán bộ nêu theo chức vụ: ghi chức vụ ngay cạnh tên (ông Nguyễn Văn A, Chủ tịch UBND xã)."
                " Không cần tên thì bỏ tên (một hộ ở xã …).",
            )
