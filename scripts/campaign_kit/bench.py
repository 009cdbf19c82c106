"""Build-speed benchmark: the project's pipeline against stock Material, in one run.

    python -m campaign_kit.bench [--pages 1000] [--scale 3] [--repeat 2]

Generates a copy of the project with N extra success stories and another with
N×scale. For each, `make site`'s pipeline (load, gate, plan, one MkDocs run per
language) is timed against stock mkdocs + material building the very same pages
(the site plan exported as Markdown, one folder per language) with the same
navigation shape (stories out of the nav, navigation.prune), one build per
language (the print kit: make bench-print). Prints times and ratios side by side; asserts nothing
(targets: pipeline/stock ≤ 1.3 per size, pipeline(N×scale)/pipeline(N) ≤ 3.1 for scale 3).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import material
import yaml

from .markdown_config import EXTENSIONS
from .model.campaign import load_campaign
from .project import load
from .review_boundary import BUILD_CACHE

PROJECT_PARTS = ("campaign", "docs", "overrides", "fonts", "mkdocs.yml")
WORDS = [
    "gia",
    "đình",
    "vay",
    "vốn",
    "ưu",
    "đãi",
    "nuôi",
    "bò",
    "trồng",
    "lúa",
    "học",
    "nghề",
    "may",
    "có",
    "thu",
    "nhập",
    "ổn",
    "định",
    "cán",
    "bộ",
    "xã",
    "hướng",
    "dẫn",
    "làm",
    "hồ",
    "sơ",
    "hàng",
    "xóm",
    "giúp",
    "đỡ",
    "con",
    "đi",
    "học",
    "đủ",
    "năm",
    "thoát",
    "nghèo",
    "bền",
    "vững",
]
TAGS = ("chăn nuôi", "vay vốn", "học nghề", "trồng trọt", "nhà ở", "tôm - lúa")
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def story(number: int, districts: list[str]) -> str:
    body = "\n\n".join(
        " ".join(WORDS[(number + paragraph + i) % len(WORDS)] for i in range(60)).capitalize() + "."
        for paragraph in range(4)
    )
    day = f"{2020 + number % 5}-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
    return (
        f"---\ntitle: Câu chuyện thử số {number}\ndate: {day}\n"
        f"district: {districts[number % len(districts)]}\nsummary: Câu chuyện sinh ra để đo tốc độ dựng trang.\n"
        f"tags: [{TAGS[number % len(TAGS)]}, {TAGS[(number * 7) % len(TAGS)]}]\nsample: true\n---\n\n{body}\n"
    )


def make_tree(project: Path, target: Path, pages: int) -> None:
    target.mkdir()
    for name in PROJECT_PARTS:
        source = project / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    if (project / BUILD_CACHE).is_dir():
        shutil.copytree(project / BUILD_CACHE, target / BUILD_CACHE)
    districts = [district.key for district in load_campaign(project / "campaign").districts]
    folder = target / "docs" / "guong-thoat-ngheo"
    for number in range(pages):
        (folder / f"cau-chuyen-thu-{number:05d}.md").write_text(story(number, districts), encoding="utf-8")


def stock_configs(project: Path, out: Path) -> list[tuple[Path, str]]:
    """Stock Material over the plan's own pages, one config per language (written into `out`),
    each with the folder it builds into, as the project's build lays them out: nothing of ours runs."""
    plan = load(project, gate=False).plan
    folders = plan.export(out / "exported")
    configs = []
    for code, folder in folders.items():
        # Material has no Khmer strings (the project brings its own in overrides/): stock uses English there.
        theme_language = code if (MATERIAL_LANGUAGES / f"{code}.html").exists() else "en"
        config = {
            "site_name": "stock",
            "docs_dir": str(folder),
            "theme": {"name": "material", "font": False, "language": theme_language, "features": ["navigation.prune"]},
            "nav": plan.nav,
            "plugins": ["search"],
            "markdown_extensions": EXTENSIONS,
        }
        path = out / f"mkdocs.stock.{code}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs.append((path, plan.sites[code].prefix))
    return configs


def run_pipeline(tree: Path, site: Path) -> None:
    command = [sys.executable, "-m", "campaign_kit.build", "--project", str(tree), "--site-dir", str(site)]
    subprocess.run(command, check=True, env=MKDOCS_ENV)


def run_stock(configs: list[tuple[Path, str]], site: Path) -> None:
    """The reference language first: MkDocs empties its site folder before writing."""
    for config, prefix in configs:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site / prefix)]
        subprocess.run(command, check=True, env=MKDOCS_ENV)


def best_time(build, site: Path, repeat: int) -> tuple[float, float]:
    """The best of `repeat` builds: (wall seconds, CPU seconds of the build's processes). The
    pipeline builds its languages side by side, so the CPU time shows what that hides."""
    runs = []
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        before, started = _children_cpu(), time.perf_counter()
        build(site)
        runs.append((time.perf_counter() - started, _children_cpu() - before))
    return min(runs)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def html_size(site: Path) -> tuple[int, float]:
    sizes = [page.stat().st_size for page in site.rglob("*.html")]
    return len(sizes), statistics.mean(sizes) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--scale", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    rows = []
    load_before = os.getloadavg()[0]  # other work on the machine skews wall times, not CPU times
    with tempfile.TemporaryDirectory(prefix="campaign-bench-") as scratch:
        base = Path(scratch)
        for pages in (args.pages, args.pages * args.scale):
            tree = base / f"tree-{pages}"
            make_tree(args.project, tree, pages)
            configs = stock_configs(tree, tree)
            ours = best_time(lambda site, tree=tree: run_pipeline(tree, site), base / "ours", args.repeat)
            ours_files, ours_kb = html_size(base / "ours")
            stock = best_time(lambda site, configs=configs: run_stock(configs, site), base / "stock", args.repeat)
            stock_files, stock_kb = html_size(base / "stock")
            rows.append((pages, ours, ours_files, ours_kb, stock, stock_files, stock_kb))
    languages = len(load_campaign(args.project / "campaign").languages)
    print(f"Site build, {languages} languages, best of {args.repeat} (python -m campaign_kit.bench)")
    print(f"{os.cpu_count()} cores, load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(
        "| stories | pipeline s | CPU s | pages | KB/page | stock Material s | CPU s | pages | KB/page "
        "| ratio (target ≤ 1.3) | CPU ratio |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for pages, (ours, ours_cpu), ours_files, ours_kb, (stock, stock_cpu), stock_files, stock_kb in rows:
        print(
            f"| {pages} | {ours:.2f} | {ours_cpu:.1f} | {ours_files} | {ours_kb:.0f} | {stock:.2f} | {stock_cpu:.1f} "
            f"| {stock_files} | {stock_kb:.0f} | {ours / stock:.2f} | {ours_cpu / stock_cpu:.2f} |"
        )
    growth = rows[1][1][0] / rows[0][1][0]
    print(f"growth: pipeline {rows[1][0]} / {rows[0][0]} stories = {growth:.2f} (target ≤ 3.1 for ×3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
