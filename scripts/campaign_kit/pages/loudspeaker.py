"""truyen-thanh/: the loudspeaker scripts, a page each to read from a phone (large type, no menu or table
of contents), and their list with lengths and reading times (campaign_kit.loudspeaker)."""

from __future__ import annotations

from html import escape

from ..loudspeaker import FOLDER, Script, Writer, duration_text
from ..model.sections import href
from ..spoken import LANGUAGES
from .context import Context
from .page import PageMeta, SitePage

INDEX = f"{FOLDER}/index.md"
HIDE = ("navigation", "toc")


def script_uri(script: Script) -> str:
    return f"{FOLDER}/{script.key}.md"


def length_text(writer: Writer, script: Script) -> str:
    """'296 âm tiết, đọc khoảng 1 phút 39 giây ở tốc độ 180 âm tiết mỗi phút'."""
    return writer.words.length.format(
        syllables=script.syllables, duration=duration_text(script.seconds, writer.words), pace=script.pace
    )


def pace_note(writer: Writer) -> str:
    pace = writer.rules.pace
    if pace.source:
        return f"{writer.words.pace_source} {pace.source}"
    return f"{writer.words.pace_assumption} {pace.assumption}"


def not_generated(writer: Writer) -> list[str]:
    """Why a language with translated policies has no scripts (its numbers cannot be spoken yet)."""
    content = writer.content
    return [
        text
        for code, text in writer.words.not_generated.items()
        if code not in LANGUAGES and any(content.page(p.src_uri, code) for p in writer.policies())
    ]


def loudspeaker_pages(ctx: Context) -> dict[str, SitePage]:
    """The scripts are read in Vietnamese: every language's site shows them, marked as Vietnamese where the
    site is in another language (as an untranslated page is), and says which languages have none yet."""
    writer = Writer(ctx.content)
    words = writer.words
    scripts = writer.scripts()
    spoken_in = writer.ctx.language.code
    fallback = spoken_in if ctx.language.code != spoken_in else None
    pages = {}
    rows = []
    for script in scripts:
        uri = script_uri(script)
        paragraphs = "".join(f"<p>{escape(paragraph)}</p>\n" for paragraph in script.paragraphs)
        pages[uri] = SitePage(
            PageMeta(script.title, None, searchable=False, hide=HIDE, content_language=fallback),
            f'<p class="campaign-script-length">{escape(length_text(writer, script))}</p>\n\n'
            + f'<div class="campaign-script" lang="{spoken_in}">\n{paragraphs}</div>\n\n'
            + f'<p><a href="{href(uri, INDEX)}">{escape(words.folder_title)}</a></p>\n'
        )
        rows.append(
            f'<li><a href="{href(INDEX, uri)}">{escape(script.title)}</a>: {escape(length_text(writer, script))}</li>'
        )
    intro = escape(words.folder_intro.format(station=words.station))
    notes = "".join(f"<p>{escape(text)}</p>\n" for text in [pace_note(writer), *not_generated(writer)])
    pages[INDEX] = SitePage(
        PageMeta(words.folder_title, None, searchable=False, hide=HIDE, content_language=fallback),
        f"<p>{intro}</p>\n\n<ul>\n"
        + "\n".join(rows)
        + f"\n</ul>\n\n{notes}"
    )
    return pages
