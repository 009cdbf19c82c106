"""Limits per pull request: what one change may add to the site (pages, new tags, bytes under
docs/). Each page and tag is bounded already (`model.limits`, `schema.MAX_TAGS_PER_PAGE`); a pull
request adding hundreds of pages or tags (each new tag is a listing page in every language) or
gigabytes of files would still make the build slow or fill the site: it is split instead.

Compared with the merge base (`review_boundary`); without git history nothing is compared."""

from __future__ import annotations

from pathlib import Path

from ..fold import fold
from ..model.content import Content
from ..model.errors import Problems
from ..model.yamlsource import YamlSyntaxError, split_front_matter
from ..review_boundary import changes_in_docs, text_at_base
from .images import megabytes

MAX_PAGES = 60  # a story in three languages is 3; an import of a year of news, a few dozen
MAX_NEW_TAGS = 24  # new listing pages per language
MAX_BYTES = 80 * 1024 * 1024  # eight photos at the per-photo limit (checks.images.MAX_BYTES)
_SPLIT = "Chia thành nhiều pull request nhỏ hơn (mỗi lần vài bài), để người duyệt đọc kịp và trang web dựng nhanh."


def check(content: Content, problems: Problems) -> None:
    project = content.docs_dir.parent
    changes = changes_in_docs(project)
    if changes is None:
        return
    added, modified = changes
    pages = [name for name in added if name.endswith(".md")]
    if len(pages) > MAX_PAGES:
        problems.add(
            project / pages[MAX_PAGES],
            1,
            f"pull request này thêm {len(pages)} trang, quá giới hạn {MAX_PAGES} trang một lần.",
            _SPLIT,
        )
    files = [project / name for name in added if (project / name).is_file()]
    size = sum(path.stat().st_size for path in files)
    if size > MAX_BYTES:
        largest = max(files, key=lambda path: path.stat().st_size)
        problems.add(
            largest,
            1,
            f"pull request này thêm {megabytes(size)} vào docs/, quá giới hạn {megabytes(MAX_BYTES)} một lần.",
            _SPLIT + " Thu nhỏ ảnh trước khi tải lên.",
        )
    _new_tags(content, project, set(added), set(modified), problems)


def _new_tags(content: Content, project: Path, added: set[str], modified: set[str], problems: Problems) -> None:
    """Tags no page had at the merge base, in the order the changed pages introduce them."""
    changed = added | modified
    before: set[str] = set()
    for languages in content.pages.values():
        for page in languages.values():
            name = page.path.relative_to(project).as_posix()
            if name not in changed:
                before |= {fold(tag) for tag in page.meta.tags}
    for name in sorted(modified):
        before |= _tags_at_base(project, name)
    new: list[tuple[str, Path, int]] = []
    for languages in content.pages.values():
        for page in languages.values():
            name = page.path.relative_to(project).as_posix()
            for tag in page.meta.tags if name in changed else []:
                if fold(tag) not in before and fold(tag) not in {fold(t) for t, _, _ in new}:
                    new.append((tag, page.path, page.line_of("tags")))
    if len(new) > MAX_NEW_TAGS:
        tag, path, line = new[MAX_NEW_TAGS]
        problems.add(
            path,
            line,
            f"pull request này tạo {len(new)} chủ đề (tags) mới, quá giới hạn {MAX_NEW_TAGS} một lần"
            f" (mỗi chủ đề mới thêm một trang danh sách cho mỗi ngôn ngữ); từ “{tag}” trở đi.",
            "Dùng lại các chủ đề đã có (xem trang Chủ đề), hoặc " + _SPLIT[0].lower() + _SPLIT[1:],
        )


def _tags_at_base(project: Path, name: str) -> set[str]:
    text = text_at_base(project, name) if name.endswith(".md") else None
    if text is None:
        return set()
    try:
        tags = split_front_matter(text).meta.data.get("tags") or []
    except (YamlSyntaxError, AttributeError):
        return set()
    return {fold(str(tag)) for tag in tags} if isinstance(tags, list) else set()
