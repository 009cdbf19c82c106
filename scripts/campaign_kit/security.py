"""The site's defences in the reader's browser, defined once: the Content-Security-Policy and the
other security headers. Every page carries the policy as a meta tag (GitHub Pages sets no headers);
a web server of our own sends it as a header with the rest (deploy/nginx, written from here).

Defence in depth: the contribution gate keeps scripts, frames and foreign resources out of pages;
should it miss one, the browser still runs no script but the site's own files, loads nothing from
another host and posts no form elsewhere.

    python -m campaign_kit.security --nginx   # the nginx include of deploy/nginx/
"""

from __future__ import annotations

import argparse
import re
import sys
from urllib.parse import urlsplit

# Directive → sources. `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly (search page only);
# it allows no JavaScript eval. Images may be data: URLs (Material's stylesheet draws its icons so).
# frame-ancestors is honoured only as a header: the meta tag leaves it out (browsers warn otherwise).
POLICY: dict[str, str] = {
    "default-src": "'none'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-src": "'none'",
    "object-src": "'none'",
}
HEADER_ONLY = {"frame-ancestors": "'none'"}
# The admin page `quan-tri/` (Sveltia CMS, campaign_kit.cms) is an application, not a page for readers:
# its script sets styles inline, shows photos being uploaded as blob: URLs, and talks to GitHub's API
# (sign-in, reading and committing the content); nothing else leaves the site. No WebAssembly.
ADMIN_POLICY: dict[str, str] = {
    **POLICY,
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "media-src": "'self' blob:",
    "worker-src": "'self' blob:",
    "connect-src": "'self' data: https://api.github.com",  # data:: its own logo, read back as a file
}

#: Pages tell no other site which page a reader came from (a policy page read says much about a household).
REFERRER_POLICY = "no-referrer"
#: What a link to another site carries: the page it opens gets no handle on ours and no referrer.
OUTGOING_REL = "noopener noreferrer"

#: Headers a server of ours adds (the meta tags cannot): one year of HTTPS only, no MIME sniffing,
#: no device features the site never asks for.
HSTS = "max-age=31536000; includeSubDomains"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def csp(*, header: bool = False, admin: bool = False) -> str:
    """The policy as one string: for the meta tag, or (`header`) for a server's header; `admin`: the
    admin page's."""
    directives = {**(ADMIN_POLICY if admin else POLICY), **(HEADER_ONLY if header else {})}
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def security_headers(*, admin: bool = False) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp(header=True, admin=admin),
        "Referrer-Policy": REFERRER_POLICY,
        "Strict-Transport-Security": HSTS,
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": PERMISSIONS_POLICY,
    }


def nginx_include(*, admin: bool = False) -> str:
    """The headers as nginx `add_header` lines (`always`: on the 404 page too); `admin`: the admin
    page's (its policy lets it talk to GitHub's API)."""
    command = "python -m campaign_kit.security --nginx" + (" --admin" if admin else "")
    lines = [
        f"# Written by `{command}` from campaign_kit/security.py: edit it there.",
        "# nginx drops a server's add_header lines in a location that has its own: include this in each.",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in security_headers(admin=admin).items()]
    return "\n".join(lines) + "\n"


_LINK = re.compile(r"<a\b([^>]*)>")
_HREF = re.compile(r'\shref="([^"]*)"')
_REL = re.compile(r'\srel="([^"]*)"')


def mark_outgoing_links(html: str, site_url: str) -> str:
    """rel="noopener noreferrer" on every link to another host (words already in rel are kept)."""
    own = urlsplit(site_url).netloc

    def mark(match: re.Match[str]) -> str:
        attributes = match[1]
        href = _HREF.search(attributes)
        if not href:
            return match[0]
        target = urlsplit(href[1].strip())
        if not target.netloc or target.netloc == own:
            return match[0]
        rel = _REL.search(attributes)
        if rel is None:
            return f'<a{attributes} rel="{OUTGOING_REL}">'
        words = rel[1].split()
        words += [word for word in OUTGOING_REL.split() if word not in words]
        return f'<a{attributes[: rel.start()]} rel="{" ".join(words)}"{attributes[rel.end() :]}>'

    return _LINK.sub(mark, html)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nginx", action="store_true", help="print the nginx include of the security headers")
    parser.add_argument("--admin", action="store_true", help="the admin page's (quan-tri/, Sveltia CMS)")
    args = parser.parse_args(argv)
    sys.stdout.write(nginx_include(admin=args.admin) if args.nginx else csp(admin=args.admin) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
