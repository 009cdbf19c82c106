"""A stylesheet cut down to the rules that can apply to the pages of a built site.

Material for MkDocs ships one stylesheet for every feature it has (137 KB, 26 KB gzip); this site
uses a fifth of it, and a phone on slow data paints nothing until the whole stylesheet is there.

A selector is kept when every element name, class, id and attribute it requires occurs in the
site's markup (`markup_names`): otherwise no element of the site can match it. The test reads
names only, never structure or state (`:hover`, `:checked`, `:not()`, `:is()` count as always
true), so in doubt a rule stays. Then the custom properties that nothing reads are dropped
(Material defines some forty icons as properties for features this site does not use).
Markup that a script adds after load is in no page: rules for it belong in campaign.css
(tests/test_stylesheet.py compares every element's style after the scripts ran).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

import tinycss2
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule

__all__ = ["markup_names", "prune_stylesheet"]

#: At-rules whose content is rules: pruned inside, dropped when nothing is left.
_GROUPING = frozenset({"media", "supports"})
_COMBINATORS = frozenset({">", "+", "~"})
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


# A start tag and its attributes (quoted values may hold ">"), then each attribute. Read by pattern,
# not by html.parser (six times slower over thousands of pages); the difference errs on the safe
# side: a tag written inside a script or a comment only keeps more rules.
_START_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")


def markup_names(html: str) -> set[str]:
    """What selectors can find in this markup: `tag`, `.class`, `#id`, `[attr` and `[attr=value`."""
    return set().union(*(_tag_names(tag, attributes) for tag, attributes in set(_START_TAG.findall(html))))


@lru_cache(maxsize=1 << 16)  # the pages of a site repeat most of their tags
def _tag_names(tag: str, attributes: str) -> frozenset[str]:
    names = {tag.lower()}
    for name, assigned, double_quoted, single_quoted, bare in _ATTRIBUTE.findall(attributes):
        name = name.lower()
        names.add(f"[{name}")
        if not assigned:
            continue
        value = unescape(double_quoted or single_quoted or bare)
        names.add(f"[{name}={value}")
        if name == "class":
            names.update(f".{word}" for word in value.split())
        elif name == "id":
            names.add(f"#{value}")
    return frozenset(names)


def prune_stylesheet(css: str, names: set[str], readers: str = "") -> str:
    """`css` without the selectors that need a name missing from `names`, without the rules left
    empty, and without the custom properties that no kept rule (nor `readers`, the stylesheets
    that come after it) reads."""
    kept = "".join(_prune_rules(_rules(css), names))
    while True:
        read = set(_VAR.findall(kept + readers))
        lighter = "".join(_drop_unread_properties(_rules(kept), read))
        if lighter == kept:
            return kept
        kept = lighter


def _rules(css: str) -> list[Node]:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def _inner_rules(rule: AtRule) -> list[Node]:
    return tinycss2.parse_rule_list(rule.content or [], skip_comments=True, skip_whitespace=True)


def _group(rule: AtRule, inner: list[str]) -> list[str]:
    if not inner:
        return []
    return [f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{''.join(inner)}}}"]


def _prune_rules(rules: list[Node], names: set[str]) -> list[str]:
    out: list[str] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [part for part in _selectors(rule.prelude) if _may_match(part, names)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(part).strip() for part in selectors)
                out.append(f"{prelude}{{{tinycss2.serialize(rule.content).strip()}}}")
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in _GROUPING:
            out += _group(rule, _prune_rules(_inner_rules(rule), names))
        elif isinstance(rule, AtRule):  # @keyframes, @font-face, @page, @charset: as they are
            out.append(tinycss2.serialize([rule]))
    return out


def _drop_unread_properties(rules: list[Node], read: set[str]) -> list[str]:
    out: list[str] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            declarations = [
                node
                for node in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                if isinstance(node, Declaration) and (not node.name.startswith("--") or node.name in read)
            ]
            if declarations:
                body = "".join(tinycss2.serialize([node]).strip() for node in declarations).rstrip(";")
                out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in _GROUPING:
            out += _group(rule, _drop_unread_properties(_inner_rules(rule), read))
        elif isinstance(rule, AtRule):
            out.append(tinycss2.serialize([rule]))
    return out


def _selectors(prelude: list[Node]) -> list[list[Node]]:
    """A selector list split at its top-level commas (commas inside :is() stay inside)."""
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _may_match(selector: list[Node], names: set[str]) -> bool:
    required = _required_names(selector)
    return required is None or required <= names


def _required_names(selector: list[Node]) -> set[str] | None:
    """The names an element (or its ancestors and siblings) must carry for `selector` to match;
    None when the selector has a part this reading does not know (then it is kept)."""
    required: set[str] = set()
    tokens = iter(selector)
    starts_compound = True
    for token in tokens:
        if token.type == "whitespace" or (token.type == "literal" and token.value in _COMBINATORS):
            starts_compound = True
            continue
        if token.type == "literal" and token.value == ":":  # pseudo-class or -element: true
            following = next(tokens, None)
            if following is not None and following.type == "literal" and following.value == ":":
                next(tokens, None)
        elif token.type == "literal" and token.value == ".":
            following = next(tokens, None)
            if following is None or following.type != "ident":
                return None
            required.add(f".{following.value}")
        elif token.type == "hash":
            required.add(f"#{token.value}")
        elif token.type == "ident" and starts_compound:
            required.add(token.lower_value)
        elif token.type == "[] block":
            attribute = _attribute_name(token.content)
            if attribute is None:
                return None
            required.add(attribute)
        elif not (token.type == "literal" and token.value == "*"):
            return None
        starts_compound = False
    return required


def _attribute_name(content: list[Node]) -> str | None:
    """`[name` for [name], [name^=…] and the like; `[name=value` for an exact [name=value]."""
    parts = [token for token in content if token.type != "whitespace"]
    if not parts or parts[0].type != "ident":
        return None
    name = parts[0].lower_value
    exact = len(parts) == 3 and parts[1].type == "literal" and parts[1].value == "="
    if exact and parts[2].type in ("ident", "string"):
        return f"[{name}={parts[2].value}"
    return f"[{name}"
