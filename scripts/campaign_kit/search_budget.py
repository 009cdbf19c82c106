"""A search session as a reader on a cheap phone has it: open the search page with a cold cache,
type a query key by key, see the results. Measured in headless Chromium under Lighthouse's mobile
throttling, applied through the DevTools protocol (network and CPU emulation). The budget test
(tests/test_search_budget.py) and `make bench` (campaign_kit.bench_search) measure with this module.

Budget (issue 21): at most MAX_REQUESTS requests per session, results within SECONDS[language]
of the last key.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from playwright.sync_api import Browser


@dataclass(frozen=True)
class Throttling:
    rtt_ms: float
    down_kbps: float
    up_kbps: float
    cpu_slowdown: float


# Lighthouse's mobile preset ("slow 4G", Moto G Power): 150 ms round trip, 1.6 Mbps down,
# 750 kbps up, a processor four times slower than the machine's.
LIGHTHOUSE_MOBILE = Throttling(rtt_ms=150, down_kbps=1638.4, up_kbps=750, cpu_slowdown=4)
MAX_REQUESTS = 20
SECONDS = {"vi": 1.0, "km": 1.5}
KEY_DELAY_MS = 200  # a reader typing on a phone's keyboard, five keys a second
PHONE = {"viewport": {"width": 360, "height": 800}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}

# Set up in the page once it is loaded: when the last key was typed, and when the results of the
# whole query were shown (search.js writes the query its results answer into the status's data-query).
_WATCH = """() => {
  const input = document.querySelector('#campaign-search-input');
  const status = document.querySelector('.campaign-search__status');
  const list = document.querySelector('.campaign-search__results');
  window.__lastKey = 0; window.__shown = 0; window.__excerpt = 0; window.__gap = 0;
  // In the capture phase, before the page's own listener (whose search may end in the same task).
  window.addEventListener('input', () => {
    const now = performance.now();
    if (window.__lastKey) window.__gap = Math.max(window.__gap, now - window.__lastKey);
    window.__lastKey = now; window.__shown = 0; window.__excerpt = 0;
  }, true);
  const seen = () => {
    if (status.dataset.query !== input.value || !input.value) return;
    window.__shown ||= performance.now();
    if (list.querySelector('li p')) window.__excerpt ||= performance.now();
  };
  new MutationObserver(seen).observe(status, { attributes: true, attributeFilter: ['data-query'] });
  new MutationObserver(seen).observe(list, { childList: true });
}"""


@dataclass(frozen=True)
class Session:
    query: str
    requests: int  # every request of the session, the page's own included
    kilobytes: float  # as transferred (headers and body)
    seconds: float  # from the last key to the results (titles and links)
    excerpt_seconds: float  # ...to the first excerpt under them
    slowest_key: float  # the longest time between two keys (s): a loaded machine types slower than asked
    results: int


def search_session(
    browser: Browser, search_url: str, query: str, throttling: Throttling = LIGHTHOUSE_MOBILE
) -> Session:
    """One session in a new context (cold cache), throttled from the first request."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": throttling.rtt_ms,
            "downloadThroughput": throttling.down_kbps * 1024 / 8,
            "uploadThroughput": throttling.up_kbps * 1024 / 8,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttling.cpu_slowdown})
    requested: list[str] = []
    received: list[float] = []
    page.on("request", lambda request: requested.append(request.url))
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    try:
        page.goto(search_url, wait_until="load")
        page.evaluate(_WATCH)
        field = page.locator("#campaign-search-input")
        field.click()
        field.press_sequentially(query, delay=KEY_DELAY_MS)
        page.wait_for_function("() => window.__shown > 0", timeout=30_000, polling=50)
        results = page.locator(".campaign-search__results li").count()
        page.wait_for_function("() => window.__excerpt > 0", timeout=30_000, polling=50)
        page.wait_for_load_state("networkidle")  # what the results still fetch counts too
        shown, excerpt, gap = page.evaluate(
            "() => [window.__shown - window.__lastKey, window.__excerpt - window.__lastKey, window.__gap]"
        )
        return Session(query, len(requested), sum(received) / 1024, shown / 1000, excerpt / 1000, gap / 1000, results)
    finally:
        context.close()


def median_session(browser: Browser, search_url: str, query: str, runs: int) -> Session:
    """The median time of `runs` sessions, with the most requests any of them made."""
    sessions = [search_session(browser, search_url, query) for _ in range(runs)]
    return Session(
        query,
        max(session.requests for session in sessions),
        max(session.kilobytes for session in sessions),
        statistics.median(session.seconds for session in sessions),
        statistics.median(session.excerpt_seconds for session in sessions),
        max(session.slowest_key for session in sessions),
        min(session.results for session in sessions),
    )
