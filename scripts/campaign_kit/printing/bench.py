"""Print speed: the preview kit and an order of ten products, in wall and CPU seconds.

    python -m campaign_kit.printing.bench [--project .] [--jobs 2] [--units N] [--no-kit] [--no-order]

The kit is `python -m campaign_kit.printing` as `make print` runs it (all units, or the first N units'
variants with --units); the order is ten products of the catalogue (tri-folds and A5 sheets for units,
tri-folds in the other languages, a poster, a banner) in a copy of the first order of campaign/print-orders/
with its blanks filled by bench values, loaded and printed as `make print ORDER=…` prints (the site's own
production policy left out: the preview content may not pass it). CPU is user + sys of the whole process
tree (workers included): on a shared machine it says more than the wall time. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from ..catalogue import GENERAL, Product
from ..model.errors import Problems
from ..model.print_order import EVERY_UNIT
from ..project import load
from .__main__ import build_print
from .orders import load_order

ORDER_SIZE = 10
RUN = 1000  # copies per ordered product: any number, the bench prints no quantity anyone reads


@dataclasses.dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # user + sys of the children waited for: the process tree of the timed step


def timed(step: Callable[[], None]) -> Timing:
    """Wall and CPU seconds of `step`, which runs its work in child processes and waits for them."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    step()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def order_products(products: list[Product], default_language: str) -> list[Product]:
    """Ten products of the catalogue as an office might order them: the general tri-fold for four units and
    the general A5 sheet for two (default language), the general tri-fold in each other language, the first
    poster and the first banner; more general leaflets if that makes fewer than ten."""
    general = [p for p in products if p.subject == GENERAL and p.product_type == "leaflet"]
    folded = [p for p in general if p.format.panels_mm and p.language == default_language and p.unit]
    sheets = [p for p in general if not p.format.panels_mm and p.language == default_language and p.unit]
    other = [p for p in general if p.format.panels_mm and p.language != default_language and not p.unit]
    chosen = folded[:4] + sheets[:2] + other
    chosen += [next(p for p in products if p.product_type == kind) for kind in ("poster", "banner")]
    chosen += [p for p in general if p not in chosen]
    return chosen[:ORDER_SIZE]


def order_text(sample: Path, products: list[Product]) -> str:
    """The sample order with bench values in its blanks and `products` as its lines."""
    order = yaml.safe_load(sample.read_text(encoding="utf-8"))
    order.pop("sample", None)
    order.update(
        title="Lệnh in đo tốc độ (bench)",
        licence={"kind": "quyet-dinh", "number": "BENCH-01", "issuer": "Bench", "date": "2026-11-30"},
        printer={"name": "Bench", "address": "Bench"},
        legal_deposit="Bench",
    )
    lines: dict[tuple[str, str, str], dict[str, int]] = {}
    for product in products:
        runs = lines.setdefault((product.format.key, product.subject, product.language), {})
        runs[product.unit or EVERY_UNIT] = RUN
    order["products"] = [
        {"format": fmt, "subject": subject, "language": language, "runs": runs}
        for (fmt, subject, language), runs in lines.items()
    ]
    return yaml.safe_dump(order, allow_unicode=True, sort_keys=False)


def print_order(root: Path, order_file: Path, out: Path, jobs: int) -> None:
    """`make print ORDER=…` without the site's production policy: load, resolve the order, print it."""
    project = load(root)
    problems = Problems(root)
    order = load_order(root, project.plan, order_file, problems)
    if order is None:
        raise SystemExit(str(problems.items))
    entries, errors = build_print(dataclasses.replace(project, production=True), out, jobs=jobs, order=order)
    if errors or len(entries) != ORDER_SIZE:
        raise SystemExit("\n".join(errors) or f"{len(entries)} sản phẩm, không phải {ORDER_SIZE}")


def in_child(step: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        child = multiprocessing.get_context("fork").Process(target=step)
        child.start()
        child.join()
        if child.exitcode:
            raise SystemExit(f"bench: the timed step failed ({child.exitcode})")

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--units", type=int, help="the kit with only the first N units' variants (default: all)")
    parser.add_argument("--no-kit", action="store_true")
    parser.add_argument("--no-order", action="store_true")
    args = parser.parse_args(argv)
    root = args.project.resolve()
    project = load(root)
    plan = project.plan
    print(f"Print speed, {args.jobs} workers, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at start")
    print("| run | products | wall (s) | CPU (s) | products/s (wall) | CPU s/product |")
    print("|---|---|---|---|---|---|")

    def row(name: str, count: int, timing: Timing) -> None:
        print(
            f"| {name} | {count} | {timing.wall:.1f} | {timing.cpu:.1f} | {count / timing.wall:.2f} |"
            f" {timing.cpu / max(count, 1):.2f} |",
            flush=True,
        )

    with tempfile.TemporaryDirectory(prefix="bench-print-") as temp:
        if not args.no_kit:
            command = [sys.executable, "-m", "campaign_kit.printing", "--project", str(root), "--jobs", str(args.jobs)]
            units = [unit.key for unit in plan.content.campaign.admin_map.units]
            if args.units is not None:
                units = units[: args.units]
                command += [arg for key in units for arg in ("--unit", key)] if units else ["--no-units"]
            out = Path(temp) / "kit"
            timing = timed(lambda: subprocess.run([*command, "--out", str(out)], check=True, stdout=subprocess.DEVNULL))
            count = sum(1 for p in plan.products if p.unit is None or p.unit in units)
            row("preview kit" + (f", {len(units)} units" if args.units is not None else ""), count, timing)
        if not args.no_order:
            sample = min((root / "campaign" / "print-orders").glob("*.yml"))
            order_file = Path(temp) / "lenh-in.yml"
            products = order_products(plan.products, plan.content.campaign.default_language)
            order_file.write_text(order_text(sample, products), encoding="utf-8")
            out = Path(temp) / "order"
            timing = timed(in_child(lambda: print_order(root, order_file, out, args.jobs)))
            row(f"order of {ORDER_SIZE} (with loading)", ORDER_SIZE, timing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
