"""What the print kit's speed rests on, without timing anything (make bench-print measures): type-size searches
made once and shared, and the bench's order of ten products a real order of the catalogue."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pytest
from conftest import kit_project
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_kit.catalogue import Product
from campaign_kit.model.errors import Problems
from campaign_kit.printing import render
from campaign_kit.printing.__main__ import _rounds, build_print
from campaign_kit.printing.bench import ORDER_SIZE, order_products, order_text
from campaign_kit.printing.orders import load_order
from campaign_kit.printing.render import RenderOptions, search_key


def test_each_search_is_made_by_one_product_of_the_first_round() -> None:
    products = kit_project().plan.products
    first, second = _rounds(products)
    assert sorted(first + second) == list(range(len(products)))
    leading = [search_key(products[index]) for index in first]
    assert len(leading) == len(set(leading))  # no search made twice in the first round
    assert {search_key(products[index]) for index in second} <= set(leading)  # the second round adopts them
    assert all(products[index].unit is None for index in first)  # generic leaflets lead their unit variants
    assert any(products[index].unit for index in second)  # the fixture has unit variants to share
    kinds = [key[0] for key in leading]
    assert "sheet" in kinds and kinds[kinds.index("sheet") :] == ["sheet"] * kinds.count("sheet")  # the short last


def test_the_bench_order_is_ten_products_of_the_catalogue() -> None:
    plan = kit_project().plan
    chosen = order_products(plan.products, plan.content.campaign.default_language)
    assert len({p.stem for p in chosen}) == ORDER_SIZE
    assert {p.product_type for p in chosen} == {"leaflet", "poster", "banner"}
    assert {p.language for p in chosen} == {language.code for language in plan.content.campaign.languages}
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "lenh-in.yml"
        sample = min((plan.content.campaign.root / "print-orders").glob("*.yml"))
        path.write_text(order_text(sample, chosen), encoding="utf-8")
        problems = Problems(Path(temp))
        order = load_order(kit_project().root, plan, path, problems)
        assert problems.items == [] and order is not None
        assert [item.product for item in order.products] == chosen


def test_workers_leave_no_copies_of_the_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers keep one font configuration per language for their life (WeasyPrint copies the fonts into a
    temporary folder for it): the folder goes when they end, as it did when each layout had its own."""
    project = kit_project()
    product = next(p for p in project.plan.products if not p.unit and not p.format.panels_mm)
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    entries, errors = build_print(project, tmp_path / "out", jobs=1, units=set(), only=product.stem)
    assert errors == [] and [entry.file for entry in entries] == [product.filename]
    assert list(temp.iterdir()) == []


@pytest.mark.parametrize("flap_lines", [False, True])
def test_a_units_tri_fold_shares_the_inside_search_of_its_generic_leaflet(flap_lines: bool) -> None:
    """The search for a tri-fold's inside type size (most of its time) is made once for the generic leaflet
    and its variants for every unit: nothing that differs between them (the flap's contacts and their style)
    may reach the inside's key."""
    plan = kit_project().plan
    options = RenderOptions(fonts_dir=(kit_project().root / "fonts").resolve())

    def key(product: Product) -> str:
        context = {**render._context(plan, product, options), "flap_lines": flap_lines}
        return render.inside_key(context, options.fonts_dir)

    generic = {
        (p.subject, p.format.key, p.language): key(p) for p in plan.products if p.format.panels_mm and not p.unit
    }
    variants = [p for p in plan.products if p.format.panels_mm and p.unit]
    assert variants and generic
    for product in variants:
        assert key(product) == generic[product.subject, product.format.key, product.language], product.stem


@settings(max_examples=300, deadline=None)
@given(
    last_fit=st.integers(0, 40),
    span=st.integers(1, 70),
    boundary_share=st.floats(0, 1),
    guess=st.none() | st.floats(-20, 120, allow_nan=False),
)
def test_the_guided_search_finds_what_a_bisection_finds(
    last_fit: int, span: int, boundary_share: float, guess: float | None
) -> None:
    """Whatever the guess (none, right, far off, outside the range), the search returns the last step that fits,
    lays out no step twice, and never takes more than two layouts beyond a bisection's."""
    first_misfit = last_fit + span
    boundary = last_fit + round(boundary_share * (span - 1))  # the largest step that fits
    tried: list[int] = []

    def fits(step: int) -> bool:
        assert last_fit < step < first_misfit, step  # the known ends are never laid out
        tried.append(step)
        return step <= boundary

    assert render._last_fitting(fits, last_fit, first_misfit, guess) == boundary
    assert len(tried) == len(set(tried))
    assert len(tried) <= math.ceil(math.log2(span)) + (2 if guess is not None else 0)


def test_a_tri_folds_inside_is_set_at_the_largest_size_and_spread_that_fit() -> None:
    """The search's answer, checked by laying out its neighbours on the grid: the next larger size does not fit
    (or the size is the largest), nor does the next larger spread (or it is the largest). Two of the default language's leaflets: one
    whose short inside gets the income lines, one whose flap has them (its inside never does)."""
    plan = kit_project().plan
    options = RenderOptions(fonts_dir=(kit_project().root / "fonts").resolve())
    default = plan.content.campaign.default_language
    leaflets = [p for p in plan.products if p.format.panels_mm and not p.unit and p.language == default]
    with_lines = set()
    for product, flap_lines in zip(leaflets, [False, True], strict=False):
        context = {**render._context(plan, product, options), "flap_lines": flap_lines}
        found = render._search_inside(context, options.fonts_dir)
        grid = render._InsideGrid({**context, "with_lines": found.get("with_lines", False)}, options.fonts_dir)
        size_step = round((found["font_size"] - grid.low) / (grid.high - grid.low) * grid.top)
        spread_step = round(found["spread"] / render.FOLDED_SPREAD_EM * grid.top)
        assert grid.size(size_step) == pytest.approx(found["font_size"]) and grid.fits(size_step, spread_step)
        assert size_step == grid.top or not grid.fits(size_step + 1), product.stem
        assert spread_step == grid.top - 1 or not grid.fits(size_step, spread_step + 1), product.stem  # or the most
        with_lines.add(found.get("with_lines", False))
    assert with_lines == {True, False}  # both kinds were searched
