"""Personal data of the people the site writes about (FACTS.md §8: NĐ 13/2023/NĐ-CP,
Luật 91/2025/QH15): no ID, phone, bank or insurance numbers, no e-mail addresses or
chat links, no home addresses, birth dates or children's ages, consent on record.

Matched on the text as a reader sees it (`reader_text`), in the body and in every
front-matter value. An agency's public phone, e-mail, address or account is no
exception written in a page: it lives in campaign/contacts.yml and reaches pages
through `{{ contact:<key> }}`. Whether a page needs consent at all is the schema's
rule (`about_people`); this module checks what the page says and what its consent
record holds. Numbers and addresses are quoted half-hidden: output lands in public
CI logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from ..model.content import Page
from ..model.errors import Problems
from ..model.schema import CommendationMeta, Consent, DatedMeta
from ..slugs import slug
from .markup import without_urls
from .people import SURNAMES
from .reader_text import reader_text

_REGISTRY_HINT = (
    "Xóa khỏi bài. Liên hệ công khai của cơ quan, quỹ, đường dây nóng: ghi vào campaign/contacts.yml "
    "(kèm nguồn công bố) rồi dùng {{ contact:<khóa> }} trong bài (nhờ người phụ trách kỹ thuật)."
)
# A run of digits as people group them: "0912 345 678", "381.234.567", "(0297) 3862 123".
_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{4}"
# A run of digits that is not part of a word: a hash such as 187328651fca is no ID.
_NUMBER = re.compile(rf"{_DATE}|(\+?)\d(?<![\w.,/]\d)(?:[ .()\-/]{{0,3}}\d|[ ]*\n[ ]*\d)*(?![\w]|[.,/]\d)")
_UNIT_AFTER = re.compile(
    r"\s{0,4}(?:đồng|đ\b|vnđ|vnd|usd|triệu|tỷ|nghìn|ngàn|lượt|người|hộ|khẩu|lần|km|m\b|ha\b|kg|tấn|con|cây|suất|phần)",
    re.IGNORECASE,
)
_ACCOUNT_BEFORE = re.compile(r"(?:tài khoản|\bstk\b|\btk\b|số tk|account)[^\n\d]{0,25}$", re.IGNORECASE)
_INSURANCE_BEFORE = re.compile(r"(?:bhxh|bhyt|bảo hiểm|sổ|thẻ|mã số)[^\n\d]{0,25}$", re.IGNORECASE)
_HEALTH_CARD = re.compile(r"\b[A-Z]{2}[ .\-]?\d(?:[ .\-]?\d){12}(?!\d)")
# Bounded, and opening with the "@": a long run of letters never makes the search quadratic.
_EMAIL = re.compile(r"@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_CHAT_LINK = re.compile(
    r"\b(?:(?:tel|sms|smsto|callto|mailto|viber|whatsapp|zalo|skype|facetime|fb-messenger):"
    r"|(?:https?://|(?<![\w.-]))(?:[\w-]{1,63}\.){0,4}(?:zalo\.me|m\.me|messenger\.com|facebook\.com|fb\.com|fb\.me|wa\.me|t\.me)/)"
    r"[^\s)>\]\"']*",
    re.IGNORECASE,
)
_TIME_WORDS = (
    r"(?:ngày|năm|từ|đến|tháng|hạn|sáng|trưa|chiều|tối|đêm|hôm|thứ \w+|mùng|mồng|dịp|số hiệu|quyết định|nghị định)"
)
_NOT_A_HOUSE_NUMBER_BEFORE = re.compile(_TIME_WORDS + r"\s*$", re.IGNORECASE)
_HOUSE_NUMBER = r"\d(?<![\w/.,]\d)\d*[A-Za-z]?(?:/\d+[A-Za-z]?)*"
# First words of streets named after people (most streets are): "12 Nguyễn Trung Trực", and of
# other streets' names ("12 Hai Bà Trưng", "12 Cách Mạng Tháng Tám").
_STREET_WORDS = "Hai Ba Cách Hùng Kim Hàm Xô Ngọc Điện Trưng Bà Thủ Phó"
_SURNAMES = SURNAMES | frozenset(_STREET_WORDS.split())
_ADDRESS = re.compile(
    r"(?:số nhà|nhà số)\s*:?\s*\d"  # "số nhà 12", "Số nhà: 12"
    r"|(?:hẻm|hẽm|kiệt|ngõ|ngách)\s+\d+"  # "hẻm 45 Lê Lợi"
    rf"|số\s+{_HOUSE_NUMBER},?\s+(?:đường|phố)\b"  # "số 12 đường"
    rf"|({_HOUSE_NUMBER}),?\s+(?:(?:đường|phố)\s+(\w)(\w?)|(\w+)\s+(\w+))",  # "12 đường Lê Lợi", "12 Nguyễn Trãi"
    re.IGNORECASE,
)
# A land parcel: "thửa 245, tờ bản đồ 12", "thửa đất số 245 tờ bản đồ số 12".
_PARCEL = re.compile(r"\bthửa(?: đất)?(?: số)?\s*\d+[,;]?\s*(?:tờ bản đồ|tbđ)(?: số)?\s*\d+", re.IGNORECASE)
# A map position: "10.01234, 105.12345" (in a link's target too).
_COORDINATES = re.compile(r"(?<![\d.])-?\d{1,3}\.\d{4,}\s*,\s*-?\d{1,3}\.\d{4,}")
# An e-mail written so that a filter misses it: "anhson (a) gmail chấm com", "son [at] mail [dot] vn".
_AT = r"(?:[(\[{<]\s*(?:a|at|@|a còng)\s*[)\]}>]|\s(?:at|a còng)\s)"
_DOT = r"(?:\.|[(\[{<]\s*(?:dot|chấm)\s*[)\]}>]|\s(?:dot|chấm)\s)"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]{{1,64}}\s*{_AT}\s*[\w-]{{1,63}}(?:\s*{_DOT}\s*[\w-]{{1,63}}){{0,3}}\s*{_DOT}\s*"
    r"(?:com|vn|net|org|edu|gov|info|me)\b",
    re.IGNORECASE,
)
# Digits spelled as words: "không chín một hai ba bốn năm sáu bảy tám" is a phone number too.
_DIGIT_WORDS = {"không": "0", "một": "1", "mốt": "1", "hai": "2", "ba": "3", "bốn": "4", "tư": "4", "năm": "5",
                "lăm": "5", "sáu": "6", "bảy": "7", "bẩy": "7", "tám": "8", "chín": "9"}  # fmt: skip
_SPELLED_NUMBER = re.compile(
    rf"(?<!\w)(?:(?:{'|'.join(_DIGIT_WORDS)})[\s,.\-]{{1,3}}){{8,}}(?:{'|'.join(_DIGIT_WORDS)})(?!\w)", re.IGNORECASE
)
# A target: before its "?" and from it. Never empty: an empty match at every blank of the text cost a call each.
_QUERY = re.compile(r"(?=\S)([^\s?]*)(\S*)")
_BIRTH_DATE = re.compile(rf"(?:sinh ngày|ngày sinh|ngày tháng năm sinh|\bsn\b)\s*:?\s*{_DATE}", re.IGNORECASE)
_AGE = re.compile(r"(\d{1,2})\s*tuổi")
_CHILD_BEFORE = re.compile(r"\b(?:bé|cháu|con|em|con gái|con trai)\s+(?:tên\s+)?(?=(\w))", re.IGNORECASE)
_NAMED_PERSON = re.compile(r"\b(?:hộ|gia đình|anh|chị|ông|bà|cô|chú|bác|dì|cậu|thím|mợ)\s+(?=(\w+))", re.IGNORECASE)
_FILE_OR_LINK = re.compile(r"https?://|www\.|\.(?:pdf|jpe?g|png|heic|docx?)\b|\b\w+\.(?:vn|com|net|org|me)\b", re.I)
_CHAT_WORDS = re.compile(r"zalo|facebook|messenger|viber|telegram|nhóm|group|chat|tin nhắn|email|e-mail|drive", re.I)
_CONSENT_FORM_NAMES = ("giay-dong-y", "phieu-dong-y", "dong-y-dang", "consent")

MAX_REPORTED = 100  # per text: enough to show every kind of mistake, never a flood
Found = tuple[int, str, str]  # (offset in the text, message, hint)


def check(path: Path, text: str, page: Page | None, problems: Problems) -> None:
    """The Markdown file as written; then, once its front matter is valid, every value in it."""
    about_people = page is not None and page.meta.about_people
    check_text(path, text, about_people, problems)
    if page is None:
        return
    for line, value in page.front_values():
        check_text(path, value, about_people, problems, first_line=line)
    consent = page.meta.consent_record
    if consent is not None:
        _check_consent(page, consent, problems)
    elif isinstance(page.meta, CommendationMeta) and not page.meta.about_people and not page.meta.sample:
        _check_organisation(page, problems)


def check_text(path: Path, text: str, about_people: bool, problems: Problems, first_line: int = 1) -> None:
    """Report every personal detail in `text` (which starts at `first_line` of the file)."""
    plain = reader_text(text)
    found = list(_links(plain))
    prose = without_urls(plain)
    found += _numbers(prose)
    targets = _link_targets(plain, prose)
    found += _numbers(targets)
    found += _coordinates(plain)  # in the text and in any link (a map link's path holds them too)
    found += _emails(prose)
    found += _spelled(prose)
    # What a page says, whatever its type: a policy page or a news item naming a household
    # publishes its address as surely as a story does.
    found += _addresses(prose)
    found += _birth_dates_and_children(prose)
    found.sort()
    for offset, message, hint in found[:MAX_REPORTED]:
        problems.add(path, first_line + plain.count("\n", 0, offset), message, hint)
    if len(found) > MAX_REPORTED:
        offset = found[MAX_REPORTED][0]
        problems.add(
            path,
            first_line + plain.count("\n", 0, offset),
            f"còn {len(found) - MAX_REPORTED} chỗ nữa có thông tin cá nhân từ dòng này trở đi.",
            "Sửa các chỗ đã báo rồi chạy lại make check.",
        )


def check_files(files: list[Path], problems: Problems) -> None:
    """Signed consent forms stay with the agency, on paper: never in the repository; and a file's
    name, published in its address, says nothing personal. `files`: every file under docs/ but the pages."""
    for path in files:
        for _offset, message, hint in _numbers(re.sub(r"[_\-.]", " ", path.stem)):
            problems.add(path, 1, "tên tệp có " + message, hint + " Đặt lại tên tệp, không có số.")
        if any(name in slug(path.stem) for name in _CONSENT_FORM_NAMES):
            problems.add(
                path,
                1,
                "tệp này có vẻ là giấy đồng ý đã ký: giấy đồng ý không bao giờ được đưa lên kho nội dung.",
                "Xóa tệp khỏi kho. Giấy đồng ý được cất ở cơ quan; trong bài chỉ ghi consent: kept_at (nơi cất).",
            )


def _links(plain: str) -> Iterator[Found]:
    for match in _CHAT_LINK.finditer(plain):
        target = unquote(match[0])
        yield (
            match.start(),
            f"liên kết “{_masked(target)}” dẫn tới số điện thoại, e-mail, Zalo hay Facebook của một người: "
            "không được đăng.",
            _REGISTRY_HINT,
        )


def _link_targets(plain: str, prose: str) -> str:
    """The query strings of the link targets `without_urls` blanked, decoded, at their own offsets
    (?sdt=0912345678, a map link's ?q=…), digits only: they are published as surely as the text.
    A target's path is the site's own naming (document slugs hold numbers), not what it says."""
    if prose == plain:
        return ""
    targets = "".join(char if blank == " " and char != " " else " " for char, blank in zip(plain, prose, strict=True))

    def query(match: re.Match[str]) -> str:
        decoded = unquote(match[2])
        return " " * len(match[1]) + decoded.ljust(len(match[2]))[: len(match[2])]

    queries = _QUERY.sub(query, targets)
    return "".join(char if char.isdigit() or char in "\n.," else " " for char in queries)


def _coordinates(text: str) -> Iterator[Found]:
    for match in _COORDINATES.finditer(text):
        yield match.start(), f"“{_masked(match[0])}” là tọa độ trên bản đồ: lộ chỗ ở.", "Xóa tọa độ và liên kết bản đồ."


def _spelled(prose: str) -> Iterator[Found]:
    for match in _SPELLED_NUMBER.finditer(prose):
        digits = "".join(_DIGIT_WORDS[word.lower()] for word in re.findall(r"\w+", match[0]))
        if re.fullmatch(r"0\d{8,10}|\d{9}|\d{12}", digits):
            message = f"dãy chữ số “{_masked(digits)}” viết bằng chữ: vẫn là số điện thoại hay số giấy tờ."
            yield match.start(), message, "Xóa số này khỏi bài."


def _numbers(prose: str) -> Iterator[Found]:
    for match in _NUMBER.finditer(prose):
        if match[1] is None and re.fullmatch(_DATE, match[0]):
            continue
        digits = re.sub(r"\D", "", match[0])
        kind = _number_kind(prose, match, digits)
        found = [(match.start(), match[0], kind)] if kind else _phones_inside(match)
        for offset, number, kind in found:
            yield (
                offset,
                f"dãy số “{_masked(number)}” giống {kind}: không được đăng.",
                _REGISTRY_HINT if "điện thoại" in kind or "tài khoản" in kind else "Xóa số này khỏi bài.",
            )
    for match in _HEALTH_CARD.finditer(prose):
        yield match.start(), f"“{_masked(match[0])}” giống mã thẻ bảo hiểm y tế: không được đăng.", "Xóa mã này."


def _phones_inside(run: re.Match[str]) -> list[tuple[int, str, str]]:
    """Phone numbers among the groups of a longer run ("0912 345 678 5 lần", two numbers
    side by side): consecutive groups whose digits make one. Groups of three, as money
    is written, never add up to a phone number's ten digits from a leading 0."""
    groups = list(re.finditer(r"\d+", run[0]))
    found = []
    for first in range(len(groups)):
        digits = ""
        for last in range(first, min(first + 6, len(groups))):
            digits += groups[last][0]
            if len(digits) > 11:
                break
            if re.fullmatch(r"0[35789]\d{8}|02\d{9}", digits):
                text = run[0][groups[first].start() : groups[last].end()]
                found.append((run.start() + groups[first].start(), text, _PHONE_KINDS[digits[1] == "2"]))
                break
    return found


_PHONE_KINDS = ("số điện thoại di động", "số điện thoại cố định hoặc đường dây nóng")


def _number_kind(prose: str, match: re.Match[str], digits: str) -> str:
    before = prose[max(0, match.start() - 40) : match.start()]
    if 6 <= len(digits) <= 19 and _ACCOUNT_BEFORE.search(before):
        return "số tài khoản ngân hàng"
    if re.fullmatch(r"(?:84|0)[35789]\d{8}", digits) or (match[1] and re.fullmatch(r"84[35789]\d{8}", digits)):
        return _PHONE_KINDS[0]
    if re.fullmatch(r"(?:84|0)2\d{9}|1[89]00\d{4,6}", digits):
        return _PHONE_KINDS[1]
    counted = _UNIT_AFTER.match(prose, match.end()) or (digits.endswith("000") and "." in match[0])
    if len(digits) == 10 and _INSURANCE_BEFORE.search(before):
        return "mã số bảo hiểm xã hội"
    if counted or re.fullmatch(r"(?:(?:19|20)\d\d\D*)+", match[0]):  # amounts, counts, a list of years
        return ""
    if len(digits) == 12:
        return "số căn cước công dân (CCCD, 12 chữ số)"
    if 13 <= len(digits) <= 19 and not re.search(r"[.,] ?\d{3}\b", match[0]):
        return "số tài khoản ngân hàng hoặc số thẻ"
    if len(digits) == 9:
        return "số chứng minh nhân dân (CMND, 9 chữ số)"
    return ""


def _emails(prose: str) -> Iterator[Found]:
    for match in _OBFUSCATED_EMAIL.finditer(prose):
        yield (
            match.start(),
            f"“{_masked(match[0])}” là địa chỉ e-mail viết tránh: không được đăng e-mail của người.",
            _REGISTRY_HINT,
        )
    if "@" not in prose:
        return
    for match in _EMAIL.finditer(prose):
        start = match.start()
        while start > max(0, match.start() - 64) and (prose[start - 1].isalnum() or prose[start - 1] in "_.+-"):
            start -= 1
        if start < match.start():
            address = prose[start : match.start()] + match[0]
            yield (
                start,
                f"địa chỉ e-mail “{_masked(address)}”: không được đăng e-mail của người.",
                _REGISTRY_HINT,
            )


def _addresses(prose: str) -> Iterator[Found]:
    for match in _ADDRESS.finditer(prose):
        if match[1] is not None:  # a number before a street: which kind of words follow decides
            line_start = max(prose.rfind("\n", max(0, match.start() - 40), match.start()) + 1, match.start() - 40)
            if _NOT_A_HOUSE_NUMBER_BEFORE.search(prose, line_start, match.start()) or not _is_house_number(match[1]):
                continue
            named_street = match[2] is not None and (match[2].isdigit() or (match[2].isupper() and match[3].islower()))
            person_street = match[4] is not None and match[4] in _SURNAMES and match[5][:1].isupper()
            if not (named_street or person_street):
                continue
        yield (
            match.start(),
            f"“{_masked(match[0])}” là địa chỉ nhà cụ thể: bài về người thật không ghi số nhà, tên đường nơi họ ở.",
            "Chỉ ghi đến ấp, xã (ví dụ: ở xã Lúa Vàng), không ghi số nhà, hẻm, đường.",
        )


def _birth_dates_and_children(prose: str) -> Iterator[Found]:
    for match in _PARCEL.finditer(prose):
        yield (
            match.start(),
            f"“{_masked(match[0])}” là số thửa đất: lần ra được nhà và đất của một gia đình.",
            "Xóa số thửa, số tờ bản đồ; chỉ ghi đến ấp, xã.",
        )

    for match in _BIRTH_DATE.finditer(prose):
        yield (
            match.start(),
            f"“{_masked(match[0])}” là ngày sinh: bài về người thật không được ghi ngày sinh.",
            "Xóa ngày sinh; nếu cần, chỉ ghi tuổi của người lớn (ví dụ: 52 tuổi).",
        )
    for match in _AGE.finditer(prose):
        window = prose[max(0, match.start() - 50) : match.start()]
        named = any(child[1].isupper() for child in _CHILD_BEFORE.finditer(window))
        if int(match[1]) < 18 and named:
            yield (
                match.start(),
                "bài ghi tên một em nhỏ cùng tuổi của em: không được đăng thông tin lần ra trẻ em.",
                "Bỏ tên hoặc bỏ tuổi (ví dụ: “hai con nhỏ đang đi học”).",
            )


def _is_house_number(text: str) -> bool:
    """'123/4' yes; a date '17/4/2023' or a document number '24/2021' no."""
    last = text.rsplit("/", 1)[-1]
    return "/" not in text or not (len(last) == 4 and last.isdigit())


def _check_organisation(page: Page, problems: Problems) -> None:
    """An organisation needs no consent; a household or person does, whatever `kind` says."""
    text = reader_text(" ".join([page.meta.title, page.meta.summary, page.body]))
    for match in _NAMED_PERSON.finditer(text):
        if match[1][:1].isupper():
            problems.add(
                page.path,
                page.line_of("kind"),
                f"trang ghi loại tổ chức (organisation) nhưng nói về người hoặc hộ cụ thể (“{match[0]}{match[1]}”): "
                "cần ghi nhận đồng ý (consent).",
                "Đổi kind thành household hoặc person và thêm consent: given_by, date, kept_at.",
            )
            return


def _check_consent(page: Page, consent: Consent, problems: Problems) -> None:
    published = page.meta.date if isinstance(page.meta, DatedMeta) else None
    if published is not None and consent.date > published:
        problems.add(
            page.path,
            page.line_of("consent", "date"),
            f"ngày đồng ý ({consent.date:%d/%m/%Y}) muộn hơn ngày đăng bài ({published:%d/%m/%Y}).",
            "Phải có giấy đồng ý đã ký trước khi đăng. Ghi đúng ngày ký trong consent: date.",
        )
    if _FILE_OR_LINK.search(consent.kept_at) or _CHAT_WORDS.search(consent.kept_at):
        problems.add(
            page.path,
            page.line_of("consent", "kept_at"),
            "nơi lưu giấy đồng ý (kept_at) phải là nơi cất bản giấy, không phải tệp, đường dẫn hay nhóm chat.",
            "Ví dụ: UBND xã Lúa Vàng (bản giấy). Không chụp hay tải giấy đồng ý lên mạng.",
        )


def _masked(text: str) -> str:
    """'091234567890' → '091•••••••90'; 'chi.ba@gmail.com' → 'chi•••••••••om': enough to find it, not to use it."""
    text = " ".join(text.split())
    shown = [index for index, char in enumerate(text) if char.isalnum()]
    hidden = set(shown[3:-2])
    return "".join("•" if index in hidden else char for index, char in enumerate(text))
