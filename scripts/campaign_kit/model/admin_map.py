"""`campaign/admin_map.yml`: today's commune-level units and the units of 2024 they were formed from.

Readers know the names of 2024 (their commune, ward, town, district); every
instruction on the site names a unit that exists today. This file links the
two, so the finder, the unit pages, the district history pages and the
leaflets all read one map, and another province's map is another file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from ..slugs import slug
from .errors import Problems
from .schema import Key, Strict, Text
from .validation import validate
from .yamlfile import read_yaml
from .yamlsource import YamlDocument

UnitKind = Literal["xa", "phuong", "dac-khu"]
FormerKind = Literal["xa", "phuong", "thi-tran"]


class FormerUnit(Strict):
    """A commune, ward or town of 2024, in its district of 2024."""

    kind: FormerKind
    name: Text
    district: Text

    @property
    def key(self) -> str:
        """Unique within its district (the `commune` key of stories and commendations); the kind is
        part of it because a district may have a town and a commune of the same name ("thị trấn Bến Lúa"
        beside "xã Bến Lúa")."""
        return f"{self.kind}-{slug(self.name)}"


class Unit(Strict):
    """A commune-level unit of today (xã, phường, đặc khu)."""

    name: Text
    kind: UnitKind
    code: Annotated[str, Field(pattern=r"^[0-9]{5}$")]
    formed_from: Annotated[list[FormerUnit], Field(min_length=1)]

    @property
    def key(self) -> str:
        return f"{self.kind}-{slug(self.name)}"

    @property
    def districts(self) -> list[str]:
        """Keys of the 2024 districts it takes units from, in the order written."""
        return list(dict.fromkeys(former.district for former in self.formed_from))


class MapSource(Strict):
    text: Text
    status: Literal["verified", "partial"]


class AdminMap(Strict):
    since: dt.date
    legal_basis: Text
    source: MapSource
    units_2024: Annotated[int, Field(gt=0)]
    units: Annotated[list[Unit], Field(min_length=1)]

    @cached_property
    def _by_former(self) -> dict[tuple[str, str], Unit]:
        return {(former.district, former.key): unit for unit in self.units for former in unit.formed_from}

    def unit(self, key: str) -> Unit:
        return next(unit for unit in self.units if unit.key == key)

    def unit_of(self, district: str, commune: str) -> Unit:
        """Today's unit of a 2024 commune, ward or town (keys as in stories' front matter)."""
        return self._by_former[(district, commune)]

    def communes_of(self, district: str) -> list[tuple[FormerUnit, Unit]]:
        """The 2024 units of one district with today's unit of each, in the order of the map."""
        return [(former, unit) for unit in self.units for former in unit.formed_from if former.district == district]

    @cached_property
    def _by_district(self) -> dict[str, list[Unit]]:
        units: dict[str, list[Unit]] = defaultdict(list)
        for unit in self.units:
            for district in unit.districts:
                units[district].append(unit)
        return dict(units)

    def units_of(self, district: str) -> list[Unit]:
        """Today's units that took (part of) a 2024 district."""
        return self._by_district.get(district, [])

    def whole_district_unit(self, district: str) -> Unit | None:
        """The one unit that took all of a 2024 district (its items without a commune belong there)."""
        units = self.units_of(district)
        return units[0] if len(units) == 1 else None

    def unit_of_place(self, district: str, commune: str | None) -> Unit | None:
        """Today's unit of an item of 2024: its commune's, or its whole district's when it names no commune."""
        return self.unit_of(district, commune) if commune else self.whole_district_unit(district)


def load_admin_map(path: Path, districts: list[str], problems: Problems) -> AdminMap | None:
    """Load and validate the map; every 2024 unit must lead to exactly one unit of today."""
    document = read_yaml(path, problems)
    if document is None:
        return None
    admin_map = validate(AdminMap, document, path, problems, {})
    if admin_map is not None:
        _check_map(admin_map, document, path, districts, problems)
    return admin_map


def _check_map(
    admin_map: AdminMap, document: YamlDocument, path: Path, districts: list[str], problems: Problems
) -> None:
    seen_units: set[str] = set()
    seen_former: dict[tuple[str, str], int] = {}
    for index, unit in enumerate(admin_map.units):
        if unit.key in seen_units:
            problems.add(path, document.line_of(("units", index, "name")), f"đơn vị “{unit.name}” được ghi hai lần.")
        seen_units.add(unit.key)
        for position, former in enumerate(unit.formed_from):
            line = document.line_of(("units", index, "formed_from", position))
            if former.district not in districts:
                problems.add(
                    path,
                    line,
                    f"huyện, thành phố “{former.district}” không có trong districts.yml.",
                    f"Ghi khóa của huyện, thành phố năm 2024, ví dụ: {districts[0]}.",
                )
            where = (former.district, former.key)
            if where in seen_former:
                problems.add(
                    path,
                    line,
                    f"{former.name} ({former.district}) đã thuộc một đơn vị khác ở dòng {seen_former[where]}.",
                    "Mỗi xã, phường, thị trấn năm 2024 chỉ thuộc đúng một đơn vị hiện nay.",
                )
            seen_former.setdefault(where, line)
    counts: dict[str, int] = defaultdict(int)
    for district, _ in seen_former:
        counts[district] += 1
    missing = [key for key in districts if not counts[key]]
    if missing:
        problems.add(
            path, 1, "các huyện, thành phố năm 2024 này không có xã nào trong bản đồ: " + ", ".join(missing) + "."
        )
    if len(seen_former) != admin_map.units_2024:
        problems.add(
            path,
            document.line_of(("units_2024",)),
            f"bản đồ ghi {len(seen_former)} xã, phường, thị trấn năm 2024 nhưng units_2024 là {admin_map.units_2024}.",
            "Mỗi đơn vị năm 2024 phải có mặt đúng một lần.",
        )


class District(Strict):
    """A district-level unit of 2024 (history since the district level ended: see admin_map.yml)."""

    key: Key
    name: Text
    kind: Literal["thanh-pho", "huyen"]
    gso_code: Annotated[str, Field(pattern=r"^[0-9]{3}$")]


class DistrictsFile(Strict):
    districts: Annotated[list[District], Field(min_length=1)]
