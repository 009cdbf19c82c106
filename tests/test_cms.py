"""The newsroom's forms (Sveltia CMS at quan-tri/): the configuration generated from the content model
covers every content type and key, with the schema's required keys and campaign/'s choices; a schema
key without a form field is caught; the vendored script is the pinned release; the admin page loads in
Chromium in Vietnamese with no console error and no request to another host; and a story written in
its form, saved as the CMS writes files, passes the gate unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Annotated

import pytest
import yaml
from conftest import FIXTURE, LOCAL_HOST, PROJECT, SUITE_TODAY, kit_project, loaded_project
from playwright.sync_api import Browser, Page, Route
from pydantic import Field

from campaign_kit.cms import ADMIN_FOLDER, cms_config, form_coverage
from campaign_kit.cms.admin import LOCAL_COPIES, admin_script
from campaign_kit.cms.config import FormError, repository_name
from campaign_kit.cms.vendor import vendored_problems
from campaign_kit.codeowners import codeowners
from campaign_kit.model.schema import CommendationMeta, StoryMeta, Text
from campaign_kit.model.sections import SECTIONS, Section
from campaign_kit.project import load
from campaign_kit.security import csp, nginx_include

CAMPAIGN = kit_project().content.campaign  # the fictional campaign (tests/fixtures/campaign-mau)
CONFIG = cms_config(CAMPAIGN)


def collection(name: str) -> dict:
    return next(c for c in CONFIG["collections"] if c["name"] == name)


def field(fields: list[dict], name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def test_the_forms_cover_every_content_type_with_the_models_keys_and_choices():
    assert form_coverage(CONFIG) == []
    folders = {c["folder"] for c in CONFIG["collections"]}
    assert folders == {f"docs/{section.folder}" for section in SECTIONS} | {"campaign/activities"}
    activity = field(collection("activities")["fields"], "activities")["fields"]
    agencies = CAMPAIGN.agencies[CAMPAIGN.default_language]
    assert [o["value"] for o in field(activity, "agency")["options"]] == list(agencies)
    assert [o["value"] for o in field(activity, "unit")["options"]] == [u.key for u in CAMPAIGN.admin_map.units]
    assert field(activity, "reached")["widget"] == "object" and field(activity, "reported_on")["required"]
    story = collection("story")["fields"]
    assert [f["name"] for f in story[:3]] == ["title", "date", "district"]
    assert field(story, "date") | {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False} == field(
        story, "date"
    )
    assert [o["value"] for o in field(story, "district")["options"]] == [d.key for d in CAMPAIGN.districts]
    assert [o["value"] for o in field(story, "unit")["options"]] == [u.key for u in CAMPAIGN.admin_map.units]
    assert field(story, "consent")["required"] is True
    assert [f["name"] for f in field(story, "consent")["fields"]] == ["given_by", "date", "kept_at"]
    policy = collection("policy")["fields"]
    groups = CAMPAIGN.policy_groups[CAMPAIGN.default_language]
    assert [o["value"] for o in field(policy, "group")["options"]] == [g.key for g in groups]
    assert field(field(policy, "legal_basis")["fields"], "doc")["collection"] == "legal"
    # Households and persons need consent; organisations may do without (one folder, two forms).
    assert field(collection("commendation")["fields"], "consent")["required"] is True
    assert field(collection("commendation-organisation")["fields"], "consent")["required"] is False
    # One entry, its languages as the repository stores them: page.md, page.en.md, page.km.md.
    codes = [language.code for language in CAMPAIGN.languages]
    assert CONFIG["i18n"]["locales"] == codes and CONFIG["i18n"]["omit_default_locale_from_file_path"] is True
    assert field(story, "title")["i18n"] is True and field(story, "district")["i18n"] == "duplicate"
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["backend"]["repo"] == repository_name(CAMPAIGN) == "chien-dich-mau/giam-ngheo-song-may"
    assert collection("story")["media_folder"] == "anh"  # photos beside the pages: docs/guong-thoat-ngheo/anh/


def test_editors_sign_in_with_a_token_or_the_campaigns_authenticator_never_netlifys():
    assert CONFIG["backend"]["auth_methods"] == ["token"] and "base_url" not in CONFIG["backend"]
    repository = CAMPAIGN.site.repository.model_copy(update={"cms_authenticator": "https://dang-nhap.example/"})
    with_authenticator = dataclasses.replace(CAMPAIGN, site=CAMPAIGN.site.model_copy(update={"repository": repository}))
    backend = cms_config(with_authenticator)["backend"]
    assert backend["base_url"] == "https://dang-nhap.example" and backend["auth_methods"] == ["oauth", "token"]


def with_schema(section: Section, schema: type) -> list[Section]:
    return [Section(s.folder, s.content_type, schema) if s is section else s for s in SECTIONS]


def test_a_schema_key_the_forms_lack_is_caught():
    story = next(s for s in SECTIONS if s.schema is StoryMeta)

    class WithVillage(StoryMeta):
        village: Text  # a new required key, no form field yet

    problems = form_coverage(CONFIG, with_schema(story, WithVillage))
    assert problems == ["story: no form field for “village”"]
    # Generated anew from that schema, the form has the key, required; its label is still missing.
    regenerated = cms_config(CAMPAIGN, with_schema(story, WithVillage))
    assert field(next(c for c in regenerated["collections"] if c["name"] == "story")["fields"], "village")["required"]
    assert form_coverage(regenerated, with_schema(story, WithVillage)) == [
        "story: “village” has no Vietnamese label (cms/config.py LABELS)"
    ]

    class CommuneRequired(CommendationMeta):
        commune: Annotated[str, Field(min_length=1)]

    commendation = next(s for s in SECTIONS if s.schema is CommendationMeta)
    assert "commendation: “commune” is required by the schema, optional in the form" in form_coverage(
        CONFIG, with_schema(commendation, CommuneRequired)
    )

    class Unformable(StoryMeta):
        scores: dict[str, int] = {}

    with pytest.raises(FormError, match="scores"):
        cms_config(CAMPAIGN, with_schema(story, Unformable))


def test_codeowners_is_written_from_the_project():
    """Pages about people need the editor-in-chief's team, code and campaign/ the technical reviewers,
    both teams of the organisation that owns the repository of campaign/site.yml."""
    written = (PROJECT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")  # the repository's own campaign
    organisation = repository_name(loaded_project().content.campaign).split("/")[0]
    assert written == codeowners(organisation), "write it again from campaign/site.yml: make codeowners"
    owners = dict(line.split() for line in written.splitlines() if line and not line.startswith("#"))
    assert owners["/docs/guong-thoat-ngheo/"] == owners["/docs/bieu-duong/"] == f"@{organisation}/tong-bien-tap"
    assert owners["/campaign/"] == owners["/scripts/"] == f"@{organisation}/ky-thuat"


def test_a_server_of_ours_sends_the_admin_page_its_own_policy():
    served = (PROJECT / "deploy" / "nginx" / "campaign-cms-headers.conf").read_text(encoding="utf-8")
    assert served == nginx_include(admin=True)
    assert "location ^~ /quan-tri/" in (PROJECT / "deploy" / "nginx" / "campaign-site.conf").read_text(encoding="utf-8")


def test_the_vendored_script_is_the_pinned_release_served_without_cdns():
    assert vendored_problems() == []
    script = admin_script()
    for remote in LOCAL_COPIES:
        assert remote not in script
    assert "cdn.jsdelivr.net" not in script  # its interface fonts are the site's copies


SEED_TEST_REPOSITORY = """async (files) => {
  const top = await (await navigator.storage.getDirectory()).getDirectoryHandle("sveltia-cms-test", {create: true});
  for (const [path, text] of Object.entries(files)) {
    let folder = top;
    const parts = path.split("/");
    const name = parts.pop();
    for (const part of parts) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(name, {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""
READ_TEST_REPOSITORY = """async () => {
  const files = {};
  async function walk(folder, prefix) {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === "directory") await walk(handle, prefix + name + "/");
      else files[prefix + name] = await (await handle.getFile()).text();
    }
  }
  await walk(await navigator.storage.getDirectory(), "");
  return files;
}"""


def open_admin(browser: Browser, site_url: str, *, test_backend: bool) -> tuple[Page, list[str], list[str]]:
    """The admin page at phone width, Vietnamese browser; every request to another host is aborted
    and recorded (GitHub's API is never reached: the page asks it only after sign-in). With
    `test_backend`, the served config.yml with Sveltia's in-browser test repository instead of GitHub."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    def route(route: Route) -> None:
        url = route.request.url
        if not url.startswith(f"http://{LOCAL_HOST}"):
            foreign.append(url)
            route.abort()
        elif test_backend and url.split("?")[0].endswith(f"/{ADMIN_FOLDER}/config.yml"):
            config = yaml.safe_load(route.fetch().text())
            config["backend"] = {"name": "test-repo"}
            route.fulfill(body=yaml.safe_dump(config, allow_unicode=True), content_type="application/yaml")
        else:
            route.continue_()

    context.route("**/*", route)
    page.goto(f"{site_url}{ADMIN_FOLDER}/")
    return page, errors, foreign


def fill_story(page: Page) -> None:
    def section(key: str):
        return page.locator(f'section.field[data-key-path="{key}"]').first

    section("title").locator("input").fill('Chị Năm: nuôi vịt, thoát nghèo "bền vững"')
    section("date").locator("input").fill("2024-05-31")
    # Few choices are radio buttons (Sveltia's dropdown_threshold), many a list to open.
    section("district").get_by_role("radio", name=CAMPAIGN.district("ben-lua").name).click()
    section("summary").locator("textarea").fill("Chị Năm ở Bến Lúa vay vốn nuôi vịt; nay gia đình đã thoát nghèo.")
    section("consent").scroll_into_view_if_needed()  # a group's fields are drawn when it comes into view
    section("consent.given_by").wait_for()
    for key, value in (("given_by", "Chị Năm (chủ hộ)"), ("kept_at", "UBND xã Bến Lúa (bản giấy)")):
        section(f"consent.{key}").locator("input").click()
        page.keyboard.type(value)
    section("consent.date").locator("input").fill("2024-05-20")
    section("body").locator('[contenteditable="true"]').click()
    page.keyboard.type("Chị Năm nuôi vịt bên bờ kênh. Nhờ vay vốn ưu đãi, gia đình có thêm đàn vịt đẻ.")


def test_the_admin_page_loads_alone_and_its_story_form_writes_what_the_gate_passes(
    kit_site: Path, kit_site_url: str, browser: Browser, tmp_path: Path
):
    site_url = kit_site_url
    admin = kit_site / ADMIN_FOLDER
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html and "data-pagefind-body" not in html
    assert csp(admin=True) in html and "https://api.github.com" in csp(admin=True)
    assert ADMIN_FOLDER not in (kit_site / "sitemap.xml").read_text(encoding="utf-8")
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8")) == CONFIG

    # As served: the sign-in page, in Vietnamese, nothing asked of another host, no console error.
    page, errors, foreign = open_admin(browser, site_url, test_backend=False)
    page.get_by_role("button", name="Đăng nhập bằng mã truy cập").wait_for()
    assert page.get_by_role("button", name=re.compile("Đăng nhập bằng .*GitHub")).count() == 0  # no authenticator yet
    page.wait_for_timeout(500)  # its status and update checks run right after the first paint
    assert (errors, foreign) == ([], [])
    page.context.close()

    # The story form (Sveltia's in-browser test repository: no sign-in, no network), filled and saved.
    # The repository's pages are read as entries of their forms (translations beside them, each
    # section's index.md apart; commendations split by kind), then a new story is written.
    page, errors, foreign = open_admin(browser, site_url, test_backend=True)
    sign_in = page.get_by_role("button", name=re.compile("thử nghiệm"))
    sign_in.wait_for()
    folders = ("chinh-sach", "guong-thoat-ngheo", "bieu-duong")
    seeded = {
        f"docs/{f}/{p.name}": p.read_text(encoding="utf-8")
        for f in folders
        for p in (FIXTURE / "docs" / f).glob("*.md")
    }
    page.evaluate(SEED_TEST_REPOSITORY, seeded)
    sign_in.click()
    content = kit_project().content
    kinds = [item.meta.kind for item in content.items("commendation")]
    listed = [
        f"{label}\n{count}"  # each form's name and its number of entries, as the list of forms shows them
        for label, count in (
            ("Chính sách", len(content.items("policy"))),
            ("Gương thoát nghèo", len(content.items("story"))),
            ("Biểu dương: hộ gia đình, cá nhân", len([kind for kind in kinds if kind != "organisation"])),
            ("Biểu dương: tổ chức", kinds.count("organisation")),
        )
    ]
    page.get_by_text("Gương thoát nghèo").first.wait_for()
    for _ in range(50):
        if all(line in page.inner_text("body") for line in listed):
            break
        page.wait_for_timeout(200)
    assert [line for line in listed if line not in page.inner_text("body")] == []
    page.goto(f"{site_url}{ADMIN_FOLDER}/#/collections/story/new")
    fill_story(page)
    page.screenshot(path=tmp_path / "story-form.png")
    page.get_by_role("button", name="Lưu").first.click()
    written: dict[str, str] = {}
    for _ in range(50):  # the save is written to the browser's storage a moment later
        page.wait_for_timeout(200)
        files = page.evaluate(READ_TEST_REPOSITORY)
        written = {
            name.removeprefix("sveltia-cms-test/"): text
            for name, text in files.items()
            if name.endswith(".md") and name.removeprefix("sveltia-cms-test/") not in seeded
        }
        if written:
            break
    page.context.close()
    assert (errors, foreign) == ([], [])
    (name, text), *others = written.items()
    assert others == [] and name == "docs/guong-thoat-ngheo/chi-nam-nuoi-vit-thoat-ngheo-ben-vung.md"
    assert name not in seeded
    assert "date: 2024-05-31\n" in text and "  date: 2024-05-20\n" in text  # ISO dates, as the schema reads

    # The file as the CMS wrote it, unchanged, in a copy of the project: the gate passes it.
    for part in ("campaign", "docs"):
        shutil.copytree(FIXTURE / part, tmp_path / part)
    (tmp_path / name).write_text(text, encoding="utf-8")
    project = load(tmp_path, today=SUITE_TODAY)
    page_written = project.content.page(name.removeprefix("docs/"), CAMPAIGN.default_language)
    assert page_written is not None and page_written.meta.date == dt.date(2024, 5, 31)
    assert page_written.meta.consent.given_by == "Chị Năm (chủ hộ)"
