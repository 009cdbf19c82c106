"""The site's truth across pages: a dated page (news, story, commendation) cannot cite an act signed
after its own date, and no page outside the policies takes a policy's title, which would list it
beside or above the policy in search (policies weigh most there) and in a reader's memory."""

from __future__ import annotations

import hashlib

from ..fold import fold
from ..model.acts import ACTS_FILE, load_acts
from ..model.content import Content
from ..model.errors import Problems
from ..model.schema import LegalDocumentMeta
from ..model.sections import BY_TYPE, legal_uri
from .markup import scan, split_target, target_of
from .safety import scheme_of


def check(content: Content, problems: Problems) -> None:
    _acts_cited_before_signed(content, problems)
    _policy_titles_taken(content, problems)
    _activities_before_the_plan(content, problems)


def _activities_before_the_plan(content: Content, problems: Problems) -> None:
    """An activity carries out a task of the plan: it cannot start before the act the plan implements
    was signed (a typed year, 2002 for 2024, would be reported in the wrong period)."""
    plan = content.campaign.plans[content.campaign.default_language]
    acts = [meta for key in plan.implements if (meta := _act(content, legal_uri(key))) is not None]
    if not acts:
        return
    first = min(acts, key=lambda act: act.date)
    for recorded in content.activities:
        if recorded.activity.start < first.date:
            problems.add(
                recorded.path,
                recorded.line,
                f"hoạt động “{recorded.activity.key}” bắt đầu ngày {recorded.activity.start:%d/%m/%Y}, trước khi có"
                f" văn bản mà Kế hoạch thực hiện ({first.kind} {first.number}, ký ngày {first.date:%d/%m/%Y}).",
                "Xem lại năm của ngày bắt đầu (start): có thể gõ nhầm năm.",
            )


def _acts_cited_before_signed(content: Content, problems: Problems) -> None:
    for source in content.sources:
        page = source.page
        if page is None or source.text is None or isinstance(page.meta, LegalDocumentMeta):
            continue  # an act may name the later act that replaced it
        day = content.page_date(page)
        if day is None:
            continue
        for link in scan(source.text).links:
            if not link.url or scheme_of(link.url) or link.url.startswith(("/", "//")):
                continue
            act = _act(content, target_of(page.src_uri, split_target(link.url)[0]))
            if act is not None and act.date > day:
                problems.add(
                    page.path,
                    link.line,
                    f"bài ngày {day:%d/%m/%Y} nhắc văn bản ký ngày {act.date:%d/%m/%Y}"
                    f" ({act.kind} {act.number}): văn bản chưa có vào ngày của bài.",
                    "Xem lại ngày của bài (date) và văn bản được dẫn: có thể gõ nhầm năm, hoặc nhầm văn bản.",
                )


def _act(content: Content, target: str) -> LegalDocumentMeta | None:
    """The act whose page the link leads to, if it does."""
    page = content.pages.get(target, {}).get(content.campaign.default_language)
    return page.meta if page is not None and isinstance(page.meta, LegalDocumentMeta) else None


def _policy_titles_taken(content: Content, problems: Problems) -> None:
    pages = [page for languages in content.pages.values() for page in languages.values()]
    policies = {fold(page.meta.title): page for page in pages if page.content_type == "policy"}
    folder = BY_TYPE["policy"].folder + "/"
    for page in pages:
        policy = policies.get(fold(page.meta.title))
        if policy is None or page.src_uri.startswith(folder):
            continue
        problems.add(
            page.path,
            page.line_of("title"),
            f"tiêu đề “{page.meta.title}” trùng tiêu đề trang chính sách “{policy.src_uri}”:"
            " khi tìm kiếm, bài này sẽ đứng cạnh hoặc thay chỗ trang chính sách.",
            "Đặt tiêu đề riêng cho bài, nói bài kể hay báo tin gì (ví dụ thêm nơi, thời gian).",
        )


def acts_registered(content: Content, problems: Problems) -> None:
    """Acts only from the registry (campaign/acts.yml, with their source in FACTS.md): an act's page
    in any language has a registered key, number and date; a PDF under docs/van-ban/ is the
    registered file, byte for byte (its SHA-256)."""
    loaded = load_acts(content.campaign.root, problems)
    if loaded is None:
        return
    registry, _ = loaded
    where = f"campaign/{ACTS_FILE}"
    hint = (
        f"Văn bản mới: người phụ trách kỹ thuật đối chiếu số hiệu, ngày ký với FACTS.md rồi ghi vào {where}"
        " (number, date, source); không tự thêm văn bản pháp luật."
    )
    for languages in content.pages.values():
        for page in languages.values():
            meta = page.meta
            if not isinstance(meta, LegalDocumentMeta):
                continue
            entry = registry.acts.get(page.key)
            if entry is None:
                message = f"văn bản “{meta.kind} {meta.number}” không có trong sổ văn bản {where}."
                problems.add(page.path, page.line_of("number"), message, hint)
            elif entry.number != meta.number:
                message = f"số hiệu “{meta.number}” khác số hiệu đã đăng ký cho văn bản này ({entry.number})."
                problems.add(page.path, page.line_of("number"), message, f"Ghi đúng: number: {entry.number}")
            elif entry.date != meta.date:
                message = f"ngày ký {meta.date:%d/%m/%Y} khác ngày đã đăng ký cho văn bản này ({entry.date:%d/%m/%Y})."
                problems.add(page.path, page.line_of("date"), message, f"Ghi đúng: date: {entry.date:%Y-%m-%d}")
    folder = content.docs_dir / BY_TYPE["legal"].folder
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() != ".pdf" or not path.is_file() or path.is_symlink():
            continue  # a symbolic link is refused by checks/files.py
        name = path.relative_to(content.docs_dir).as_posix()
        expected = registry.files.get(name)
        if expected is None:
            message = f"tệp PDF văn bản “{name}” chưa được đăng ký trong {where}: văn bản chưa đối chiếu."
            problems.add(path, 1, message, hint)
        elif hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            problems.add(
                path,
                1,
                "tệp PDF này không phải bản văn bản đã đăng ký (nội dung khác tệp đã đối chiếu).",
                f"Dùng đúng tệp gốc đã đăng ký; nếu là bản mới, người phụ trách kỹ thuật đối chiếu và ghi lại mã"
                f" SHA-256 trong {where}.",
            )
