"""sitemap.xml of one language, with every page's hreflang alternates (absolute URLs).

The alternates live here rather than as <link rel="alternate"> in each page: Material's
script fetches a sitemap.xml for every such link on every page load, which on a slow
phone costs requests (and 404s) for nothing. Search engines read hreflang from sitemaps.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from .plan import SitePlan

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap_xml(plan: SitePlan, language: str) -> str:
    rows = [HEADER]
    for src_uri in plan.sites[language].pages:
        rows.append(f"<url><loc>{plan.url(src_uri, language)}</loc>")
        for code, url in plan.alternates(src_uri).items():
            rows.append(f'<xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(url)}/>')
        rows.append("</url>\n")
    rows.append("</urlset>\n")
    return "".join(rows)
