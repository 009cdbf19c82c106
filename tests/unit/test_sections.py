"""Where pages live and how they link: the one spelling of paths and URLs."""

from __future__ import annotations

import pytest

from campaign_kit.model.sections import BY_TYPE, growing_section, href, link, page_url, section_of


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("index.md", ""),
        ("chinh-sach/index.md", "chinh-sach/"),
        ("chinh-sach/bao-hiem-y-te.md", "chinh-sach/bao-hiem-y-te/"),
        ("guong-thoat-ngheo/theo-nam/2024/trang-2.md", "guong-thoat-ngheo/theo-nam/2024/trang-2/"),
    ],
)
def test_page_url_uses_directory_urls(src_uri: str, url: str) -> None:
    assert page_url(src_uri) == url


@pytest.mark.parametrize(
    ("here", "target", "expected"),
    [
        ("index.md", "chinh-sach/index.md", "chinh-sach/"),
        ("chinh-sach/index.md", "index.md", "../"),
        ("chinh-sach/a.md", "chinh-sach/b.md", "../b/"),
        ("chinh-sach/a.md", "chinh-sach/a.md", "./"),
        ("guong-thoat-ngheo/theo-nam/2024.md", "dia-phuong/ben-lua.md", "../../../dia-phuong/ben-lua/"),
        ("ban-dich.md", "van-ban/nd-07-2021.md", "../van-ban/nd-07-2021/"),
    ],
)
def test_href_is_relative_between_built_pages(here: str, target: str, expected: str) -> None:
    assert href(here, target) == expected


def test_link_is_relative_between_markdown_files() -> None:
    assert link("ke-hoach/index.md", "van-ban/qd-90.md") == "../van-ban/qd-90.md"


def test_section_paths_are_spelt_once() -> None:
    stories = BY_TYPE["story"]
    assert stories.index == "guong-thoat-ngheo/index.md"
    assert stories.by_year(2024) == "guong-thoat-ngheo/theo-nam/2024.md"
    assert stories.by_district("ben-lua") == "guong-thoat-ngheo/theo-dia-phuong/ben-lua.md"
    assert stories.by_tag("Chăn nuôi bò") == "guong-thoat-ngheo/theo-chu-de/chan-nuoi-bo.md"
    assert section_of("guong-thoat-ngheo/chi-ba.md") is stories
    assert section_of("guong-thoat-ngheo/index.md") is None
    assert section_of("gioi-thieu.md") is None


@pytest.mark.parametrize(
    ("src_uri", "grows"),
    [
        ("guong-thoat-ngheo/nuoi-bo.md", True),
        ("guong-thoat-ngheo/theo-nam/2024.md", True),
        ("tin-tuc/theo-chu-de/vay-von.md", True),
        ("guong-thoat-ngheo/index.md", False),
        ("chinh-sach/bao-hiem-y-te.md", False),
        ("hoi-dap/ho-ngheo.md", False),
        ("index.md", False),
    ],
)
def test_growing_sections_are_the_ones_listed_by_facets(src_uri: str, grows: bool) -> None:
    assert (growing_section(src_uri) is not None) is grows
