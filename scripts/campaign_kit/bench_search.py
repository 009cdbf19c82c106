"""Search on a slow phone: requests, kilobytes and the time from the last key to the results of
whole search sessions on the built site, under Lighthouse's mobile throttling (campaign_kit.search_budget).

    python -m campaign_kit.bench_search [--site site] [--runs 3] [QUERY@LANGUAGE ...]

Prints one row per query (median time of the runs, the most requests) beside the budget; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from .model.sections import SEARCH_URI, page_url
from .search_budget import MAX_REQUESTS, SECONDS, median_session

QUERIES = ("bao hiem y te@vi", "xuat khau lao dong@vi", "hoc phi@vi", "ធានារ៉ាប់រងសុខភាព@km", "ថ្លៃសិក្សា@km")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_args(argv)
    handler = functools.partial(_Quiet, directory=str(args.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Search sessions on {args.site}/, median of {args.runs} (python -m campaign_kit.bench_search)")
    print("| query | language | requests | KB | results after last key (s) | first excerpt (s) | results | budget |")
    print("|---|---|---|---|---|---|---|---|")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for item in args.queries:
                query, _, language = item.rpartition("@")
                prefix = "" if language == "vi" else f"{language}/"
                session = median_session(browser, f"{base}{prefix}{page_url(SEARCH_URI)}", query, args.runs)
                budget = f"≤ {MAX_REQUESTS} requests, ≤ {SECONDS.get(language, 1.0)} s"
                print(
                    f"| {query} | {language} | {session.requests} | {session.kilobytes:.0f} |"
                    f" {session.seconds:.2f} | {session.excerpt_seconds:.2f} | {session.results} | {budget} |"
                )
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
