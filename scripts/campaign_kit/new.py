"""Start a new page from a correct template, with every fact still to write marked.

    python -m campaign_kit.new TYPE --title "…" [--district go-quao]
    make new TYPE=story TITLE="Chị Tư nuôi heo" DISTRICT=go-quao

TYPE is story, household, person, organisation or news. What is not given is
asked for when the command runs in a terminal. The file gets today's date, a
diacritic-free name made from the title, and “ĐIỀN VÀO …” wherever the editor
has to write something: `make check` refuses the page until none is left.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from .checks.scaffold import MARKER, placeholder
from .model.campaign import Campaign, load_campaign
from .model.schema import check_known
from .model.sections import BY_TYPE
from .slugs import slug

# TYPE → (content kind, commendation kind, what the body tells)
TYPES = {
    "story": ("story", None, "câu chuyện: trước đây gia đình khó khăn thế nào, được hỗ trợ gì, đã cố gắng ra sao"),
    "household": ("commendation", "household", "vì sao hộ được biểu dương: đã làm gì, giúp được ai"),
    "person": ("commendation", "person", "vì sao người này được biểu dương: đã làm gì, giúp được ai"),
    "organisation": ("commendation", "organisation", "tổ chức đã làm gì cho hộ nghèo, hộ cận nghèo"),
    "news": ("news", None, "nội dung tin: việc gì, ở đâu, khi nào, ai tham gia, kết quả ra sao"),
}
MAX_SLUG = 60


class ScaffoldError(Exception):
    """A reason the page cannot be created, in words for the editor."""


def scaffold(type_: str, title: str, district: str | None, today: dt.date) -> str:
    """The Markdown of a new page of TYPE `type_`."""
    kind, commendation_kind, body = TYPES[type_]
    example = BY_TYPE[kind].schema.model_construct(**({"kind": commendation_kind} if commendation_kind else {}))
    about_people = example.about_people  # the schema's own rule for who must consent
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", f"date: {today.isoformat()}"]
    if district:
        lines.append(f"district: {district}")
    if commendation_kind:
        lines.append(f"kind: {commendation_kind}")
        lines.append(f"award: {placeholder('hình thức khen, ví dụ Giấy khen của Ủy ban nhân dân huyện')}")
    lines.append(f"summary: {placeholder('một hai câu tóm tắt, hiện trong danh sách bài')}")
    lines.append("tags: []")
    if about_people:
        lines += [
            "consent:",
            f"  given_by: {placeholder('ai đã đồng ý cho đăng, ví dụ chủ hộ')}",
            f"  date: {today.isoformat()}  # {placeholder('ngày ký giấy đồng ý (sửa nếu khác), rồi xóa lời nhắc này')}",
            f"  kept_at: {placeholder('nơi cất giấy đồng ý đã ký, ví dụ Ủy ban nhân dân xã, bản giấy')}",
        ]
    return "\n".join([*lines, "---", "", placeholder(body), ""])


def file_name(title: str) -> str:
    """'Chị Năm nuôi vịt' → 'chi-nam-nuoi-vit.md', cut at a word to stay readable in a URL."""
    name = slug(title)
    if len(name) > MAX_SLUG:
        name = name[:MAX_SLUG].rsplit("-", 1)[0]
    if not name:
        raise ScaffoldError("tiêu đề phải có chữ hoặc số để đặt tên tệp.")
    return name + ".md"


def needs_district(type_: str) -> bool:
    field = BY_TYPE[TYPES[type_][0]].schema.model_fields.get("district")
    return field is not None and field.is_required()


def district_key(value: str, campaign: Campaign) -> str:
    """A district key from its key or its name ('Gò Quao' → 'go-quao')."""
    keys = [district.key for district in campaign.districts]
    try:
        return check_known(value if value in keys else slug(value), keys, "huyện, thành phố")
    except ValueError as error:
        raise ScaffoldError(str(error)) from None


def create(project: Path, type_: str, title: str, district: str | None, today: dt.date) -> Path:
    campaign = load_campaign(project / "campaign")
    key = district_key(district, campaign) if district else None
    if key is None and needs_district(type_):
        raise ScaffoldError("cần cho biết huyện, thành phố (--district).")
    path = project / "docs" / BY_TYPE[TYPES[type_][0]].folder / file_name(title)
    if path.exists():
        raise ScaffoldError(f"đã có tệp {path.relative_to(project).as_posix()}; hãy đặt tiêu đề khác.")
    path.write_text(scaffold(type_, title, key, today), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("type", nargs="?", choices=sorted(TYPES), metavar="TYPE", help=", ".join(TYPES))
    parser.add_argument("--title")
    parser.add_argument("--district", help="mã hoặc tên huyện, thành phố, ví dụ go-quao")
    parser.add_argument("--project", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    interactive = sys.stdin.isatty()
    type_ = args.type or (_ask("Loại bài (" + ", ".join(TYPES) + ")") if interactive else None)
    title = args.title or (_ask("Tiêu đề") if interactive else None)
    district = args.district
    if district is None and interactive and type_ in TYPES and needs_district(type_):
        district = _ask("Huyện, thành phố (ví dụ go-quao hoặc Gò Quao)")
    if type_ not in TYPES or not title:
        parser.error("cần loại bài (" + ", ".join(TYPES) + ') và --title, ví dụ: make new TYPE=story TITLE="…"')
    project = args.project.resolve()
    try:
        path = create(project, type_, title, district, dt.date.today())
    except ScaffoldError as error:
        print(f"Không tạo được trang: {error}", file=sys.stderr)
        return 1
    print(f"Đã tạo {path.relative_to(project).as_posix()}.")
    print(f"Mở tệp, thay mọi chỗ “{MARKER} …” bằng thông tin thật, rồi chạy make check.")
    return 0


def _ask(question: str) -> str:
    return input(f"{question}: ").strip()


if __name__ == "__main__":
    sys.exit(main())
