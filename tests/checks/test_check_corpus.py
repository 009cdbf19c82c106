"""The corpus of bad contributions: each file under corpus/ is a page written the way an
editor (or an attacker) writes it, with one kind of mistake; each is refused with its own
Vietnamese message at its own file and line, and nothing else is blamed. The legitimate
texts under corpus/hop-le/ all pass. Everything goes through make check's code path
(`project.load` with the gate).

A pull request may bring many files at once, and the gate reads every file on its own: the
mistakes, the attacks and the legitimate texts are each loaded together (one load each, where
one per file took most of the suite's time), and every file is judged on what was reported
for it. One attack of each class is also loaded alone."""

from __future__ import annotations

import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import weasyprint
from conftest import FIXTURE, copy_fixture
from corpus import CORPUS, KIT, STORY, by_file, reported
from file_attacks import FILE_ATTACKS
from photos import photo

from campaign_kit.checks.images import MAX_BYTES
from campaign_kit.model.errors import ContentError, Problem
from campaign_kit.project import load

# (file in corpus/ and docs/, line, start of the message)
MISTAKES = [
    # schema
    (STORY + "thieu-tieu-de.md", 2, "thiếu mục bắt buộc tiêu đề (title)."),
    (
        STORY + "ngay-khong-co-that.md",
        3,
        "ngày (date) “2024-02-31” không phải là một ngày có thật (tháng 2 năm 2024 không có ngày 31).",
    ),
    (
        STORY + "sai-huyen.md",
        4,
        "huyện, thành phố (district): không có huyện, thành phố “ben-lu”. Có phải ý bạn là “ben-lua”?",
    ),
    (STORY + "muc-la.md", 6, "mục “tag” không dùng được ở đây. Có phải ý bạn là “tags”?"),
    # the place as the page's date names it: no district after the district level ended, no unit before
    (STORY + "huyen-sau-sap-nhap.md", 4, "từ ngày 01/07/2025 không còn cấp huyện: bài từ ngày này ghi xã, phường"),
    (STORY + "xa-truoc-sap-nhap.md", 4, "bài trước ngày 01/07/2025 ghi nơi chốn bằng huyện, thành phố năm 2024"),
    # text
    (STORY + "khong-chuan-nfc.md", 15, "chữ tiếng Việt chưa ở dạng chuẩn Unicode NFC"),
    (STORY + "loi-phong-tcvn3.md", 15, "chữ “nghÌo” bị lỗi phông cũ TCVN3 (phông .VnTime); có lẽ là “nghèo”."),
    (STORY + "loi-phong-vni.md", 15, "chữ “Chöông” bị lỗi phông cũ VNI (phông VNI-Times); có lẽ là “Chương”."),
    (STORY + "ky-tu-an.md", 15, "dòng có ký tự ẩn U+200B (ZERO WIDTH SPACE) ở cột 4"),
    (STORY + "chu-lan-kirin.md", 15, "chữ “Lúа” lẫn ký tự Cyrillic “а” (U+0430)"),
    # privacy
    ("bieu-duong/ho-thieu-dong-y.md", 2, "trang nói về người hoặc hộ gia đình cụ thể nhưng thiếu ghi nhận đồng ý"),
    (STORY + "dong-y-sau-ngay-dang.md", 9, "ngày đồng ý (20/06/2024) muộn hơn ngày đăng bài (01/06/2024)."),
    (STORY + "giay-dong-y-la-tep.md", 10, "nơi lưu giấy đồng ý (kept_at) phải là nơi cất bản giấy"),
    (STORY + "so-cccd.md", 15, "dãy số “091•••••••90” giống số căn cước công dân (CCCD, 12 chữ số)"),
    (STORY + "so-cmnd.md", 15, "dãy số “361••••67” giống số chứng minh nhân dân (CMND, 9 chữ số)"),
    (STORY + "so-dien-thoai.md", 15, "dãy số “091• ••• •78” giống số điện thoại di động"),
    (STORY + "so-dien-thoai-quoc-te.md", 15, "dãy số “+84 9••.•••.•78” giống số điện thoại di động"),
    (STORY + "so-nha.md", 15, "“số 1• •••ng” là địa chỉ nhà cụ thể"),  # addresses half-hidden: CI logs are public
    (STORY + "dia-chi-hem.md", 15, "“123/• •••••• ••ãi” là địa chỉ nhà cụ thể"),
    (STORY + "trang-mau-bia-dong-y.md", 2, "trang minh họa (sample: true) không nói về người thật nên không được có"),
    # figures
    # figures: a page about today writes them through {{ figure:… }}; a dated page may type only
    # the value in force on its date (hop-le/ has the same news item with the right 2023 line)
    ("hoi-dap/lai-suat-go-tay.md", 10, "lãi suất 6,6%/năm được gõ tay; đây là số liệu “credit_rate_poor”"),
    (
        "hoi-dap/so-tien-go-tay.md",
        10,
        "số tiền 100.000.000 đồng được gõ tay; đây là số liệu “credit_ceiling_household”",
    ),
    (
        "tin-tuc/chuan-ngheo-nam-2023-sai-muc.md",
        10,
        "số tiền 2.200.000 đồng là “Ngưỡng thu nhập hộ nghèo, hộ cận nghèo ở nông thôn” từ ngày 01/01/2027 đến hết"
        " ngày 31/12/2030, không phải mức áp dụng vào ngày của bài (20/12/2023).",
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
    (STORY + "anh-tu-trang-khac.md", 15, "ảnh “https://baosongmay.example/anh/chi-ba.jpg” lấy từ trang khác"),
    (STORY + "anh-khong-co.md", 15, "ảnh “anh/chi-ba-sang.jpg” không dẫn tới đâu"),
    # links
    (STORY + "lien-ket-hong.md", 15, "liên kết “../chinh-sach/bao-hiem-yte.md” không dẫn tới đâu"),
    (
        STORY + "muc-khong-co.md",
        15,
        "liên kết “../hoi-dap/ho-ngheo-co-duoc-cap-the-bao-hiem-y-te-khong.md#dieu-kien” dẫn tới mục “#dieu-kien” mà trang",
    ),
    (STORY + "lien-ket-tuyet-doi.md", 15, "liên kết “/chinh-sach/” bắt đầu bằng “/”"),
]

# Publishing safety (issue 9): every class of attack, with variants: (class, file, line, start of the message).
ATTACKS = [
    # front-matter
    ("front-matter", STORY + "tieu-de-escape-unicode.md", 2, "phần đầu trang không được có dấu < hay >"),
    ("front-matter", STORY + "tieu-de-escape-x.md", 2, "phần đầu trang không được có dấu < hay >"),
    ("front-matter", STORY + "tieu-de-binary.md", 2, "phần đầu trang sai cú pháp"),
    ("front-matter", STORY + "tieu-de-python.md", 2, "phần đầu trang sai cú pháp"),
    ("front-matter", STORY + "chu-de-escape.md", 6, "phần đầu trang không được có dấu < hay >"),
    ("front-matter", STORY + "tom-tat-so-dien-thoai-escape.md", 5, "dãy số “091•••••78” giống số điện thoại di động"),
    ("front-matter", STORY + "tom-tat-cccd-escape.md", 5, "dãy số “091•••••••90” giống số căn cước công dân"),
    ("front-matter", STORY + "tieu-de-kirin-escape.md", 2, "chữ “һộ” lẫn ký tự Cyrillic “һ”"),
    ("front-matter", STORY + "tom-tat-ky-tu-an-escape.md", 5, "dòng có ký tự ẩn U+200B"),
    ("front-matter", STORY + "tieu-de-lien-ket.md", 2, "liên kết kiểu “javascript:” không được dùng."),
    ("front-matter", STORY + "dong-y-so-dien-thoai.md", 8, "dãy số “091• ••• •78” giống số điện thoại di động"),
    # attr-list
    ("attr-list", STORY + "attr-onclick.md", 16, "thuộc tính “onclick” trong thẻ <p> chạy mã"),
    ("attr-list", STORY + "attr-href-javascript.md", 15, "liên kết kiểu “javascript:” không được dùng."),
    ("attr-list", STORY + "attr-src-trang-khac.md", 15, "ảnh “https://other.example/theo-doi.png” lấy từ trang khác"),
    ("attr-list", STORY + "attr-style.md", 15, "thuộc tính “style” trong thẻ <h2>"),
    ("attr-list", STORY + "attr-class-giao-dien.md", 16, "lớp (class) “md-dialog md-dialog--active”"),
    ("attr-list", STORY + "attr-id-giao-dien.md", 15, "mã mục (id) “__search”"),
    # the site's own classes, and link text naming another host
    ("markdown", STORY + "lop-the-tin.md", 14, "lớp (class) “campaign-cards” trong thẻ <div>"),
    ("markdown", STORY + "lop-thong-bao-gia.md", 14, "lớp (class) “campaign-unreviewed” trong thẻ <div>"),
    ("attr-list", STORY + "lop-an-chu.md", 15, "lớp (class) “campaign-short-name” trong thẻ <p>"),
    ("markdown", STORY + "chu-lien-ket-gia.md", 14, "chữ của liên kết ghi “https://dichvucong.gov.vn” nhưng"),
    ("front-matter", STORY + "tieu-de-anh-tab.md", 2, "ảnh “/ /evil.example/theo-doi.png” lấy từ trang khác"),
    # markdown
    ("markdown", STORY + "dau-ba-phay.md", 18, "không được dùng thẻ HTML <script>"),
    ("markdown", STORY + "img-gach-cheo.md", 15, "ảnh “x/onerror=alert(1)” chưa có lời mô tả"),
    ("markdown", STORY + "img-alt-nho-hon.md", 15, "thuộc tính “onerror” trong thẻ <img>"),
    ("markdown", STORY + "lien-ket-ngoac-long.md", 15, "liên kết kiểu “javascript:” không được dùng."),
    ("markdown", STORY + "lien-ket-ngoac-vuong.md", 15, "liên kết kiểu “javascript:” không được dùng."),
    ("markdown", STORY + "tham-chieu-dong-sau.md", 18, "liên kết kiểu “javascript:” không được dùng."),
    ("markdown", STORY + "tham-chieu-trich-dan.md", 17, "liên kết kiểu “javascript:” không được dùng."),
    ("markdown", STORY + "tham-chieu-danh-sach.md", 17, "liên kết kiểu “javascript:” không được dùng."),
    ("markdown", STORY + "java-xuong-dong.md", 15, "liên kết kiểu “javascript:” không được dùng."),
    (
        "markdown",
        STORY + "anh-tham-chieu-trang-khac.md",
        17,
        "ảnh “https://tracker.example/chi-ba.png” lấy từ trang khác",
    ),
    ("markdown", STORY + "thuc-the-tab.md", 15, "liên kết kiểu “javascript:” không được dùng."),
    ("markdown", STORY + "lien-ket-vbscript.md", 15, "liên kết kiểu “vbscript:” không được dùng."),
    ("markdown", STORY + "anh-svg-data.md", 15, "liên kết kiểu “data:” không được dùng."),
    ("markdown", STORY + "the-svg.md", 15, "không được dùng thẻ HTML <svg>"),
    ("markdown", STORY + "the-meta.md", 15, "không được dùng thẻ HTML <meta>"),
    ("markdown", STORY + "the-base.md", 15, "không được dùng thẻ HTML <base>"),
    ("markdown", STORY + "nhieu-loi-mot-dong.md", 15, "thuộc tính “onclick” trong thẻ <a>"),
    # exhaustion
    ("exhaustion", STORY + "bi-danh-long-nhau.md", 3, "phần đầu trang sai cú pháp"),
    ("exhaustion", STORY + "bi-danh-de-quy.md", 3, "phần đầu trang sai cú pháp"),
    ("exhaustion", STORY + "long-qua-sau.md", 3, "phần đầu trang sai cú pháp"),
    ("exhaustion", STORY + "muc-viet-hai-lan.md", 6, "phần đầu trang sai cú pháp"),
    ("exhaustion", STORY + "gop-muc.md", 2, "phần đầu trang sai cú pháp"),
    # privacy
    ("privacy", STORY + "cccd-cach-nhom.md", 15, "dãy số “091• •••• ••90” giống số căn cước công dân"),
    ("privacy", STORY + "cmnd-dau-cham.md", 15, "dãy số “381.•••.•67” giống số chứng minh nhân dân"),
    ("privacy", STORY + "cccd-gach-ngang.md", 15, "dãy số “091-•••-•••-•90” giống số căn cước công dân"),
    ("privacy", STORY + "di-dong-cach-khong-ngat.md", 15, "dãy số “091• ••• •78” giống số điện thoại di động"),
    ("privacy", STORY + "di-dong-hai-dong.md", 15, "dãy số “091• ••• •78” giống số điện thoại di động"),
    ("privacy", STORY + "di-dong-toan-khoang.md", 15, "dãy số “091•••••78” giống số điện thoại di động"),
    ("privacy", STORY + "di-dong-thuc-the.md", 15, "dãy số “091•••••78” giống số điện thoại di động"),
    ("privacy", STORY + "lien-ket-tel.md", 15, "liên kết “tel:••••••••78” dẫn tới số điện thoại"),
    ("privacy", STORY + "lien-ket-sms.md", 15, "liên kết “sms:+•••••••••78” dẫn tới số điện thoại"),
    ("privacy", STORY + "lien-ket-zalo.md", 15, "liên kết “htt••://••••.••/••••••••78”"),
    ("privacy", STORY + "lien-ket-messenger.md", 15, "liên kết “htt••://•.••/•••••.•••••ch”"),
    ("privacy", STORY + "lien-ket-facebook.md", 15, "liên kết “htt••://•••.••••••••.•••/•••••.•••••ch”"),
    ("privacy", STORY + "email-rieng.md", 15, "địa chỉ e-mail “chi••.•••••••@•••••.•om”"),
    ("privacy", STORY + "lien-ket-mailto.md", 15, "liên kết “mai•••:•••••.•••••••@•••••.•om”"),
    ("privacy", STORY + "so-tai-khoan.md", 15, "dãy số “012••••••••12” giống số tài khoản ngân hàng"),
    ("privacy", STORY + "the-bhyt.md", 15, "“HN4••••••••••78” giống mã thẻ bảo hiểm y tế"),
    ("privacy", STORY + "so-bhxh.md", 15, "dãy số “791•••••78” giống mã số bảo hiểm xã hội"),
    ("privacy", STORY + "so-nha-hai-cham.md", 15, "“Số n•à: 1” là địa chỉ nhà cụ thể"),
    ("privacy", STORY + "so-nha-chu-hoa.md", 15, "“SỐ N•À 1” là địa chỉ nhà cụ thể"),
    ("privacy", STORY + "hem-ten-duong.md", 15, "“hẻm 45” là địa chỉ nhà cụ thể"),
    ("privacy", STORY + "so-nha-ten-nguoi.md", 15, "“12 N••••• •••ng” là địa chỉ nhà cụ thể"),
    ("privacy", STORY + "ten-tuoi-tre-em.md", 15, "bài ghi tên một em nhỏ cùng tuổi của em"),
    ("privacy", STORY + "ngay-sinh.md", 15, "“sin• •••• ••/••/••80” là ngày sinh"),
    ("privacy", STORY + "ghi-chu-html.md", 15, "dãy số “091•••••78” giống số điện thoại di động"),
    ("privacy", STORY + "dien-thoai-ban.md", 15, "dãy số “029•) •••• •23” giống số điện thoại cố định"),
    # schema
    (
        "schema",
        "bieu-duong/ho-khai-la-to-chuc.md",
        5,
        "trang ghi loại tổ chức (organisation) nhưng nói về người hoặc hộ cụ thể",
    ),
    ("schema", "thu-muc-la/chi-ba.md", 1, "trang “thu-muc-la/chi-ba.md” nằm ngoài các thư mục của trang web"),
    ("schema", STORY + "nam-2024/chi-ba.md", 1, "trang “guong-thoat-ngheo/nam-2024/chi-ba.md” nằm ngoài các thư mục"),
    ("schema", STORY + "ngay-tuong-lai.md", 3, "ngày (date): ngày 01/06/2099 chưa tới."),
    ("schema", STORY + "ngay-dong-y-tuong-lai.md", 9, "ngày (date): ngày 20/05/2099 chưa tới."),
    ("schema", STORY + "noi-luu-duong-dan.md", 10, "nơi lưu giấy đồng ý (kept_at) phải là nơi cất bản giấy"),
    ("schema", STORY + "noi-luu-nhom-zalo.md", 10, "nơi lưu giấy đồng ý (kept_at) phải là nơi cất bản giấy"),
    # text
    ("text", STORY + "kirin-khong-ascii.md", 15, "chữ “һộ” lẫn ký tự Cyrillic “һ”"),
    ("text", STORY + "chu-lan-armenia.md", 14, "chữ “hօ” lẫn ký tự Armenian “օ” (U+0585)"),
    ("text", STORY + "dau-arap.md", 15, "dòng có ký tự ẩn U+061C"),
    ("text", STORY + "tach-dong-unicode.md", 15, "dòng có ký tự ẩn U+2028"),
    ("text", STORY + "ky-tu-the.md", 15, "dòng có ký tự ẩn U+E0069"),
    ("text", STORY + "bo-chon-bien-the.md", 15, "dòng có ký tự ẩn U+FE0F"),
    ("text", STORY + "utf8-doc-nham.md", 15, "chữ “Há»™” là chữ UTF-8 bị đọc sai bảng mã"),
    # truth: dates in sane ranges, an act cited only from its signing on, no page in a policy's place
    ("truth", STORY + "ngay-nam-0001.md", 3, "ngày (date): ngày 01/01/0001 sớm hơn ngày 02/09/1945"),
    ("truth", STORY + "ngay-dong-y-1930.md", 9, "ngày (date): ngày 20/05/1930 sớm hơn ngày 02/09/1945"),
    (
        "truth",
        "van-ban/het-hieu-luc-nam-1899.md",
        8,
        "ngày cuối cùng văn bản còn áp dụng (in_force_until): ngày 31/12/1899 sớm hơn ngày 02/09/1945",
    ),
    ("truth", "van-ban/hieu-luc-truoc-ngay-ky.md", 7, "ngày có hiệu lực (in_force_from) sớm hơn ngày ký (date)."),
    ("truth", "van-ban/het-hieu-luc-truoc-ngay-ky.md", 7, "ngày cuối cùng còn áp dụng (in_force_until) sớm hơn"),
    ("truth", "chinh-sach/doi-chieu-tuong-lai.md", 10, "ngày đối chiếu văn bản pháp luật (checked): ngày 31/12/2099"),
    ("truth", "tin-tuc/nhac-van-ban-ky-sau.md", 10, "bài ngày 20/12/2023 nhắc văn bản ký ngày 30/12/2025"),
    ("truth", "tin-tuc/nhac-van-ban-tham-chieu.md", 12, "bài ngày 15/03/2019 nhắc văn bản ký ngày 27/01/2021"),
    (
        "truth",
        "tin-tuc/tieu-de-trung-chinh-sach.md",
        2,
        "tiêu đề “BAO HIEM Y TE cho nguoi thuoc ho ngheo, ho can ngheo” trùng tiêu đề trang chính sách",
    ),
]

PHOTOS = [
    ("gps", {"gps": True}, "ảnh còn lưu vị trí GPS nơi chụp (lộ chỗ ở của gia đình)."),
    ("serial", {"serial": True}, "ảnh còn lưu số sê-ri của máy ảnh (lần ra được người chụp)."),
    ("heavy", {"padding": MAX_BYTES}, "ảnh nặng 10,1 MB, quá giới hạn 10 MB"),
    ("tiny", {"size": (640, 480)}, "ảnh quá nhỏ: cạnh dài nhất 640 điểm ảnh (cần ít nhất 800)"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A whole copy of the fixture campaign, for changes to campaign/."""
    return copy_fixture(tmp_path / "project")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of the fixture's docs/ to add mistakes to (campaign/ is only read)."""
    return Path(shutil.copytree(FIXTURE / "docs", tmp_path / "docs"))


def test_the_clean_tree_passes() -> None:
    load(KIT)


@pytest.fixture(scope="module")
def mistakes_reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Problem]]:
    """Every mistake and photo mistake in one copy of docs/: the problems reported, by file."""
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path_factory.mktemp("mistakes") / "docs"))
    for name, _, _ in MISTAKES:
        shutil.copy(CORPUS / name, docs / name)
    for name, options, _ in PHOTOS:
        photo(docs / STORY / "anh" / f"chi-ba-{name}.jpg", **options)
    return by_file(reported(docs))


@pytest.mark.parametrize(("name", "line", "message"), MISTAKES, ids=[Path(case[0]).stem for case in MISTAKES])
def test_each_mistake_is_reported_at_its_file_and_line(
    mistakes_reported: dict[str, list[Problem]], name: str, line: int, message: str
) -> None:
    problems = mistakes_reported[f"docs/{name}"]
    _refused_at(problems, name, line, message)
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


def test_only_the_files_with_mistakes_are_blamed(mistakes_reported: dict[str, list[Problem]]) -> None:
    assert set(mistakes_reported) == {f"docs/{name}" for name, _, _ in MISTAKES} | {
        f"docs/{STORY}anh/chi-ba-{name}.jpg" for name, _, _ in PHOTOS
    }


def test_a_correct_photo_and_its_page_pass(docs: Path) -> None:
    photo(docs / STORY / "anh" / "chi-ba-tuoi-rau.jpg", orientation=6)
    page = (CORPUS / STORY / "anh-thieu-mo-ta.md").read_text(encoding="utf-8")
    page = page.replace("![](anh/", "![Chị Ba tưới rau trong vườn nhà](anh/")
    (docs / STORY / "anh-co-mo-ta.md").write_text(page, encoding="utf-8")
    load(KIT, docs_dir=docs)


def _refused_at(problems: list[Problem], name: str, line: int, message: str) -> None:
    assert any(f"{p.path}:{p.line}: {p.message}".startswith(f"docs/{name}:{line}: {message}") for p in problems), [
        str(p) for p in problems
    ]


@pytest.fixture(scope="module")
def attacks_reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Problem]]:
    """Every attack page in one copy of docs/: the problems reported, by file."""
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path_factory.mktemp("attacks") / "docs"))
    for _, name, _, _ in ATTACKS:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, docs / name)
    return by_file(reported(docs))


@pytest.mark.parametrize(
    ("name", "line", "message"), [case[1:] for case in ATTACKS], ids=[Path(case[1]).stem for case in ATTACKS]
)
def test_each_attack_is_refused_at_its_file_and_line(
    attacks_reported: dict[str, list[Problem]], name: str, line: int, message: str
) -> None:
    _refused_at(attacks_reported[f"docs/{name}"], name, line, message)


def test_only_the_files_with_attacks_are_blamed(attacks_reported: dict[str, list[Problem]]) -> None:
    assert set(attacks_reported) == {f"docs/{name}" for _, name, _, _ in ATTACKS}


ALONE = list({case[0]: case for case in ATTACKS}.values())  # the first attack of each class


@pytest.mark.parametrize(("name", "line", "message"), [case[1:] for case in ALONE], ids=[case[0] for case in ALONE])
def test_an_attack_alone_is_refused_and_nothing_else_blamed(docs: Path, name: str, line: int, message: str) -> None:
    (docs / name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(CORPUS / name, docs / name)
    problems = reported(docs)
    _refused_at(problems, name, line, message)
    assert {p.path for p in problems} == {f"docs/{name}"}


def test_the_corpus_covers_every_class_with_variants() -> None:
    classes = Counter(case[0] for case in ATTACKS)
    assert set(classes) == {"front-matter", "attr-list", "markdown", "exhaustion", "privacy", "schema", "text", "truth"}
    assert min(classes.values()) >= 5
    assert len(ATTACKS) + len(FILE_ATTACKS) >= 60


def test_several_problems_on_one_line_are_all_reported(docs: Path) -> None:
    name = STORY + "nhieu-loi-mot-dong.md"
    shutil.copy(CORPUS / name, docs / name)
    messages = [p.message for p in reported(docs) if p.line == 15]
    assert any("onclick" in m for m in messages)
    assert any("style" in m for m in messages)
    assert any("javascript:" in m for m in messages)


@pytest.fixture(scope="module")
def file_attacks_reported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, list[Problem]]]:
    """Every file attack made in one copy of docs/: ({case: its file}, the problems reported by file)."""
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path_factory.mktemp("files") / "docs"))
    files = {case: f"docs/{make(docs).relative_to(docs).as_posix()}" for case, make, _ in FILE_ATTACKS}
    assert len(set(files.values())) == len(files), "each case makes its own file"
    return files, by_file(reported(docs))


@pytest.mark.parametrize(("case", "message"), [(c[0], c[2]) for c in FILE_ATTACKS], ids=[c[0] for c in FILE_ATTACKS])
def test_each_file_that_is_no_page_or_photo_is_refused(
    file_attacks_reported: tuple[dict[str, str], dict[str, list[Problem]]], case: str, message: str
) -> None:
    files, problems = file_attacks_reported
    found = problems[files[case]]
    assert {p.line for p in found} == {1}, [str(p) for p in found]
    assert found[0].message.startswith(message), found[0]
    # A theme file placed in docs/assets/ is refused twice: for its type and for its folder.
    assert len(found) == 1 or all("chỗ trang web tự đặt" in p.message for p in found[1:]), [str(p) for p in found]


def test_only_the_attacking_files_are_blamed(
    file_attacks_reported: tuple[dict[str, str], dict[str, list[Problem]]],
) -> None:
    files, problems = file_attacks_reported
    assert set(problems) == set(files.values())


def _pdf(author: str | None) -> bytes:
    head = f'<meta name="author" content="{author}">' if author else ""
    return weasyprint.HTML(
        string=f"<html><head>{head}<title>Mẫu đơn</title></head><body>Mẫu đơn</body></html>"
    ).write_pdf()


def test_a_pdf_naming_its_author_is_refused_and_a_clean_one_passes(docs: Path) -> None:
    (docs / "hoi-dap" / "mau-don.pdf").write_bytes(_pdf(None))
    load(KIT, docs_dir=docs)
    (docs / "hoi-dap" / "mau-don.pdf").write_bytes(_pdf("Nguyễn Văn A"))
    (problem,) = reported(docs)
    assert (problem.path, problem.line) == ("docs/hoi-dap/mau-don.pdf", 1)
    assert problem.message.startswith("tệp PDF còn ghi tên người soạn")


def test_a_symbolic_link_in_campaign_is_refused(project: Path) -> None:
    (project / "campaign" / "bi-mat.yml").symlink_to("/etc/passwd")
    with pytest.raises(ContentError) as caught:
        load(project)
    assert [f"{p.path}:{p.line}" for p in caught.value.problems] == ["campaign/bi-mat.yml:1"]


LEGIT = Path(__file__).parent / "corpus" / "hop-le"
LEGIT_PAGES = sorted(path.relative_to(LEGIT).as_posix() for path in LEGIT.rglob("*.md"))
# A public contact as the registry holds it (fictional, for the tests): pages reach it by its key.
CONTACTS = """contacts:
  - key: ngan-hang-chinh-sach-xa
    agency: Phòng giao dịch Ngân hàng Chính sách xã hội (tên minh họa)
    phone: 0297 3000 000
    source: Trang liên hệ của ngân hàng (minh họa cho bài kiểm thử)
    verified: 2025-01-15
    public_because: số điện thoại giao dịch của cơ quan
"""


def test_the_legitimate_corpus_is_large_enough() -> None:
    assert len(LEGIT_PAGES) >= 40
    assert any(name.endswith(".km.md") for name in LEGIT_PAGES)


def test_the_legitimate_texts_pass(project: Path) -> None:
    (project / "campaign" / "contacts.yml").write_text(CONTACTS, encoding="utf-8")
    for name in LEGIT_PAGES:
        shutil.copy(LEGIT / name, project / "docs" / name)
    load(project)


def test_a_public_contact_reaches_the_page_through_its_placeholder(project: Path) -> None:
    (project / "campaign" / "contacts.yml").write_text(CONTACTS, encoding="utf-8")
    name = "guong-thoat-ngheo/hop-le-lien-he-qua-so-lien-he.md"
    shutil.copy(LEGIT / name, project / "docs" / name)
    markdown = load(project).plan.sites["vi"].pages[name].body
    assert "Phòng giao dịch Ngân hàng Chính sách xã hội (tên minh họa)" in markdown
    assert "0297 3000 000" in markdown


# Pages whose Markdown would take minutes to render: refused before anything renders them.
HEAVY = [
    ("ngoac-vuong-mo", "[a" * 120_000, "bài có một đoạn dài quá 20000 ký tự"),
    ("ngoac-vuong-nhieu-doan", "\n\n".join(["[a" * 250] * 5), "bài có quá 200 dấu “[” trong một đoạn"),
    ("the-mo", "\n\n".join(["<a " * 150] * 8), "bài có quá 1000 dấu “<” trong một trang"),
    ("viet-tat", "\n".join(f"*[V{i}]: viết tắt" for i in range(60)), "bài có quá 50 định nghĩa chữ viết tắt"),
    # Python-Markdown recurses once per level: a few hundred levels end in RecursionError.
    ("dinh-nghia", "".join(f"Từ {i}\n: Nghĩa {i}\n" for i in range(500)), "bài có quá 50 định nghĩa"),
    ("nhan-manh", "*" * 2000 + "chữ" + "*" * 2000, "bài có quá 200 dấu “*” trong một đoạn"),
    ("danh-sach-long", "".join("    " * i + "- mục\n" for i in range(300)), "bài có dòng thụt vào quá 24"),
    ("trich-dan-long", ">" * 900 + " chữ", "bài có trích dẫn lồng nhau quá 6 tầng"),
    # A placeholder becomes a whole block: limits count the page it becomes.
    ("khoi-lap-lai", "{{ block:faq }}\n\n" * 4000, "bài có quá 50 chỗ giữ chỗ"),
    ("khoi-hai-lan", "{{ block:faq }}\n\n{{ block:faq }}", "bài có khối {{ block:faq }} dùng 2 lần"),
]


@pytest.mark.parametrize(("body", "message"), [case[1:] for case in HEAVY], ids=[case[0] for case in HEAVY])
def test_a_page_too_heavy_to_render_is_refused(docs: Path, body: str, message: str) -> None:
    head = (CORPUS / STORY / "so-nha.md").read_text(encoding="utf-8").split("\n\n")[0]
    (docs / STORY / "nang.md").write_text(f"{head}\n\n{body}\n", encoding="utf-8")
    problems = reported(docs)
    assert any(p.path == f"docs/{STORY}nang.md" and p.message.startswith(message) for p in problems), [
        str(p) for p in problems
    ]
