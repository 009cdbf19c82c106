"""The site's search index: Pagefind over the built HTML of every language.

Pagefind (a static index read by a small WebAssembly module) was chosen over
Material's lunr search: its index folds Vietnamese tone marks and đ while ranking
an exact match first, it splits the index per language (by `<html lang>`) and into
chunks a phone downloads only when the reader searches, and it needs no code of
ours beyond the search page. Only the article of searchable pages is indexed
(`data-pagefind-body` in overrides/main.html): listings, menus and the edit link stay out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .model.sections import SEARCH_BUNDLE


def index_site(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", SEARCH_BUNDLE, "--silent"]
    subprocess.run(command, check=True)
