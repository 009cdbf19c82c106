"""A print order (model/print_order.py) resolved against the catalogue and campaign/: the products it
names, each with its run, paper and finishing; the publisher's name; the press profile's file.

Every reference is checked here, each mistake with its file and line: an agency, size, subject,
language, unit or profile the campaign does not have, a product named twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from ..catalogue import EVERY_UNIT, Product
from ..model.errors import Problems
from ..model.print_order import LoadedOrder, read_order
from ..model.schema import Key, Strict, Text
from ..model.yamlfile import load_validated
from ..siteplan import SitePlan

PROFILES_FILE = "press-profiles.yml"


class PressProfile(Strict):
    key: Key
    name: Text  # the press condition, as a shop names it
    file: Path  # from the project root (a profile the kit ships, profiles/), or absolute (one of a Debian package)
    licence: Text  # why the project may ship or name it, and where the file comes from
    # A profile the kit ships: the text of its licence, which must travel with it (from the project root), and
    # the file's checksum. Its licence allows no change: an order refuses a file that is not the one shipped.
    licence_file: Path | None = None
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None


class _PressProfiles(Strict):
    profiles: Annotated[list[PressProfile], Field(min_length=1)]


@dataclass(frozen=True)
class OrderedProduct:
    product: Product
    quantity: int
    paper: str
    finishing: str  # the order's words beside the size's own finishing (print.yml), for the order sheet


@dataclass(frozen=True)
class Order:
    source: LoadedOrder
    publisher: str  # the agency's name in the reference language
    profile: PressProfile
    profile_path: Path
    products: list[OrderedProduct]

    def quantity(self, product: Product) -> int | None:
        return next((item.quantity for item in self.products if item.product == product), None)


def press_profiles(root: Path) -> list[PressProfile]:
    """campaign/press-profiles.yml: the profiles an order may name."""
    return load_validated(root / "campaign" / PROFILES_FILE, _PressProfiles).profiles


def profile_path(root: Path, profile: PressProfile) -> Path:
    return profile.file if profile.file.is_absolute() else root / profile.file


def profile_is_intact(root: Path, profile: PressProfile) -> bool:
    """The profile's file is the one recorded (its sha256), when one is."""
    data = profile_path(root, profile).read_bytes()
    return profile.sha256 is None or hashlib.sha256(data).hexdigest() == profile.sha256


def load_order(root: Path, plan: SitePlan, path: Path, problems: Problems) -> Order | None:
    """The order in `path` resolved against `plan` (its catalogue); None with problems recorded."""
    loaded = read_order(path, problems)
    if loaded is None:
        return None
    order = loaded.order
    campaign = plan.content.campaign
    reference = campaign.default_language
    agencies = campaign.agencies[reference]
    found_before = len(problems.errors)

    def refuse(location: tuple[str | int, ...], message: str, hint: str) -> None:
        problems.add(path, loaded.line_of(*location), message, hint)

    if order.publisher not in agencies:
        refuse(
            ("publisher",),
            f"cơ quan xuất bản “{order.publisher}” không có trong campaign/agencies.yml.",
            "Ghi khóa (key) của cơ quan chủ trì, ví dụ: " + ", ".join(list(agencies)[:3]) + ".",
        )
    profiles = {profile.key: profile for profile in press_profiles(root)}
    if order.press_profile not in profiles:
        refuse(
            ("press_profile",),
            f"hồ sơ màu “{order.press_profile}” không có trong campaign/{PROFILES_FILE}.",
            "Dùng được: " + ", ".join(profiles) + ".",
        )
    elif not profile_path(root, profiles[order.press_profile]).is_file():
        profile = profiles[order.press_profile]
        refuse(
            ("press_profile",),
            f"hồ sơ màu “{order.press_profile}” ({profile.name}) chưa có trên máy này: {profile.file}.",
            f"Cài theo campaign/{PROFILES_FILE} ({profile.licence}), hoặc chọn hồ sơ khác.",
        )
    elif not profile_is_intact(root, profiles[order.press_profile]):
        profile = profiles[order.press_profile]
        refuse(
            ("press_profile",),
            f"tệp hồ sơ màu {profile.file} không còn là tệp đã ghi trong campaign/{PROFILES_FILE} (SHA-256 khác).",
            "Giấy phép của hồ sơ không cho sửa tệp: lấy lại tệp gốc (xem profiles/README.md).",
        )
    catalogue = {(p.format.key, p.subject, p.language, p.unit or EVERY_UNIT): p for p in plan.products}
    formats = {p.format.key: p.format for p in plan.products}
    units = {unit.key for unit in campaign.admin_map.units} | {EVERY_UNIT}
    products: list[OrderedProduct] = []
    for index, line in enumerate(order.products):
        language = line.language or reference
        if line.format not in formats:
            refuse(
                ("products", index, "format"),
                f"khổ “{line.format}” không có trong campaign/print.yml.",
                "Dùng được: " + ", ".join(formats) + ".",
            )
            continue
        for unit, quantity in line.runs.items():
            product = catalogue.get((line.format, line.subject, language, unit))
            if product is None:
                why = (
                    f"đơn vị “{unit}” không có trong admin_map.yml" if unit not in units else "bộ tài liệu in không có"
                )
                refuse(
                    ("products", index, "runs", unit),
                    f"sản phẩm khổ {line.format}, nội dung “{line.subject}”, tiếng {language}, {unit}: {why}.",
                    "Xem tên các tệp trong dist/print/ (make print) để biết khổ, nội dung, đơn vị và ngôn ngữ có in.",
                )
                continue
            if any(item.product == product for item in products):
                refuse(
                    ("products", index, "runs", unit),
                    f"{product.filename} được đặt in hai lần.",
                    "Gộp số bản vào một dòng.",
                )
                continue
            products.append(OrderedProduct(product, quantity, line.paper or product.format.paper, line.finishing or ""))
    if len(problems.errors) > found_before:
        return None
    profile = profiles[order.press_profile]
    return Order(loaded, agencies[order.publisher].name, profile, profile_path(root, profile), products)
