"""`docs/`: every Markdown page, loaded, validated and cross-checked.

This is the one place that reads content. The site, print and checks all take
a `Content` from `load_content` and never parse a page themselves. Loading
only parses and validates (schema and cross-references): the contribution gate
(`campaign_kit.checks`) runs on the loaded `Content` afterwards.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..slugs import is_slug
from .activities import Recorded, load_activities
from .campaign import Campaign, Slogan
from .errors import Problems
from .figures import Reading, number, read_figure, span
from .limits import beyond_limits
from .placeholders import BLOCKS, SITE_FIELDS, Placeholder, fill_site, find_placeholders
from .placeholders import PATTERN as PLACEHOLDER
from .schema import DatedMeta, FaqMeta, LegalDocumentMeta, OrderedMeta, PageMeta, PolicyMeta
from .sections import BY_TYPE, PAGE_FOLDERS, is_known_place, legal_uri, section_of
from .tree import walk
from .validation import syntax_problem, validate
from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml, split_front_matter

MAX_PAGE_BYTES = 256 * 1024  # the longest page is 19 KB; a limit keeps every check (and Markdown) bounded
# Front-matter keys that never reach a reader (a translation's bookkeeping: its source and hash).
UNPUBLISHED_KEYS = frozenset({"translation"})
HEADING2 = re.compile(r"^##\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Page:
    """One Markdown file in one language, with its validated front matter."""

    src_uri: str  # path under docs/ of the reference-language page, e.g. "chinh-sach/bao-hiem-y-te.md"
    language: str
    path: Path
    content_type: str  # "page" or the content type of its section ("policy", "story", …)
    meta: PageMeta  # the schema model of the page's section
    body: str
    body_line: int
    front: YamlDocument  # the front matter as written, for the line of each key

    def line_of(self, *location: str | int) -> int:
        return self.front.line_of(location)

    def front_values(self) -> Iterator[tuple[int, str]]:
        """(line, text) of every value written in the front matter, as parsed: what reaches
        the page, its meta tags, listings and PDFs (dates and flags come back as text)."""
        shown = {key: value for key, value in self.front.data.items() if key not in UNPUBLISHED_KEYS}
        yield from _values(shown, (), self.front)

    @property
    def key(self) -> str:
        """File name without folder and extension: the page's key in cross-references."""
        return self.src_uri.rpartition("/")[2][:-3]

    @property
    def is_sample(self) -> bool:
        return bool(self.meta.sample)


def _values(data: Any, here: tuple[str | int, ...], front: YamlDocument) -> Iterator[tuple[int, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _values(value, (*here, key), front)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _values(value, (*here, index), front)
    elif data is not None:
        yield front.line_of(here), str(data)


@dataclass(frozen=True)
class SourceFile:
    """One Markdown file under docs/ as written, whether or not it became a page."""

    path: Path
    text: str | None  # None when the file is not UTF-8 (reported by the loader)
    page: Page | None  # None when its name or front matter could not be read
    # The body and its first line once the front matter is read and the body is within the limits
    # (`model.limits`), also when a front-matter value is wrong: the gate renders it like a page's.
    body: tuple[str, int] | None = None


@dataclass
class Content:
    campaign: Campaign
    docs_dir: Path
    # The build date: what is in force on it is what the site says of today (make site TODAY=…).
    today: dt.date = field(default_factory=dt.date.today)
    pages: dict[str, dict[str, Page]] = field(default_factory=lambda: defaultdict(dict))
    sources: list[SourceFile] = field(default_factory=list)
    activities: list[Recorded] = field(default_factory=list)  # campaign/activities/, by date
    _items: dict[str, list[Page]] = field(default_factory=dict, repr=False)

    def page(self, src_uri: str, language: str) -> Page | None:
        """The page in `language`, or None when it is not translated."""
        return self.pages.get(src_uri, {}).get(language)

    def reference(self, src_uri: str) -> Page:
        return self.pages[src_uri][self.campaign.default_language]

    def items(self, content_type: str) -> list[Page]:
        """Reference-language items of one content type, newest (or first in order) first.

        Computed once per type: pages are not added after loading, and every
        listing, block and district page asks for the same lists."""
        if content_type not in self._items:
            found = [
                languages[self.campaign.default_language]
                for languages in self.pages.values()
                if self.campaign.default_language in languages
                and languages[self.campaign.default_language].content_type == content_type
            ]
            self._items[content_type] = sorted(found, key=self._item_order)
        return self._items[content_type]

    def _item_order(self, page: Page) -> tuple[Any, ...]:
        """Policies by group (as listed in campaign/), then `order`; dated items newest first."""
        meta = page.meta
        if isinstance(meta, PolicyMeta):
            groups = [group.key for group in self.campaign.policy_groups[self.campaign.default_language]]
            return (groups.index(meta.group), meta.order, page.key)
        if isinstance(meta, OrderedMeta):
            return (0, meta.order, page.key)
        if isinstance(meta, DatedMeta):
            return (0, -meta.date.toordinal(), page.key)
        return (0, 0, page.key)

    def figure(self, placeholder: Placeholder, here: str) -> Reading:
        """A `{{ figure:… }}` of the page `here` (a src_uri; any other path speaks of today), as that
        page shows it: pinned to its day; on a news item, story or commendation, the value in force
        on the page's date; on an act's page, the value that act set; elsewhere the value in force
        on the build date, with the next one when it starts within the notice window."""
        figure = self.campaign.figures[placeholder.name]
        if placeholder.day is not None:
            return read_figure(figure, placeholder.day)
        page = self.pages.get(here, {}).get(self.campaign.default_language)
        meta = page.meta if page else None
        if isinstance(meta, LegalDocumentMeta):
            return read_figure(figure, self.today, notice_days=self.campaign.notice_days, act=page.key)
        if isinstance(meta, DatedMeta):
            return read_figure(figure, meta.date)
        return read_figure(figure, self.today, notice_days=self.campaign.notice_days)

    def current_slogans(self) -> list[Slogan]:
        """The slogans of movements still running on the build date: what new print and the site carry."""
        return [slogan for slogan in self.campaign.slogans if slogan.until is None or self.today <= slogan.until]

    def current_programme(self, language: str | None = None) -> str:
        """The name of the programme in force on the build date (the plan's own when none is listed), in
        `language` where its strings translate it."""
        site = self.campaign.site
        running = next((p for p in site.programmes if p.covers(self.today)), None)
        if running and language:
            return self.campaign.strings[language].programmes.get(running.act) or running.short_name
        return running.short_name if running else site.program

    def page_date(self, page: Page) -> dt.date | None:
        """The day a dated page (news, story, commendation, act) speaks of; None: it speaks of today."""
        reference = self.pages.get(page.src_uri, {}).get(self.campaign.default_language, page)
        return reference.meta.date if isinstance(reference.meta, DatedMeta) else None

    def samples(self) -> list[Page]:
        return sorted(
            (page for languages in self.pages.values() for page in languages.values() if page.is_sample),
            key=lambda page: page.path,
        )


def load_content(campaign: Campaign, docs_dir: Path, problems: Problems, today: dt.date | None = None) -> Content:
    """Load every page under `docs_dir` as of `today` (the build date; default: the real date),
    adding every mistake found to `problems`.

    Pages with a mistake of their own are left out of `pages` (but kept in
    `sources`, so the gate still reads their text)."""
    content = Content(campaign, docs_dir, today=today or campaign.site.today())
    codes = [language.code for language in campaign.languages]
    context = {
        "today": content.today,
        "now": campaign.site.today(),
        "units": [unit.key for unit in campaign.admin_map.units],
        "map_since": campaign.admin_map.since,
        "site_fields": {code: {name: campaign.site_field(name, code) for name in SITE_FIELDS} for code in codes},
        "districts": [district.key for district in campaign.districts],
        "policy_groups": [group.key for group in campaign.policy_groups[campaign.default_language]],
        "communes": {
            district.key: [former.key for former, _ in campaign.admin_map.communes_of(district.key)]
            for district in campaign.districts
        },
    }
    for path in walk(docs_dir).files:  # a symbolic link is never read (the gate refuses it)
        if path.suffix != ".md":
            continue
        raw = _read_page(path, problems)
        page, body = (None, None) if raw is None else _load_page(path, raw, docs_dir, codes, context, problems)
        content.sources.append(SourceFile(path, raw, page, body))
        if page is not None:
            content.pages[page.src_uri][page.language] = page
    _check_references(content, problems)
    _fill_figures_in_front_matter(content)
    content.activities = load_activities(campaign.root / "activities", campaign, problems, content.today)
    return content


def _read_page(path: Path, problems: Problems) -> str | None:
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        problems.add(
            path,
            1,
            f"bài dài quá giới hạn ({size // 1024} KB, tối đa {MAX_PAGE_BYTES // 1024} KB).",
            "Chia bài thành nhiều trang.",
        )
        return None
    return decode_utf8(path, path.read_bytes(), problems)


def decode_utf8(path: Path, data: bytes, problems: Problems) -> str | None:
    """The file's text with "\\n" line ends, or None (reported) when it is not UTF-8."""
    try:
        return data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        problems.add(
            path,
            data.count(b"\n", 0, error.start) + 1,
            "tệp không lưu ở bảng mã UTF-8, nên chữ tiếng Việt sẽ hiện sai.",
            "Mở tệp trong trình sửa của GitHub hoặc lưu lại với bảng mã UTF-8 (Unicode).",
        )
        return None


def _load_page(
    path: Path, raw: str, docs_dir: Path, codes: list[str], context: dict[str, Any], problems: Problems
) -> tuple[Page | None, tuple[str, int] | None]:
    relative = path.relative_to(docs_dir).as_posix()
    stem, _, suffix = path.name[:-3].rpartition(".")
    language = suffix if stem and suffix in codes[1:] else codes[0]
    name = stem if language != codes[0] else path.name[:-3]
    src_uri = relative if language == codes[0] else relative[: -len(path.name)] + name + ".md"
    parts = [*Path(src_uri).parent.parts, name]
    bad = [part for part in parts if not is_slug(part)]
    if bad:
        problems.add(
            path,
            1,
            f"tên tệp hoặc thư mục “{bad[0]}” phải viết thường, không dấu, nối bằng gạch ngang.",
            "Ví dụ: guong-thoat-ngheo/chi-tu-nuoi-bo.md",
        )
        return None, None
    if not is_known_place(src_uri):
        problems.add(
            path,
            1,
            f"trang “{src_uri}” nằm ngoài các thư mục của trang web, nên không được kiểm tra như một bài.",
            "Đặt trang ở đầu docs/ hoặc ngay trong một thư mục: " + ", ".join(f"{f}/" for f in PAGE_FOLDERS) + ".",
        )
        return None, None
    try:
        source = split_front_matter(raw)
    except YamlSyntaxError as error:
        lines = raw.split("\n")
        written = lines[error.line - 1] if 0 < error.line <= len(lines) else ""
        problems.add(path, error.line, *syntax_problem(written, str(error)))
        return None, None
    too_much = list(beyond_limits(source.body))
    for line, what in too_much:
        problems.add(
            path,
            source.body_line + line,
            f"bài có {what}: trang web không dựng được một bài như vậy.",
            "Chia đoạn, chia bài; xóa các dấu ngoặc vuông, dấu < thừa.",
        )
    if too_much:
        return None, None
    body = (source.body, source.body_line)
    if not source.meta.data:
        problems.add(
            path, 1, "thiếu phần đầu trang (front matter) giữa hai dòng ---.", "Xem mẫu trong CONTRIBUTING.md."
        )
        return None, body
    _fill_site_fields(source.meta.data, context["site_fields"][language])
    section = section_of(src_uri)
    schema = section.schema if section else PageMeta
    meta = validate(schema, source.meta, path, problems, context)
    if meta is None:
        return None, body
    content_type = section.content_type if section else "page"
    return Page(src_uri, language, path, content_type, meta, source.body, source.body_line, source.meta), body


def _fill_figures_in_front_matter(content: Content) -> None:
    """A title or summary saying `{{ figure:… }}` takes the value its page shows, as text: listings,
    meta descriptions, feeds, loudspeaker scripts and print read the front matter as written text.
    A placeholder the checks refused stays as written (its error stops the build)."""
    from ..formatting import format_reading  # formatting reads the model's types

    campaign = content.campaign

    def reading(page: Page, match: re.Match[str]) -> str:
        placeholder = Placeholder(match[1], match[2], 0, match[3])
        known = placeholder.kind == "figure" and placeholder.name in campaign.figures
        shown = content.figure(placeholder, page.src_uri) if known else None
        if shown is None or shown.current is None:
            return match[0]
        figure = campaign.figures[placeholder.name]
        return format_reading(figure, shown, campaign.language(page.language), campaign.strings[page.language])

    for languages in content.pages.values():
        for language, page in languages.items():
            filled = {
                name: PLACEHOLDER.sub(lambda match, page=page: reading(page, match), value)
                for name, value in dict(page.meta).items()
                if isinstance(value, str) and "{{" in value
            }
            if filled:
                languages[language] = replace(page, meta=page.meta.model_copy(update=filled))


def _fill_site_fields(data: Any, values: dict[str, str]) -> None:
    """Front-matter text saying `{{ site:… }}` takes the campaign's value in place, before validation:
    a title or summary reaches meta tags, listings and print as written text. Unknown names stay, and
    the cross-check reports them with their line."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in list(items):
        if isinstance(value, str):
            data[key] = fill_site(value, values)
        else:
            _fill_site_fields(value, values)


def _check_references(content: Content, problems: Problems) -> None:
    campaign = content.campaign
    # Keys of the files, not of the valid pages: a page with its own mistake is
    # reported once, not again by every page that links to it.
    legal = _keys_in(content.docs_dir / BY_TYPE["legal"].folder)
    policies = _keys_in(content.docs_dir / BY_TYPE["policy"].folder)
    for code, plan in campaign.plans.items():
        path = campaign.root / ("plan.yml" if code == campaign.default_language else f"plan.{code}.yml")
        cited = [(("implements", i), key) for i, key in enumerate(plan.implements)]
        cited += [(("cites", i, "doc"), c.doc) for i, c in enumerate(plan.cites) if c.doc]
        for location, key in cited:
            if key not in legal:
                message = f"Kế hoạch ({code}) dẫn văn bản “{key}” mà docs/van-ban/ không có."
                problems.add(path, yaml_line(path, location), message)
    site = campaign.root / "site.yml"
    for index, programme in enumerate(campaign.site.programmes):
        if programme.act not in legal:
            message = f"chương trình “{programme.short_name}” dẫn văn bản “{programme.act}” mà docs/van-ban/ không có."
            problems.add(site, yaml_line(site, ("programmes", index, "act")), message)
    standard = campaign.root / "poverty_standard.yml"
    for index, period in enumerate(campaign.poverty_standard.periods):
        if period.source not in legal:
            message = (
                f"chuẩn nghèo {period.first_year}–{period.last_year} dẫn văn bản “{period.source}”"
                " mà docs/van-ban/ không có."
            )
            problems.add(standard, yaml_line(standard, ("periods", index, "source")), message)
    for languages in content.pages.values():
        for page in languages.values():
            _check_page(content, page, legal, policies, problems)


def yaml_line(path: Path, location: tuple[str | int, ...]) -> int:
    """The line of `location` in a YAML file of campaign/ (already loaded, so it parses), else 1."""
    try:
        return parse_yaml(path.read_text(encoding="utf-8")).line_of(location)
    except (OSError, YamlSyntaxError):
        return 1


def _keys_in(folder: Path) -> set[str]:
    return {path.stem for path in folder.glob("*.md") if path.name != "index.md" and path.stem.count(".") == 0}


def _check_page(content: Content, page: Page, legal: set[str], policies: set[str], problems: Problems) -> None:
    campaign = content.campaign
    meta = page.meta
    if isinstance(meta, PolicyMeta):
        for index, ref in enumerate(meta.legal_basis):
            if ref.doc not in legal:
                problems.add(
                    page.path,
                    page.line_of("legal_basis", index),
                    f"căn cứ pháp lý “{ref.doc}” không có trong docs/van-ban/.",
                    "Ghi đúng tên tệp (không có .md) của một văn bản trong docs/van-ban/, hoặc thêm văn bản đó.",
                )
            else:
                _check_in_force(content, page, index, ref.doc, problems)
        _check_policy_headings(page, campaign.strings[page.language].policy_sections, problems)
    for index, related in enumerate(meta.related if isinstance(meta, FaqMeta) else []):
        if related not in policies:
            problems.add(
                page.path,
                page.line_of("related", index),
                f"chính sách liên quan “{related}” không có trong docs/chinh-sach/.",
                "Ghi đúng tên tệp (không có .md) của một trang trong docs/chinh-sach/.",
            )
    if meta.translation is not None and meta.translation.source != page.src_uri:
        problems.add(
            page.path,
            page.line_of("translation", "source"),
            f"bản dịch ghi nguồn “{meta.translation.source}” nhưng nằm cạnh “{page.src_uri}”.",
            f"Sửa thành source: {page.src_uri}",
        )
    if campaign.default_language not in content.pages.get(page.src_uri, {}):
        problems.add(
            page.path,
            1,
            "bản dịch không có trang tiếng Việt gốc bên cạnh.",
            f"Đặt bản dịch cạnh trang gốc, cùng tên: {page.src_uri} và {page.path.name}.",
        )
    known = {
        "figure": campaign.figures,
        "slogan": {slogan.key for slogan in campaign.slogans},
        "site": SITE_FIELDS,
        "contact": {contact.key for contact in campaign.contacts},
        "block": BLOCKS,
    }
    found = [(page.body_line + p.line, p) for p in find_placeholders(page.body)]
    found += [(line, p) for line, value in page.front_values() for p in find_placeholders(value)]
    for line, placeholder in found:
        names = known.get(placeholder.kind)
        if names is None or placeholder.name not in names:
            problems.add(
                page.path,
                line,
                f"không hiểu chỗ giữ chỗ “{{{{ {placeholder.kind}:{placeholder.name} }}}}”.",
                "Dùng figure:, slogan:, site:, contact: (sổ liên hệ campaign/contacts.yml) hoặc block:"
                " với một tên có trong campaign/.",
            )
        elif placeholder.kind == "figure":
            _check_figure_date(content, page, line, placeholder, problems)


def _check_figure_date(content: Content, page: Page, line: int, placeholder: Placeholder, problems: Problems) -> None:
    """A `{{ figure:… }}` has a value on the day its page speaks of (a pinned day must be real)."""
    if placeholder.on and placeholder.day is None:
        problems.add(page.path, line, f"ngày “{placeholder.on}” sau dấu @ không phải là một ngày có thật.")
        return
    reading = content.figure(placeholder, page.src_uri)
    if reading.current is not None or reading.upcoming is not None:
        return  # a value ended with none after it is shown with its end date (Reading.ends)
    figure = content.campaign.figures[placeholder.name]
    problems.add(
        page.path,
        line,
        f"số liệu “{placeholder.name}” ({figure.label}) không có mức nào vào ngày trang nói tới.",
        "Các mức của số liệu này: "
        + "; ".join(f"{number(p.value)} {span(p)}" for p in figure.periods)
        + ". Trang nói về quá khứ: viết {{ figure:"
        + placeholder.name
        + "@YYYY-MM-DD }} với một ngày trong giai đoạn đó.",
    )


def _check_in_force(content: Content, page: Page, index: int, key: str, problems: Problems) -> None:
    """A policy page speaks of today: an act of its legal basis that stopped applying by the build
    date may stay only beside the act that replaced it (the page then cites both periods). News,
    stories and the acts' own pages may cite the acts of their time; an act not yet in force may be
    cited, as the page on a coming standard does."""
    act = content.pages.get(legal_uri(key), {}).get(content.campaign.default_language)
    meta = act.meta if act else None
    if not isinstance(meta, LegalDocumentMeta) or meta.in_force_until is None or meta.in_force_until >= content.today:
        return
    assert isinstance(page.meta, PolicyMeta)
    if meta.replaced_by in [ref.doc for ref in page.meta.legal_basis]:
        return
    successor = f", đã được thay bằng {meta.replaced_by}" if meta.replaced_by else ""
    problems.add(
        page.path,
        page.line_of("legal_basis", index),
        f"căn cứ pháp lý “{key}” không còn áp dụng từ sau ngày {meta.in_force_until:%d/%m/%Y}{successor}.",
        "Trang chính sách nói về hiện tại: dẫn văn bản đang áp dụng"
        + (f" ({meta.replaced_by}), có thể để cả văn bản cũ bên cạnh." if meta.replaced_by else "."),
    )


def _check_policy_headings(page: Page, expected: list[str], problems: Problems) -> None:
    found = [match[1].strip() for match in HEADING2.finditer(page.body)]
    if found != expected:
        problems.add(
            page.path,
            page.body_line,
            "trang chính sách phải có đúng các mục “## " + "”, “## ".join(expected) + "” theo thứ tự này.",
            "Tìm thấy: " + (", ".join(found) if found else "không có mục ## nào") + ".",
        )
