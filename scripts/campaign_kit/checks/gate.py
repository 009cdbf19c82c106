"""The gate over loaded content: every check a Markdown file or another file under docs/ must pass."""

from __future__ import annotations

from ..model.content import Content
from ..model.errors import Problems
from . import files, front_matter, images, privacy, safety, scaffold, text


def run_gate(content: Content, problems: Problems) -> None:
    """Each Markdown file as written (also when its front matter could not be read),
    then the other files under docs/. Links are checked against the site plan
    (`campaign_kit.siteplan.links`), once the plan is made."""
    for source in content.sources:
        if source.text is None:
            continue
        text.check(source.path, source.text, problems)
        scaffold.check(source.path, source.text, problems)
        privacy.check(source.path, source.text, source.page, problems)
        if source.page is not None:  # a page whose front matter is wrong is refused already
            safety.check(source.page, problems)
            front_matter.check(source.page, problems)
    other_files = files.check(content.docs_dir, content.campaign.root, problems)
    images.check_files(other_files, problems)
    privacy.check_files(other_files, problems)
