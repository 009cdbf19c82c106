"""The report pages (reference language): one per periodic report of the plan (first half-year,
whole year) of every year with activities, and their index. Every number comes from
`reports.totals.compute`, which the PDF, the CSV and the XLSX also print."""

from __future__ import annotations

import datetime as dt
from html import escape

from ..model.sections import REPORTS_FOLDER, REPORTS_INDEX
from ..reports.charts import bar_chart
from ..reports.html import breakdown_table, has_samples, not_done_list, summary_html, totals_table
from ..reports.totals import Report, compute, plan_periods
from ..slugs import slug
from .context import Context
from .items import fallback_notice, notice
from .page import PageMeta, SitePage

REPORTS_TITLE = "Kết quả thực hiện Kế hoạch truyền thông"
CHARTS = (("hinh-thuc", "by_form", "done", "Hoạt động đã thực hiện, theo hình thức"),
          ("don-vi", "by_unit", "reached", "Người được tiếp cận, theo đơn vị"))  # fmt: skip


def report_uri(report: Report) -> str:
    return f"{REPORTS_FOLDER}/{slug(report.period.name)}.md"


def site_reports(ctx: Context, today: dt.date | None = None) -> list[Report]:
    """The reports the site publishes (none before the first activity)."""
    today = today or ctx.content.today
    return [compute(ctx.content, period) for period in plan_periods(ctx.content.activities, today)]


def report_pages_exist(ctx: Context) -> bool:
    """Report pages exist once an activity is recorded; in every language, where they are shown in
    the reference language (activities are recorded in it) with the note that says so."""
    return bool(ctx.content.activities)


def in_reference(ctx: Context) -> Context:
    """The context that writes the pages' words, numbers and dates: the reference language's."""
    return ctx if ctx.is_reference else Context(ctx.content, ctx.campaign.language(ctx.campaign.default_language))


def head(ctx: Context, here: str, title: str, summary: str) -> SitePage:
    """Front matter and title; in another language, marked as the reference language's, with its note."""
    fallback = not ctx.is_reference
    language = ctx.campaign.default_language if fallback else None
    body = f"# {title}\n\n" + (fallback_notice(ctx, here) if fallback else "")
    return SitePage(PageMeta(title, summary, content_language=language), body)


def report_pages(ctx: Context) -> dict[str, SitePage]:
    if not report_pages_exist(ctx):
        return {}
    reports = site_reports(ctx)
    links = "".join(
        f'<li><a href="{slug(report.period.name)}/">{escape(report.period.name.capitalize())}</a></li>'
        for report in reports
    )
    intro = escape(ctx.campaign.plans[ctx.campaign.default_language].reporting.text)
    summary = "Báo cáo định kỳ 6 tháng và cả năm, từ các hoạt động đã ghi nhận."
    index = head(ctx, REPORTS_INDEX, REPORTS_TITLE, summary)
    pages = {REPORTS_INDEX: index.add(f"<p>{intro}</p>\n\n<ul>{links}</ul>\n")}
    for report in reports:
        pages[report_uri(report)] = _report_page(ctx, report)
    return pages


def _report_page(ctx: Context, report: Report) -> SitePage:
    words = in_reference(ctx)
    language = words.language
    title = f"Báo cáo {report.period.name}"
    page = head(ctx, report_uri(report), title, report.title)
    out = [f"<p><strong>{escape(report.title)}</strong></p>\n\n"]
    if has_samples(report):
        out.append(notice(ctx, "campaign-sample", ctx.strings.sample_title, escape(ctx.strings.sample_text)))
    out.append("## Kết quả chung\n\n" + summary_html(report, language) + "\n" + totals_table(report, language) + "\n")
    for name, _attribute, _measure, caption in CHARTS:
        out.append(f'<p><img src="{name}.svg" alt="{escape(caption)} (số liệu trong bảng dưới)"></p>\n\n')
    for _key, heading, groups in report.breakdowns:
        out.append(f"## {heading}\n\n" + breakdown_table(groups, language, heading.removeprefix("Theo ").capitalize()))
        out.append("\n")
    out.append("## Hoạt động chưa thực hiện hoặc hủy\n\n" + not_done_list(report, words.date) + "\n")
    return page.add("".join(out))


def report_charts(ctx: Context) -> dict[str, str]:
    """{path under the site root: SVG} of every chart the report pages show."""
    if not ctx.content.activities:
        return {}
    palette = ctx.campaign.site.palette
    charts = {}
    for report in site_reports(ctx):
        folder = report_uri(report)[:-3]
        for name, attribute, measure, caption in CHARTS:
            charts[f"{folder}/{name}.svg"] = bar_chart(
                getattr(report, attribute), measure, caption, palette.primary, in_reference(ctx).language
            )
    return charts
