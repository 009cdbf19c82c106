"""Community-meeting kits (nói chuyện chuyên đề, đối thoại chính sách): for each policy group, a talk sheet for
the speaker (A4, two sides), a 16:9 slide deck (one idea a slide, the finder's QR code on the last) and an
attendance and feedback sheet (A4), written from the same pages, figures and FAQ as the site.

Rendering reuses the print kit's templates, fonts, QR codes, overflow check and reproducible names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from weasyprint import HTML, Document

from ..catalogue import content_date
from ..formatting import format_reading
from ..model.campaign import PolicyGroup
from ..model.content import Page
from ..model.placeholders import Placeholder, find_placeholders
from ..model.schema import Strict, Text
from ..model.sections import FINDER_URI, legal_uri
from ..model.yamlfile import load_validated
from ..pages.blocks import expand
from ..pages.context import Context, inline_html
from ..reports.totals import MEASURES, REACHED_COUNTS
from ..siteplan import SitePlan
from .colours import output_profile
from .layout import PrintError, overflowing_blocks
from .qr import qr_svg
from .render import DRAFT_MARK, font_faces, names_from, templates

FOLDER = "hop-dan"  # the kits' folder in the print kit
WORDS_FILE = "meeting.yml"
A4 = (210.0, 297.0)
SLIDE = (254.0, 142.875)  # 16:9, the size of a 10-inch presentation slide
TALK_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)  # body type of the talk sheet (pt), largest that fits
SLIDE_PT = 26.0
SLIDE_ITEMS = 3  # bullets on one slide at most: one idea a slide
SLIDE_URL_BLOCK = "địa chỉ dưới mã QR"  # the last slide's URL, named when it does not fit on one line
FAQ_COUNT = 5


class KitNames(Strict):
    talk: Text
    slides: Text
    attendance: Text


class MeetingWords(Strict):
    folder_title: Text
    talk_title: Text
    talk_intro: Text
    figures_title: Text
    figure_line: Text
    faq_title: Text
    where_title: Text
    slides_last: Text
    attendance_title: Text
    attendance_fields: list[Text]
    counts_title: Text
    questions_title: Text
    requests_title: Text
    signature: Text
    kit_names: KitNames  # in file names
    kit_labels: KitNames  # in the overview


@dataclass(frozen=True)
class KitFile:
    """One file of hop-dan/ as the overview lists it."""

    file: str
    title: str
    kind: str  # what it is (kit_labels of campaign/meeting.yml)
    pages: int
    bytes: int


class Kits:
    def __init__(self, plan: SitePlan, fonts_dir: Path, *, production: bool) -> None:
        self.plan = plan
        self.content = plan.content
        campaign = self.content.campaign
        self.ctx = Context(self.content, campaign.language(campaign.default_language))
        self.words = load_validated(campaign.root / WORDS_FILE, MeetingWords)
        self.fonts_dir = fonts_dir
        self.draft = "" if production else DRAFT_MARK
        self.profile = output_profile(campaign).resolve().as_uri()  # the slides' QR code is black ink
        fonts = font_faces(campaign, self.ctx.language.code, fonts_dir)
        self.common = {
            "language": self.ctx.language.code,
            "fonts": fonts,
            "families": ", ".join(dict.fromkeys(f'"{font["family"]}"' for font in fonts)),
            "cmyk_profile": "",
            "content_date": content_date(self.content).isoformat(),
            "draft": self.draft,
            "words": self.words,
        }

    def groups(self) -> list[PolicyGroup]:
        return self.content.campaign.policy_groups[self.ctx.language.code]

    def policies(self, group: PolicyGroup) -> list[Page]:
        return [policy for policy in self.content.items("policy") if policy.meta.group == group.key]

    def stem(self, group: PolicyGroup, kind: str) -> str:
        return f"{FOLDER}_{group.key}_{getattr(self.words.kit_names, kind)}"

    # --- words ---------------------------------------------------------------------------------------

    def _inline(self, policy: Page, text: str) -> Markup:
        return Markup(inline_html(expand(self.ctx, policy.src_uri, text)))

    def figures(self, group: PolicyGroup) -> list[str]:
        """Each figure the group's pages use, as those pages show it on the print date (with the next
        value when it is announced), and the act it comes from."""
        campaign = self.content.campaign
        found: dict[tuple[str, str | None], tuple[Page, Placeholder]] = {}
        for policy in self.policies(group):
            page = self.ctx.page(policy.src_uri)
            texts = [page.body, *(item for items in page.meta.key_points.sections() for item in items)]
            for text in texts:
                for placeholder in find_placeholders(text):
                    if placeholder.kind == "figure":
                        found.setdefault((placeholder.name, placeholder.on), (policy, placeholder))
        lines = []
        for policy, placeholder in found.values():
            figure = campaign.figures[placeholder.name]
            reading = self.content.figure(placeholder, policy.src_uri)
            if reading.current is None:
                continue  # only announced: the value line of the page says when it starts
            act = legal_uri(reading.current.source)
            citation = self.ctx.citation(self.ctx.page(act)) if act in self.content.pages else reading.current.source
            value = format_reading(figure, reading, self.ctx.language, self.ctx.strings)
            lines.append(self.words.figure_line.format(label=figure.label, value=value, citation=citation))
        return lines

    def faq(self, group: PolicyGroup) -> list[tuple[str, Markup]]:
        """FAQ_COUNT questions with their short answers: those about the group's policies first."""
        keys = {policy.key for policy in self.policies(group)}
        entries = self.content.items("faq")
        related = [entry for entry in entries if keys & set(entry.meta.related)]
        chosen = (related + [entry for entry in entries if entry not in related])[:FAQ_COUNT]
        return [
            (self.ctx.page(e.src_uri).meta.title, self._inline(e, self.ctx.page(e.src_uri).meta.summary or ""))
            for e in chosen
        ]

    def where(self, group: PolicyGroup) -> list[Markup]:
        lines: dict[Markup, None] = {}
        for policy in self.policies(group):
            for line in self.ctx.page(policy.src_uri).meta.key_points.where:
                lines[self._inline(policy, line)] = None
        return list(lines)

    # --- products ------------------------------------------------------------------------------------

    def _render(
        self, template: str, size: tuple[float, float], margin: float, font_size: float, **context: object
    ) -> Document:
        html = (
            templates()
            .get_template(template)
            .render(
                {
                    **self.common,
                    "width_mm": size[0],
                    "height_mm": size[1],
                    "margin_mm": margin,
                    "font_size": font_size,
                    **context,
                }
            )
        )
        return HTML(string=html, base_url=str(self.fonts_dir)).render()

    def talk(self, group: PolicyGroup) -> Document:
        """The speaker's sheet: two A4 sides at the largest body size that fits."""
        policies = []
        for policy in self.policies(group):
            page = self.ctx.page(policy.src_uri)
            sections = page.meta.key_points.sections()
            questions = [
                (question, [self._inline(policy, item) for item in items])
                for question, items in zip(self.ctx.strings.policy_sections, sections, strict=True)
            ][:3]  # where to ask: once for the group, below
            policies.append({"title": page.meta.title, "summary": page.meta.summary, "questions": questions})
        context = {
            "title": self.words.talk_title.format(group=group.title),
            "policies": policies,
            "figures": self.figures(group),
            "faq": self.faq(group),
            "where": self.where(group),
        }
        for size in TALK_SIZES:
            document = self._render("talk.html.j2", A4, 14, size, **context)
            if len(document.pages) <= 2:
                return document
        smallest = TALK_SIZES[-1]
        raise PrintError(
            f"{self.stem(group, 'talk')}.pdf: nội dung cần hơn hai mặt A4, kể cả ở cỡ chữ {smallest:g} pt."
        )

    def slides(self, group: PolicyGroup) -> Document:
        """One idea a slide: a policy's summary, then each question with at most SLIDE_ITEMS of its points
        (fewer when they do not fit), and the finder's QR code on the last slide."""
        for per_slide in range(SLIDE_ITEMS, 0, -1):
            slides = self._slides(group, per_slide)
            document = self._render(
                "slides.html.j2",
                SLIDE,
                10,
                SLIDE_PT,
                slides=slides,
                title=group.title,
                cmyk_profile=self.profile,
                url_block=SLIDE_URL_BLOCK,
            )
            over = overflowing_blocks(document)
            if SLIDE_URL_BLOCK in over:  # fewer points a slide would not help: the URL is too long for a line
                raise PrintError(
                    f"{self.stem(group, 'slides')}.pdf: {SLIDE_URL_BLOCK} không vừa một dòng của trang chiếu. "
                    "Cần rút ngắn địa chỉ trang (site_url)."
                )
            if not over and len(document.pages) == len(slides):
                return document
        where = f"khung “{over[0]}”" if over else "trang"
        raise PrintError(f"{self.stem(group, 'slides')}.pdf: chữ tràn {where}, kể cả khi mỗi trang một ý.")

    def _slides(self, group: PolicyGroup, per_slide: int) -> list[dict[str, object]]:
        slides: list[dict[str, object]] = [{"heading": group.title, "text": group.question or ""}]
        for policy in self.policies(group):
            page = self.ctx.page(policy.src_uri)
            slides.append({"heading": page.meta.title, "text": page.meta.summary})
            for question, items in zip(self.ctx.strings.policy_sections, page.meta.key_points.sections(), strict=True):
                said = [self._inline(policy, item) for item in items]
                for start in range(0, len(said), per_slide):
                    slides.append({"heading": question, "points": said[start : start + per_slide]})
        url = self.plan.short_url(FINDER_URI, self.ctx.language.code)
        last = {"heading": self.words.slides_last, "text": self.ctx.strings.map.leaflet_where}
        slides.append({**last, "qr": Markup(qr_svg(url)), "url": url})
        return [{"text": "", "points": [], "qr": None, "url": "", **slide} for slide in slides]

    def attendance(self, group: PolicyGroup) -> Document:
        audiences = sorted(
            {key for policy in self.policies(group) for key in policy.meta.audiences},
            key=list(self.ctx.strings.audiences).index,
        )
        # The counts of an activity record (campaign/activities/), so the sheet's totals are typed into one as
        # they are, then the meeting's audiences.
        headings = dict(MEASURES)
        counts = [headings[name] for name in REACHED_COUNTS]
        counts += [self.ctx.strings.audiences[key] for key in audiences]
        title = self.words.attendance_title.format(group=group.title)
        document = self._render(
            "attendance.html.j2", A4, 14, 12, title=title, counts=counts, question_lines=7, request_lines=4
        )
        if len(document.pages) != 1:
            raise PrintError(f"{self.stem(group, 'attendance')}.pdf: phiếu điểm danh cần đúng một trang A4.")
        return document


def write_kits(
    plan: SitePlan,
    out_dir: Path,
    fonts_dir: Path,
    *,
    production: bool,
    groups: set[str] | None = None,
    only: str = "",
) -> list[KitFile]:
    """Write hop-dan/ under `out_dir`: the three files of each policy group that has policies
    (`groups`: only these groups' kits, None: all; `only`: the files whose name holds this text)."""
    kits = Kits(plan, fonts_dir, production=production)
    folder = out_dir / FOLDER
    files = []
    makers: dict[str, Callable[[PolicyGroup], Document]] = {
        "talk": kits.talk,
        "slides": kits.slides,
        "attendance": kits.attendance,
    }
    for group in kits.groups():
        if not kits.policies(group) or (groups is not None and group.key not in groups):
            continue
        for kind, make in makers.items():
            stem = kits.stem(group, kind)
            if only not in stem:
                continue
            document = make(group)
            with names_from(stem):
                pdf = document.write_pdf()
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{stem}.pdf").write_bytes(pdf)
            label = getattr(kits.words.kit_labels, kind)
            files.append(KitFile(f"{FOLDER}/{stem}.pdf", group.title, label, len(document.pages), len(pdf)))
    return files
