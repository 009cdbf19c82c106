"""The one slug rule, for URLs, file names and heading anchors."""

from __future__ import annotations

from campaign_kit.slugs import heading_id, is_slug, slug


def test_slug_drops_diacritics_and_keeps_d_for_dd() -> None:
    assert slug("Chăn nuôi bò") == "chan-nuoi-bo"
    assert slug("Được hưởng gì?") == "duoc-huong-gi"
    assert slug("ĐƯỜNG GTNT – 3 km") == "duong-gtnt-3-km"


def test_is_slug_accepts_only_the_slug_shape() -> None:
    assert is_slug("chi-ba-trong-rau") and is_slug("nd-07-2021")
    assert not is_slug("Chi-Ba") and not is_slug("chi--ba") and not is_slug("chị-ba") and not is_slug("-a")


def test_heading_ids_keep_vietnamese_letters_as_plain_letters() -> None:
    assert heading_id("Được hưởng gì?") == "duoc-huong-gi"
    assert heading_id("Làm thế nào để nhận?", "_") == "lam_the_nao_de_nhan"


def test_khmer_headings_keep_their_letters() -> None:
    khmer = "តើនរណាមានសិទ្ធិ?"
    anchor = heading_id(khmer)
    assert anchor and anchor == khmer.rstrip("?")
    assert heading_id("សួរ\u200bនៅ\u200bឯណា?") == "សួរ-នៅ-ឯណា"  # word breaks the build inserts become separators
