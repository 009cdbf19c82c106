"""Addresses the build writes itself are never an editor's: a file under docs/ may not take the
address of a page made from campaign/ data (search, the self-check, listings, the plan, the
finder), of another page (docs/chinh-sach.md beside docs/chinh-sach/index.md), nor live in a
folder the build fills (a language's folder, the theme's assets, the search index, short links,
the print kit). All of it is read from the site plan, so a new generated page is protected the
day it is added, with no rule to write.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath

from ..model.errors import Problems
from ..model.sections import ADMIN_FOLDER, SEARCH_BUNDLE, page_url
from ..model.tree import walk
from ..self_check import self_check_assets
from ..site_assets import STYLESHEET
from .plan import SitePlan
from .short_links import PREFIX as SHORT_PREFIX

_HINT = "Đổi tên tệp hoặc chuyển nó sang thư mục khác (ví dụ: gioi-thieu/ten-khac.md)."
# What every build writes at the site's root, besides the folders below (MkDocs and the plan).
_ROOT_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz", "index.html", "robots.txt")


def reserved_folders(plan: SitePlan) -> dict[str, str]:
    """{first segment of a path under the site's root: what the build puts there}."""
    campaign = plan.content.campaign
    folders = {site.prefix.strip("/"): f"trang tiếng {site.language.name}" for site in plan.sites.values()}
    folders.pop("", None)
    for path in (STYLESHEET, *self_check_assets(campaign)):
        folders[_first(path)] = "giao diện và mã của trang web"
    folders[SEARCH_BUNDLE] = "chỉ mục tìm kiếm"
    folders[ADMIN_FOLDER] = "trang quản trị nội dung"
    folders[_first(SHORT_PREFIX)] = "đường dẫn ngắn in trên mã QR"
    folders[campaign.print_settings.site_folder] = "bộ tài liệu in"
    for name in _ROOT_FILES:
        folders[name] = "tệp của trang web"
    return folders


def check_reserved(plan: SitePlan, problems: Problems) -> None:
    docs = plan.content.docs_dir
    folders = reserved_folders(plan)
    made = {plan.path(uri, code): uri for code, site in plan.sites.items() for uri in site.generated}
    editors: dict[str, list[str]] = defaultdict(list)  # URL path → src_uris of editors' pages there
    for src_uri in plan.content.pages:
        editors[page_url(src_uri)].append(src_uri)
    # Each file's page, looked up by its path: a search through all pages for every file was 4 s at 3,000 stories.
    pages = {page.path: page for languages in plan.content.pages.values() for page in languages.values()}
    for path in walk(docs).files:
        relative = path.relative_to(docs).as_posix()
        first = _first(page_url(relative) if path.suffix == ".md" else relative)  # docs/en.md is /en/
        if first in folders:
            problems.add(
                path,
                1,
                f"tệp nằm ở “{first}”, chỗ trang web tự đặt {folders[first]}: tệp này sẽ ghi đè hoặc làm hỏng"
                " bản dựng.",
                _HINT,
            )
            continue
        if path.suffix != ".md":
            continue
        page = pages.get(path)
        if page is None:
            continue  # refused already, with its reason
        address = plan.path(page.src_uri, page.language)
        if address in made:
            problems.add(
                path,
                1,
                f"trang này có cùng địa chỉ “/{address}” với trang trang web tự tạo ({made[address]}): "
                "một trong hai sẽ mất.",
                _HINT,
            )
        elif len(editors[page_url(page.src_uri)]) > 1 and not page.src_uri.endswith("index.md"):
            other = next(uri for uri in editors[page_url(page.src_uri)] if uri != page.src_uri)
            problems.add(
                path, 1, f"trang này có cùng địa chỉ “/{address}” với trang {other}: một trong hai sẽ mất.", _HINT
            )


def _first(path: str) -> str:
    parts = PurePosixPath(path.strip("/")).parts
    return parts[0] if parts else ""
