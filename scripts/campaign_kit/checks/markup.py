"""What a Markdown file links to, shows and declares, each with its line.

Scanned once per file with regular expressions rather than a Markdown parser:
the checks need positions in the file as the editor wrote it, and an editor's
mistakes (an unclosed tag, a broken link) are what a parser smooths over.
Fenced code is not enabled on this site (`campaign_kit.markdown_config`): a line
opening with ``` is text like any other, so nothing is skipped.
"""

from __future__ import annotations

import html
import posixpath
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

# [text](url "title"), and an image when a "!" comes before; one level of
# parentheses in the URL (Wikipedia addresses) and of brackets in the text.
# Patterns open with a literal character where they can: the regex engine then
# jumps from one candidate to the next, which keeps thousands of pages fast.
_INLINE_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?(?P<url>(?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+[^)]*)?\)"
)
_REFERENCE_IMAGE = re.compile(r"!\[([^\[\]]*)\]\[([^\[\]]*)\]")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*?)?/?>")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_ATTR_LIST_ID = re.compile(r"\{:?[^{}\n]*#([A-Za-z][\w-]*)[^{}\n]*\}")
_TRAILING_ATTR_LIST = re.compile(r"\{:?[^{}]*\}\s*$")
_BARE_URL = re.compile(r"(?:https?://|//)[^\s<>()\[\]\"']+")
URL_ATTRIBUTES = ("href", "src")


@dataclass(frozen=True)
class Link:
    line: int
    url: str
    image: bool = False
    alt: str = ""


@dataclass(frozen=True)
class Tag:
    line: int
    name: str  # lower case
    closing: bool
    attributes: tuple[tuple[str, str | None], ...]  # (lower-case name, unescaped value or None)

    def attribute(self, name: str) -> str | None:
        return next((value for key, value in self.attributes if key == name), None)


@dataclass(frozen=True)
class Heading:
    line: int
    text: str  # as written, without a trailing {#id} or {: .class}
    explicit_id: str | None


@dataclass
class Markup:
    links: list[Link] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # set by hand elsewhere than on headings: {: #id }, id="…"


def scan(text: str) -> Markup:
    live = text
    line_of = line_finder(live)
    markup = Markup()
    references: dict[str, str] = {}
    for match in _REFERENCE_DEFINITION.finditer(live):
        references[match[1].lower()] = match[2]
        markup.links.append(Link(line_of(match.start()), match[2]))
    for match in _INLINE_LINK.finditer(live):
        image = live[match.start() - 1 : match.start()] == "!"
        markup.links.append(Link(line_of(match.start()), match["url"], image=image, alt=match["text"]))
    for match in _REFERENCE_IMAGE.finditer(live):
        url = references.get((match[2] or match[1]).lower(), "")
        markup.links.append(Link(line_of(match.start()), url, image=True, alt=match[1]))
    for match in _AUTOLINK.finditer(live):
        markup.links.append(Link(line_of(match.start()), match[1]))
    for match in _TAG.finditer(live):
        tag = _tag(line_of(match.start()), match)
        markup.tags.append(tag)
        for name in URL_ATTRIBUTES:
            value = tag.attribute(name)
            if value is not None:
                is_image = tag.name == "img" and name == "src"
                markup.links.append(Link(tag.line, value, image=is_image, alt=tag.attribute("alt") or ""))
        if tag.attribute("id"):
            markup.ids.append(tag.attribute("id") or "")
    heading_lines = set()
    for match in _HEADING.finditer(live):
        explicit = _ATTR_LIST_ID.search(match[2])
        title = _TRAILING_ATTR_LIST.sub("", match[2]).rstrip()
        markup.headings.append(Heading(line_of(match.start()), title, explicit[1] if explicit else None))
        heading_lines.add(line_of(match.start()))
    for match in _ATTR_LIST_ID.finditer(live):
        if line_of(match.start()) not in heading_lines:
            markup.ids.append(match[1])
    markup.links.sort(key=lambda link: link.line)
    return markup


def split_target(url: str) -> tuple[str, str]:
    """(path, anchor) of a link as written, without its query: "../van-ban/a.md?x#b" → ("../van-ban/a.md", "b")."""
    path, _, anchor = unquote(url).partition("#")
    return path.partition("?")[0], anchor


def target_of(src_uri: str, path: str) -> str:
    """The path under docs/ that the relative link `path` of the page at `src_uri` leads to (itself when empty)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)) if path else src_uri


def without_urls(text: str) -> str:
    """`text` with link targets and web addresses blanked out, so that numbers
    inside an address are not read as numbers written in the text."""

    def blank_target(match: re.Match[str]) -> str:
        start, end = match.start("url") - match.start(), match.end("url") - match.start()
        return match[0][:start] + " " * (end - start) + match[0][end:]

    if "](" in text:
        text = _INLINE_LINK.sub(blank_target, text)
    return _BARE_URL.sub(lambda match: " " * len(match[0]), text) if "//" in text else text


def line_finder(text: str) -> Callable[[int], int]:
    """A function from an offset in `text` to its 1-based line number."""
    starts = [0] + [match.end() for match in re.finditer("\n", text)]
    return lambda offset: bisect_right(starts, offset)


def _tag(line: int, match: re.Match[str]) -> Tag:
    attributes = []
    for attribute in _ATTRIBUTE.finditer(match[3] or ""):
        value = next((group for group in attribute.groups()[1:] if group is not None), None)
        attributes.append((attribute[1].lower(), html.unescape(value) if value is not None else None))
    return Tag(line, match[2].lower(), bool(match[1]), tuple(attributes))
