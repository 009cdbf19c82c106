"""Start a new page from a correct template, with every fact still to write marked.

    python -m campaign_kit.new TYPE --title "…" [--place "<tên xã, phường>"]
    make new TYPE=story TITLE="Chị Tư nuôi heo" PLACE="<tên xã, phường>"

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


def scaffold(type_: str, title: str, place: tuple[str, str] | None, today: dt.date) -> str:
    """The Markdown of a new page of TYPE `type_`; `place`: (front-matter key, value), see place_of."""
    kind, commendation_kind, body = TYPES[type_]
    example = BY_TYPE[kind].schema.model_construct(**({"kind": commendation_kind} if commendation_kind else {}))
    about_people = example.about_people  # the schema's own rule for who must consent
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", f"date: {today.isoformat()}"]
    if place:
        lines.append(f"{place[0]}: {place[1]}")
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


def needs_place(type_: str) -> bool:
    return BY_TYPE[TYPES[type_][0]].schema.place_required


def place_of(value: str, campaign: Campaign, day: dt.date) -> tuple[str, str]:
    """Where a page of `day` happened, as its time names it: a unit of today from the map's date on
    (a unit's name or key → ('unit', its key)), a district of 2024 before it (→ ('district', its key))."""
    if day < campaign.admin_map.since:
        keys = [district.key for district in campaign.districts]
        field, names, what = "district", {slug(d.name): d.key for d in campaign.districts}, "huyện, thành phố"
    else:
        keys = [unit.key for unit in campaign.admin_map.units]
        field, names, what = "unit", {slug(u.name): u.key for u in campaign.admin_map.units}, "xã, phường, đặc khu"
    wanted = value if value in keys else names.get(slug(value), slug(value))
    try:
        return field, check_known(wanted, keys, what)
    except ValueError as error:
        raise ScaffoldError(str(error)) from None


def create(project: Path, type_: str, title: str, place: str | None, today: dt.date) -> Path:
    campaign = load_campaign(project / "campaign")
    where = place_of(place, campaign, today) if place else None
    if where is None and needs_place(type_):
        since = campaign.admin_map.since
        what = "xã, phường, đặc khu ngày nay" if today >= since else "huyện, thành phố năm 2024"
        raise ScaffoldError(f"cần cho biết nơi xảy ra: {what} (--place).")
    path = project / "docs" / BY_TYPE[TYPES[type_][0]].folder / file_name(title)
    if path.exists():
        raise ScaffoldError(f"đã có tệp {path.relative_to(project).as_posix()}; hãy đặt tiêu đề khác.")
    path.write_text(scaffold(type_, title, where, today), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("type", nargs="?", choices=sorted(TYPES), metavar="TYPE", help=", ".join(TYPES))
    parser.add_argument("--title")
    parser.add_argument(
        "--place",
        "--district",
        dest="place",
        help="nơi xảy ra: tên hoặc mã xã, phường, đặc khu ngày nay, như trong campaign/admin_map.yml"
        " (bài trước ngày sắp xếp đơn vị hành chính: huyện, thành phố năm đó, như trong campaign/districts.yml)",
    )
    parser.add_argument("--project", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    interactive = sys.stdin.isatty()
    type_ = args.type or (_ask("Loại bài (" + ", ".join(TYPES) + ")") if interactive else None)
    title = args.title or (_ask("Tiêu đề") if interactive else None)
    place = args.place
    if place is None and interactive and type_ in TYPES and needs_place(type_):
        units = load_campaign(args.project.resolve() / "campaign").admin_map.units
        place = _ask(f"Xã, phường, đặc khu nơi xảy ra (ví dụ {units[0].name})")
    if type_ not in TYPES or not title:
        parser.error("cần loại bài (" + ", ".join(TYPES) + ') và --title, ví dụ: make new TYPE=story TITLE="…"')
    project = args.project.resolve()
    try:
        path = create(project, type_, title, place, dt.date.today())
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
