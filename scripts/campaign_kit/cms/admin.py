"""The admin page `quan-tri/`: Sveltia CMS's page, its generated config.yml, the vendored script and
what it would otherwise fetch from CDNs (its interface fonts, its Vietnamese words), all served by
the site itself. Not indexed: `noindex`, out of the sitemap (the plan's) and of search (no
`data-pagefind-body`).

The vendored file stays as published on npm (`vendor.py` checks its hash); the build points the
CDN addresses in it at the copies beside it (`LOCAL_COPIES`), each of which must be found.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import yaml

from ..model.campaign import Campaign
from ..model.sections import ADMIN_FOLDER
from ..security import REFERRER_POLICY, csp
from .config import cms_config
from .vendor import VENDOR, VERSION

SCRIPT = "sveltia-cms.js"
LANGUAGE_SCRIPT = "ngon-ngu.js"
# CDN address in the vendored script → the copy the site serves, relative to the admin page.
FONTSOURCE = "https://cdn.jsdelivr.net/fontsource/fonts"
LOCAL_COPIES = {
    f"{FONTSOURCE}/source-sans-3:vf@5.3.0/latin-wght-normal.woff2": "fonts/source-sans-3.woff2",
    f"{FONTSOURCE}/noto-mono@5.3.0/latin-400-normal.woff2": "fonts/noto-mono.woff2",
    f"{FONTSOURCE}/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2": "fonts/material-symbols-outlined.woff2",
    # The interface's words in other languages (`…@<version>/locales/vi.json`): beside the page.
    "https://unpkg.com/@sveltia/cms": "./cms",
    # GitHub's status page, asked every 5 minutes for an outage banner: the admin page talks to no
    # host but GitHub's API, so it reads a file of the site that says "no known outage" (an outage
    # still shows as the API's own errors).
    "https://www.githubstatus.com/api/v2/status.json": "github-status.json",
}
# Sveltia asks its CDN for its newest version every hour to offer an update: the pinned one is the newest here.
PACKAGE_JSON = f'{{"name": "@sveltia/cms", "version": "{VERSION}"}}\n'
STATUS = '{"status": {"indicator": "none", "description": "not checked: the admin page asks only GitHub\'s API"}}\n'

SERVED = (
    "LICENSE.txt",
    "fonts/source-sans-3.woff2",
    "fonts/source-sans-3.LICENSE.txt",
    "fonts/noto-mono.woff2",
    "fonts/noto-mono.LICENSE.txt",
    "fonts/material-symbols-outlined.woff2",
    "fonts/material-symbols-outlined.LICENSE.txt",
)
INTERFACE_LANGUAGES = ("vi",)  # Sveltia's own words, served beside the page (English is in the script)


class VendorError(RuntimeError):
    """The vendored script is not the one the rewrite was written for."""


def admin_script() -> str:
    """The vendored script with its CDN addresses pointing at the site's copies."""
    script = (VENDOR / SCRIPT).read_text(encoding="utf-8")
    for remote, local in LOCAL_COPIES.items():
        if remote not in script:
            raise VendorError(f"{SCRIPT} {VERSION}: “{remote}” not found; update cms/admin.py LOCAL_COPIES")
        script = script.replace(remote, local)
    return script


def admin_page(campaign: Campaign) -> str:
    title = f"Quản trị nội dung — {campaign.site.site_name}"
    return f"""<!doctype html>
<html lang="{campaign.default_language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{escape(csp(admin=True), quote=False)}">
<meta name="referrer" content="{REFERRER_POLICY}">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
<script src="{LANGUAGE_SCRIPT}"></script>
</head>
<body>
<noscript>Trang quản trị cần JavaScript. Bạn vẫn có thể gửi bài trên GitHub theo CONTRIBUTING.md.</noscript>
<script src="{SCRIPT}"></script>
</body>
</html>
"""


def language_script(campaign: Campaign) -> str:
    """Sveltia's interface in the campaign's language unless the editor chose another in its
    settings (it follows the browser's language otherwise, and many browsers here speak English)."""
    language = campaign.default_language
    return f"""// Written by campaign_kit.cms.admin: Sveltia's interface in {language} unless the editor chose another.
(function () {{
  var key = "sveltia-cms.prefs";
  try {{
    var prefs = JSON.parse(localStorage.getItem(key) || "{{}}") || {{}};
    if (!prefs.locale) {{
      prefs.locale = "{language}";
      localStorage.setItem(key, JSON.stringify(prefs));
    }}
  }} catch (error) {{
    // No storage (private window): the browser's language is used.
  }}
}})();
"""


def config_yaml(campaign: Campaign) -> str:
    header = (
        "# Written by the build (campaign_kit.cms) from the content model: edit the schemas or\n"
        "# campaign/, not this file. Sveltia CMS reads it (README, “Forms in the browser”).\n"
    )
    return header + yaml.safe_dump(cms_config(campaign), allow_unicode=True, sort_keys=False, width=200)


def admin_assets(campaign: Campaign) -> dict[str, Path | str]:
    """{path under the site's root: text or file} of the admin page."""
    assets: dict[str, Path | str] = {
        f"{ADMIN_FOLDER}/index.html": admin_page(campaign),
        f"{ADMIN_FOLDER}/config.yml": config_yaml(campaign),
        f"{ADMIN_FOLDER}/{SCRIPT}": admin_script(),
        f"{ADMIN_FOLDER}/{LANGUAGE_SCRIPT}": language_script(campaign),
        f"{ADMIN_FOLDER}/github-status.json": STATUS,
        f"{ADMIN_FOLDER}/cms/package.json": PACKAGE_JSON,
    }
    for name in SERVED:
        assets[f"{ADMIN_FOLDER}/{name}"] = VENDOR / name
    for language in INTERFACE_LANGUAGES:
        assets[f"{ADMIN_FOLDER}/cms@{VERSION}/locales/{language}.json"] = VENDOR / "locales" / f"{language}.json"
    return assets
