"""Loudspeaker scripts (bài phát thanh): one per policy and one of the campaign's key messages, written
from the same pages and figures as the site, in the words an announcer reads aloud.

A policy's script is its summary and its key points (the box that opens the policy page and fills the
leaflets), each list item a short sentence, the steps numbered in words, "where to ask" naming today's
unit in a unit's variant; an opening and a closing carry the station's name slot, and the key message is
repeated at the end. Everything goes through `campaign_kit.spoken`: no digit, abbreviation, table or URL
is left. Length: syllables, and reading time at the pace of campaign/spoken.yml.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property

from .model.admin_map import Unit
from .model.content import Content, Page
from .model.sections import BY_TYPE
from .pages.admin_text import committee, unit_title
from .pages.blocks import expand
from .pages.context import Context
from .spoken import LANGUAGES, ScriptWords, SpokenRules, load_rules, number_words, spoken, syllables

KEY_MESSAGES = "thong-diep-chinh"  # the key messages' script, beside the policies' keys
FOLDER = "truyen-thanh"  # the scripts' folder on the site and in the print kit
FILE_PREFIX = "bai-phat-thanh"  # the start of every script file's name


@dataclass(frozen=True)
class Script:
    key: str  # the policy's key, or KEY_MESSAGES
    title: str
    paragraphs: list[str]  # read in order, each a few short sentences
    unit: str | None  # a unit of today's variant (where to ask names it), or None
    pace: int  # syllables per minute

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @cached_property
    def syllables(self) -> int:
        return syllables(self.text)

    @property
    def seconds(self) -> float:
        """Reading time: syllables ÷ pace."""
        return self.syllables / self.pace * 60

    @property
    def stem(self) -> str:
        """File name without extension: bai-phat-thanh_bao-hiem-y-te (a unit's variant adds the unit)."""
        return "_".join([FILE_PREFIX, self.key, *([self.unit] if self.unit else [])])


def plain(markdown_html: str) -> str:
    """One key point or summary as plain text: no tags, links, emphasis, URL or table."""
    text = re.sub(r"<[^>]+>", "", markdown_html)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"https?://\S+|www\.\S+", "", text)
    text = re.sub(r"\|?\s*:?-{3,}:?\s*", " ", text)  # a table's rule row; its cells become a list
    text = re.sub(r"\s*\|\s*", ", ", text).strip(", ")
    text = html.unescape(text.replace("**", "").replace("__", "").replace("`", ""))
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """Short sentences: a list item becomes one or more sentences (split at semicolons), each capitalised
    and closed with a full stop."""
    out = []
    for part in re.split(r"\s*;\s*", text):
        part = re.sub(r"\s*\(([^()]*)\)", r", \1,", part)  # a bracket is read as a pause
        part = re.sub(r",\s*(?=[,.:!?]|$)", "", part).strip().rstrip(".;,")
        if part:
            out.append(part[:1].upper() + part[1:] + ("" if part.endswith(("?", "!")) else "."))
    return out


class Writer:
    """Writes the scripts of one content model (Vietnamese: the languages `spoken` can read)."""

    def __init__(self, content: Content, language: str | None = None) -> None:
        self.content = content
        campaign = content.campaign
        self.ctx = Context(content, campaign.language(language or campaign.default_language))
        if self.ctx.language.code not in LANGUAGES:
            raise ValueError(f"no spoken form for {self.ctx.language.code}")
        self.rules: SpokenRules = load_rules(campaign.root)
        self.words = self.rules.script

    def say(self, text: str) -> str:
        return spoken(text, self.ctx.language.code, self.rules)

    def sentences(self, text: str) -> list[str]:
        """Spoken first, so that "Ủy ban nhân dân (UBND)" loses its abbreviation before brackets become pauses."""
        return sentences(self.say(plain(text)))

    def policies(self) -> list[Page]:
        return self.content.items("policy")

    def scripts(self, unit: Unit | None = None) -> list[Script]:
        """The key messages' script, then one per policy, in the site's order."""
        return [self.key_messages(unit), *(self.policy(page, unit) for page in self.policies())]

    def _script(self, key: str, title: str, body: list[str], recap: str, unit: Unit | None) -> Script:
        words = self.words
        slogan = self.content.campaign.slogans[0].text
        opening = words.opening.format(station=words.station, title=title)
        closing = words.closing.format(station=words.station, title=title, slogan=slogan.replace(" - ", ". "))
        paragraphs = [opening, *body, words.recap.format(summary=" ".join(self.sentences(recap))), closing]
        spoken_paragraphs = [self.say(paragraph) for paragraph in paragraphs]
        return Script(
            key=key,
            title=title,
            paragraphs=spoken_paragraphs,
            unit=unit.key if unit else None,
            pace=self.rules.pace.syllables_per_minute,
        )

    def _where(self, lines: list[str], unit: Unit | None) -> list[str]:
        said = []
        if unit is not None:
            name = unit_title(self.ctx, unit)
            name = name[:1].lower() + name[1:]  # "xã …" inside a sentence
            said.append(self.words.where_unit.format(unit=name, committee=committee(self.ctx, unit)))
            said += [
                self.words.contact.format(agency=contact.agency)
                for contact in self.content.campaign.contacts_of(unit.key)
            ]
        return said + [sentence for line in lines for sentence in self.sentences(line)]

    def policy(self, policy: Page, unit: Unit | None = None) -> Script:
        page = self.ctx.page(policy.src_uri)
        meta = page.meta
        points = meta.key_points
        questions = self.ctx.strings.policy_sections

        def items(lines: list[str]) -> list[str]:
            return [s for line in lines for s in self.sentences(expand(self.ctx, policy.src_uri, line))]

        # One step a key point, as on the page, even when a point says two things.
        steps = [
            self.words.step.format(number=number_words(n), text=" ".join(items([line])))
            for n, line in enumerate(points.how, start=1)
        ]
        where = [expand(self.ctx, policy.src_uri, line) for line in points.where]
        body = [
            " ".join(self.sentences(meta.summary or "")),
            " ".join([questions[0], *items(points.who)]),
            " ".join([questions[1], *items(points.what)]),
            " ".join([questions[2], *steps]),
            " ".join([questions[3], *self._where(where, unit)]),
        ]
        return self._script(policy.key, meta.title, body, meta.summary or "", unit)

    def key_messages(self, unit: Unit | None = None) -> Script:
        campaign = self.content.campaign
        home = self.ctx.page("index.md").meta
        groups = [group.title.lower() for group in campaign.policy_groups[self.ctx.language.code]]
        # Groups' titles hold commas: a semicolon between them is the longer pause.
        listed = "; ".join(groups[:-1]) + f"; {self.words.and_} {groups[-1]}" if len(groups) > 1 else groups[0]
        strings = self.ctx.strings
        policies = self.words.key_messages_policies.format(groups=listed)
        body = [
            " ".join(self.sentences(home.summary or "")),
            " ".join([strings.home_questions[1], policies]),
            " ".join([strings.map.finder_title, *self._where([strings.map.leaflet_where], unit)]),
            " ".join(s for slogan in campaign.slogans for s in self.sentences(slogan.text.replace(" - ", ". "))),
        ]
        # The closing says the movement's slogan; the recap repeats what a household may get.
        return self._script(KEY_MESSAGES, self.words.key_messages_title, body, policies, unit)


def duration_text(seconds: float, words: ScriptWords) -> str:
    """'1 phút 25 giây' (shown beside a script, never read)."""
    total = round(seconds)
    minutes, rest = divmod(total, 60)
    if minutes:
        return words.minutes.format(minutes=minutes, seconds=rest)
    return words.seconds.format(seconds=rest)


def policy_uri(key: str) -> str:
    return BY_TYPE["policy"].item(key)
