"""The events page, its iCalendar file and the Atom feeds of news and events, as built."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import kit_project
from icalendar import Calendar

from campaign_kit.feeds import atom_feed, calendar_ics
from campaign_kit.pages.events import coming_events

ATOM = "{http://www.w3.org/2005/Atom}"
PLAN = kit_project().plan


def events_in(ics: str) -> dict[str, tuple[dt.date, dt.date]]:
    calendar = Calendar.from_ical(ics)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["PRODID"])
    found = {}
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert required in event, required
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert isinstance(start, dt.date) and end > start  # all-day, DTEND exclusive
        found[str(event["UID"]).partition("@")[0]] = (start, end)
    return found


def test_the_built_calendar_parses_and_holds_the_coming_events(kit_site: Path) -> None:
    found = events_in((kit_site / "su-kien/su-kien.ics").read_text(encoding="utf-8"))
    coming = coming_events(PLAN.content.activities, PLAN.content.today)  # the site's build date
    assert coming and set(found) == {recorded.activity.key for recorded in coming}
    for recorded in coming:
        assert found[recorded.activity.key] == (
            recorded.activity.start,
            recorded.activity.last_day + dt.timedelta(days=1),
        )
    page = (kit_site / "su-kien/index.html").read_text(encoding="utf-8")
    for recorded in coming:
        assert f'id="{recorded.activity.key}"' in page
    assert 'href="su-kien.ics"' in page


def test_an_event_is_listed_until_its_last_day_and_never_when_cancelled_or_done() -> None:
    activities = PLAN.content.activities
    latest = max((r for r in activities if r.activity.status == "planned"), key=lambda r: r.activity.last_day)
    last_day = latest.activity.last_day
    assert latest.activity.key in events_in(calendar_ics(PLAN, last_day))
    assert latest.activity.key not in events_in(calendar_ics(PLAN, last_day + dt.timedelta(days=1)))
    earliest = min(r.activity.start for r in activities)
    listed = events_in(calendar_ics(PLAN, earliest))
    assert all(r.activity.status == "planned" for r in activities if r.activity.key in listed)
    assert any(r.activity.status == "cancelled" for r in activities)


def test_each_language_has_an_atom_feed_of_its_own_pages(kit_site: Path) -> None:
    for code, site in PLAN.sites.items():
        feed = ET.parse(kit_site / site.prefix / "feed.xml").getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.find(f"{ATOM}id").text == PLAN.site_url + site.prefix
        entries = feed.findall(f"{ATOM}entry")
        for entry in entries:
            for required in ("id", "title", "updated", "link"):
                assert entry.find(f"{ATOM}{required}") is not None, required
            dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
            href = entry.find(f"{ATOM}link").get("href")
            assert href.startswith(PLAN.site_url + site.prefix)
        news = [item for item in PLAN.content.items("news") if PLAN.content.page(item.src_uri, code)]
        hrefs = {entry.find(f"{ATOM}link").get("href") for entry in entries}
        assert {PLAN.url(item.src_uri, code) for item in news} <= hrefs
        if code == PLAN.reference.code:
            assert any("su-kien/" in href for href in hrefs)


def test_text_with_markup_reaches_the_feed_and_the_calendar_as_text() -> None:
    """What an agency typed (quotes, <, &, a new line) is escaped by the serializers, never markup."""
    latest = max(PLAN.content.activities, key=lambda recorded: recorded.activity.start)
    title = "Đối thoại <b>“Vì người nghèo”</b> & <script>alert(1)</script>"
    odd = dataclasses.replace(latest, activity=latest.activity.model_copy(update={"title": title, "key": "la"}))
    plan = dataclasses.replace(PLAN, content=dataclasses.replace(PLAN.content, activities=[odd]))
    today = odd.activity.start
    feed = ET.fromstring(atom_feed(plan, PLAN.reference.code, today).encode("utf-8"))
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert title in titles
    events = list(Calendar.from_ical(calendar_ics(plan, today)).walk("VEVENT"))
    assert [str(event["SUMMARY"]) for event in events] == [title]
