"""Turn schema errors into Vietnamese messages a journalist can act on."""

from __future__ import annotations

import datetime as dt
import re
from difflib import get_close_matches
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Problems
from .schema import consent_rule
from .yamlsource import YamlDocument

M = TypeVar("M", bound=BaseModel)

# What each front-matter key means, in the editor's words.
FIELD_NAMES = {
    "title": "tiêu đề (title)",
    "summary": "tóm tắt (summary)",
    "date": "ngày (date)",
    "district": "huyện, thành phố (district)",
    "unit": "xã, phường, đặc khu ngày nay (unit)",
    "commune": "xã, phường, thị trấn năm 2024 (commune)",
    "tags": "chủ đề (tags)",
    "sample": "đánh dấu nội dung minh họa (sample)",
    "consent": "ghi nhận đồng ý đăng tin (consent)",
    "given_by": "người đồng ý (given_by)",
    "kept_at": "nơi lưu giấy đồng ý (kept_at)",
    "legal_basis": "căn cứ pháp lý (legal_basis)",
    "group": "nhóm chính sách (group)",
    "checked": "ngày đối chiếu văn bản pháp luật (checked)",
    "kind": "loại (kind)",
    "number": "số hiệu văn bản (number)",
    "issuer": "cơ quan ban hành (issuer)",
    "in_force_from": "ngày có hiệu lực (in_force_from)",
    "in_force_until": "ngày cuối cùng văn bản còn áp dụng (in_force_until)",
    "replaced_by": "văn bản thay thế (replaced_by)",
    "order": "thứ tự (order)",
    "key_points": "tóm tắt in tờ rơi (key_points)",
    "who": "ai được hưởng (who)",
    "what": "được hưởng gì (what)",
    "how": "làm thế nào để nhận (how)",
    "where": "hỏi ở đâu (where)",
    # campaign/activities/ (model/activities.py)
    "activities": "danh sách hoạt động (activities)",
    "key": "khóa (key)",
    "start": "ngày bắt đầu (start)",
    "end": "ngày kết thúc (end)",
    "status": "tình trạng (status)",
    "agency": "cơ quan (agency)",
    "form": "hình thức hoạt động (form)",
    "task": "nhiệm vụ của Kế hoạch (task)",
    "policy_group": "nhóm chính sách (policy_group)",
    "place": "địa điểm (place)",
    "reached": "số người được tiếp cận (reached)",
    "total": "tổng số người (total)",
    "women": "số nữ (women)",
    "ethnic_minority": "số người dân tộc thiểu số (ethnic_minority)",
    "poor_near_poor": "số người thuộc hộ nghèo, cận nghèo (poor_near_poor)",
    "outputs": "kết quả (outputs)",
    "copies": "số bản phát hành (copies)",
    "print_order": "lệnh in (print_order)",
    "broadcasts": "số lượt phát (broadcasts)",
    "minutes": "số phút phát (minutes)",
    "articles": "đường dẫn tin, bài (articles)",
    "cost": "kinh phí (cost)",
    "evidence": "minh chứng (evidence)",
    "reported_by": "đơn vị báo cáo (reported_by)",
    "reported_on": "ngày báo cáo (reported_on)",
}

# Where a dated page happened is named as it was then: districts of 2024 before the map's date, units of today after.
PLACE_OF_ITS_TIME = {
    "district_after_map": (
        "từ ngày {since} không còn cấp huyện: bài từ ngày này ghi xã, phường, đặc khu ngày nay (unit),"
        " không ghi district, commune.",
        "Thay district (và commune) bằng unit: mã của xã, phường, đặc khu trong campaign/admin_map.yml,"
        " ví dụ unit: {example}.",
    ),
    "unit_before_map": (
        "bài trước ngày {since} ghi nơi chốn bằng huyện, thành phố năm 2024 (district), không ghi unit.",
        "Thay unit bằng district: mã huyện, thành phố năm 2024 trong campaign/districts.yml (commune nếu biết).",
    ),
    "unit_missing": (
        "thiếu xã, phường, đặc khu ngày nay (unit): bài từ ngày {since} phải cho biết việc xảy ra ở đâu.",
        "Thêm unit: mã của xã, phường, đặc khu trong campaign/admin_map.yml, ví dụ unit: {example}.",
    ),
    "district_missing": (
        "thiếu mục bắt buộc huyện, thành phố (district): bài trước ngày {since} ghi huyện, thành phố năm 2024.",
        "Thêm district: mã huyện, thành phố năm 2024 trong campaign/districts.yml.",
    ),
}

DATE_HINT = "Viết ngày theo dạng năm-tháng-ngày, ví dụ: 2024-05-31."
# A day as editors write it: day first (31/5/2024, 31-05-2024, 31.5.2024) or year first (2024-5-31).
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})")


def _written_day(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written in one of the usual forms, possible or not."""
    value = value.strip()
    if match := _DAY_FIRST.fullmatch(value):
        return int(match[3]), int(match[2]), int(match[1])
    if match := _YEAR_FIRST.fullmatch(value):
        return int(match[1]), int(match[2]), int(match[3])
    return None


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_problem(name: str, value: object) -> tuple[str, str]:
    """(message, hint) for a date the schema could not read: a real day in the wrong form gets the
    editor's own day rewritten as the hint; a day that does not exist is called so."""
    written = _written_day(value) if isinstance(value, str) else None
    if written is None:
        return f"{name} “{value}” không phải là ngày viết theo dạng năm-tháng-ngày.", DATE_HINT
    year, month, day = written
    real = _real(year, month, day)
    if real is not None and f"{real:%Y-%m-%d}" != str(value).strip():
        return (
            f"{name} “{value}” viết sai dạng: cần viết năm-tháng-ngày (năm 4 chữ số, tháng và ngày 2 chữ số).",
            f"Sửa thành: {real.year:04}-{real.month:02}-{real.day:02}",
        )
    swapped = _real(year, day, month)  # a month written before the day (5/31/2024)
    guess = f" Nếu là ngày {month}/{day}/{year} thì viết {swapped:%Y-%m-%d}." if swapped else ""
    missing = f"không có tháng {month}" if not 1 <= month <= 12 else f"tháng {month} năm {year} không có ngày {day}"
    return (
        f"{name} “{value}” không phải là một ngày có thật ({missing}).",
        "Xem lại ngày và tháng; viết dạng năm-tháng-ngày, ví dụ: 2024-05-31." + guess,
    )


# A value with a colon followed by a space: YAML reads "title: Chị Tư: nuôi heo" as a key inside a value.
_UNQUOTED_COLON = re.compile(r"^(\s*(?:-\s+)?)([\w-]+):\s+([^\s\"'|>{\[].*?:(?:\s.*)?)\s*")


def syntax_problem(line: str, detail: str) -> tuple[str, str]:
    """(message, hint) for front matter YAML cannot read, from the line it stopped at; a colon in an
    unquoted value (a title such as “Chị Tư: từ hộ nghèo thành chủ trại”) gets that line quoted back."""
    match = _UNQUOTED_COLON.fullmatch(line) if "mapping values are not allowed" in detail else None
    if match:
        value = match[3].replace("\\", "\\\\").replace('"', '\\"')
        return (
            f"{field_name((match[2],))} có dấu hai chấm “:” nên máy đọc nhầm thành một mục mới.",
            f'Đặt cả giá trị trong dấu ngoặc kép: {match[1]}{match[2]}: "{value}"',
        )
    return (
        "phần đầu trang sai cú pháp (thường do thiếu dấu đóng ngoặc, thiếu dấu hai chấm hoặc thụt dòng sai).",
        f"Chi tiết kỹ thuật: {detail}.",
    )


def field_name(location: tuple[str | int, ...]) -> str:
    keys = [str(part) for part in location if isinstance(part, str)]
    if not keys:
        return "phần đầu trang (front matter)"
    return FIELD_NAMES.get(keys[-1], f"“{keys[-1]}”")


def describe(error: dict[str, Any], allowed_keys: list[str]) -> tuple[str, str]:
    """(message, hint) in Vietnamese for one pydantic error."""
    kind = error["type"]
    name = field_name(error["loc"])
    if kind == "missing":
        return f"thiếu mục bắt buộc {name}.", "Thêm dòng này vào phần đầu trang, giữa hai dòng ---."
    if kind == "consent_missing":
        return (
            "trang nói về người hoặc hộ gia đình cụ thể nhưng thiếu ghi nhận đồng ý đăng tin (consent).",
            "Thêm consent: given_by (ai đồng ý), date (ngày ký), kept_at (nơi lưu giấy đồng ý).",
        )
    if kind == "checked_missing":
        return (
            "trang chính sách thiếu ngày đối chiếu với văn bản pháp luật (checked).",
            "Thêm dòng checked: năm-tháng-ngày, ngày bạn đối chiếu nội dung trang với văn bản đang có hiệu lực.",
        )
    if kind == "sample_consent":
        return (
            "trang minh họa (sample: true) không nói về người thật nên không được có ghi nhận đồng ý (consent).",
            "Xóa khối consent: một giấy đồng ý cho người không có thật là giấy bịa.",
        )
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        close = get_close_matches(key, allowed_keys, n=1)
        guess = f" Có phải ý bạn là “{close[0]}”?" if close else ""
        return f"mục “{key}” không dùng được ở đây.{guess}", "Các mục dùng được: " + ", ".join(allowed_keys) + "."
    if kind == "in_force_before_signed":
        return "ngày có hiệu lực (in_force_from) sớm hơn ngày ký (date).", "Xem lại hai ngày này trong văn bản gốc."
    if kind == "ended_before_start":
        return (
            "ngày cuối cùng còn áp dụng (in_force_until) sớm hơn ngày có hiệu lực (in_force_from, hoặc ngày ký).",
            "Xem lại hai ngày này trong văn bản gốc và trong văn bản thay thế.",
        )
    if kind == "replaced_without_date":
        return (
            "có văn bản thay thế (replaced_by) nhưng thiếu ngày cuối cùng còn áp dụng (in_force_until).",
            "Thêm in_force_until: ngày trước ngày văn bản thay thế có hiệu lực, dạng năm-tháng-ngày.",
        )
    if kind in PLACE_OF_ITS_TIME:
        message, hint = PLACE_OF_ITS_TIME[kind]
        since, example = error["ctx"]["since"], error["ctx"].get("example", "")
        return message.format(since=since), hint.format(since=since, example=example)
    if kind == "ancient_date":
        return (
            f"{name}: ngày {error['ctx']['day']} sớm hơn ngày {error['ctx']['earliest']}, chắc là gõ nhầm năm.",
            "Ghi đúng ngày đã xảy ra, dạng năm-tháng-ngày, ví dụ: 2024-05-31.",
        )
    if kind == "future_date":
        return f"{name}: {error['ctx']['message']}.", "Ghi ngày đã xảy ra, dạng năm-tháng-ngày."
    if kind.startswith("date"):
        return date_problem(name, error.get("input"))
    if kind in ("string_type", "string_too_short"):
        return f"{name} phải là một đoạn chữ, không để trống.", "Viết nội dung ngay sau dấu hai chấm, trên cùng dòng."
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"{name} quá dài (tối đa {limit} ký tự).", "Viết ngắn lại, một hai câu."
    if kind == "string_pattern_mismatch":
        return (
            f"{name} “{error.get('input')}” phải viết thường, không dấu, nối bằng gạch ngang.",
            "Ví dụ: bao-hiem-y-te, chi-tu-nuoi-heo.",
        )
    if kind in ("bool_type", "bool_parsing"):
        return f"{name} chỉ nhận true hoặc false.", "true là có, false là không."
    if kind in ("int_type", "int_parsing"):
        return f"{name} phải là một số nguyên.", "Ví dụ: 10 (không có dấu chấm hay chữ)."
    if kind == "too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"{name} có quá nhiều mục (tối đa {limit}).", "Giữ những ý quan trọng nhất."
    if kind in ("list_type", "too_short"):
        return (
            f"{name} phải là một danh sách, ít nhất một mục (mỗi mục một dòng bắt đầu bằng “- ”).",
            "Hoặc viết trên một dòng trong ngoặc vuông: tags: [chăn nuôi, vay vốn]",
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{name} phải gồm các mục con (viết thụt vào hai dấu cách).", "Xem mẫu trong CONTRIBUTING.md."
    if kind in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        return f"{name} “{error.get('input')}” không hợp lệ; chỉ nhận: {expected}.", "Chép đúng một giá trị ở trên."
    if kind == "unknown_key":
        return f"{name}: {error['ctx']['message']}", f"Dùng được: {error['ctx']['known']}."
    if kind == "value_error":
        return f"{name}: {error['ctx']['error']}", "Sửa giá trị ở dòng này theo thông báo."
    if kind == "greater_than_equal":
        return f"{name} không được là số âm.", "Ghi số đếm được, từ 0 trở lên."
    if kind.startswith("url"):
        return (
            f"{name} “{error.get('input')}” không phải là một đường dẫn đầy đủ.",
            "Chép cả đường dẫn, bắt đầu bằng https://",
        )
    return f"{name}: {error['msg']}", "Xem mẫu trong CONTRIBUTING.md."


def validate(
    model: type[M], document: YamlDocument, path: Path, problems: Problems, context: dict[str, Any]
) -> M | None:
    """Validate `document.data` against `model`; record problems with their lines."""
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        problems.add(
            path,
            document.first_line,
            "phần đầu trang phải là các dòng “mục: giá trị”.",
            "Ví dụ: title: Chị Tư nuôi heo",
        )
        return None
    try:
        return model.model_validate(data, context=context)
    except ValidationError as failure:
        allowed = sorted(model.model_fields)
        errors = failure.errors()
        for error in [*errors, *_rules_not_reached(model, data, errors)]:
            message, hint = describe(error, allowed)
            # A rule over several keys names the key it is about (its line is where to look).
            at = (error.get("ctx") or {}).get("at")
            location = tuple(error["loc"]) or ((at,) if at else ())
            problems.add(path, document.line_of(location), message, hint)
        return None


def _rules_not_reached(model: type[BaseModel], data: dict[str, Any], errors: list[Any]) -> list[dict[str, Any]]:
    """The consent rule (`schema.consent_rule`) read from the values as written, when another
    value's mistake kept the schema from reaching it: a wrong date hides no missing consent."""
    is_about_people = getattr(model, "is_about_people", None)
    if is_about_people is None or any(error["type"] in ("consent_missing", "sample_consent") for error in errors):
        return []
    has_consent = data.get("consent") is not None and "consent" in model.model_fields
    kind = consent_rule(is_about_people(data), data.get("sample") is True, has_consent)
    return [{"type": kind, "loc": (), "msg": kind}] if kind else []
