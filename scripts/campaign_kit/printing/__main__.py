"""make print: every print product into dist/print/, with previews, manifest and overview.

python -m campaign_kit.printing [--out dist/print] [--jobs N] [--marks] [--only TEXT] [--no-units]
python -m campaign_kit.printing --order campaign/print-orders/<date>-<name>.yml [--out …] [--marks]

Without an order: the preview kit, every page marked "BẢN THỬ — KHÔNG IN". With one: exactly the
ordered products for the press; the production policy and the press guard (campaign_kit.production)
must pass for the site and the order, or nothing is rendered and every problem is listed. Beside the
files: the order sheet (lenh-in.pdf, lenh-in.csv) with quantities, sizes, paper and checksums.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..catalogue import Product
from ..model.errors import ContentError, Problems
from ..production import check_order, check_production
from ..project import Project, add_today_argument, load
from ..siteplan import SitePlan
from .colours import check_profile, output_profile, press_colours
from .layout import PrintError
from .loudspeaker import write_scripts
from .meeting import write_kits
from .order_sheet import write_order_sheet
from .orders import Order, load_order
from .outputs import Entry, entry, preview_png, write_manifest, write_overview
from .render import DRAFT_MARK, RenderOptions, Sizes, adopt_sizes, page_scale, render_pdf, search_key, searched_sizes
from .sheet import sheet

PREVIEW_DIR = "xem-truoc"

# The plan is loaded once, in the parent; forked workers inherit it and render many products.
_worker: dict[str, object] = {}


Rendered = tuple[bytes, bytes] | str  # the PDF and its preview, or what stopped it


def _render(product: Product) -> Rendered:
    plan = _worker["plan"]
    assert isinstance(plan, SitePlan)
    try:
        pdf = render_pdf(plan, product, _worker["options"])  # type: ignore[arg-type]
    except PrintError as error:
        return str(error)
    return pdf, preview_png(pdf, sheet(product.format, plan.content.campaign.print_settings.safe_mm))


def _render_first(product: Product) -> tuple[Rendered, Sizes]:
    """A product of the first round, and the type sizes its worker has searched so far."""
    return _render(product), searched_sizes()


def _rendered(
    plan: SitePlan, options: RenderOptions, products: list[Product], jobs: int
) -> Iterator[tuple[int, Rendered]]:
    """Each product's index and result, as workers finish them, in the two rounds of _rounds."""
    _worker.update(plan=plan, options=options)
    first, second = _rounds(products)
    with _pool(jobs) as pool:  # one task per product: products take 1-30 s, a chunk would leave a core idle
        for index, (result, sizes) in zip(first, pool.map(_render_first, [products[i] for i in first]), strict=True):
            adopt_sizes(plan, sizes)
            yield index, result
    if second:
        with _pool(jobs) as pool:
            yield from zip(second, pool.map(_render, [products[i] for i in second]), strict=True)


def _rounds(products: list[Product]) -> tuple[list[int], list[int]]:
    """The products' indexes in two rounds of rendering. A search (a folded leaflet's inside type size, a
    series' size: 1-30 s; a two-sided sheet's arrangement) serves every product of its key (search_key): the
    first round renders one product of each key, the generic leaflet of its unit variants (the catalogue lists it
    first), the sheets last as they take least (a worker that ends the round early waits for the other); the
    second round, in workers forked after the first one's results were adopted, the others. One pool would have
    every worker search the same again."""
    leading: dict[tuple[str, ...], int] = {}
    following = []
    for index, product in enumerate(products):
        key = search_key(product)
        if key in leading:
            following.append(index)
        else:
            leading[key] = index
    return sorted(leading.values(), key=lambda index: search_key(products[index])[0] == "sheet"), following


def build_print(
    project: Project,
    out_dir: Path,
    *,
    jobs: int,
    marks: bool = False,
    only: str = "",
    units: set[str] | None = None,
    cmyk_profile: Path | None = None,
    select: Callable[[Product], bool] = lambda _product: True,
    kit_groups: set[str] | None = None,
    order: Order | None = None,
) -> tuple[list[Entry], list[str]]:
    """Render the catalogue into `out_dir` (emptied first). `units`: the variants to make (None: all);
    `select`: the products to make among those (a sample); `kit_groups`: the policy groups whose meeting
    kits to make (None: all). A production project (its load applied the production policy) prints no
    draft mark. Beside the products: the loudspeaker scripts and the community-meeting kits.
    `order` (checked by the press guard): exactly its products, its colophon and press profile, and the
    order sheet instead of the scripts and kits."""
    plan = project.plan
    if order:
        products = [item.product for item in order.products]
        cmyk_profile = order.profile_path
    else:
        products = [
            product
            for product in plan.products
            if only in product.stem
            and (units is None or product.unit is None or product.unit in units)
            and select(product)
        ]
    # Checked once here: a missing or non-CMYK profile is one clear error, not one per product.
    profile = check_profile(cmyk_profile) if cmyk_profile else output_profile(project.content.campaign)
    options = RenderOptions(
        fonts_dir=(project.root / "fonts").resolve(),
        marks=marks,
        cmyk_profile=profile,
        production=project.production or order is not None,
        colours=press_colours(project.content.campaign, profile),
        order=order,
    )
    shutil.rmtree(out_dir, ignore_errors=True)
    (out_dir / PREVIEW_DIR).mkdir(parents=True)
    # Files are written as they come; the manifest and the errors keep the catalogue's order.
    done: dict[int, Entry | str] = {}
    for index, result in _rendered(plan, options, products, jobs):
        product = products[index]
        if isinstance(result, str):
            done[index] = result
            continue
        pdf, png = result
        (out_dir / product.filename).write_bytes(pdf)
        preview = f"{PREVIEW_DIR}/{product.stem}.png"
        (out_dir / preview).write_bytes(png)
        done[index] = entry(plan.content, product, pdf, preview, order.quantity(product) if order else None)
    results = [done[index] for index in sorted(done)]
    entries = [item for item in results if isinstance(item, Entry)]
    errors = [item for item in results if isinstance(item, str)]
    write_manifest(entries, out_dir)
    if order:
        if not errors:
            scales = {product.filename: page_scale(plan, product, order) for product in products}
            write_order_sheet(plan.content.campaign, order, entries, scales, out_dir, options.fonts_dir)
        write_overview(plan.content, entries, out_dir, draft="")
        return entries, errors
    # The loudspeaker scripts and meeting kits follow the same selection by file name (`only`).
    scripts = write_scripts(plan, out_dir, options.fonts_dir, production=project.production, units=units, only=only)
    try:
        kits = write_kits(plan, out_dir, options.fonts_dir, production=project.production, groups=kit_groups, only=only)
    except PrintError as error:
        errors.append(str(error))
        kits = []
    draft = "" if project.production else DRAFT_MARK
    write_overview(plan.content, entries, out_dir, draft=draft, scripts=scripts, kits=kits)
    return entries, errors


def _pool(jobs: int) -> ProcessPoolExecutor:
    """Workers forked from this process: they inherit the plan and the sizes searched so far."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--out", type=Path, default=None, help="default: <project>/dist/print")
    parser.add_argument(
        "--site", type=Path, help="write into this built site, in its print folder (campaign/print.yml)"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--marks", action="store_true", help="crop and fold marks outside the bleed, in registration colour"
    )
    parser.add_argument(
        "--profile", type=Path, metavar="PROFILE.icc", help="CMYK output intent (default: campaign/print.yml)"
    )
    parser.add_argument(
        "--only", default="", help="only products, scripts and meeting kits whose file name contains this text"
    )
    parser.add_argument("--unit", action="append", help="only this unit's variants, by its key (repeatable)")
    parser.add_argument("--no-units", action="store_true", help="skip the per-unit variants")
    parser.add_argument(
        "--order",
        type=Path,
        metavar="ORDER.yml",
        help="a print order (campaign/print-orders/): its products, for the press",
    )
    parser.add_argument("--production", action="store_true", help="refused: a press run needs --order")
    add_today_argument(parser)  # the print date: a leaflet carries the values in force on it
    args = parser.parse_args(argv)
    if args.production and not args.order:
        print(
            "LỖI: bản in chính thức in theo một lệnh in: make print ORDER=campaign/print-orders/<ngày>-<tên>.yml"
            " (xem README, mục Lệnh in).",
            file=sys.stderr,
        )
        return 1
    started = time.perf_counter()
    try:
        project = load(args.project.resolve(), today=args.today)
        order = _checked_order(project, args.order) if args.order else None
        out = args.out or project.root / "dist" / "print"
        if args.site:
            out = args.site / project.content.campaign.print_settings.site_folder
        entries, errors = build_print(
            project,
            out.resolve(),
            jobs=args.jobs,
            marks=args.marks,
            only=args.only,
            cmyk_profile=args.profile,
            units=set() if args.no_units else (set(args.unit) if args.unit else None),
            order=order,
        )
    except PrintError as error:
        print(f"LỖI: {error}", file=sys.stderr)
        return 1
    except ContentError as error:
        if args.order:
            print(f"Lệnh in {args.order} chưa in được:", file=sys.stderr)
        print(error, file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    for error in errors:
        print(f"LỖI: {error}", file=sys.stderr)
    count = len(entries)
    print(
        f"{count} sản phẩm in trong {elapsed:.1f} s ({elapsed / max(count, 1):.2f} s/sản phẩm, {args.jobs} tiến trình)."
    )
    return 1 if errors else 0


def _checked_order(project: Project, path: Path) -> Order:
    """The order of `path`, after the site's production policy and the press guard: every problem of
    the content and of the order at once (ContentError), or the order and a production project."""
    problems = Problems(project.root)
    check_production(project.content, problems)
    order = load_order(project.root, project.plan, path.resolve(), problems)
    if order:
        check_order(project.content, order, problems)
    problems.raise_if_any()
    assert order is not None
    return order


if __name__ == "__main__":
    sys.exit(main())
