"""Build-speed benchmark: the project's pipeline against bare mkdocs + material.

    python -m campaign_kit.bench [--pages 1000] [--scale 3] [--repeat 2]

Generates a copy of the project with N extra success stories, builds the
Vietnamese site with the project's pipeline and with a bare Material
configuration over the same Markdown, then the pipeline again with
N×scale stories; then renders the whole print catalogue of the project.
Prints times, ratios and page sizes; asserts nothing (targets:
pipeline/bare ≤ 1.3, time(3N)/time(N) ≤ 3.3).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from .model.campaign import load_campaign

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
    for name in PROJECT_PARTS:
        source = project / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    if (project / ".cache").is_dir():
        shutil.copytree(project / ".cache", target / ".cache")
    districts = [district.key for district in load_campaign(project / "campaign").districts]
    folder = target / "docs" / "guong-thoat-ngheo"
    for number in range(pages):
        (folder / f"cau-chuyen-thu-{number:05d}.md").write_text(story(number, districts), encoding="utf-8")


def bare_config(tree: Path) -> Path:
    """Material with nothing of ours: same docs, same navigation, default search."""
    project = yaml.safe_load((tree / "mkdocs.yml").read_text().replace("!ENV", ""))
    config = {
        "site_name": "bare",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "nav": project["nav"],
        "plugins": ["search"],
        "markdown_extensions": project["markdown_extensions"],
    }
    path = tree / "mkdocs.bare.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def timed_build(config: Path, site: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        times.append(time.perf_counter() - started)
    return min(times)


def timed_print(project: Path, out: Path) -> tuple[float, int]:
    """The whole print catalogue (every district) of the real project: seconds, products."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "campaign_kit.print", "--project", str(project), "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    return elapsed, len(list(out.glob("*.pdf")))


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
    with tempfile.TemporaryDirectory(prefix="campaign-bench-") as scratch:
        base = Path(scratch)
        small, large = base / "small", base / "large"
        small.mkdir()
        large.mkdir()
        make_tree(args.project, small, args.pages)
        make_tree(args.project, large, args.pages * args.scale)
        ours = timed_build(small / "mkdocs.yml", base / "site-ours", args.repeat)
        ours_files, ours_kb = html_size(base / "site-ours")
        bare = timed_build(bare_config(small), base / "site-bare", args.repeat)
        bare_files, bare_kb = html_size(base / "site-bare")
        scaled = timed_build(large / "mkdocs.yml", base / "site-large", args.repeat)
        scaled_files, scaled_kb = html_size(base / "site-large")
        printing, products = timed_print(args.project, base / "print")
    print(f"stories added: {args.pages} (and {args.pages * args.scale}); best of {args.repeat} builds each")
    print(f"project pipeline   {args.pages:>5} stories: {ours:6.2f} s, {ours_files} HTML pages, {ours_kb:.0f} KB/page")
    print(
        f"bare mkdocs+material {args.pages:>3} stories: {bare:6.2f} s, {bare_files} HTML pages, {bare_kb:.0f} KB/page"
    )
    print(
        f"project pipeline   {args.pages * args.scale:>5} stories: {scaled:6.2f} s, {scaled_files} HTML pages, "
        f"{scaled_kb:.0f} KB/page"
    )
    print(f"ratio pipeline/bare: {ours / bare:.2f} (target ≤ 1.3)")
    print(f"ratio {args.scale}×pages/pages: {scaled / ours:.2f} (target ≤ {1.1 * args.scale:.1f})")
    print(
        f"print kit: {products} products (all districts) in {printing:.1f} s, {printing / products:.2f} s per product"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
