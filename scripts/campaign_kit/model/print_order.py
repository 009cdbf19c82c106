"""`campaign/print-orders/<date>-<name>.yml`: a print run as the campaign office orders it.

The order says who publishes (an agency of agencies.yml), under which licence or decision, which
shop prints, and how many copies of which product for which unit or language, on what paper and
to which press profile. `make print ORDER=…` renders exactly these products for the press and the
colophon and the order sheet read from here. Nothing in it is guessed: a field the office has not
supplied stays empty, and the production guard (campaign_kit.production.check_order) names it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from .errors import Problems
from .schema import Key, Strict, Text
from .validation import validate
from .yamlfile import read_yaml
from .yamlsource import YamlDocument

EVERY_UNIT = "moi-xa-phuong"  # a run of the generic version (catalogue.EVERY_UNIT, the same word in file names)
LICENCE_KINDS = {"giay-phep": "Giấy phép xuất bản", "quyet-dinh": "Quyết định xuất bản"}
# The largest page a PDF reader must take in user units (PDF 32000-1, annex C): 14,400 units, 200 inches.
MAX_PAGE_UNITS = 14_400


class Licence(Strict):
    """Giấy phép xuất bản tài liệu không kinh doanh, or the decision to publish of the publisher."""

    kind: Literal["giay-phep", "quyet-dinh"]
    number: Text
    issuer: Text  # who granted it (Sở …) or who decided
    date: dt.date

    def text(self) -> str:
        return f"{LICENCE_KINDS[self.kind]} số {self.number} của {self.issuer}, ngày {self.date:%d/%m/%Y}"


class Printer(Strict):
    name: Text
    address: Text

    def text(self) -> str:
        return f"{self.name}, {self.address}"


class OrderLine(Strict):
    """One product of the catalogue (size and subject, in one language) and its runs by unit:
    `runs` maps a unit of today (admin_map.yml), or moi-xa-phuong for the generic version, to copies."""

    format: Key  # a size key of print.yml (leaflets, poster, banners)
    subject: Key  # chung, a policy group, or (posters, banners) a slogan
    language: Key | None = None  # default: the campaign's reference language
    runs: dict[Key, Annotated[int, Field(gt=0)]] = {}
    paper: Text | None = None  # default: the size's paper in print.yml
    finishing: Text | None = None  # what the shop adds (trimmed, folded, grommets): words for the order sheet


class PrintOrder(Strict):
    sample: bool = False  # fiction, to show the office the format: never printed (the guard refuses it)
    title: Text
    publisher: Key  # agencies.yml: its real name is printed in the colophon
    licence: Licence | None = None
    printer: Printer | None = None
    legal_deposit: Text | None = None  # Nộp lưu chiểu: tháng, năm
    delivery: dt.date | None = None
    press_profile: Key  # a profile of campaign/press-profiles.yml: the output intent of every file
    # Pages wider or taller than 200 inches (a 5 m banner): 1 prints them at full size, which many RIPs
    # clip or refuse (the guard refuses it); N > 1 writes them at 1:N with UserUnit N, so a RIP that reads
    # UserUnit prints full size and one that does not gets a stated 1:N file to enlarge.
    large_page_scale: Annotated[int, Field(ge=1, le=100)] = 1
    products: Annotated[list[OrderLine], Field(min_length=1)]


@dataclass(frozen=True)
class LoadedOrder:
    """An order with where it came from: messages name its file and lines."""

    path: Path
    order: PrintOrder
    document: YamlDocument

    def line_of(self, *location: str | int) -> int:
        return self.document.line_of(location)


def read_order(path: Path, problems: Problems) -> LoadedOrder | None:
    """The order in `path`, validated as data (references to campaign/ are checked by the caller)."""
    document = read_yaml(path, problems)
    if document is None:
        return None
    order = validate(PrintOrder, document, path, problems, {})
    return LoadedOrder(path, order, document) if order is not None else None
