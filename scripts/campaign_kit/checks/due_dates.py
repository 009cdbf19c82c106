"""What changes soon: every date-bound fact due within the notice window of the build date (a
figure's new value, an act that stops applying), with the pages and print products that show it.
`make check` prints them as warnings, so the office knows before readers see the change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.content import Content, Page
from ..model.figures import due_changes, number, span
from ..model.placeholders import find_placeholders
from ..model.schema import LegalDocumentMeta, PolicyMeta


@dataclass(frozen=True)
class DueItem:
    day: dt.date  # the first day of the change
    what: str
    pages: list[str]  # files under docs/ that show it
    products: list[str]  # print subjects (policy groups) that carry it


def due_items(content: Content) -> list[DueItem]:
    campaign = content.campaign
    window = campaign.notice_days
    items = []
    for change in due_changes(campaign.figures, content.today, window):
        pages = [page for page in _all_pages(content) if _shows_today(content, page, change.key)]
        after = (
            f"{number(change.upcoming.value)} {span(change.upcoming)}, theo {change.upcoming.source}"
            if change.upcoming
            else "hết áp dụng, chưa có mức mới"
        )
        items.append(
            DueItem(
                change.day,
                f"số liệu “{change.key}” ({change.figure.label}): {number(change.current.value)} → {after}",
                sorted(_name(content, page) for page in pages),
                sorted({page.meta.group for page in pages if isinstance(page.meta, PolicyMeta)}),
            )
        )
    for act in content.items("legal"):
        meta = act.meta
        if not isinstance(meta, LegalDocumentMeta) or meta.in_force_until is None:
            continue
        ends = meta.in_force_until + dt.timedelta(days=1)
        if content.today < ends and (ends - content.today).days <= window:
            citing = [
                page
                for page in _all_pages(content)
                if isinstance(page.meta, PolicyMeta) and act.key in [ref.doc for ref in page.meta.legal_basis]
            ]
            items.append(
                DueItem(
                    ends,
                    f"văn bản “{act.key}” ({meta.number}) hết áp dụng từ ngày {ends:%d/%m/%Y}"
                    + (f", thay bằng {meta.replaced_by}" if meta.replaced_by else ""),
                    sorted(_name(content, page) for page in citing),
                    sorted({page.meta.group for page in citing if isinstance(page.meta, PolicyMeta)}),
                )
            )
    return sorted(items, key=lambda item: (item.day, item.what))


def _all_pages(content: Content) -> list[Page]:
    return [page for languages in content.pages.values() for page in languages.values()]


def _shows_today(content: Content, page: Page, key: str) -> bool:
    """Whether the page shows the figure's value of today (not pinned, not a dated page's own)."""
    if content.page_date(page) is not None:
        return False
    texts = [page.body, *(value for _line, value in page.front_values())]
    return any(p.kind == "figure" and p.name == key and p.on is None for t in texts for p in find_placeholders(t))


def _name(content: Content, page: Page) -> str:
    return page.path.relative_to(content.docs_dir.parent).as_posix()
