"""`campaign/contacts.yml`: the one registry of public contacts (offices, phone numbers, addresses).

Pages reach an entry through `{{ contact:<key> }}` and unit pages and leaflets
list the entries of their unit. A phone number, address or opening hours is
published only with its source and the date someone checked it: an entry
without them names the agency and nothing else, so no number is ever guessed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from .errors import Problems
from .schema import Key, Strict, Text
from .validation import validate
from .yamlfile import read_yaml

Phone = Annotated[str, Field(pattern=r"^\+?[0-9][0-9 .]{5,18}[0-9]$")]


class PublicContact(Strict):
    key: Key
    agency: Text
    unit: Key | None = None  # a unit of today (admin_map.yml); None: the province
    phone: Phone | None = None
    address: str | None = None
    hours: str | None = None
    source: str | None = None
    verified: dt.date | None = None
    public_because: str | None = None  # why publishing it is no privacy matter: an office's line, a hotline

    @property
    def is_sourced(self) -> bool:
        return bool(self.source and self.verified)

    @property
    def details(self) -> bool:
        return any((self.phone, self.address, self.hours))

    @model_validator(mode="after")
    def _details_need_a_source(self) -> PublicContact:
        if self.details and not self.is_sourced:
            raise ValueError(
                "số điện thoại, địa chỉ hay giờ làm việc chỉ được ghi khi có nguồn (source) và ngày kiểm tra (verified)"
            )
        return self


class _Contacts(Strict):
    contacts: list[PublicContact]


def load_contacts(path: Path, units: list[str], problems: Problems) -> list[PublicContact]:
    document = read_yaml(path, problems)
    if document is None:
        return []
    loaded = validate(_Contacts, document, path, problems, {})
    if loaded is None:
        return []
    keys: set[str] = set()
    for index, contact in enumerate(loaded.contacts):
        if contact.key in keys:
            problems.add(path, document.line_of(("contacts", index, "key")), f"khóa “{contact.key}” được dùng hai lần.")
        keys.add(contact.key)
        if contact.unit is not None and contact.unit not in units:
            problems.add(
                path,
                document.line_of(("contacts", index, "unit")),
                f"không có xã, phường, đặc khu “{contact.unit}” trong admin_map.yml.",
                "Ghi khóa của đơn vị hiện nay, ví dụ: " + ", ".join(units[:3]) + ".",
            )
    return loaded.contacts
