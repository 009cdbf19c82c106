"""The site's names filled from the campaign's identity (site.yml: province then and now, year).

site.yml's `site_name`, `short_name` and `owner`, and the names' translations in strings/<code>.yml, say the
province and the year through `{{ site:province }}`, `{{ site:province_today }}`, `{{ site:year }}`,
so another province or year is one line of site.yml, in every language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .errors import Problems
from .placeholders import find_placeholders, substitute
from .site import IDENTITY_FIELDS, SHORT_NAME_MAX, Site
from .yamlfile import read_yaml

M = TypeVar("M", bound=BaseModel)
NAME_FIELDS = ("site_name", "short_name", "owner")  # Strings has the first two


def fill_names(model: M, path: Path, site: Site, problems: Problems) -> M:
    """`model` (a Site or Strings read from `path`) with its names filled; every mistake reported."""
    values = site.identity()
    update: dict[str, str] = {}
    for key in NAME_FIELDS:
        text = getattr(model, key, None)
        if text is None:
            continue
        unknown = [p for p in find_placeholders(text) if p.kind != "site" or p.name not in values]
        for placeholder in unknown:
            problems.add(
                path,
                _line(path, key),
                f"{key}: không hiểu chỗ giữ chỗ “{{{{ {placeholder.kind}:{placeholder.name} }}}}”.",
                "Ở đây chỉ dùng được " + ", ".join(f"{{{{ site:{name} }}}}" for name in IDENTITY_FIELDS) + ".",
            )
        filled = substitute(text, lambda placeholder: values.get(placeholder.name, ""))
        if unknown:
            continue
        if "{{" in filled or "}}" in filled:
            problems.add(
                path,
                _line(path, key),
                f"{key}: “{text}” có dấu ngoặc nhọn không thành chỗ giữ chỗ.",
                "Viết đúng dạng {{ site:province }} (tên không dấu), hoặc bỏ dấu ngoặc nhọn.",
            )
        elif key == "short_name" and len(filled) > SHORT_NAME_MAX:
            problems.add(
                path,
                _line(path, key),
                f"tên ngắn “{filled}” dài {len(filled)} ký tự, quá {SHORT_NAME_MAX} ký tự.",
                "Đầu trang trên điện thoại hiện trọn tên ngắn: hãy rút gọn.",
            )
        update[key] = filled
    return model.model_copy(update=update)


def _line(path: Path, key: str) -> int:
    document = read_yaml(path, Problems(path.parent))
    return document.line_of((key,)) if document is not None else 1
