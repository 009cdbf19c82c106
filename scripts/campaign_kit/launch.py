"""make launch-check: one list of what blocks or weakens the public launch, grouped by who supplies it.

    python -m campaign_kit.launch [--project .]

An error (LỖI) is what would publish something false or unsafe: the production build refuses it
(campaign_kit.production: example content, a placeholder address) or the contribution gate does, or
the address is not HTTPS. A warning (CẦN) is something missing: the site can go live without it, and
readers get less (no unit's phone number, no real story, an unreviewed translation, no print file).
Each line says where to write what is missing. Exit status 1 while any error remains.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .model.content import Content
from .model.errors import ContentError, Problem, Problems
from .model.print_order import read_order
from .model.translations import translation_states
from .printing.orders import load_order
from .production import check_order, check_press, check_production
from .project import load
from .siteplan import SitePlan

ORDERS_FOLDER = "print-orders"  # under campaign/: the office's print orders (README "Print orders")

Who = Literal["technical", "office", "editors", "translators"]
WHO: dict[Who, str] = {
    "technical": "Kỹ thuật (tên miền, kho mã nguồn, nơi đặt trang)",
    "office": "Cơ quan chủ trì (liên hệ, lệnh in, thông tin xuất bản)",
    "editors": "Biên tập viên (câu chuyện, hộ được biểu dương có giấy đồng ý)",
    "translators": "Người dịch (bản dịch chưa kiểm tra)",
}
ERROR, WARNING = "LỖI", "CẦN"
SHOWN = 3  # problems of one kind named in full; the others are counted


@dataclass(frozen=True)
class Item:
    who: Who
    level: str
    message: str
    where: str


def launch_items(root: Path) -> list[Item]:
    """Everything between the repository as it is and a public launch."""
    try:
        project = load(root)  # the contribution gate, as every build runs it
    except ContentError as error:
        return list(_grouped(error.errors, ERROR, lambda _problem: "editors"))
    content = project.content
    problems = Problems(root)
    check_production(content, problems)
    items = list(
        _grouped(problems.items, ERROR, lambda problem: "editors" if problem.path.startswith("docs/") else "technical")
    )
    items += _address(content)
    press = Problems(root)
    check_press(content, press)
    items += _grouped(press.items, WARNING, lambda _problem: "office")
    items += _office(content, project.plan, root)
    items += _editors(content, root)
    items += _translators(content)
    return items


def _grouped(problems: Iterable[Problem], level: str, who: Callable[[Problem], Who]) -> Iterable[Item]:
    """Problems of one kind (the same file and hint: 48 units without contacts) as one item."""
    kinds: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        kinds.setdefault((problem.path if problem.path.startswith("campaign/") else "", problem.hint), []).append(
            problem
        )
    for (_path, hint), members in kinds.items():
        named = [
            (f"{p.path}:{p.line}: {p.message}" if p.path.startswith("docs/") else p.message).rstrip(".")
            for p in members
        ]
        more = f" (và {len(named) - SHOWN} mục cùng loại)" if len(named) > SHOWN else ""
        yield Item(who(members[0]), level, "; ".join(named[:SHOWN]) + more, hint)


def _address(content: Content) -> list[Item]:
    site_url = str(content.campaign.site.site_url)
    if urlsplit(site_url).scheme == "https":
        return []
    return [
        Item(
            "technical",
            ERROR,
            f"địa chỉ trang “{site_url}” không dùng HTTPS: trang mà mã QR và liên kết chia sẻ dẫn tới "
            "có thể bị sửa dọc đường.",
            "Ghi site_url: https://… vào campaign/site.yml; bật HTTPS ở nơi đặt trang (deploy/nginx/, GitHub Pages).",
        )
    ]


def _office(content: Content, plan: SitePlan, root: Path) -> list[Item]:
    """The print orders of campaign/print-orders/ as make print ORDER=… would judge them (sample orders,
    which show how to write one, aside), and the province's contacts."""
    campaign = content.campaign
    problems = Problems(root)
    ready = []
    for path in sorted((campaign.root / ORDERS_FOLDER).glob("*.yml")):
        loaded = read_order(path, Problems(root))
        if loaded is not None and loaded.order.sample:
            continue
        before = len(problems.items)
        order = load_order(root, plan, path, problems)
        if order is not None:
            check_order(content, order, problems)
        if len(problems.items) == before:
            ready.append(path.name)
    items = list(_grouped(problems.items, WARNING, lambda _problem: "office"))
    if not ready:
        items.append(
            Item(
                "office",
                WARNING,
                "chưa có lệnh in nào đủ thông tin để in: trang “Tài liệu in” chỉ nêu các sản phẩm và mời người"
                " dân hỏi bản in ở xã, phường; chưa đăng tệp in nào.",
                f"Lệnh in của cơ quan chủ trì: chép tệp mẫu trong campaign/{ORDERS_FOLDER}/ thành lệnh in thật"
                " (cơ quan xuất bản, giấy phép, nơi in, số bản in, lưu chiểu), rồi make print ORDER=….",
            )
        )
    if not campaign.contacts_of(None):
        items.append(
            Item(
                "office",
                WARNING,
                "chưa có số điện thoại, địa chỉ nào của cấp tỉnh đã kiểm chứng: trang chỉ nêu tên cơ quan.",
                "Ghi vào campaign/contacts.yml (mục không có unit, kèm source và verified).",
            )
        )
    return items


def _editors(content: Content, root: Path) -> list[Item]:
    campaign = content.campaign
    items = []
    for kind, folder in (("story", "guong-thoat-ngheo"), ("commendation", "bieu-duong")):
        real = [page for page in content.items(kind) if not page.meta.sample]
        if not real:
            items.append(
                Item(
                    "editors",
                    WARNING,
                    f"docs/{folder}/ chưa có bài thật nào (chỉ có bài minh họa hoặc chưa có bài).",
                    f"Viết bài thật vào docs/{folder}/ (make new), kèm giấy đồng ý của người trong bài (consent).",
                )
            )
    # A page that tells readers some pages are examples: true only while there are examples.
    marker = campaign.strings[campaign.default_language].sample_title
    for languages in content.pages.values():
        page = languages[campaign.default_language]
        if not page.meta.sample and marker in page.path.read_text(encoding="utf-8"):
            where = page.path.relative_to(root).as_posix()
            items.append(
                Item(
                    "editors",
                    WARNING,
                    f"{where} nói về “{marker}”: khi đã xóa hết bài minh họa, câu này không còn đúng.",
                    f"Bỏ câu nói về bài minh họa trong {where} khi ra mắt.",
                )
            )
    return items


def _translators(content: Content) -> list[Item]:
    items = []
    for language, states in translation_states(content).items():
        counts = {
            name: sum(1 for state in states if state.state == name) for name in ("missing", "stale", "unreviewed")
        }
        if not any(counts.values()):
            continue
        items.append(
            Item(
                "translators",
                WARNING,
                f"{language}: {counts['unreviewed']} trang chưa được người bản ngữ kiểm tra, "
                f"{counts['stale']} trang đã cũ, {counts['missing']} trang chưa dịch "
                "(trang chưa dịch hiện bằng tiếng Việt, có ghi chú).",
                f"Người bản ngữ đọc lại docs/<trang>.{language}.md rồi ghi translation: status: reviewed "
                "(make translations liệt kê từng trang).",
            )
        )
    return items


def report(items: list[Item]) -> str:
    errors = sum(1 for item in items if item.level == ERROR)
    lines = [
        f"Kiểm tra trước khi ra mắt: {errors} lỗi, {len(items) - errors} việc còn thiếu.",
        f"{ERROR}: đăng lên sẽ sai hoặc không an toàn, phải sửa trước. "
        f"{WARNING}: trang ra mắt được, nhưng người đọc có ít hơn.",
    ]
    for who, title in WHO.items():
        mine = sorted((item for item in items if item.who == who), key=lambda item: item.level != ERROR)
        lines += ["", f"{title}:"]
        if not mine:
            lines.append("  (không còn gì)")
        for item in mine:
            lines.append(f"  {item.level:<4} {item.message}")
            lines.append(f"       → {item.where}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    items = launch_items(args.project.resolve())
    print(report(items))
    return 1 if any(item.level == ERROR for item in items) else 0


if __name__ == "__main__":
    sys.exit(main())
