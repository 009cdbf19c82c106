"""Front matter as parsed: the values that reach the page's title, its meta tags, the
listings and the PDFs, checked like the body (escapes such as \\u003c or \\x30 are
read by YAML first, so the raw text alone tells nothing).

The theme writes titles and descriptions into the page without escaping them: a
value may hold no HTML. Values that Markdown renders (the title, key points) are
judged by the site's sanitizer as the body is.
"""

from __future__ import annotations

from ..html_policy import differences
from ..markdown_config import render
from ..model.content import Page
from ..model.errors import Problems
from . import safety, text

_MARKDOWN_SIGNS = frozenset("[]()&{}`*_!")


def check(page: Page, problems: Problems) -> None:
    for line, value in page.front_values():
        text.check(page.path, "\n" * (line - 1) + value, problems)  # each value at its own line
        if "<" in value or ">" in value:
            problems.add(
                page.path,
                line,
                "phần đầu trang không được có dấu < hay > (trang web sẽ đọc thành mã HTML).",
                "Viết lại bằng chữ: “dưới”, “trên”, “nhỏ hơn”…",
            )
        elif _MARKDOWN_SIGNS.intersection(value):
            for difference in differences(render(value)):
                problems.add(page.path, line, *safety.message(difference))
