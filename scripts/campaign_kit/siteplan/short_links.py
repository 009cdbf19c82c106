"""Short links /q/<code>/ for print: a QR code of a short URL has fewer, larger modules.

Each page of each language (and each policy group's heading on the policy index, where
leaflets send readers) gets a code from its path, so a code never changes while the
page's address stays; the build writes one tiny redirect page per code. The many pages
of a growing section (stories and their listings) get none: print does not point to
them, and one redirect per story would double the files of a build.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import TYPE_CHECKING

from ..model.sections import BY_TYPE, growing_section
from ..security import REFERRER_POLICY, csp

if TYPE_CHECKING:
    from .plan import SitePlan

PREFIX = "q/"
CODE_LENGTH = 5  # 32⁵ ≈ 33 million codes for a few hundred pages; a collision stops the build


def short_code(target: str) -> str:
    digest = hashlib.sha256(target.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii")[:CODE_LENGTH].lower()


def short_links(plan: SitePlan) -> dict[str, str]:
    """{code: target path from the site root, with its #anchor}, for every page and group heading."""
    targets = [
        plan.path(src_uri, site.code)
        for site in plan.sites.values()
        for src_uri in site.pages
        if growing_section(src_uri) is None
    ]
    index = BY_TYPE["policy"].index
    for site in plan.sites.values():
        if plan.has_page(index, site.code):
            groups = plan.content.campaign.policy_groups.get(site.code, [])
            targets += [f"{plan.path(index, site.code)}#{group.key}" for group in groups]
    links: dict[str, str] = {}
    for target in targets:
        code = short_code(target)
        if links.get(code, target) != target:
            raise ValueError(f"short link {code} for both {links[code]} and {target}: lengthen CODE_LENGTH")
        links[code] = target
    return links


def redirect_html(target: str, language: str) -> str:
    """The page at q/<code>/: sends the reader on at once (relative, so it works under any base path)."""
    href = escape("../../" + target)
    return (
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp()}">'
        f'<meta name="referrer" content="{REFERRER_POLICY}"><meta name="robots" content="noindex">'
        f'<meta http-equiv="refresh" content="0; url={href}"><title>…</title></head>'
        f'<body><p><a href="{href}">{href}</a></p></body></html>\n'
    )


def short_link_pages(plan: SitePlan) -> dict[str, str]:
    """{file path in the built site: its HTML}: one redirect page per short link."""
    language = plan.reference.code  # the pages sit in the reference language's site, at its root
    return {f"{PREFIX}{code}/index.html": redirect_html(target, language) for code, target in plan.short_links.items()}
