"""The finder's and the search page's scripts, with the site's fold rule written into them.

`finder.js` (a classic script: the offline copy runs it from file://) and `search.js` (an ES
module) call fold(); the build puts campaign_kit.fold's FOLD_JS into each (`with_fold`), so the
rule that folds the data in Python folds what the reader types.
"""

from __future__ import annotations

from pathlib import Path

from ..fold import with_fold

FINDER_SCRIPT = "assets/javascripts/finder.js"
SEARCH_SCRIPT = "assets/javascripts/search.js"
HERE = Path(__file__).parent


def site_scripts() -> dict[str, str]:
    return {
        FINDER_SCRIPT: with_fold((HERE / "finder.js").read_text(encoding="utf-8")),
        SEARCH_SCRIPT: with_fold((HERE / "search.js").read_text(encoding="utf-8"), module=True),
    }
