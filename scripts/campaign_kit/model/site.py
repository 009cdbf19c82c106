"""`campaign/site.yml` and `campaign/slogans.yml`: the campaign's identity, address, colours and slogans."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, HttpUrl

from .schema import Key, Strict, Text


class Palette(Strict):
    primary: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    primary_dark: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    accent: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    surface: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
    text: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]


def is_placeholder(url: object) -> bool:
    """A host reserved for examples (RFC 2606): the real address is not known yet."""
    host = urlsplit(str(url)).hostname or ""
    return host.endswith((".example", ".invalid", ".test", "localhost"))


class Repository(Strict):
    """Where the content lives: "edit this page" opens a page's file in GitHub's web editor.
    (Not Material's repo_url, whose script asks api.github.com for the repository's stars.)"""

    url: HttpUrl
    branch: Text
    # The Sveltia CMS Authenticator the campaign runs (README "Forms in the browser"): editors sign in
    # to the admin page with GitHub, no token to make. None: they sign in with a personal access token.
    cms_authenticator: HttpUrl | None = None

    def edit_url(self, path: str) -> str:
        """GitHub's web editor on `path` (relative to the repository root)."""
        return f"{str(self.url).rstrip('/')}/edit/{self.branch}/{path}"


class Programme(Strict):
    """A national programme the campaign belongs to or is followed by, with its period and approving act."""

    name: Text
    short_name: Text  # as public sources name it in short, for print and headings
    start: dt.date = Field(alias="from")
    until: dt.date
    act: Key  # a page of docs/van-ban/

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.until


def _a_time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"“{name}” không phải tên múi giờ, ví dụ Asia/Ho_Chi_Minh") from None
    return name


# What a name of the site (site.yml and its translations in strings/<code>.yml) may say through
# `{{ site:… }}`: renaming the province or the year is then one line of site.yml.
IDENTITY_FIELDS = ("province", "province_today", "year")
SHORT_NAME_MAX = 24  # the phone header shows the short name whole


class Site(Strict):
    province: Text  # the province of the plan's year, by its name of then
    # The province it belongs to today, when it merged into one of another name; empty: it kept its name.
    province_today: Text | None = None
    year: int
    site_name: Text  # may hold {{ site:province }}, {{ site:province_today }}, {{ site:year }}
    short_name: Text  # as site_name; at most SHORT_NAME_MAX characters once filled
    site_url: HttpUrl
    owner: Text  # as site_name
    program: Text  # the programme of the campaign's plan (its year): history, as the plan names it
    # The programmes in force over time (programmes.yml's periods): what print and pages say of today.
    programmes: list[Programme] = []
    # The campaign's time zone (IANA name): the build date is the day there, whatever the build machine's clock.
    timezone: Annotated[str, AfterValidator(_a_time_zone)] | None = None
    repository: Repository
    palette: Palette
    nav: Annotated[list[Text], Field(min_length=1)]  # src_uris of the global menu, in order
    home_questions: Annotated[list[Text], Field(min_length=3, max_length=3)]  # src_uris answering them

    @property
    def province_now(self) -> str:
        """The province's name today: the one it merged into, or its own."""
        return self.province_today or self.province

    @property
    def renamed(self) -> bool:
        """True when the province is part of a province of another name today."""
        return self.province_now != self.province

    def identity(self) -> dict[str, str]:
        """The values a name may hold, by `{{ site:… }}` name (IDENTITY_FIELDS)."""
        return {"province": self.province, "province_today": self.province_now, "year": str(self.year)}

    def today(self) -> dt.date:
        """Today in the campaign's time zone (the machine's date when none is set)."""
        return dt.datetime.now(ZoneInfo(self.timezone)).date() if self.timezone else dt.date.today()

    @property
    def base_path(self) -> str:
        """URL path of the site root, e.g. '/' or '/giam-ngheo/'."""
        path = urlsplit(str(self.site_url)).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def placeholder_addresses(self) -> dict[str, str]:
        """Addresses in site.yml still to be replaced before a production build: {key: address}."""
        addresses = {"site_url": str(self.site_url), "repository.url": str(self.repository.url)}
        return {key: url for key, url in addresses.items() if is_placeholder(url)}


class Slogan(Strict):
    key: Key
    text: Text
    source: Text
    until: dt.date | None = None  # the last day of the movement it belongs to: not printed anew after it
    themes: list[Key] = []
    poster_line: str | None = None


class SlogansFile(Strict):
    slogans: list[Slogan]
