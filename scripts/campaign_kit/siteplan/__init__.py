"""The site plan: every output page per language, the site's layout and the print products,
computed once from the content model. The gate checks links against it; the renderer
adapter, print and exports read URLs and pages from it."""

from .plan import LanguageSite, SitePlan, plan_site

__all__ = ["LanguageSite", "SitePlan", "plan_site"]
