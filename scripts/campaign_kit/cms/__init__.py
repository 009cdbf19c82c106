"""The newsroom's forms in the browser: Sveltia CMS (MIT), vendored, served at the site's
`quan-tri/` page, its configuration generated from the content model (`cms.config`).

Editors fill a form per content type; each entry becomes a branch and a pull request that the
contribution gate checks like any other (`make check`). Nothing here is read by the pages.
"""

from ..model.sections import ADMIN_FOLDER
from .config import cms_config, form_coverage

__all__ = ["ADMIN_FOLDER", "cms_config", "form_coverage"]
