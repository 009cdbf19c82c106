"""One composition of the pipeline, used by build, serve, check, print and the tests:
load `campaign/` and `docs/`, run the gate, plan the site, apply the production policy.

Dependencies point one way: model ← checks ← siteplan ← outputs (MkDocs adapter,
print, reports) ← commands. Only this module puts them together.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import HttpUrl, TypeAdapter

from .model.campaign import load_campaign
from .model.content import Content, load_content, yaml_line
from .model.errors import Problem, Problems
from .production import check_press, check_production
from .registry import run_gate, run_plan_checks
from .siteplan import SitePlan, plan_site

#: On every page of a staging build (and noindex): the campaign office reviews there before launch.
STAGING_MARK = "Bản thử nghiệm — không phải trang chính thức"


@dataclass(frozen=True)
class Project:
    root: Path
    plan: SitePlan
    production: bool
    staging: bool = False  # a review copy: samples allowed, every page marked STAGING_MARK, not indexed
    warnings: list[Problem] = field(default_factory=list)  # published as they are; make check shows them

    @property
    def content(self) -> Content:
        return self.plan.content


def load(
    root: Path,
    *,
    production: bool = False,
    press: bool = False,
    staging_url: str | None = None,
    gate: bool = True,
    docs_dir: Path | None = None,
    today: dt.date | None = None,
) -> Project:
    """The project in `root` as of `today` (the build date: what is in force on it is what the
    site and print say of today; default today in the campaign's time zone), planned; raise
    ContentError listing every problem.

    `production`: the public site's policy (no sample, no placeholder address); `press`: also the
    press guard of a print run (contacts, colophon, print runs: campaign_kit.production).
    `staging_url`: a staging build, published at this address instead of site_url.

    `gate=False` skips the contribution gate (`campaign_kit.registry`: text, privacy, files, links), for a
    tool that only reads content; `docs_dir` reads pages from another folder than
    `root/docs` (the tests' copies)."""
    docs_dir = docs_dir or root / "docs"
    problems = Problems(docs_dir.parent)  # messages name files from the folder that holds docs/
    campaign = load_campaign(root / "campaign")
    if staging_url:
        site_url = TypeAdapter(HttpUrl).validate_python(staging_url)
        campaign = replace(campaign, site=campaign.site.model_copy(update={"site_url": site_url}))
    content = load_content(campaign, docs_dir, problems, today)
    model_ok = not problems.items
    if gate:
        run_gate(content, problems)
    if production:
        check_production(content, problems)
        if press:
            check_press(content, problems)
    plan = _plan(content, problems, model_ok, production)
    _check_nav(plan, problems)
    if gate:
        run_plan_checks(plan, problems)
    problems.raise_if_any()
    return Project(root, plan, production, staging=staging_url is not None, warnings=problems.warnings)


def add_today_argument(parser: argparse.ArgumentParser) -> None:
    """`--today YYYY-MM-DD` (make … TODAY=…): the date the site, print or check speaks of."""
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="the build date, YYYY-MM-DD (default: the real date): the facts in force on it are shown",
    )


def _plan(content: Content, problems: Problems, model_ok: bool, production: bool) -> SitePlan:
    """The site plan. When a page has a mistake in its front matter it is left out of the
    content, and a page referring to it may not be plannable: the plan is then attempted
    so that broken links are still reported with everything else, and when it cannot be
    made, the problems already found explain why."""
    if model_ok:
        return plan_site(content, production=production)
    try:
        return plan_site(content, production=production)
    except Exception:  # any failure here follows from a problem already reported
        problems.raise_if_any()
        raise


def _check_nav(plan: SitePlan, problems: Problems) -> None:
    site = plan.content.campaign.root / "site.yml"
    entries = [("nav", i, entry) for i, entry in enumerate(plan.nav)]
    entries += [("home_questions", i, entry) for i, entry in enumerate(plan.content.campaign.site.home_questions)]
    for key, index, entry in entries:
        if not plan.has_page(entry, plan.reference.code):
            problems.add(
                site,
                yaml_line(site, (key, index)),
                f"menu (nav) hoặc home_questions có “{entry}” nhưng trang web không có trang này.",
                "Ghi đường dẫn của một trang trong docs/, ví dụ chinh-sach/index.md",
            )
