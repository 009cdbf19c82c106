"""`campaign/contacts.yml`: the one registry of public contacts (agencies, funds, hotlines).

A phone number, e-mail address, postal address or bank account of an agency is
public, but the gate cannot tell it from a private person's: so pages never
write one. Each is written here once, with where it was published and when
someone checked it, and reaches a page through `{{ contact:<key> }}`.
"""

from __future__ import annotations

import datetime as dt

from .schema import Key, Strict, Text


class Contact(Strict):
    key: Key
    name: Text
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    hours: str | None = None
    unit: Key | None = None  # a commune-level unit of today; None: the province
    source: Text  # where the contact is published (a government page, a signed document)
    verified: dt.date  # when someone checked it there
    public_because: str | None = None

    def text(self) -> str:
        """How a page shows the contact: its name, then each detail the registry holds."""
        return ", ".join(part for part in (self.name, self.phone, self.email, self.address, self.hours) if part)


class Contacts(Strict):
    contacts: list[Contact]
