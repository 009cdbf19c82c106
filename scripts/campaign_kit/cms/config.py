"""Sveltia CMS's configuration, generated from the content model: one collection per content type
(`model.sections`), one form field per front-matter key of its schema, with the schema's required
keys, the choices `campaign/` defines (today's units, the 2024 districts and communes, policy
groups), date pickers that write ISO dates, and the languages of `campaign/languages.yml` as
translations of one entry (`page.md`, `page.en.md`, `page.km.md`, as the repository stores them).

`form_coverage` says what a configuration lacks against the schemas: the test that keeps a new
schema key from reaching editors without a form field.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterable
from typing import Annotated, Any, Literal, Union, get_args, get_origin
from urllib.parse import urlsplit

from annotated_types import MaxLen
from pydantic import BaseModel, HttpUrl
from pydantic.fields import FieldInfo

from ..checks.images import MAX_BYTES
from ..model.activities import STATUS_NAMES, ActivityFile
from ..model.campaign import Campaign
from ..model.schema import CommendationMeta, PageMeta, StoryMeta
from ..model.sections import SECTIONS, Section

DOCS = "docs"  # where pages live in the repository
PHOTO_FOLDER = "anh"  # photos beside the pages of a section: docs/<section>/anh/ (CONTRIBUTING.md)
# Photos are re-encoded in the browser before upload (which also drops GPS and camera serials):
# WebP, no side longer than this; the build makes the smaller sizes readers get.
PHOTO_MAX_SIDE = 2400
PHOTO_QUALITY = 85

# The form's words, by front-matter key (the same key means the same thing in every type).
LABELS: dict[str, tuple[str, str | None]] = {
    "title": ("Tiêu đề", "Viết như người đọc hỏi hoặc nói; dấu hai chấm trong tiêu đề không sao."),
    "summary": ("Tóm tắt", "Một hai câu, hiện trong danh sách bài và khi chia sẻ lên Zalo, Facebook."),
    "tags": ("Chủ đề", "Vài từ, cách nhau bằng dấu phẩy (tối đa 8)."),
    "sample": ("Trang minh họa (hư cấu)", "Chỉ dành cho trang ví dụ: người và chuyện trong bài không có thật."),
    "translation": (
        "Bản dịch",
        "Chỉ điền ở bản tiếng Anh, tiếng Khmer: trang gốc, mã của trang gốc, đã kiểm tra chưa.",
    ),
    "source": ("Trang gốc", "Đường dẫn trong docs/, ví dụ guong-thoat-ngheo/chi-nam-nuoi-vit.md"),
    "source_hash": ("Mã của trang gốc khi dịch", "`make translations` cho biết mã này."),
    "status": ("Tình trạng", None),
    "order": ("Thứ tự", "Số nhỏ hiện trước."),
    "date": ("Ngày", "Ngày đăng (với văn bản: ngày ký). Chọn trên lịch."),
    "district": ("Huyện, thành phố năm 2024", "Cho bài trước ngày 01/07/2025."),
    "commune": ("Xã, phường, thị trấn năm 2024", "Nếu biết; phải thuộc huyện đã chọn."),
    "unit": ("Xã, phường, đặc khu ngày nay", "Cho bài từ ngày 01/07/2025."),
    "group": ("Nhóm chính sách", None),
    "audiences": ("Dành cho", None),
    "legal_basis": ("Căn cứ pháp lý", "Văn bản trong mục Văn bản; điều, khoản nếu cần."),
    "doc": ("Văn bản", None),
    "articles": ("Điều, khoản", None),
    "checked": ("Ngày đối chiếu với văn bản pháp luật", "Trang hiện “Cập nhật theo văn bản pháp luật ngày …”."),
    "key_points": ("Ý chính (in trên tờ rơi)", "Mỗi ý một câu ngắn."),
    "who": ("Ai được hưởng?", None),
    "what": ("Được hưởng gì?", None),
    "how": ("Làm thế nào để nhận?", None),
    "where": ("Hỏi ở đâu?", None),
    "kind": ("Loại", None),
    "number": ("Số hiệu", "Ví dụ 07/2021/NĐ-CP"),
    "issuer": ("Cơ quan ban hành", None),
    "in_force_from": ("Có hiệu lực từ ngày", None),
    "in_force_until": ("Hết hiệu lực sau ngày", "Chỉ khi FACTS.md nói văn bản đã hết hiệu lực."),
    "replaced_by": ("Được thay bằng", "Mã trang của văn bản thay thế trong mục Văn bản, hoặc tên văn bản."),
    "consent": (
        "Giấy đồng ý",
        "Ai đồng ý, ngày ký, nơi cất bản giấy (ủy ban xã). Không bao giờ tải giấy đồng ý lên đây.",
    ),
    "given_by": ("Người đồng ý", "Ví dụ: Chị Năm (chủ hộ)"),
    "kept_at": ("Nơi cất giấy đồng ý", "Tên cơ quan cất bản giấy, không phải tệp hay nhóm chat."),
    "consent.date": ("Ngày ký giấy đồng ý", "Trước ngày đăng bài."),
    "award": ("Hình thức khen", None),
    "related": ("Chính sách liên quan", None),
    "body": ("Nội dung", "Ảnh: bấm nút ảnh, chọn ảnh gốc; ghi lời mô tả điều ảnh cho thấy."),
    # Activities (campaign/activities/): counts only, never a participant's name.
    "activities": ("Hoạt động", "Mỗi dòng một hoạt động. Chỉ ghi số người, không ghi tên người tham dự."),
    "key": ("Mã hoạt động", "Chữ thường, không dấu, nối bằng gạch ngang; không trùng mã khác."),
    "start": ("Ngày bắt đầu", None),
    "end": ("Ngày kết thúc", "Nếu hoạt động nhiều ngày."),
    "agency": ("Cơ quan thực hiện", None),
    "form": ("Hình thức (theo Kế hoạch)", None),
    "task": ("Nhiệm vụ của Kế hoạch", None),
    "policy_group": ("Nhóm chính sách", None),
    "place": ("Nơi tổ chức", "Hội trường, nhà văn hóa; không ghi nhà riêng."),
    "reached": ("Số người được tiếp cận", "Chỉ ghi khi đã thực hiện."),
    "total": ("Tổng số", None),
    "women": ("Số nữ", None),
    "ethnic_minority": ("Số người dân tộc thiểu số", None),
    "poor_near_poor": ("Số người thuộc hộ nghèo, cận nghèo", None),
    "outputs": ("Sản phẩm", "Chỉ ghi khi đã thực hiện."),
    "copies": ("Số bản", None),
    "print_order": ("Đơn in", None),
    "broadcasts": ("Số lượt phát", None),
    "minutes": ("Số phút phát sóng", None),
    "outputs.articles": ("Đường dẫn tin bài", None),
    "cost": ("Kinh phí (đồng)", None),
    "evidence": ("Nơi lưu minh chứng", "Biên bản, danh sách ký nhận: nơi cất, không tải lên."),
    "reported_by": ("Đơn vị báo cáo", None),
    "reported_on": ("Ngày báo cáo", None),
}
# Words of the choices the schemas spell as keys.
CHOICE_LABELS: dict[str, str] = {
    "household": "Hộ gia đình",
    "person": "Cá nhân",
    "organisation": "Tổ chức (hợp tác xã, doanh nghiệp…)",
    "ho-ngheo": "Hộ nghèo",
    "ho-can-ngheo": "Hộ cận nghèo",
    "ho-moi-thoat-ngheo": "Hộ mới thoát nghèo",
    "ho-muc-song-trung-binh": "Hộ có mức sống trung bình",
    "nguoi-lao-dong": "Người lao động",
    "reviewed": "Đã kiểm tra",
    "unreviewed": "Chưa kiểm tra",
    **{status: name for status, name in STATUS_NAMES.items()},
}
# Keys whose text a reader reads: written anew in each language. Every other key (dates, places,
# choices, consent) is the same fact in every language, copied from the Vietnamese entry.
TRANSLATED = frozenset({"title", "summary", "tags", "key_points", "award", "body", "translation"})
MULTILINE = frozenset({"summary"})
# Keys that name another entry: chosen among the entries of that content type.
RELATIONS = {"doc": "legal", "related": "policy"}
# Keys not written by the Vietnamese entry: a translation's bookkeeping.
TRANSLATION_ONLY = frozenset({"translation"})
# The body: every content page but an act's (its front matter says what it is) has one.
BODY_OPTIONAL = frozenset({"legal"})


class FormError(ValueError):
    """A schema key whose type no form field writes."""


def _choices(campaign: Campaign) -> dict[str, list[dict[str, str]]]:
    """The options of keys that name something of `campaign/`."""
    language = campaign.default_language
    communes: dict[str, list[str]] = {}
    for district in campaign.districts:
        for former, _unit in campaign.admin_map.communes_of(district.key):
            communes.setdefault(former.key, []).append(f"{former.name} ({district.name})")
    plan = campaign.plans[language]
    return {
        "agency": [{"label": a.name, "value": key} for key, a in campaign.agencies[language].items()],
        "form": [{"label": form.name, "value": form.key} for form in plan.activity_forms],
        "task": [{"label": f"{key}: {text}"[:160], "value": key} for key, (_t, _n, text) in plan.task_items().items()],
        "policy_group": [{"label": group.title, "value": group.key} for group in campaign.policy_groups[language]],
        "district": [{"label": d.name, "value": d.key} for d in campaign.districts],
        "commune": [{"label": "; ".join(names), "value": key} for key, names in sorted(communes.items())],
        "unit": [{"label": unit.name, "value": unit.key} for unit in campaign.admin_map.units],
        "group": [{"label": group.title, "value": group.key} for group in campaign.policy_groups[language]],
    }


def _strip(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """(the type, whether None is allowed, its constraints) of an annotation."""
    optional, metadata = False, []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            for item in extra:
                metadata += [*getattr(item, "metadata", [])] if isinstance(item, FieldInfo) else [item]
        elif origin in (Union, types.UnionType):
            arms = [arm for arm in get_args(annotation) if arm is not type(None)]
            optional = optional or len(arms) < len(get_args(annotation))
            if len(arms) != 1:
                raise FormError(f"no form field for {annotation}")
            annotation = arms[0]
        else:
            return annotation, optional, metadata


def _label(name: str, path: str = "") -> dict[str, str]:
    """The words of a key; a key inside a group may have its own (`consent.date`)."""
    label, hint = LABELS.get(f"{path}{name}", LABELS.get(name, (name, None)))
    return {"label": label, **({"hint": hint} if hint else {})}


def _field(
    name: str, annotation: Any, metadata: list[Any], choices: dict[str, list[dict[str, str]]], path: str = ""
) -> dict:
    """The form field of one key (without `required` and `i18n`); `path`: the groups it is in."""
    kind, _optional, more = _strip(annotation)
    metadata = metadata + more
    field: dict[str, Any] = {"name": name, **_label(name, path)}
    if name in RELATIONS:
        item, _, _ = _strip(get_args(kind)[0]) if get_origin(kind) is list else (kind, False, [])
        field |= {
            "widget": "relation",
            "collection": RELATIONS[name],
            "value_field": "{{slug}}",
            "search_fields": ["title"],
            "display_fields": ["title"],
        }
        if get_origin(kind) is list:
            field["multiple"] = True
        return field
    if name in choices:
        return field | {"widget": "select", "options": choices[name]}
    if get_origin(kind) is Literal:
        return field | {"widget": "select", "options": [_option(value) for value in get_args(kind)]}
    if kind is HttpUrl:
        return field | {"widget": "string", "type": "url"}
    if kind is str:
        limit = next((item.max_length for item in metadata if isinstance(item, MaxLen)), None)
        field["widget"] = "text" if name in MULTILINE else "string"
        # A colon is common in Vietnamese titles ("Chị Năm: …"): it must not open an emoji list.
        field["use_emoji_autocomplete"] = False
        return field | ({"maxlength": limit} if limit else {})
    if kind is bool:
        return field | {"widget": "boolean", "default": False}
    if kind is int:
        return field | {"widget": "number", "value_type": "int"}
    if kind is dt.date:
        # Stored as the schema reads it (2024-05-31); the picker shows the browser's own format.
        return field | {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    if get_origin(kind) is list:
        (item,) = get_args(kind)
        item_kind, _, _ = _strip(item)
        limit = next((m.max_length for m in metadata if isinstance(m, MaxLen)), None)
        field |= {"widget": "list"} | ({"max": limit} if limit else {})
        if get_origin(item_kind) is Literal:
            return field | {"widget": "select", "multiple": True, "options": [_option(v) for v in get_args(item_kind)]}
        if isinstance(item_kind, type) and issubclass(item_kind, BaseModel):
            return field | {"fields": _fields(item_kind, choices, f"{path}{name}.")}
        if item_kind in (str, HttpUrl):
            item_field = {"name": "item", "widget": "string", "label": field["label"]}
            return field | {"field": item_field | ({"type": "url"} if item_kind is HttpUrl else {})}
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return field | {"widget": "object", "fields": _fields(kind, choices, f"{path}{name}.")}
    raise FormError(f"“{name}”: no form field for {annotation}")


def _option(value: str) -> dict[str, str] | str:
    return {"label": CHOICE_LABELS[value], "value": value} if value in CHOICE_LABELS else value


def _fields(model: type[BaseModel], choices: dict[str, list[dict[str, str]]], path: str = "") -> list[dict]:
    fields = []
    for name, info in model.model_fields.items():
        field = _field(name, info.annotation, list(info.metadata), choices, path)
        field["required"] = info.is_required()
        fields.append(field)
    return fields


# The order of the form (and of the front matter written): what the page is, when and where, then
# what it says; the bookkeeping last.
FIRST = ("title", "kind", "date", "district", "commune", "unit", "summary")
LAST = ("tags", "consent", "sample", "translation")


def _form_order(field: dict) -> int:
    name = field["name"]
    if name in FIRST:
        return FIRST.index(name)
    return len(FIRST) + 1 + LAST.index(name) if name in LAST else len(FIRST)


def _collection(
    section: Section, choices: dict[str, list[dict[str, str]]], *, name: str, label: str, people: bool | None
) -> dict:
    """The collection of one content type. `people`: whether its entries are about people (then the
    consent group is required, as the schema requires it of every page but a sample)."""
    fields = sorted(_fields(section.schema, choices), key=_form_order)
    for field in fields:
        top = field["name"]
        field["i18n"] = True if top in TRANSLATED else "duplicate"
        if top in TRANSLATION_ONLY:
            field |= {"required": False, "collapsed": True}
        if top == "consent" and people is not None:
            field["required"] = people
    fields.append(
        {"name": "body", "widget": "markdown", **_label("body"), "i18n": True}
        | ({"required": False} if section.content_type in BODY_OPTIONAL else {})
    )
    collection = {
        "name": name,
        "label": label,
        "label_singular": label,
        "folder": f"{DOCS}/{section.folder}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "i18n": True,
        # The section's own page (index.md: its title and introduction) is not an entry of its type.
        "index_file": {"name": "index", "label": "Trang mục", "fields": _index_fields()},
        "slug": {"template": "{{title}}", "editable": ["create"]},
        "summary": "{{title}}",
        "media_folder": PHOTO_FOLDER,
        "public_folder": PHOTO_FOLDER,
        "fields": fields,
    }
    if any(field["name"] == "date" for field in fields):
        newest_first = {"field": "date", "direction": "descending"}
        collection["sortable_fields"] = {"fields": ["date", "title"], "default": newest_first}
    return collection


def _index_fields() -> list[dict]:
    """The form of a section's own page: a plain page (`PageMeta`) and its introduction."""
    fields = [
        {"name": name, **_label(name), "widget": "text" if name in MULTILINE else "string", "i18n": True}
        | ({} if name == "title" else {"required": False})
        for name in ("title", "summary")
    ]
    return [*fields, {"name": "body", "widget": "markdown", **_label("body"), "i18n": True, "required": False}]


def _collections(campaign: Campaign, sections: Iterable[Section]) -> list[dict]:
    choices = _choices(campaign)
    collections = [_activities(choices)]
    for section in sections:
        label = section.schema.kind_label.capitalize()
        if issubclass(section.schema, CommendationMeta):
            # Two forms over one folder: households and persons need consent, organisations not
            # (unless the page names a household or person: the gate says so then).
            for name, kinds, people, title in (
                (section.content_type, ["household", "person"], True, f"{label}: hộ gia đình, cá nhân"),
                (f"{section.content_type}-organisation", ["organisation"], False, f"{label}: tổ chức"),
            ):
                collection = _collection(section, choices, name=name, label=title, people=people)
                collection["filter"] = {"field": "kind", "value": kinds}
                for field in collection["fields"]:
                    if field["name"] == "kind":
                        field["options"] = [option for option in field["options"] if option["value"] in kinds]
                        field["default"] = kinds[0]
                collections.append(collection)
        else:
            people = True if issubclass(section.schema, StoryMeta) else None
            collections.append(_collection(section, choices, name=section.content_type, label=label, people=people))
    return collections


ACTIVITIES_FOLDER = "campaign/activities"


def _activities(choices: dict[str, list[dict[str, str]]]) -> dict:
    """Activities are campaign/ records (a technical reviewer approves them): one file a report, its
    list of activities; the same form as the spreadsheet of `make activities-template`."""
    return {
        "name": "activities",
        "label": "Hoạt động truyền thông",
        "label_singular": "Báo cáo hoạt động",
        "description": "Mỗi tệp là một báo cáo của một cơ quan; mỗi dòng một hoạt động.",
        "folder": ACTIVITIES_FOLDER,
        "extension": "yml",
        "format": "yaml",
        "create": True,
        # The file's name, typed when it is made (e.g. so-tttt-2024-6-thang).
        "slug": {"editable": ["create"]},
        "summary": "{{slug}}",
        "fields": _fields(ActivityFile, choices),
    }


def repository_name(campaign: Campaign) -> str:
    """owner/name of the repository of campaign/site.yml (its address's path)."""
    return urlsplit(str(campaign.site.repository.url)).path.strip("/").removesuffix(".git")


def cms_config(campaign: Campaign, sections: Iterable[Section] = SECTIONS) -> dict:
    """The whole configuration (config.yml beside the admin page)."""
    languages = [language.code for language in campaign.languages]
    repository = campaign.site.repository
    # Sign-in: with GitHub through the campaign's authenticator when it has one, else (and always
    # too) with a personal access token; never through Netlify's, Sveltia's default.
    sign_in: dict[str, Any] = {"auth_methods": ["token"]}
    if repository.cms_authenticator is not None:
        sign_in = {"base_url": str(repository.cms_authenticator).rstrip("/"), "auth_methods": ["oauth", "token"]}
    return {
        "app_title": f"Quản trị nội dung — {campaign.site.site_name}",
        "logo_url": "../assets/logo.svg",
        "backend": {
            "name": "github",
            "repo": repository_name(campaign),
            "branch": repository.branch,
            **sign_in,
            "commit_messages": {
                "create": "Thêm {{collection}} “{{slug}}”",
                "update": "Sửa {{collection}} “{{slug}}”",
                "delete": "Xóa {{collection}} “{{slug}}”",
                "uploadMedia": "Thêm ảnh “{{path}}”",
                "deleteMedia": "Xóa ảnh “{{path}}”",
            },
        },
        # Each entry becomes a branch and a pull request: the gate checks it, a reviewer merges it.
        "publish_mode": "editorial_workflow",
        "site_url": str(campaign.site.site_url),
        "media_folder": f"{DOCS}/{PHOTO_FOLDER}",
        "public_folder": PHOTO_FOLDER,
        "media_libraries": {
            "default": {
                "config": {
                    "max_file_size": MAX_BYTES,
                    "slugify_filename": True,
                    "transformations": {
                        "raster_image": {
                            "format": "webp",
                            "quality": PHOTO_QUALITY,
                            "width": PHOTO_MAX_SIDE,
                            "height": PHOTO_MAX_SIDE,
                        }
                    },
                }
            }
        },
        # File names as the gate wants them: lower case, no diacritics, words joined by hyphens.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {
            "structure": "multiple_files",
            "locales": languages,
            "default_locale": campaign.default_language,
            "omit_default_locale_from_file_path": True,
            # A new entry is Vietnamese only; a translator adds the other languages when ready.
            "initial_locales": "default",
        },
        "output": {"omit_empty_optional_fields": True},
        "collections": _collections(campaign, sections),
    }


def _form_fields(fields: list[dict]) -> dict[str, dict]:
    return {field["name"]: field for field in fields}


def _missing(model: type[BaseModel], fields: list[dict], where: str, required_here: dict[str, bool]) -> list[str]:
    problems = []
    form = _form_fields(fields)
    for name, info in model.model_fields.items():
        field = form.get(name)
        if field is None:
            problems.append(f"{where}: no form field for “{name}”")
            continue
        if name not in LABELS:
            problems.append(f"{where}: “{name}” has no Vietnamese label (cms/config.py LABELS)")
        required = required_here.get(name, info.is_required())
        if required and field.get("required", True) is False:
            problems.append(f"{where}: “{name}” is required by the schema, optional in the form")
        kind, _, _ = _strip(info.annotation)
        if get_origin(kind) is list:
            kind, _, _ = _strip(get_args(kind)[0])
        if isinstance(kind, type) and issubclass(kind, BaseModel) and "fields" in field:
            problems += _missing(kind, field["fields"], f"{where}.{name}", {})
    return problems


def form_coverage(config: dict, sections: Iterable[Section] = SECTIONS) -> list[str]:
    """What the configuration lacks against the schemas: a content type without a collection, a
    key without a form field or label, a required key (consent on pages about people included)
    that the form lets an editor leave out."""
    problems = []
    activities = [c for c in config["collections"] if c["folder"] == ACTIVITIES_FOLDER]
    if not activities:
        problems.append(f"{ACTIVITIES_FOLDER}: no collection for the activities")
    for collection in activities:
        problems += _missing(ActivityFile, collection["fields"], collection["name"], {})
    by_folder: dict[str, list[dict]] = {}
    for collection in config["collections"]:
        by_folder.setdefault(collection["folder"], []).append(collection)
    for section in sections:
        collections = by_folder.get(f"{DOCS}/{section.folder}")
        if not collections:
            problems.append(f"{section.folder}: no collection for the content type “{section.content_type}”")
            continue
        for collection in collections:
            people = _about_people(section.schema, collection)
            required_here = {"consent": True} if people else {}
            problems += _missing(section.schema, collection["fields"], collection["name"], required_here)
    return problems


def _about_people(schema: type[PageMeta], collection: dict) -> bool:
    """Whether every entry the collection writes is about people (its consent then required)."""
    if issubclass(schema, StoryMeta):
        return True
    if issubclass(schema, CommendationMeta):
        kinds = collection.get("filter", {}).get("value") or []
        return bool(kinds) and "organisation" not in kinds
    return False
