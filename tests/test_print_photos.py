"""Photos on print products: only of a story with its people's consent, and only at 300 dpi or more on paper.

No product is about a story today: the rule is tested on a fixture (a story of the content given a consent
record in memory only, and generated pictures)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import kit_project
from PIL import Image

from campaign_kit.model.content import Page
from campaign_kit.model.schema import Consent
from campaign_kit.printing.layout import PrintError
from campaign_kit.printing.photos import MIN_EFFECTIVE_DPI, effective_dpi, story_photo

CONTENT = kit_project().content
STORY = CONTENT.items("story")[0]
BOX = (100.0, 70.0)  # mm


def picture(tmp_path: Path, width: int, height: int) -> Path:
    path = tmp_path / f"anh-{width}x{height}.jpg"
    Image.new("RGB", (width, height), (120, 140, 90)).save(path, dpi=(72, 72))  # the file's dpi tag is ignored
    return path


def with_consent(story: Page) -> Page:
    """The story as if its people had signed: in memory only, never written or published."""
    consent = Consent(
        given_by="người trong câu chuyện (dữ liệu kiểm thử)", date=dt.date(2024, 1, 1), kept_at="kiểm thử"
    )
    return dataclasses.replace(story, meta=story.meta.model_copy(update={"sample": False, "consent": consent}))


def test_effective_resolution_is_that_of_the_photo_cropped_to_fill_its_box() -> None:
    assert effective_dpi((1181, 827), *BOX) == pytest.approx(300, abs=0.5)
    assert effective_dpi((2000, 827), *BOX) == pytest.approx(300, abs=0.5)  # the height limits it
    assert effective_dpi((1000, 700), *BOX) == pytest.approx(254, abs=0.5)


def test_a_sharp_photo_of_a_story_with_consent_is_printed(tmp_path: Path) -> None:
    photo = story_photo(with_consent(STORY), picture(tmp_path, 1500, 1000), *BOX)
    assert photo.dpi >= MIN_EFFECTIVE_DPI


def test_a_photo_under_300_dpi_is_refused_with_what_it_needs(tmp_path: Path) -> None:
    with pytest.raises(PrintError, match=r"anh-1000x700.jpg: .*254 dpi .*100 × 70 mm.*1181 × 827 điểm ảnh"):
        story_photo(with_consent(STORY), picture(tmp_path, 1000, 700), *BOX)


def test_a_story_without_consent_gets_no_photo(tmp_path: Path) -> None:
    assert STORY.meta.sample and STORY.meta.consent is None  # today's stories are examples
    with pytest.raises(PrintError, match="chưa có giấy đồng ý"):
        story_photo(STORY, picture(tmp_path, 3000, 2000), *BOX)


def test_only_stories_have_photos(tmp_path: Path) -> None:
    policy = CONTENT.items("policy")[0]
    with pytest.raises(PrintError, match="chỉ in ảnh của một câu chuyện"):
        story_photo(policy, picture(tmp_path, 3000, 2000), *BOX)
