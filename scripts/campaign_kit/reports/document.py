"""The report as an administrative document (the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I):
the issuing body over its number, the national name and motto over the place and date, the
title, the body, the recipients and the signature block. The number, the date and the
signature are left blank for the office's clerk (văn thư): they are given when it is signed.

WeasyPrint, as the print kit; A4 portrait, margins of the decree (top and bottom 20 mm,
left 30 mm, right 15 mm), the campaign's vendored Latin fonts.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from weasyprint import HTML

from ..formatting import format_date
from ..model.campaign import Campaign
from .html import SAMPLE_NOTE, breakdown_table, has_samples, not_done_list, summary_html, totals_table
from .totals import Report

STYLE = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm;
  @bottom-center { content: counter(page); font-size: 11pt; } }
body { font-family: %(families)s; font-size: 13pt; line-height: 1.35; }
.campaign-sample { border: 1pt solid #000; padding: 2mm; font-weight: 700; text-indent: 0; }
.header { width: 100%%; border-collapse: collapse; margin-bottom: 6mm; table-layout: fixed; }
.header td:first-child { width: 45%%; } .header td:last-child { width: 55%%; }
.header td { vertical-align: top; text-align: center; font-size: 11pt; padding: 0; }
.header .body-name { font-weight: 700; }
.header .motto { font-weight: 700; text-decoration: underline; }
.header .place { font-style: italic; margin-top: 3mm; }
h1 { font-size: 14pt; text-align: center; margin: 6mm 0 0; }
.subject { font-weight: 700; text-align: center; margin: 1mm 0 6mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; }
p { text-align: justify; text-indent: 10mm; margin: 0 0 2mm; }
table.campaign-report-totals, table.campaign-report-breakdown { border-collapse: collapse; width: 100%%;
  font-size: 10.5pt; margin-bottom: 3mm; page-break-inside: auto; }
.campaign-report-totals th, .campaign-report-totals td, .campaign-report-breakdown th, .campaign-report-breakdown td {
  border: 0.5pt solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.campaign-report-breakdown thead th { text-align: center; }
td.campaign-num { text-align: right; white-space: nowrap; }
small { font-size: 9pt; }
tr { page-break-inside: avoid; }
.footer { width: 100%%; margin-top: 6mm; border-collapse: collapse; page-break-inside: avoid; }
.footer td { vertical-align: top; width: 50%%; font-size: 11pt; padding: 0; }
.footer .recipients-title { font-weight: 700; font-style: italic; font-size: 12pt; }
.footer .sign { text-align: center; font-size: 13pt; }
"""


def report_html(report: Report, campaign: Campaign) -> str:
    title = report.title
    language = campaign.language(campaign.default_language)
    strings = campaign.strings[language.code]
    agencies = campaign.agencies[language.code]
    plan = campaign.plans[language.code]
    superior = agencies[plan.issuer].name.upper()
    families = ", ".join(dict.fromkeys(f'"{font.family}"' for font in campaign.fonts if font.script == "latin"))
    faces = "".join(
        f'@font-face {{ font-family: "{font.family}"; font-weight: {font.weight}; font-style: {font.style};'
        f' src: url("{font.file}"); }}\n'
        for font in campaign.fonts
        if font.script == "latin"
    )
    parts = [
        f"<!doctype html><html lang='{language.code}'><head><meta charset='utf-8'><title>{escape(title)}</title>",
        f"<style>{faces}{STYLE % {'families': families}}</style></head><body>",
        '<table class="header"><tr><td>',
        f"<div>{escape(superior)}</div><div class='body-name'>{escape(report.issuer.upper())}</div>",
        "<div>Số: ……/BC-……</div></td><td>",
        "<div class='body-name'>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>",
        "<div class='motto'>Độc lập - Tự do - Hạnh phúc</div>",
        f"<div class='place'>{escape(report.province)}, ngày …… tháng …… năm ……</div></td></tr></table>",
        "<h1>BÁO CÁO</h1>",
        f"<div class='subject'>{escape(title)}</div>",
    ]
    if has_samples(report):
        parts.append(f"<p class='campaign-sample'>{escape(SAMPLE_NOTE)}</p>")
    parts.append("<h2>I. KẾT QUẢ CHUNG</h2>")
    parts.append(summary_html(report, language))
    parts.append(totals_table(report, language))
    for number, (_key, heading, groups) in enumerate(report.breakdowns, 2):
        parts.append(f"<h2>{_roman(number)}. {escape(heading.upper())}</h2>")
        parts.append(breakdown_table(groups, language, heading.removeprefix("Theo ").capitalize()))
    parts.append(f"<h2>{_roman(len(report.breakdowns) + 2)}. HOẠT ĐỘNG CHƯA THỰC HIỆN HOẶC HỦY</h2>")
    parts.append(not_done_list(report, lambda day: format_date(day, language, strings)))
    recipients = "".join(f"<div>- {escape(name)};</div>" for name in report.recipients)
    parts.append(
        '<table class="footer"><tr><td><div class="recipients-title">Nơi nhận:</div>'
        f"{recipients}<div>- Lưu: VT.</div></td>"
        '<td class="sign"><div><strong>THỦ TRƯỞNG CƠ QUAN</strong></div>'
        "<div><em>(Ký, ghi rõ họ tên, đóng dấu)</em></div></td></tr></table>"
    )
    parts.append("</body></html>")
    return "".join(parts)


def _roman(number: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[number - 1]


def write_pdf(report: Report, campaign: Campaign, path: Path, fonts_dir: Path) -> None:
    html = report_html(report, campaign)
    HTML(string=html, base_url=fonts_dir.resolve().as_uri() + "/").write_pdf(path)
