"""One composition of the pipeline, used by build, serve, check, print and the tests:
load `campaign/` and `docs/`, run the gate, plan the site, apply the production policy.

Dependencies point one way: model ← checks ← siteplan ← outputs (MkDocs adapter,
print, reports) ← commands. Only this module puts them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .checks import run_gate
from .model.campaign import load_campaign
from .model.content import Content, load_content
from .model.errors import Problems
from .production import check_production
from .siteplan import SitePlan, plan_site
from .siteplan.links import check_links
from .siteplan.reserved import check_reserved


@dataclass(frozen=True)
class Project:
    root: Path
    plan: SitePlan
    production: bool

    @property
    def content(self) -> Content:
        return self.plan.content


def load(root: Path, *, production: bool = False, gate: bool = True, docs_dir: Path | None = None) -> Project:
    """The project in `root`, planned; raise ContentError listing every problem.

    `gate=False` skips the contribution gate (text, privacy, images, links), for a
    tool that only reads content; `docs_dir` reads pages from another folder than
    `root/docs` (the tests' copies)."""
    docs_dir = docs_dir or root / "docs"
    problems = Problems(docs_dir.parent)  # messages name files from the folder that holds docs/
    campaign = load_campaign(root / "campaign")
    content = load_content(campaign, docs_dir, problems)
    model_ok = not problems.items
    if gate:
        run_gate(content, problems)
    if production:
        check_production(content, problems)
    plan = _plan(content, problems, model_ok, production)
    _check_nav(plan, problems)
    if gate:
        check_links(plan, problems)
        check_reserved(plan, problems)
    problems.raise_if_any()
    return Project(root, plan, production)


def _plan(content: Content, problems: Problems, model_ok: bool, production: bool) -> SitePlan:
    """The site plan. When a page has a mistake in its front matter it is left out of the
    content, and a page referring to it may not be plannable: the plan is then attempted
    so that broken links are still reported with everything else, and when it cannot be
    made, the problems already found explain why."""
    # A production build publishes the print kit in the site, and its pages link to the files.
    if model_ok:
        return plan_site(content, print_published=production)
    try:
        return plan_site(content, print_published=production)
    except Exception:  # any failure here follows from a problem already reported
        problems.raise_if_any()
        raise


def _check_nav(plan: SitePlan, problems: Problems) -> None:
    for entry in [*plan.nav, *plan.content.campaign.site.home_questions]:
        if not plan.has_page(entry, plan.reference.code):
            problems.add(
                plan.content.campaign.root / "site.yml",
                1,
                f"menu (nav) hoặc home_questions có “{entry}” nhưng trang web không có trang này.",
                "Ghi đường dẫn của một trang trong docs/, ví dụ chinh-sach/index.md",
            )
