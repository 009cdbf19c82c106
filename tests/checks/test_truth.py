"""The site's truth as a class, not as the corpus's few cases: every date before the earliest day is
refused in every date field; a dated page citing an act signed after it is refused however the link
is written, and passes from the act's signing day on; a title that folds to a policy's is refused
in any case or spelling, outside the policies only. The fictional fixture campaign is loaded once (the
process's)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SUITE_TODAY, kit_project
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from campaign_kit.checks import truth
from campaign_kit.model.activities import Activity, Recorded
from campaign_kit.model.content import Content, Page, SourceFile
from campaign_kit.model.errors import Problems
from campaign_kit.model.schema import EARLIEST_DATE, LegalDocumentMeta, NewsMeta, PolicyMeta

CONTENT = kit_project().content
NEWS = CONTENT.items("news")[0]
ACTS = [act for act in CONTENT.items("legal") if isinstance(act.meta, LegalDocumentMeta)]
POLICIES = [
    page for languages in CONTENT.pages.values() for page in languages.values() if page.content_type == "policy"
]
CONTEXT = {"today": SUITE_TODAY, "now": SUITE_TODAY}

# (model, a valid front matter, the date field to spoil)
DATE_FIELDS = [
    (NewsMeta, NEWS.front.data, ("date",)),
    (LegalDocumentMeta, ACTS[0].front.data, ("date",)),
    (LegalDocumentMeta, {**ACTS[0].front.data, "in_force_from": ACTS[0].meta.date}, ("in_force_from",)),
    (LegalDocumentMeta, {**ACTS[0].front.data, "in_force_until": ACTS[0].meta.date}, ("in_force_until",)),
    (PolicyMeta, CONTENT.items("policy")[0].front.data, ("checked",)),
]


def _errors(model: type[BaseModel], data: dict) -> list[str]:
    try:
        model.model_validate(data, context=CONTEXT)
    except ValidationError as failure:
        return [error["type"] for error in failure.errors()]
    return []


@pytest.mark.parametrize(("model", "data", "at"), DATE_FIELDS, ids=[case[2][0] for case in DATE_FIELDS])
@settings(max_examples=30, deadline=None)
@given(day=st.dates(max_value=EARLIEST_DATE - dt.timedelta(days=1)))
def test_every_date_before_the_earliest_day_is_refused(model: type[BaseModel], data: dict, at: tuple, day: dt.date):
    assert _errors(model, {**data, at[0]: day}) == ["ancient_date"]


@pytest.mark.parametrize(("model", "data", "at"), DATE_FIELDS, ids=[case[2][0] for case in DATE_FIELDS])
def test_the_earliest_day_itself_is_a_date_like_any_other(model: type[BaseModel], data: dict, at: tuple) -> None:
    assert "ancient_date" not in _errors(model, {**data, at[0]: EARLIEST_DATE})
    assert _errors(model, data) == []


# A link to an act's page as editors write it: inline, with ./, an anchor or a query, by reference, in HTML.
LINKS = [
    "[văn bản](../van-ban/{key}.md)",
    "[văn bản](./../van-ban/{key}.md#dieu-1)",
    "[văn bản](../van-ban/{key}.md?nguon=tin)",
    "[văn bản][vb]\n\n[vb]: ../van-ban/{key}.md",
    '<a href="../van-ban/{key}.md">văn bản</a>',
    "[văn bản](<../tin-tuc/../van-ban/{key}.md>)",
]


def _cited(day: dt.date, act: Page, link: str) -> list[str]:
    """What the truth check says of a news item of `day` whose body cites `act` by `link`."""
    page = dataclasses.replace(NEWS, meta=NEWS.meta.model_copy(update={"date": day}))
    text = f"---\ntitle: {NEWS.meta.title}\n---\n\nBài viết.\n\n{link.format(key=act.key)}\n"
    content = dataclasses.replace(CONTENT, sources=[SourceFile(NEWS.path, text, page)], _items={})
    content.pages = {**CONTENT.pages, NEWS.src_uri: {CONTENT.campaign.default_language: page}}
    problems = Problems(CONTENT.docs_dir.parent)
    truth.check(content, problems)
    return [f"{p.line}: {p.message}" for p in problems.items]


@settings(max_examples=60, deadline=None)
@given(act=st.sampled_from(ACTS), link=st.sampled_from(LINKS), days=st.integers(1, 3000))
def test_a_dated_page_citing_an_act_signed_after_it_is_refused(act: Page, link: str, days: int) -> None:
    assert isinstance(act.meta, LegalDocumentMeta)
    day = act.meta.date - dt.timedelta(days=days)
    line = 9 if "[vb]:" in link else 7  # a reference is reported where its target is written
    assert _cited(day, act, link) == [
        f"{line}: bài ngày {day:%d/%m/%Y} nhắc văn bản ký ngày {act.meta.date:%d/%m/%Y} ({act.meta.kind} {act.meta.number}):"
        " văn bản chưa có vào ngày của bài."
    ]


@settings(max_examples=30, deadline=None)
@given(act=st.sampled_from(ACTS), link=st.sampled_from(LINKS), days=st.integers(0, 3000))
def test_a_dated_page_may_cite_an_act_from_its_signing_day_on(act: Page, link: str, days: int) -> None:
    assert isinstance(act.meta, LegalDocumentMeta)
    assert _cited(min(act.meta.date + dt.timedelta(days=days), SUITE_TODAY), act, link) == []


def _spelled(draw: Callable[[st.SearchStrategy[str]], str], title: str) -> str:
    """`title` as another hand types it: each letter in either case, with or without its marks,
    composed or not, words apart by more spaces, an end mark."""
    letters = []
    for char in title:
        form = draw(st.sampled_from(["same", "upper", "bare", "nfd"]))
        if form == "upper":
            char = char.upper()
        elif form == "bare":
            char = unicodedata.normalize("NFD", char)[0]
        elif form == "nfd":
            char = unicodedata.normalize("NFD", char)
        letters.append(char)
    spaced = "".join(letters).replace(" ", draw(st.sampled_from([" ", "  ", " \u00a0"])))
    return spaced + draw(st.sampled_from(["", ".", "!", " ?"]))


def _titled(page: Page, title: str) -> list[str]:
    """What the truth check says of `page` retitled `title`, beside the policies."""
    retitled = dataclasses.replace(page, meta=page.meta.model_copy(update={"title": title}))
    pages = {policy.src_uri + policy.language: {policy.language: policy} for policy in POLICIES}
    content = dataclasses.replace(CONTENT, sources=[], _items={})
    content.pages = {**pages, "retitled": {page.language: retitled}}
    problems = Problems(CONTENT.docs_dir.parent)
    truth.check(content, problems)
    return [problem.message for problem in problems.items]


OUTSIDE = [CONTENT.items(kind)[0] for kind in ("news", "story", "commendation", "faq", "legal")]


@settings(max_examples=60, deadline=None)
@given(data=st.data(), policy=st.sampled_from(POLICIES), page=st.sampled_from(OUTSIDE))
def test_a_title_spelled_like_a_policy_s_is_refused_outside_the_policies(
    data: st.DataObject, policy: Page, page: Page
) -> None:
    title = _spelled(data.draw, policy.meta.title)
    (message,) = _titled(page, title)
    assert message.startswith(f"tiêu đề “{title}” trùng tiêu đề trang chính sách “{policy.src_uri}”")


def test_a_policy_s_own_title_and_other_titles_pass() -> None:
    for policy in POLICIES:
        assert _titled(policy, policy.meta.title) == []
    assert _titled(NEWS, POLICIES[0].meta.title + " ở xã") == []


def test_an_activity_before_the_act_its_plan_carries_out_is_refused() -> None:
    """The lower bound of an activity's date: the plan it reports to exists from its act's signing on.
    The plan carries out two of the fixture's acts; an activity is recorded at line 7 of a file."""
    campaign = CONTENT.campaign
    language = campaign.default_language
    implements = [ACTS[0].key, ACTS[-1].key]
    plan = campaign.plans[language].model_copy(update={"implements": implements})
    campaign = dataclasses.replace(campaign, plans={**campaign.plans, language: plan})
    signed = min(act.meta.date for act in ACTS if act.key in implements)
    path = campaign.root / "activities" / "mau.yml"
    recorded = Recorded(Activity.model_construct(key="mau-doi-thoai", start=signed), path, 7)

    def problems_on(day: dt.date) -> list[str]:
        moved = dataclasses.replace(recorded, activity=recorded.activity.model_copy(update={"start": day}))
        problems = Problems(campaign.root.parent)
        truth.check(dataclasses.replace(CONTENT, campaign=campaign, activities=[moved], _items={}), problems)
        return [f"{p.path}:{p.line}: {p.message}" for p in problems.items]

    assert problems_on(signed) == []
    (found,) = problems_on(signed - dt.timedelta(days=1))
    assert found.startswith(f"{recorded.path.relative_to(CONTENT.campaign.root.parent).as_posix()}:{recorded.line}:")
    assert "trước khi có văn bản mà Kế hoạch thực hiện" in found


def _registry_problems(content) -> list[str]:
    problems = Problems(CONTENT.campaign.root.parent)
    truth.acts_registered(content, problems)
    return [f"{p.line}: {p.message}" for p in problems.items]


def _with_act(page: Page) -> Content:
    return dataclasses.replace(CONTENT, pages={**CONTENT.pages, page.src_uri: {page.language: page}}, _items={})


def test_every_act_of_the_site_is_registered() -> None:
    assert _registry_problems(CONTENT) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"src_uri": "van-ban/nghi-dinh-99-2099-nd-cp.md"}, "không có trong sổ văn bản campaign/acts.yml"),
        ({"number": "99/2099/NĐ-CP"}, "số hiệu “99/2099/NĐ-CP” khác số hiệu đã đăng ký"),
        ({"date": dt.date(2020, 1, 2)}, "ngày ký 02/01/2020 khác ngày đã đăng ký"),
    ],
)
def test_an_act_outside_the_registry_is_refused(change: dict, expected: str) -> None:
    act = ACTS[0]
    meta = act.meta.model_copy(update={k: v for k, v in change.items() if k != "src_uri"})
    page = dataclasses.replace(act, meta=meta, src_uri=change.get("src_uri", act.src_uri))
    (found,) = _registry_problems(_with_act(page))
    line = act.line_of("date" if "date" in change else "number")
    assert found.startswith(f"{line}: ") and expected in found, found


def test_an_act_pdf_must_be_the_registered_file(tmp_path: Path) -> None:
    campaign = tmp_path / "campaign"
    shutil.copytree(CONTENT.campaign.root, campaign)
    pdf = tmp_path / "docs" / "van-ban" / "quyet-dinh.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.4 registered")
    content = dataclasses.replace(
        CONTENT, docs_dir=tmp_path / "docs", campaign=dataclasses.replace(CONTENT.campaign, root=campaign)
    )
    (found,) = _registry_problems(content)
    assert "chưa được đăng ký" in found
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    text = (campaign / "acts.yml").read_text(encoding="utf-8")
    (campaign / "acts.yml").write_text(text.replace("files: {}", f"files:\n  van-ban/quyet-dinh.pdf: {digest}\n"))
    assert _registry_problems(content) == []
    pdf.write_bytes(b"%PDF-1.4 forged")
    (found,) = _registry_problems(content)
    assert "không phải bản văn bản đã đăng ký" in found
