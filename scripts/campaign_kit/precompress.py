"""Precompressed copies of the site's text files (`page.html.gz`, `page.html.br`), written by a
production build: a web server of ours sends them as they are (nginx `gzip_static`, `brotli_static`)
instead of compressing every response again, and at the strongest settings, which no server uses on
the fly. Pages, styles and scripts shrink to a fifth or less; fonts, images and Pagefind's index are
compressed already and are left alone.
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

#: Kinds of file a server compresses; below MIN_BYTES a response fits one packet anyway.
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".ics", ".csv"})
MIN_BYTES = 512


def precompress(site_dir: Path) -> None:
    """Write `.gz` and `.br` beside each text file of `site_dir` where they are smaller."""
    files = [
        path
        for path in site_dir.rglob("*")
        if path.suffix in TEXT_SUFFIXES and path.is_file() and path.stat().st_size >= MIN_BYTES
    ]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_compress, files))


def _compress(path: Path) -> None:
    data = path.read_bytes()
    # mtime=0: the same page gives the same bytes, whatever the day of the build.
    for suffix, packed in ((".gz", gzip.compress(data, 9, mtime=0)), (".br", brotli.compress(data, quality=11))):
        if len(packed) < len(data):
            path.with_name(path.name + suffix).write_bytes(packed)
