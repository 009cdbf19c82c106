"""The search's budget on a slow phone (issue 21), the one timed test of the suite: a whole search
session (the search page opened with a cold cache, a query typed key by key, its results) under
Lighthouse's mobile throttling, set in Chromium through the DevTools protocol
(SLOW_PHONE: 150 ms round trip, 1.6 Mbps down, 750 kbps up, the processor 4× slower).
At most 20 requests, the results within 1 s of the last key in Vietnamese and 1.5 s in Khmer.
`make bench` prints the same figures for more queries (campaign_kit.bench_search).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from campaign_kit.model.sections import SEARCH_URI, page_url
from campaign_kit.search_budget import MAX_REQUESTS, SECONDS, Throttling, search_session

# Lighthouse's mobile throttling, the profile the budget is stated for: slow 4G and a slow processor.
SLOW_PHONE = Throttling(rtt_ms=150, down_kbps=1638.4, up_kbps=750, cpu_slowdown=4)

SESSIONS = [  # the queries of the measurement: the most requests then
    ("", "vi", "bao hiem y te"),
    ("km/", "km", "ធានារ៉ាប់រងសុខភាព"),  # health insurance, typed without spaces
]


@pytest.mark.parametrize(("prefix", "language", "query"), SESSIONS, ids=[s[1] for s in SESSIONS])
def test_a_search_session_keeps_its_budget_on_a_slow_phone(
    browser: Browser, site_url: str, prefix: str, language: str, query: str
) -> None:
    session = search_session(browser, f"{site_url}{prefix}{page_url(SEARCH_URI)}", query, SLOW_PHONE)
    assert session.results >= 5, session
    assert session.requests <= MAX_REQUESTS, session
    assert session.seconds <= SECONDS[language], session
    # The first results' excerpts (a fragment each) follow once the keys pause.
    assert session.excerpt_seconds <= SECONDS[language] + 1, session
