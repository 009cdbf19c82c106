"""Page weight and Lighthouse of the built site, side by side with stock Material, in one run.

    python -m campaign_kit.bench_web [--runs 3] [--siteaudit PATH]      (make bench-web)

Builds the project's site and a stock mkdocs + material site of the very same pages (the site
plan exported as Markdown, see campaign_kit.bench), then measures one page of each type with the
shared siteaudit tool (headless Chromium: requests and gzip bytes of the first load; Lighthouse
mobile with simulated throttling, median of --runs runs). Prints a Markdown table; asserts nothing.
Budgets (issue 12): a policy page ≤ 100 KB gzip, a Khmer policy page ≤ 120 KB, Lighthouse
performance ≥ 95 and accessibility, best practices and SEO 100.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .bench import run_stock, stock_configs
from .build import render_site
from .model.sections import BY_TYPE, TRANSLATIONS_URI, page_url
from .project import load

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def page_types(project_root: Path) -> dict[str, str]:
    """{page type: URL path} of the pages measured: home, a policy, a Khmer policy, print, translations."""
    plan = load(project_root, gate=False).plan
    policy = plan.content.items("policy")[0].src_uri
    return {
        "home": "",
        "policy": page_url(policy),
        "Khmer policy": "km/" + page_url(policy),
        "print materials": page_url("tai-lieu-in.md"),
        "translations": page_url(TRANSLATIONS_URI),
        "story listing": page_url(BY_TYPE["story"].index),
    }


def audit(siteaudit: Path, site: Path, pages: dict[str, str], out: Path) -> dict:
    command = [str(siteaudit), str(site), "--pages", str(len(pages)), "--no-screenshots", "--out", str(out)]
    for path in pages.values():
        command += ["--page", path or "index.html", "--lighthouse", path or "index.html"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def measure(siteaudit: Path, site: Path, pages: dict[str, str], runs: int, scratch: Path) -> dict[str, dict]:
    """{page type: weight, requests and median Lighthouse scores}. A Lighthouse run that failed
    (siteaudit reports an error in its place) is run again, up to `runs` more audits, so that each
    median is of `runs` runs."""
    reports: list[dict] = []

    def missing() -> bool:
        return not reports or min(len(found) for found in _runs(reports, pages).values()) < runs

    while missing() and len(reports) < 2 * runs:
        reports.append(audit(siteaudit, site, pages, scratch / f"run-{len(reports)}"))
    lighthouse = _runs(reports, pages)
    results = {}
    for name, path in pages.items():
        key = path.rstrip("/")
        page = next(p for p in reports[0]["pages"] if p["path"].rstrip("/") in (key, key + "/index.html"))
        counted = lighthouse[name][:runs]
        if not counted:
            raise RuntimeError(f"no Lighthouse run of {name} ({path or 'home'}) succeeded")
        results[name] = {
            "kb": page["bytes"]["gzip_estimate_total"] / 1024,
            "requests": page["requests"]["total"],
            "errors": page["console"]["errors"] + len(page["page_errors"]) + len(page["requests"]["local_failed"]),
            "scores": {c: statistics.median(lh["scores"][c] for lh in counted) for c in CATEGORIES},
            "cls": statistics.median(lh["metrics"]["cls"] for lh in counted),
            "fcp": statistics.median(lh["metrics"]["fcp_ms"] for lh in counted) / 1000,
            "lcp": statistics.median(lh["metrics"]["lcp_ms"] for lh in counted) / 1000,
            "runs": len(counted),
        }
    return results


def _runs(reports: list[dict], pages: dict[str, str]) -> dict[str, list[dict]]:
    """{page type: its Lighthouse results that have scores, in the order they ran}."""
    return {
        name: [
            lh
            for report in reports
            for lh in report["lighthouse"]
            if lh["path"].rstrip("/") == path.rstrip("/") and "scores" in lh
        ]
        for name, path in pages.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    parser.add_argument("--runs", type=int, default=3)
    default_tool = Path(os.environ.get("SITEAUDIT", Path.cwd().parent / "shared" / "tools" / "siteaudit" / "audit"))
    parser.add_argument("--siteaudit", type=Path, default=default_tool)
    args = parser.parse_args(argv)
    root = args.project.resolve()
    if not args.siteaudit.exists():
        print(f"siteaudit not found at {args.siteaudit} (set --siteaudit or SITEAUDIT)", file=sys.stderr)
        return 1
    pages = page_types(root)
    with tempfile.TemporaryDirectory(prefix="campaign-bench-web-") as folder:
        scratch = Path(folder)
        ours_site, stock_site = scratch / "ours", scratch / "stock"
        render_site(load(root), ours_site)
        stock = scratch / "stock-tree"
        stock.mkdir()
        run_stock(stock_configs(root, stock), stock_site)
        ours = measure(args.siteaudit, ours_site, pages, args.runs, scratch / "audit-ours")
        theirs = measure(args.siteaudit, stock_site, pages, args.runs, scratch / "audit-stock")
    print(f"First load of one page per type, gzip KB and requests; Lighthouse mobile, median of {args.runs} runs")
    print(
        "| page | KB (ours) | req | perf | a11y | bp | seo | FCP s | LCP s | CLS | errors "
        "| KB (stock) | req | perf | a11y | bp | seo | FCP s | LCP s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in pages:
        o, t = ours[name], theirs[name]
        print(
            f"| {name} | {o['kb']:.0f} | {o['requests']} | "
            + " | ".join(f"{o['scores'][c]:.0f}" for c in CATEGORIES)
            + f" | {o['fcp']:.1f} | {o['lcp']:.1f} | {o['cls']:.3f} | {o['errors']} "
            + f"| {t['kb']:.0f} | {t['requests']} | "
            + " | ".join(f"{t['scores'][c]:.0f}" for c in CATEGORIES)
            + f" | {t['fcp']:.1f} | {t['lcp']:.1f} |"
        )
    short = [name for name in pages if min(ours[name]["runs"], theirs[name]["runs"]) < args.runs]
    if short:
        print(f"Fewer than {args.runs} Lighthouse runs succeeded for: {', '.join(short)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
