"""Photos on print products: a product about a story may show its people only with their recorded consent,
and only a photo sharp enough for the press.

No product is about a story today; this is the rule any such product goes through.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..model.content import Page
from ..model.schema import StoryMeta
from .layout import PrintError
from .sheet import MM_PER_INCH

MIN_EFFECTIVE_DPI = 300  # offset press at 150–175 lpi: twice the screen ruling


@dataclass(frozen=True)
class PrintPhoto:
    path: Path
    width_mm: float
    height_mm: float
    dpi: float


def effective_dpi(pixels: tuple[int, int], width_mm: float, height_mm: float) -> float:
    """Pixels per inch on paper when the photo fills a box of width × height mm (cropped to cover it)."""
    mm_per_pixel = max(width_mm / pixels[0], height_mm / pixels[1])
    return MM_PER_INCH / mm_per_pixel


def story_photo(story: Page, image: Path, width_mm: float, height_mm: float) -> PrintPhoto:
    """The photo of `story` to print in a box of width × height mm, or a PrintError (Vietnamese) saying why not:
    a page that is not a story, a story without the consent of its people (an example story has none), or
    fewer than MIN_EFFECTIVE_DPI pixels per inch on paper."""
    meta = story.meta
    if not isinstance(meta, StoryMeta):
        raise PrintError(
            f"{image.name}: chỉ in ảnh của một câu chuyện (gương thoát nghèo), không phải của {story.src_uri}."
        )
    if meta.sample or meta.consent is None:
        raise PrintError(
            f"{image.name}: câu chuyện {story.src_uri} chưa có giấy đồng ý của người trong câu chuyện "
            "(hoặc là nội dung minh họa), nên không in ảnh của họ."
        )
    with Image.open(image) as picture:
        pixels = picture.size
    dpi = effective_dpi(pixels, width_mm, height_mm)
    if dpi < MIN_EFFECTIVE_DPI:
        need = (round(width_mm / MM_PER_INCH * MIN_EFFECTIVE_DPI), round(height_mm / MM_PER_INCH * MIN_EFFECTIVE_DPI))
        raise PrintError(
            f"{image.name}: ảnh {pixels[0]} × {pixels[1]} điểm ảnh chỉ đạt {dpi:.0f} dpi khi in ở khung "
            f"{width_mm:g} × {height_mm:g} mm; cần ít nhất {MIN_EFFECTIVE_DPI} dpi "
            f"(ảnh từ {need[0]} × {need[1]} điểm ảnh trở lên)."
        )
    return PrintPhoto(image, width_mm, height_mm, dpi)
