"""What the checks must not refuse: ordinary writing about policies and people that
only looks like an ID number, a phone number, an address, old-font text or HTML."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURE, kit_project

from campaign_kit.checks.legacy_fonts import from_tcvn3, from_vni
from campaign_kit.checks.syllables import is_syllable
from campaign_kit.project import load

LEGITIMATE_STORY = """\
---
title: Chị Ba trồng rau sạch
date: 2024-06-01
district: ben-lua
summary: Nhờ vốn vay ưu đãi, chị Ba trồng rau sạch và có thu nhập đều.
tags: [trồng rau]
consent:
  given_by: Chị Ba (chủ hộ)
  date: 2024-05-20
  kept_at: Ủy ban nhân dân xã (bản giấy)
---

Ngày 17/4/2023 Chính phủ ban hành Nghị định 13/2023/NĐ-CP; từ 1/7 Ủy ban nhân dân xã làm theo.
Quyết định 1315/QĐ-UBND giao vốn. Chị vay 80.000.000 đồng, trả dần 1.800.000 đồng mỗi tháng.
Năm 2024, cả xã có 3 đường dây nóng và Tổng đài 111; mã đơn vị hành chính 91234, mã bản dịch 187328651fca.
Chị ở ấp 3, xã Lúa Vàng. Tổ 5 họp ngày 12/3 Nguyễn Văn A chủ trì.
Chị bán rau cho quán café “Nestlé” ở Cồn Sen: «Vì người nghèo».
Đọc thêm: [bài trên báo](https://baosongmay.example/tin-091234567890.html) và [bảo hiểm y tế](../chinh-sach/bao-hiem-y-te.md#ai-duoc-huong).
Xem [mục đầu](#chi-ba-trong-rau-sach), [kế hoạch](../ke-hoach/index.md), [Bến Lúa](../dia-phuong/ben-lua.md),
[các bài năm 2024](theo-nam/2024.md) và [hỏi đáp](../hoi-dap/index.md#ho-ngheo-co-duoc-cap-the-bao-hiem-y-te-khong).
Gọi Tổng đài 111 hoặc đọc <a href="../hoi-dap/index.md" title="Hỏi đáp">hỏi đáp</a>.
"""


def test_ordinary_writing_passes(tmp_path: Path) -> None:
    """(An agency's phone or e-mail link reaches a page only through campaign/contacts.yml:
    tests/checks/test_check_corpus.py.)"""
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path / "docs"))
    (docs / "guong-thoat-ngheo" / "chi-ba-trong-rau.md").write_text(LEGITIMATE_STORY, encoding="utf-8")
    load(kit_project().root, docs_dir=docs)


@pytest.mark.parametrize("word", ["nghèo", "Thuở", "giữa", "người", "khuỷu", "quốc", "NGUYỄN", "xoong", "hoà"])
def test_vietnamese_words_are_syllables(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize(
    ("typed", "decode", "meant"),
    [
        ("Hé nghÌo", from_tcvn3, "Hộ nghèo"),
        ("Ch\xad¬ng tr×nh", from_tcvn3, "Chương trình"),
        ("Chöông trình", from_vni, "Chương trình"),
        ("ñöôïc hoã trôï", from_vni, "được hỗ trợ"),
        ("ÑAÀU TÖ", from_vni, "ĐẦU TƯ"),
    ],
)
def test_old_font_text_reads_back_as_typed(typed: str, decode: Callable[[str], str], meant: str) -> None:
    assert decode(typed) == meant
