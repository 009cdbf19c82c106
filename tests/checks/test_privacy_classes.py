"""Privacy by what a page says: each class of personal detail is refused in its variants
(separators of every Unicode category, other scripts' digits, marks, words), and in every
position a reader meets it (any page type, a translation, a front-matter value, a link's
query string, a file name, a PDF's text)."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
import weasyprint
from conftest import FIXTURE, PROJECT
from corpus import by_file, reported
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_kit.checks.privacy import check_text
from campaign_kit.model.errors import Problems

NUMBERS = ["0912345678", "0387654321", "091234567890", "02973862123"]
# One separator of each kind people (and attackers) put between digit groups: every Unicode
# dash, dot-like or bullet punctuation, space and blank-drawn character, found by category.
SEPARATORS = sorted(
    {
        char
        for char in map(chr, range(0x20, 0x3100))
        if unicodedata.category(char) in ("Pd", "Zs")
        or (unicodedata.category(char) == "Po" and "DOT" in unicodedata.name(char, ""))
    }
    | {"/", "\uffa0", "\u3164", "\u2800", "\u00a0"}
)
DIGIT_SETS = [
    0x30,
    0x660,
    0x6F0,
    0x966,
    0xE50,
    0x17E0,
    0xFF10,
]  # ASCII, Arabic, Persian, Devanagari, Thai, Khmer, full width


@settings(max_examples=150, deadline=None)
@given(
    number=st.sampled_from(NUMBERS),
    separator=st.sampled_from(SEPARATORS),
    digits=st.sampled_from(DIGIT_SETS),
    mark=st.sampled_from(["", "\u0302", "\u0301\u0323", "\u20e3"]),
    groups=st.sampled_from([(4, 3, 3), (3, 3, 4), (2, 4, 4)]),
    before=st.sampled_from(["Gọi ", "Liên hệ: ", "", "SĐT "]),
)
def test_a_number_is_found_whatever_separates_its_digits(number, separator, digits, mark, groups, before) -> None:
    written = "".join(chr(digits + int(char)) + mark for char in number)
    cut, parts = 0, []
    for size in groups:
        parts.append(written[cut : cut + size * (1 + len(mark))])
        cut += size * (1 + len(mark))
    parts[-1] += written[cut:]
    problems = Problems(Path("."))
    check_text(Path("x.md"), f"{before}{separator.join(parts)} nhé.", False, problems)
    assert problems.items, repr(separator.join(parts))


@settings(max_examples=60, deadline=None)
@given(
    number=st.sampled_from(NUMBERS),
    separator=st.sampled_from([" ", ", ", " - ", "  "]),
    four=st.sampled_from(["bốn", "tư"]),
    five=st.sampled_from(["năm", "lăm"]),
)
def test_a_number_spelled_in_words_is_found(number, separator, four, five) -> None:
    words = ["không", "một", "hai", "ba", four, five, "sáu", "bảy", "tám", "chín"]
    problems = Problems(Path("."))
    check_text(Path("x.md"), "Gọi " + separator.join(words[int(char)] for char in number) + " nhé.", False, problems)
    assert problems.items


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["anhson", "chi.ba", "tu_2024"]),
    at=st.sampled_from(["(a)", "[at]", "{at}", " at ", "(@)", " a còng ", "( at )"]),
    dot=st.sampled_from([" chấm ", "[dot]", " dot ", "(chấm)", "."]),
    host=st.sampled_from(["gmail", "yahoo", "mail.vnpt"]),
    tld=st.sampled_from(["com", "vn", "com.vn"]),
)
def test_an_obfuscated_email_is_found(name, at, dot, host, tld) -> None:
    problems = Problems(Path("."))
    check_text(Path("x.md"), f"Viết cho {name}{at}{host}{dot}{tld} nhé.", False, problems)
    assert problems.items


PERSONAL = "Hộ ông Tư ở số nhà 12 đường Lê Lợi, sinh ngày 12/03/1980; bé Lan 7 tuổi; nhà ở thửa 245, tờ bản đồ 12."
PLACES = {
    "docs/gioi-thieu-ho.md": "---\ntitle: Một hộ\n---\n\n{text}\n",
    "docs/tin-tuc/mot-ho.md": "---\ntitle: Một hộ\ndate: 2024-06-01\n---\n\n{text}\n",
    "docs/hoi-dap/mot-ho.md": "---\ntitle: Hộ nào được hỗ trợ?\n---\n\n{text}\n",
    "docs/gioi-thieu.en.md": None,  # the English translation of an existing page, text appended
    "docs/tin-tuc/tieu-de.md": '---\ntitle: "{text}"\ndate: 2024-06-01\n---\n\nTin.\n',
    "docs/tin-tuc/tom-tat.md": '---\ntitle: Tin\ndate: 2024-06-01\nsummary: "{text}"\n---\n\nTin.\n',
    "docs/tin-tuc/lien-ket.md": "---\ntitle: Tin\ndate: 2024-06-01\n---\n\n[Gọi](https://x.example/?sdt=0912345678)\n",
    "docs/tin-tuc/ban-do.md": "---\ntitle: Tin\ndate: 2024-06-01\nsummary: Tin.\n---\n\n"
    "[Nhà](https://maps.example/@10.0123456,105.1234567,15z)\n",
    "docs/tin-tuc/anh/ho-0912345678.jpg": b"",
    "docs/van-ban/danh-sach.pdf": b"",
}


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path_factory.mktemp("privacy") / "docs"))
    for name, template in PLACES.items():
        path = docs.parent / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if template is None:
            path.write_text(path.read_text(encoding="utf-8") + f"\n{PERSONAL}\n", encoding="utf-8")
        elif name.endswith(".pdf"):
            path.write_bytes(weasyprint.HTML(string="<p>Danh sách: Nguyễn Văn A, CCCD 091234567890</p>").write_pdf())
        elif name.endswith(".jpg"):
            shutil.copy(PROJECT / "overrides" / "assets" / "logo.svg", path)
        else:
            path.write_text(template.format(text=PERSONAL), encoding="utf-8")
    return by_file(reported(docs))


@pytest.mark.parametrize("name", sorted(PLACES))
def test_personal_details_are_refused_in_every_position(refused: dict[str, list], name: str) -> None:
    messages = [problem.message for problem in refused[name]]
    personal = ("địa chỉ nhà", "ngày sinh", "em nhỏ", "thửa đất", "dãy số", "tên tệp có", "tọa độ")
    assert any(any(word in message for word in personal) for message in messages), (name, messages)
