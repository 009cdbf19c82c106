"""What a reader can subscribe to: the coming events (activities not yet held: dialogues,
trainings, talks) as an iCalendar file (RFC 5545, written with the icalendar package), and
the news and events of each language as an Atom feed (RFC 4287, written with the standard
library's ElementTree: every text escaped by the serializer, nothing concatenated).

Both are made from the content model, like the pages; the build writes them as files of the
site. Activities are recorded in the reference language, so events are in its feed only;
news pages are in each language's feed where they are translated.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from .model.schema import DatedMeta
from .pages.events import CALENDAR, EVENTS_URI, FEED, coming_events, event_description, event_place
from .siteplan import SitePlan

FEED_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"
ZONE = dt.timezone(dt.timedelta(hours=7))  # the campaign's dates are Vietnamese days


def calendar_ics(plan: SitePlan, today: dt.date) -> str:
    """Every coming event as an all-day VEVENT; UIDs stay the same from build to build."""
    campaign = plan.content.campaign
    reference = plan.reference.code
    host = urlsplit(plan.site_url).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", f"-//{campaign.site.site_name}//{host}//{reference.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Sự kiện - {campaign.site.site_name}")
    page = plan.url(EVENTS_URI, reference)
    for recorded in coming_events(plan.content.activities, today):
        activity = recorded.activity
        event = Event()
        event.add("uid", f"{activity.key}@{host}")
        event.add("dtstamp", dt.datetime.combine(activity.reported_on, dt.time(), dt.UTC))
        event.add("dtstart", activity.start)
        event.add("dtend", activity.last_day + dt.timedelta(days=1))  # DTEND of a date is exclusive
        event.add("summary", activity.title)
        event.add("location", event_place(campaign, activity))
        event.add("description", event_description(campaign, activity))
        event.add("url", page)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def atom_feed(plan: SitePlan, language: str, today: dt.date) -> str:
    """The language's news (newest first) and, in the reference language, its coming events."""
    content = plan.content
    campaign = content.campaign
    strings = campaign.strings[language]
    entries: list[tuple[dt.date, str, str, str, str]] = []  # (updated, id, title, url, summary)
    for item in content.items("news")[:FEED_ENTRIES]:
        page = content.page(item.src_uri, language)
        if page is None or not isinstance(page.meta, DatedMeta):
            continue
        url = plan.url(item.src_uri, language)
        entries.append((item.meta.date, url, page.meta.title, url, page.meta.summary or ""))
    if language == plan.reference.code:
        page = plan.url(EVENTS_URI, language)
        for recorded in coming_events(content.activities, today):
            activity = recorded.activity
            summary = (
                f"{activity.start:%d/%m/%Y}, {event_place(campaign, activity)}. {event_description(campaign, activity)}"
            )
            entries.append((activity.reported_on, f"{page}#{activity.key}", activity.title, page, summary))
    entries.sort(key=lambda entry: entry[0], reverse=True)
    home = plan.site_url + plan.sites[language].prefix
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": language})
    ET.SubElement(feed, "id").text = home
    ET.SubElement(feed, "title").text = strings.site_name or campaign.site.site_name
    ET.SubElement(feed, "updated").text = _stamp(entries[0][0] if entries else dt.date(campaign.site.year, 1, 1))
    ET.SubElement(feed, "link", {"rel": "self", "href": home + FEED})
    ET.SubElement(feed, "link", {"rel": "alternate", "href": home})
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = campaign.site.owner
    for updated, key, title, url, summary in entries:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = key
        ET.SubElement(entry, "title").text = title
        ET.SubElement(entry, "updated").text = _stamp(updated)
        ET.SubElement(entry, "link", {"rel": "alternate", "href": url})
        ET.SubElement(entry, "summary").text = summary
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _stamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), ZONE).isoformat()


def feed_assets(plan: SitePlan, language: str, today: dt.date | None = None) -> dict[str, str]:
    """{path under the language's root: text} of the language's feeds."""
    today = today or plan.content.today
    assets = {FEED: atom_feed(plan, language, today)}
    if plan.content.activities:  # beside the events page of every language (in the reference language)
        assets[CALENDAR] = calendar_ics(plan, today)
    return assets
