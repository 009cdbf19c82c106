"""The Khmer tri-fold's layout read from WeasyPrint's box tree (what was laid out, in reading order, where
pdfium gives Khmer text back in visual order): no bullet across a fold, an article's QR code in the panel
where the article ends, no name split across lines, headlines set in the lines HarfBuzz measured for them.
(tests/test_print_layout.py reads the same back from the Vietnamese and English PDFs.)

One render: the Khmer credit tri-fold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from conftest import PROJECT, kit_project
from pdf_reading import inside_folds, printed_characters, visible
from weasyprint import Document
from weasyprint.formatting_structure import boxes

from campaign_kit.catalogue import Product, content_date
from campaign_kit.printing.render import RenderOptions, layout_product
from campaign_kit.printing.typography import kept_together
from campaign_kit.printing.wording import product_copy

PLAN = kit_project().plan
CAMPAIGN = PLAN.content.campaign
SETTINGS = CAMPAIGN.print_settings
FOLDED = next(fmt for fmt in SETTINGS.leaflets if fmt.panels_mm)
VERSION = content_date(PLAN.content).isoformat()
OPTIONS = RenderOptions(fonts_dir=PROJECT / "fonts", production=True)
MM_PER_PX = 25.4 / 96
INSIDE = 1
KHMER = Product("leaflet", "tin-dung", FOLDED, "km", version=VERSION)


@cache
def khmer() -> Document:
    """The Khmer credit tri-fold as laid out: the document render_pdf writes."""
    return layout_product(PLAN, KHMER, OPTIONS)


def walk(box: boxes.Box, ancestors: tuple[boxes.Box, ...] = ()) -> Iterator[tuple[boxes.Box, tuple[boxes.Box, ...]]]:
    yield box, ancestors
    if isinstance(box, boxes.ParentBox):
        for child in box.children:
            yield from walk(child, (*ancestors, box))


def panel_at(x_px: float) -> int:
    """The inside panel a position (CSS px from the trim's left edge) falls in."""
    edges = inside_folds(FOLDED)
    x = x_px * MM_PER_PX
    return next(i for i in range(len(edges) - 1) if x < edges[i + 1])


def texts_by_element(page: int, tag: str) -> dict[object, list[boxes.TextBox]]:
    """The text boxes inside each `tag` element of a page, in document order (an element split by a
    column break has several boxes: their text boxes are gathered)."""
    found: dict[object, list[boxes.TextBox]] = {}
    for box, ancestors in walk(khmer().pages[page]._page_box):
        if isinstance(box, boxes.TextBox) and box.text.strip():
            for ancestor in reversed(ancestors):
                if ancestor.element_tag == tag:
                    found.setdefault(ancestor.element, []).append(box)
                    break
    return found


def test_khmer_bullet_never_runs_across_a_fold() -> None:
    items = texts_by_element(INSIDE, "li")
    used = set()
    for texts in items.values():
        panels = {panel_at(text.position_x) for text in texts}
        assert len(panels) == 1, ("".join(text.text for text in texts), panels)
        used |= panels
    assert len(items) >= 8 and used == {0, 1, 2}, (len(items), used)


def test_khmer_articles_qr_code_sits_where_the_article_ends() -> None:
    checked = 0
    for box, ancestors in walk(khmer().pages[INSIDE]._page_box):
        if box.element_tag == "div" and box.element.get("class") == "block-qr":
            section = next(a.element for a in reversed(ancestors) if a.element_tag == "section")
            items = [texts for element, texts in texts_by_element(INSIDE, "li").items() if element in section.iter()]
            assert panel_at(box.position_x) == panel_at(items[-1][-1].position_x), section.get("data-name")
            checked += 1
    assert checked == sum(1 for block in product_copy(PLAN, KHMER).blocks if block.qr) > 0


def lines_of(page: int) -> list[tuple[str, int]]:
    """Every visible character of a page's laid-out lines with the line's index, in reading order."""
    chars, index = [], 0
    for box, _ in walk(khmer().pages[page]._page_box):
        if isinstance(box, boxes.LineBox):
            index += 1
            chars += [(char, index) for text, _ in walk(box) if isinstance(text, boxes.TextBox) for char in text.text]
    return [(char, line) for char, line in chars if visible(char)]


def test_no_khmer_name_split_across_lines() -> None:
    found = 0
    for page in range(KHMER.pages):
        chars = lines_of(page)
        text = "".join(char for char, _ in chars)
        for name in kept_together(CAMPAIGN, "km"):
            for match in re.finditer(re.escape(printed_characters(name)), text):
                assert len({line for _, line in chars[match.start() : match.end()]}) == 1, name
                found += 1
    assert found > 5


def test_khmer_headlines_are_set_in_their_balanced_lines() -> None:
    """Pango breaks a Khmer headline only where the balance put a line break: HarfBuzz measured its lines
    as Pango sets them (the cover title has two lines or more)."""
    multi_line = 0
    for page in range(KHMER.pages):
        for box, _ in walk(khmer().pages[page]._page_box):
            if box.element_tag in ("h1", "h2") and isinstance(box, boxes.BlockBox):
                lines = [line for line in box.children if isinstance(line, boxes.LineBox)]
                breaks = sum(1 for element in box.element.iter() if element.tag == "br")
                assert len(lines) == breaks + 1, "".join(
                    t.text for line in lines for t, _ in walk(line) if isinstance(t, boxes.TextBox)
                )
                multi_line += breaks > 0
    assert multi_line >= 1
