"""The search's budget on a slow phone (issue 21), the one timed test of the suite: a whole search
session (the search page opened with a cold cache, a query typed key by key, its results) under
Lighthouse's mobile throttling, set in Chromium through the DevTools protocol
(SLOW_PHONE: 150 ms round trip, 1.6 Mbps down, 750 kbps up, the processor 4× slower).
At most 20 requests, the results within 1 s of the last key in Vietnamese and 1.5 s in Khmer.
`make bench` prints the same figures for more queries (campaign_kit.bench_search).

It runs on the real campaign's site (built_site), not the fixture's: the budget is for an index of a
whole campaign (its hundreds of pages in each language make the index's chunks and the results that
Pagefind returns), which the small fixture would meet without trying. The query is the one the budget
was measured with (issue 21, the most requests then): the national term "health insurance" as the
campaign's glossary says it in each language, typed as a reader types it: Vietnamese without tone marks,
Khmer without spaces.
"""

from __future__ import annotations

import re

import pytest
from conftest import loaded_project
from playwright.sync_api import Browser

from campaign_kit.fold import fold
from campaign_kit.model.sections import SEARCH_URI, page_url
from campaign_kit.search_budget import MAX_REQUESTS, SECONDS, Throttling, search_session
from campaign_kit.site_scripts import SEARCH_SCRIPT, site_scripts

# Lighthouse's mobile throttling, the profile the budget is stated for: slow 4G and a slow processor.
SLOW_PHONE = Throttling(rtt_ms=150, down_kbps=1638.4, up_kbps=750, cpu_slowdown=4)

# search.js's pause before it loads excerpts (SETTLE_MS)
SETTLE_S = int(re.search(r"SETTLE_MS = (\d+)", site_scripts()[SEARCH_SCRIPT])[1]) / 1000

PLAN = loaded_project().plan
TERM = next(term for term in PLAN.content.campaign.glossary if fold(term.vi).startswith("bao hiem y te"))
TYPED = {"vi": "bao hiem y te", **{code: said.replace(" ", "") for code, said in TERM.say.items()}}
SESSIONS = [(PLAN.sites[code].prefix, code, TYPED[code]) for code in PLAN.sites if code in SECONDS]


@pytest.mark.parametrize(("prefix", "language", "query"), SESSIONS, ids=[s[1] for s in SESSIONS])
def test_a_search_session_keeps_its_budget_on_a_slow_phone(
    browser: Browser, site_url: str, prefix: str, language: str, query: str
) -> None:
    # The budget is for a reader typing KEY_DELAY_MS apart; search.js loads excerpts after a pause of
    # SETTLE_S. On a loaded machine a key may come later than asked, and an excerpt of a half-typed
    # query may be loaded: a session over budget that was typed that slowly is typed again.
    for _attempt in range(3):
        session = search_session(browser, f"{site_url}{prefix}{page_url(SEARCH_URI)}", query, SLOW_PHONE)
        if session.requests <= MAX_REQUESTS or session.slowest_key < SETTLE_S:
            break
    assert session.results >= 5, session
    assert session.requests <= MAX_REQUESTS, session
    assert session.seconds <= SECONDS[language], session
    # The first results' excerpts (a fragment each) follow once the keys pause.
    assert session.excerpt_seconds <= SECONDS[language] + 1, session
