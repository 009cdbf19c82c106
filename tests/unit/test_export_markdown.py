"""The export writes the site's generated HTML paragraphs and lists as Markdown only where the site's
Markdown renders that Markdown to the same HTML, whatever characters the text holds."""

from __future__ import annotations

from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_kit.export import _same_html, html_as_markdown, with_heading_ids
from campaign_kit.markdown_config import render

# Vietnamese and Khmer letters, and every sign Markdown or HTML reads.
TEXT = st.text(alphabet="ab đờ ខ្មែរ*_#[]&<>\\`1.-+()!'\"{}:", min_size=1, max_size=16)
PLAIN = st.text(alphabet="abc đờ ខ្មែរ", min_size=1, max_size=16).map(str.strip).filter(bool)
TAGS = st.sampled_from(["", "strong", "em", "a"])


def _inline(tag: str, text: str) -> str:
    if tag == "a":
        return f'<a href="../chinh-sach/bao-hiem-y-te.md">{escape(text)}</a>'
    return f"<{tag}>{escape(text)}</{tag}>" if tag else escape(text)


@settings(deadline=None, max_examples=60)  # a case's time on a shared machine says nothing
@given(st.lists(st.tuples(TAGS, TEXT), min_size=1, max_size=4), st.sampled_from(["", ' class="campaign-meta"']))
def test_a_paragraph_renders_as_the_site_renders_it(parts: list[tuple[str, str]], css: str) -> None:
    body = f"# Tiêu đề\n\n<p{css}>" + "".join(_inline(tag, text) for tag, text in parts) + "</p>\n"
    assert _same_html(render(html_as_markdown(body)), render(body))


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(TAGS, PLAIN), min_size=1, max_size=4))
def test_a_plain_paragraph_and_list_become_markdown(parts: list[tuple[str, str]]) -> None:
    inner = " ".join(_inline(tag, text) for tag, text in parts)
    body = f'<p class="campaign-meta">{inner}</p>\n\n<ul>\n<li>{inner}</li>\n<li>{inner}</li>\n</ul>\n'
    markdown = html_as_markdown(body)
    assert "<p" not in markdown and "<ul" not in markdown and "{: .campaign-meta }" in markdown
    assert _same_html(render(markdown), render(body))


def test_headings_carry_the_ids_the_site_gives_them() -> None:
    body = "# Đi đâu?\n\n## Ai được hưởng?\n\n#thẻ\n\n## Ai được hưởng?\n"
    assert with_heading_ids(body).split("\n\n") == [
        "# Đi đâu? { #di-dau }",
        "## Ai được hưởng? { #ai-duoc-huong }",
        "#thẻ { #the }",
        "## Ai được hưởng? { #ai-duoc-huong_1 }\n",
    ]
