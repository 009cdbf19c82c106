"""What a page's HTML may hold once published: one allowlist, applied by a maintained
sanitizer (nh3, the Python binding of the Rust crate ammonia, which parses HTML the
way browsers do with html5ever).

The gate renders each page body with the site's Markdown configuration and reports
whatever `sanitize` would remove or change (`differences`); the build passes every
page's HTML through `sanitize` again, so what the gate missed still never reaches a
reader. The site's own rules on top of ammonia's: links only to http(s), mailto,
tel and the site itself; images only from the site; no style, no event handlers,
only the attributes and classes that plain writing and the generated pages use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from html.parser import HTMLParser

import nh3

TAGS = frozenset((
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul",
))  # fmt: skip
# Removed with their content, not only the tags: what is inside is code, not text.
CONTENT_REMOVED = frozenset(("script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"))
ATTRIBUTES = {
    "*": {"class", "id", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "details": {"open"},
    "ol": {"start"},
    "div": {"role"},
}
# The pages the plan generates from campaign/ data (search, finder, self-check) also hold
# a form and the data their own script reads: never a script, a style or a handler either.
GENERATED_TAGS = frozenset(
    ("form", "input", "select", "option", "button", "label", "section", "nav", "noscript", "fieldset", "legend")
)
GENERATED_ATTRIBUTES = {
    "*": {"hidden", "role", "aria-live", "aria-label", "aria-describedby"},
    "input": {
        "type",
        "name",
        "autocomplete",
        "enterkeyhint",
        "spellcheck",
        "placeholder",
        "min",
        "max",
        "step",
        "value",
    },
    "label": {"for"},
    "option": {"value", "selected"},
    "form": {"autocomplete", "novalidate"},
    "button": {"type"},
}
URL_SCHEMES = frozenset(("http", "https", "mailto", "tel"))
# Classes of the generated pages and of admonitions; any other class could borrow the
# theme's own (a fixed header, a dialog) to cover the page.
_CLASS = re.compile(r"^(?:campaign-[a-z0-9_-]+|admonition(?:-title)?|note|tip|info|warning|danger|example)$")
# What editors write may not borrow the site's own namespace: a "campaign-cards" box makes a
# whole card (and the page under it) one link, a "campaign-unreviewed" box looks like an
# official notice, a "campaign-short-name" hides text. Editors' classes: the notes (!!! note)
# and the home page's slogan line, nothing else.
_EDITOR_CLASS = re.compile(r"^(?:admonition(?:-title)?|note|tip|info|warning|danger|example|campaign-slogan)$")
# The theme's scripts find their elements by ids that start with "_" or "md-"; the site's own
# elements have ids in its "campaign-" namespace.
_RESERVED_ID = re.compile(r"^(?:_|md-)", re.IGNORECASE)
_SITE_ID = re.compile(r"^campaign-", re.IGNORECASE)
_ABSOLUTE_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})", re.IGNORECASE)


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if name == "class":
        kept = [word for word in value.split() if _CLASS.match(word)]
        return " ".join(kept) if kept else None
    if name == "id" and _RESERVED_ID.match(value):
        return None
    # Browsers drop tabs and line ends inside a URL: "/&#9;/evil.example/" is "//evil.example/".
    if tag == "img" and name == "src" and _ABSOLUTE_URL.match(re.sub(r"[\t\n\r]", "", value)):
        return None  # an image from another host: the reader's browser would call it
    return value


def _editor_attribute_filter(tag: str, name: str, value: str) -> str | None:
    if name == "class":
        kept = [word for word in value.split() if _EDITOR_CLASS.match(word)]
        return " ".join(kept) if kept else None
    if name == "id" and _SITE_ID.match(value):
        return None
    return _attribute_filter(tag, name, value)


def sanitize(html: str, *, generated: bool = False, editor: bool = False) -> str:
    """`html` with everything the site does not publish removed; `generated`: a page the plan
    makes from campaign/ data, which may also hold a form and data-* attributes; `editor`: text
    as an editor wrote it (the gate's view), which may not use the site's own classes and ids."""
    tags, removed = set(TAGS), set(CONTENT_REMOVED)
    attributes = {tag: set(names) for tag, names in ATTRIBUTES.items()}
    if generated:
        tags |= GENERATED_TAGS
        removed -= GENERATED_TAGS
        for tag, names in GENERATED_ATTRIBUTES.items():
            attributes.setdefault(tag, set()).update(names)
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags=removed,
        attributes=attributes,
        attribute_filter=_editor_attribute_filter if editor else _attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        generic_attribute_prefixes={"data-"} if generated else None,
    )


@dataclass(frozen=True)
class Difference:
    """One thing `sanitize` removes or changes: a tag, an attribute, a comment or text."""

    kind: str  # "tag", "attribute", "comment", "text"
    tag: str
    name: str = ""  # the attribute's name
    value: str = ""  # the attribute's value, the comment or the text as written


def differences(html: str) -> list[Difference]:
    """What `sanitize(html, editor=True)` would remove or change, in the order of `html`."""
    before = _tokens(html)
    after = _tokens(sanitize(html, editor=True))
    if before == after:
        return []
    found: list[Difference] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for operation, start, end, clean_start, clean_end in matcher.get_opcodes():
        if operation == "equal":
            continue
        kept = [token for token in after[clean_start:clean_end] if token[0] == "start"]
        found += _describe(before[start:end], kept)
    return found


def _describe(removed: list[tuple], kept: list[tuple]) -> list[Difference]:
    found: list[Difference] = []
    for token in removed:
        kind = token[0]
        if kind == "start":
            tag, attributes = token[1], dict(token[2])
            twin = next((other for other in kept if other[1] == tag), None)
            if twin is None:
                found.append(Difference("tag", tag))
                continue
            kept.remove(twin)
            clean = dict(twin[2])
            found += [
                Difference("attribute", tag, name, value)
                for name, value in attributes.items()
                if clean.get(name) != value
            ]
        elif kind == "comment":
            found.append(Difference("comment", "", value=token[1]))
        elif kind == "text" and not found:
            found.append(Difference("text", "", value=token[1]))
    return found


def images(html: str) -> list[tuple[str, str]]:
    """(src, alt) of every image in `html`, as a browser reads them."""
    found = []
    for token in _tokens(html):
        if token[0] == "start" and token[1] == "img":
            attributes = dict(token[2])
            found.append((attributes.get("src", ""), attributes.get("alt", "")))
    return found


def anchors(html: str) -> list[tuple[str, str]]:
    """(href, text) of every link in `html`, as a browser reads them."""
    found: list[tuple[str, str]] = []
    opened: list[tuple[str, list[str]]] = []
    for token in _tokens(html, ends=True):
        if token[0] == "start" and token[1] == "a":
            opened.append((dict(token[2]).get("href", ""), []))
        elif token[0] == "text" and opened:
            opened[-1][1].append(token[1])
        elif token[0] == "end" and token[1] == "a" and opened:
            href, text = opened.pop()
            found.append((href, "".join(text)))
    return found


class _Tokenizer(HTMLParser):
    """Start tags (attributes sorted), comments and text: what a reader's browser gets.
    End tags are left out: the sanitizer closes what an editor left open, harmlessly."""

    def __init__(self, ends: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []
        self.ends = ends

    def handle_endtag(self, tag: str) -> None:
        if self.ends:
            self.tokens.append(("end", tag))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("start", tag, tuple(sorted((name, value or "") for name, value in attrs))))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("text", data))

    def handle_comment(self, data: str) -> None:
        self.tokens.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(("comment", decl))

    handle_pi = unknown_decl = handle_decl


def _tokens(html: str, ends: bool = False) -> list[tuple]:
    tokenizer = _Tokenizer(ends)
    tokenizer.feed(html)
    tokenizer.close()
    return tokenizer.tokens
