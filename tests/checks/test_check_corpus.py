"""The corpus of bad contributions: each file under corpus/ is a page written the way an
editor writes it, with one kind of mistake; each is refused with its own Vietnamese
message at its own file and line, and nothing else is blamed."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import PROJECT, loaded_project
from photos import photo

from campaign_kit.checks.images import MAX_BYTES
from campaign_kit.model.errors import ContentError, Problem
from campaign_kit.project import load

CORPUS = Path(__file__).parent / "corpus"
CAMPAIGN = loaded_project().content.campaign
STORY = "guong-thoat-ngheo/"

# (file in corpus/ and docs/, line, start of the message)
MISTAKES = [
    # schema
    (STORY + "thieu-tieu-de.md", 2, "thiếu mục bắt buộc tiêu đề (title)."),
    (STORY + "ngay-khong-co-that.md", 3, "ngày (date) “2024-02-31” không phải là một ngày có thật."),
    (
        STORY + "sai-huyen.md",
        4,
        "huyện, thành phố (district): không có huyện, thành phố “go-qua”. Có phải ý bạn là “go-quao”?",
    ),
    (STORY + "muc-la.md", 6, "mục “tag” không dùng được ở đây. Có phải ý bạn là “tags”?"),
    # text
    (STORY + "khong-chuan-nfc.md", 15, "chữ tiếng Việt chưa ở dạng chuẩn Unicode NFC"),
    (STORY + "loi-phong-tcvn3.md", 15, "chữ “nghÌo” bị lỗi phông cũ TCVN3 (phông .VnTime); có lẽ là “nghèo”."),
    (STORY + "loi-phong-vni.md", 15, "chữ “Chöông” bị lỗi phông cũ VNI (phông VNI-Times); có lẽ là “Chương”."),
    (STORY + "ky-tu-an.md", 15, "dòng có ký tự ẩn U+200B (ZERO WIDTH SPACE) ở cột 4"),
    (STORY + "chu-lan-kirin.md", 15, "chữ “Giаng” lẫn ký tự Cyrillic “а” (U+0430)"),
    # privacy
    ("bieu-duong/ho-thieu-dong-y.md", 2, "trang nói về người hoặc hộ gia đình cụ thể nhưng thiếu ghi nhận đồng ý"),
    (STORY + "dong-y-sau-ngay-dang.md", 9, "ngày đồng ý (20/06/2024) muộn hơn ngày đăng bài (01/06/2024)."),
    (STORY + "giay-dong-y-la-tep.md", 10, "nơi lưu giấy đồng ý (kept_at) phải là nơi cất bản giấy"),
    (STORY + "so-cccd.md", 15, "dãy số “091•••••••90” giống số căn cước công dân (CCCD, 12 chữ số)"),
    (STORY + "so-cmnd.md", 15, "dãy số “361••••67” giống số chứng minh nhân dân (CMND, 9 chữ số)"),
    (STORY + "so-dien-thoai.md", 15, "số “091• ••• •78” giống số điện thoại di động"),
    (STORY + "so-dien-thoai-quoc-te.md", 15, "số “+84 9••.•••.•78” giống số điện thoại di động"),
    (STORY + "so-nha.md", 15, "“số 12 đường” là địa chỉ nhà cụ thể"),
    (STORY + "dia-chi-hem.md", 15, "“123/4 Nguyễn Trãi” là địa chỉ nhà cụ thể"),
    (STORY + "minh-hoa-bia-dong-y.md", 2, "trang minh họa (sample: true) không nói về người thật nên không được có"),
    # figures
    (STORY + "lai-suat-go-tay.md", 15, "lãi suất 6,6%/năm được gõ tay; đây là số liệu “credit_rate_poor”"),
    (
        STORY + "so-tien-go-tay.md",
        15,
        "số tiền 100.000.000 đồng được gõ tay; đây là số liệu “credit_ceiling_household”",
    ),
    # safety
    (STORY + "the-script.md", 15, "không được dùng thẻ HTML <script> (chạy mã trên máy người đọc)."),
    (STORY + "nhung-video.md", 15, "không được dùng thẻ HTML <iframe>"),
    (STORY + "the-style.md", 15, "không được dùng thẻ HTML <style>"),
    (STORY + "bieu-mau.md", 15, "không được dùng thẻ HTML <form> (thu thập thông tin của người đọc)."),
    (STORY + "anh-onerror.md", 15, "thuộc tính “onerror” trong thẻ <img> chạy mã trên máy người đọc"),
    (STORY + "lien-ket-javascript.md", 15, "liên kết kiểu “javascript:” không được dùng."),
    (STORY + "anh-data.md", 15, "liên kết kiểu “data:” không được dùng."),
    # images
    (STORY + "anh-thieu-mo-ta.md", 15, "ảnh “anh/chi-ba-tuoi-rau.jpg” chưa có lời mô tả (alt)"),
    (STORY + "anh-tu-trang-khac.md", 15, "ảnh “https://baokiengiang.example/anh/chi-ba.jpg” lấy từ trang khác"),
    (STORY + "anh-khong-co.md", 15, "ảnh “anh/chi-ba-sang.jpg” không dẫn tới đâu"),
    # links
    (STORY + "lien-ket-hong.md", 15, "liên kết “../chinh-sach/bao-hiem-yte.md” không dẫn tới đâu"),
    (
        STORY + "muc-khong-co.md",
        15,
        "liên kết “../hoi-dap/ho-ngheo-la-gi.md#dieu-kien” dẫn tới mục “#dieu-kien” mà trang",
    ),
    (STORY + "lien-ket-tuyet-doi.md", 15, "liên kết “/chinh-sach/” bắt đầu bằng “/”"),
]

PHOTOS = [
    ("gps", {"gps": True}, "ảnh còn lưu vị trí GPS nơi chụp (lộ chỗ ở của gia đình)."),
    ("serial", {"serial": True}, "ảnh còn lưu số sê-ri của máy ảnh (lần ra được người chụp)."),
    ("heavy", {"padding": MAX_BYTES}, "ảnh nặng 10,1 MB, quá giới hạn 10 MB"),
    ("tiny", {"size": (640, 480)}, "ảnh quá nhỏ: cạnh dài nhất 640 điểm ảnh (cần ít nhất 800)"),
]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of docs/ to add mistakes to (campaign/ is only read)."""
    return Path(shutil.copytree(PROJECT / "docs", tmp_path / "docs"))


def reported(docs: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load(PROJECT, docs_dir=docs)
    return caught.value.problems


def test_the_clean_tree_passes() -> None:
    load(PROJECT)


@pytest.mark.parametrize(("name", "line", "message"), MISTAKES, ids=[Path(case[0]).stem for case in MISTAKES])
def test_each_mistake_is_reported_at_its_file_and_line(docs: Path, name: str, line: int, message: str) -> None:
    shutil.copy(CORPUS / name, docs / name)
    problems = reported(docs)
    assert any(f"{p.path}:{p.line}: {p.message}".startswith(f"docs/{name}:{line}: {message}") for p in problems), [
        str(p) for p in problems
    ]
    assert {p.path for p in problems} == {f"docs/{name}"}, "only the file with the mistake is blamed"
    assert all(p.hint for p in problems), "every message says how to fix it"


@pytest.mark.parametrize(("name", "options", "message"), PHOTOS, ids=[case[0] for case in PHOTOS])
def test_each_photo_mistake_is_reported_on_the_photo(docs: Path, name: str, options: dict, message: str) -> None:
    path = photo(docs / STORY / "anh" / f"chi-ba-{name}.jpg", **options)
    (problem,) = reported(docs)
    assert (problem.path, problem.line) == (f"docs/{STORY}anh/{path.name}", 1)
    assert problem.message.startswith(message), problem


def test_a_signed_consent_form_in_the_repository_is_refused(docs: Path) -> None:
    photo(docs / STORY / "anh" / "giay-dong-y-chi-ba.jpg")
    problems = reported(docs)
    assert [f"{p.path}:{p.line}" for p in problems] == [f"docs/{STORY}anh/giay-dong-y-chi-ba.jpg:1"]
    assert problems[0].message.startswith("tệp này có vẻ là giấy đồng ý đã ký")


def test_a_page_not_saved_as_utf8_is_refused(docs: Path) -> None:
    text = (CORPUS / STORY / "so-nha.md").read_text(encoding="utf-8").replace("số 12 đường Lê Lợi, ", "")
    # Windows' Vietnamese code page, as "Save as… Plain text" in an old Word writes it.
    (docs / STORY / "luu-sai-ma.md").write_bytes(unicodedata.normalize("NFD", text).encode("cp1258", "replace"))
    problems = reported(docs)
    assert [f"{p.path}:{p.line}: {p.message}" for p in problems] == [
        f"docs/{STORY}luu-sai-ma.md:2: tệp không lưu ở bảng mã UTF-8, nên chữ tiếng Việt sẽ hiện sai."
    ]


def test_every_mistake_is_reported_at_once(docs: Path) -> None:
    for name, _, _ in MISTAKES:
        shutil.copy(CORPUS / name, docs / name)
    for name, options, _ in PHOTOS:
        photo(docs / STORY / "anh" / f"chi-ba-{name}.jpg", **options)
    blamed = {p.path for p in reported(docs)}
    assert blamed == {f"docs/{name}" for name, _, _ in MISTAKES} | {
        f"docs/{STORY}anh/chi-ba-{name}.jpg" for name, _, _ in PHOTOS
    }


def test_a_correct_photo_and_its_page_pass(docs: Path) -> None:
    photo(docs / STORY / "anh" / "chi-ba-tuoi-rau.jpg", orientation=6)
    page = (CORPUS / STORY / "anh-thieu-mo-ta.md").read_text(encoding="utf-8")
    page = page.replace("![](anh/", "![Chị Ba tưới rau trong vườn nhà](anh/")
    (docs / STORY / "anh-co-mo-ta.md").write_text(page, encoding="utf-8")
    load(PROJECT, docs_dir=docs)
