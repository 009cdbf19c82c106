"""The site's truth across pages: a dated page (news, story, commendation) cannot cite an act signed
after its own date, and no page outside the policies takes a policy's title, which would list it
beside or above the policy in search (policies weigh most there) and in a reader's memory."""

from __future__ import annotations

from ..fold import fold
from ..model.content import Content
from ..model.errors import Problems
from ..model.schema import LegalDocumentMeta
from ..model.sections import BY_TYPE
from .markup import scan, split_target, target_of
from .safety import scheme_of


def check(content: Content, problems: Problems) -> None:
    _acts_cited_before_signed(content, problems)
    _policy_titles_taken(content, problems)


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
