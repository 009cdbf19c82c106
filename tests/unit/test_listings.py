"""Listings of the sections that grow: pagination and the facets readers browse by."""

from __future__ import annotations

from dataclasses import replace

from conftest import kit_project

from campaign_kit.pages.context import Context
from campaign_kit.pages.listings import PAGE_SIZE, facets, paged_uri, paginate

CONTENT = kit_project().content


def test_paged_uris() -> None:
    assert paged_uri("tin-tuc/index.md", 1) == "tin-tuc/index.md"
    assert paged_uri("tin-tuc/index.md", 3) == "tin-tuc/trang-3.md"
    assert paged_uri("tin-tuc/theo-nam/2024.md", 2) == "tin-tuc/theo-nam/2024/trang-2.md"


def test_paginate_splits_items_into_pages_linked_in_order() -> None:
    ctx = Context(CONTENT, CONTENT.campaign.language("vi"))
    items = CONTENT.items("story")
    many = (items * (2 * PAGE_SIZE // len(items) + 1))[: 2 * PAGE_SIZE + 1]
    pages = paginate(ctx, "guong-thoat-ngheo/theo-nam/2024.md", "Năm 2024", many)
    assert list(pages) == [
        "guong-thoat-ngheo/theo-nam/2024.md",
        "guong-thoat-ngheo/theo-nam/2024/trang-2.md",
        "guong-thoat-ngheo/theo-nam/2024/trang-3.md",
    ]
    assert pages["guong-thoat-ngheo/theo-nam/2024/trang-3.md"].body.count("<li") == 1
    assert 'href="../trang-2/"' in pages["guong-thoat-ngheo/theo-nam/2024/trang-3.md"].body


def test_tags_spelt_two_ways_make_one_listing() -> None:
    story = CONTENT.items("story")[0]
    twin = story.meta.model_copy(update={"tags": ["Chăn nuôi"]})
    other = story.meta.model_copy(update={"tags": ["chăn nuôi", "Vay vốn"]})
    found = facets([replace(story, meta=twin), replace(story, meta=other)])
    assert set(found.by_tag) == {"chan-nuoi", "vay-von"}
    assert len(found.by_tag["chan-nuoi"]) == 2
    assert found.tag_names["chan-nuoi"] == "Chăn nuôi"
