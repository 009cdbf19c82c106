"""The events page (reference language): activities still to come (dialogues, trainings, talks),
soonest first, with the calendar file and the feed to subscribe to (campaign_kit.feeds)."""

from __future__ import annotations

import datetime as dt
from html import escape

from ..model.activities import Activity, Recorded, activity_forms, unit_names
from ..model.campaign import Campaign
from ..model.sections import EVENTS_URI, REPORTS_INDEX, href
from .context import Context
from .items import notice
from .page import SitePage
from .reports import head, in_reference, report_pages_exist

CALENDAR = EVENTS_URI.replace("index.md", "su-kien.ics")  # under the reference language's root
FEED = "feed.xml"  # under each language's root
EVENTS_TITLE = "Sự kiện sắp tới"


def coming_events(activities: list[Recorded], today: dt.date) -> list[Recorded]:
    """Activities still to come: planned, and not over by `today`, soonest first."""
    return [r for r in activities if r.activity.status == "planned" and r.activity.last_day >= today]


def event_place(campaign: Campaign, activity: Activity) -> str:
    where = unit_names(campaign)[activity.unit] if activity.unit else campaign.site.province
    return f"{activity.place}, {where}" if activity.place else where


def event_description(campaign: Campaign, activity: Activity) -> str:
    agency = campaign.agencies[campaign.default_language][activity.agency].name
    return f"{activity_forms(campaign)[activity.form].name}. {agency}."


def events_page(ctx: Context, today: dt.date | None = None) -> dict[str, SitePage]:
    if not report_pages_exist(ctx):
        return {}
    words = in_reference(ctx)
    events = coming_events(ctx.content.activities, today or ctx.content.today)
    page = head(ctx, EVENTS_URI, EVENTS_TITLE, "Đối thoại, tập huấn, nói chuyện chuyên đề sắp diễn ra.")
    out = []
    if any(recorded.activity.sample for recorded in events):
        out.append(notice(ctx, "campaign-sample", ctx.strings.sample_title, escape(ctx.strings.sample_text)))
    if not events:
        out.append("<p>Chưa có sự kiện sắp tới.</p>\n\n")
    items = []
    for recorded in events:
        activity = recorded.activity
        when = words.date(activity.start)
        if activity.end and activity.end != activity.start:
            when += f" – {words.date(activity.end)}"
        items.append(
            f'<li id="{activity.key}"><strong>{escape(activity.title)}</strong><br>'
            f'<time datetime="{activity.start.isoformat()}">{escape(when)}</time> · '
            f"{escape(event_place(ctx.campaign, activity))}<br>"
            f"<small>{escape(event_description(ctx.campaign, activity))}</small></li>"
        )
    if items:
        out.append(f'<ul class="campaign-events">{"".join(items)}</ul>\n\n')
    out.append(
        '<p><a href="su-kien.ics">Thêm các sự kiện vào lịch của điện thoại (tệp .ics)</a> · '
        f'<a href="../{FEED}">Theo dõi tin tức và sự kiện (Atom)</a> · '
        f'<a href="{href(EVENTS_URI, REPORTS_INDEX)}">Kết quả đã thực hiện</a></p>\n'
    )
    return {EVENTS_URI: page.add("".join(out))}
