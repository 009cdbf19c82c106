"""The site's one stylesheet looks exactly like the three it replaces.

Pages link a single stylesheet: Material's, cut to the rules the site's markup can match
(campaign_kit.css_pruning), then the fonts and palette, then campaign.css. Here every element of
a page of each type (and its ::before and ::after) has the same computed style with that
stylesheet as with Material's whole one in its place: on a phone with the menu closed and open,
on a desktop, and after the page's script has run (search results, a self-check answer).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import material
import pytest
from conftest import kit_project
from playwright.sync_api import Browser, Page

from campaign_kit.css_pruning import markup_names, prune_stylesheet
from campaign_kit.mkdocs_plugin.plugin import MATERIAL_STYLESHEET, OUR_STYLESHEET
from campaign_kit.model.sections import BY_TYPE, FINDER_URI, SEARCH_URI, SELF_CHECK_URI, TRANSLATIONS_URI, page_url
from campaign_kit.project import Project
from campaign_kit.site_assets import STYLESHEET, site_stylesheet, theme_css

# In the page: every element's computed style (and its ::before and ::after where drawn) with
# the built stylesheet, then with `whole` in its place; the elements whose styles differ, with
# their first different values. Custom properties are left out: the cut stylesheet drops the
# ones nothing reads, which changes no other value.
COMPARE_STYLES = """(whole) => {
  const built = document.querySelector('link[rel=stylesheet][href$="STYLESHEET"]').sheet;
  let reference = document.getElementById("whole-stylesheet");
  if (!reference) {
    reference = Object.assign(document.createElement("style"), { id: "whole-stylesheet", textContent: whole });
    document.head.append(reference);
  }
  const computed = () => [...document.body.querySelectorAll("*")].flatMap((element) => {
    const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
      + [...element.classList].map((c) => "." + c).join("");
    return [null, "::before", "::after"].flatMap((pseudo) => {
      const style = getComputedStyle(element, pseudo);
      if (pseudo && style.content === "none") return [];
      const values = [...style].filter((p) => !p.startsWith("--")).map((p) => p + ": " + style.getPropertyValue(p));
      return [[name + (pseudo || ""), values]];
    });
  });
  reference.sheet.disabled = true;
  const ours = computed();
  built.disabled = true;
  reference.sheet.disabled = false;
  const theirs = computed();
  built.disabled = false;
  reference.sheet.disabled = true;
  if (ours.length !== theirs.length) return [ours.length + " styled boxes against " + theirs.length];
  return ours.flatMap(([name, values], index) => {
    const changed = values.flatMap((value, at) => value === theirs[index][1][at] ? [] : [value + " (whole: " + theirs[index][1][at] + ")"]);
    return changed.length ? [name + ": " + changed.slice(0, 3).join(", ")] : [];
  });
}""".replace("STYLESHEET", STYLESHEET)


def material_stylesheet() -> str:
    folder = Path(material.__file__).parent / "templates"
    [sheet] = [
        path for path in folder.rglob("*.css") if MATERIAL_STYLESHEET.fullmatch(path.relative_to(folder).as_posix())
    ]
    return sheet.read_text(encoding="utf-8")


def whole_stylesheet(project: Project, language: str) -> str:
    campaign = project.content.campaign
    ours = (project.root / "overrides" / OUR_STYLESHEET).read_text(encoding="utf-8")
    return site_stylesheet(material_stylesheet(), theme_css(campaign, project.root / "fonts", language), ours, None)


def _submit_search(page: Page) -> None:
    page.fill("input[type=search]", "hộ nghèo")
    page.wait_for_selector(".campaign-search__results mark")


def _submit_self_check(page: Page) -> None:
    page.check('[data-area][value="rural"]')
    page.fill("#self-check-members", "4")
    page.fill("#self-check-income", "3000000")
    page.locator("[data-indicator]").first.check()
    page.locator("form button").click()
    page.wait_for_selector("[data-self-check-result] [data-category]")


def _no_script(page: Page) -> None:
    pass


def pages(project: Project) -> dict[str, tuple[str, Callable[[Page], None]]]:
    """{name: (path, what the reader does first)}: the pages of issue 12's budgets, the pages
    with a script, after it ran, and one page of each other layout."""
    policy, story, faq = (project.content.items(kind)[0].src_uri for kind in ("policy", "story", "faq"))
    return {
        "home": ("", _no_script),
        "policy": (page_url(policy), _no_script),
        "Khmer policy": ("km/" + page_url(policy), _no_script),
        "print": (page_url("tai-lieu-in.md"), _no_script),
        "translations": (page_url(TRANSLATIONS_URI), _no_script),
        "finder": (page_url(FINDER_URI), _no_script),
        "search results": (page_url(SEARCH_URI), _submit_search),
        "self-check answer": (page_url(SELF_CHECK_URI), _submit_self_check),
        "story listing": (page_url(BY_TYPE["story"].index), _no_script),
        "story": (page_url(story), _no_script),
        "question": (page_url(faq), _no_script),
        "not found": ("404.html", _no_script),
    }


def _lasting_differences(page: Page, sheet: str) -> list[str]:
    """Differences that are still there once the page has settled: on a loaded machine the first
    comparison may catch the header's auto margins before the page's width is final (seen as
    0px against 30px on a random page); a real difference of the stylesheets stays."""
    differences = page.evaluate(COMPARE_STYLES, sheet)
    if differences:
        page.wait_for_timeout(1000)
        differences = page.evaluate(COMPARE_STYLES, sheet)
    return differences


@pytest.fixture(scope="module")
def whole() -> dict[str, str]:
    return {code: whole_stylesheet(kit_project(), code) for code in kit_project().plan.sites}


# The menu is the site's navigation, drawn by the same rules on every page: opened on a page at the
# root, one in a section and one of each stylesheet (Khmer has its own).
MENU_PAGES = ("home", "policy", "Khmer policy", "story")
PHONE = {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_element_looks_as_with_materials_whole_stylesheet(
    browser: Browser, kit_site_url: str, whole: dict[str, str], screen: dict
) -> None:
    """Fonts are left out: whether a `font-display: optional` face arrives in time would change
    the sizes of the text between the two."""
    # The comparison adds Material's whole stylesheet as a <style> element, which the pages'
    # Content-Security-Policy refuses (campaign_kit.security): the test is no reader, it bypasses it.
    context = browser.new_context(reduced_motion="reduce", bypass_csp=True, **screen)
    context.route(re.compile(r".*\.woff2$"), lambda route: route.abort())
    differences = []
    for name, (path, act) in pages(kit_project()).items():
        page = context.new_page()
        page.goto(kit_site_url + path, wait_until="load")
        act(page)
        sheet = whole["km" if path.startswith("km/") else kit_project().plan.reference.code]
        differences += [f"{name}: {difference}" for difference in _lasting_differences(page, sheet)]
        if screen is PHONE and name in MENU_PAGES:  # the menu, open
            page.evaluate("document.getElementById('__drawer').checked = true")
            differences += [f"{name}, menu open: {difference}" for difference in _lasting_differences(page, sheet)]
        page.close()
    context.close()
    assert not differences, f"{len(differences)} differences, first ones:\n" + "\n".join(differences[:20])


def test_the_cut_keeps_what_the_markup_can_match_and_drops_the_rest() -> None:
    css = (
        ":root{--used:red;--unused:blue;--chained:var(--used)}"
        ".md-nav{color:var(--used)}.md-search{color:green}"
        "[dir=rtl] .md-nav,[dir=ltr] .md-nav{margin:0}"
        "a:hover,.md-tabs a:not(.x){color:red}"
        "@media screen{.md-search{top:0}.md-nav>li::before{content:''}}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
    )
    names = markup_names('<nav class="md-nav" dir="ltr"><li><a href="#">x</a></li></nav>')
    cut = prune_stylesheet(css, names)
    assert ".md-search" not in cut and "--unused" not in cut and "--chained" not in cut
    assert "[dir=rtl]" not in cut and "[dir=ltr] .md-nav{margin:0}" in cut
    assert "--used:red" in cut and ".md-nav{color:var(--used)}" in cut
    assert "a:hover{color:red}" in cut  # states count as true; .md-tabs is not in the markup
    assert '@media screen{.md-nav>li::before{content:""}}' in cut
    assert "@keyframes spin" in cut
    assert "--unused" in prune_stylesheet(css, names, readers="b{color:var(--unused)}")


def test_markup_names_reads_every_attribute_of_every_start_tag() -> None:
    html = (
        '<!doctype html><DIV Class="a  b" data-x="1 > 0" hidden><input type=search id=q>'
        "<p title='it&#39;s'>x &lt;span class=\"not-a-tag\"&gt;</p></DIV>"
    )
    names = markup_names(html)
    assert {"div", ".a", ".b", "[data-x=1 > 0", "[hidden", "input", "[type=search", "#q", "p", "[title=it's"} <= names
    assert "[hidden=" not in " ".join(names) and ".not-a-tag" not in names  # text is not markup
