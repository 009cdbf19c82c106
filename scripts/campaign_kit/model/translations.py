"""Which translation was made from which version of its source.

A translation records `source_hash`: the hash of its source file when it was
translated. When the source changes, the hashes differ and the translation is
reported as stale until a translator updates it (and its hash).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .sections import PLAN_URI

if TYPE_CHECKING:
    from .content import Content

State = Literal["missing", "stale", "unreviewed", "reviewed"]

HASH_LENGTH = 12


def source_hash(text: str) -> str:
    """Hash of a source text, insensitive to line endings and Unicode normal form."""
    normal = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def file_hash(path: Path) -> str:
    return source_hash(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class TranslationState:
    """Where one page stands in one language."""

    src_uri: str
    language: str
    state: State
    path: Path | None = None  # the translation file, when there is one


def translation_states(content: Content) -> dict[str, list[TranslationState]]:
    """For each language but the reference, every page: missing, stale, unreviewed or reviewed."""
    campaign = content.campaign
    result: dict[str, list[TranslationState]] = {}
    for language in campaign.languages[1:]:
        states = []
        for src_uri in sorted(content.pages):
            page = content.page(src_uri, language.code)
            state = page_state(content, src_uri, language.code)
            states.append(TranslationState(src_uri, language.code, state, page.path if page else None))
        states.append(_plan_state(content, language.code))
        result[language.code] = states
    return result


def page_state(content: Content, src_uri: str, language: str) -> State:
    """Where one page stands in one language (not the reference)."""
    page = content.page(src_uri, language)
    if page is None:
        return "missing"
    translation = page.meta.translation
    if translation is None or translation.source_hash != file_hash(content.reference(src_uri).path):
        return "stale"
    return translation.status


PLAN_PAGE = PLAN_URI


def _plan_state(content: Content, language: str) -> TranslationState:
    """The plan page is written from campaign/plan.yml; its translation is campaign/plan.<lang>.yml."""
    campaign = content.campaign
    plan = campaign.plans[language]
    path = campaign.root / f"plan.{language}.yml"
    if plan is campaign.plans[campaign.default_language] or plan.translation is None:
        return TranslationState(PLAN_PAGE, language, "missing")
    fresh = plan.translation.source_hash == file_hash(campaign.root / "plan.yml")
    return TranslationState(PLAN_PAGE, language, plan.translation.status if fresh else "stale", path)


REPORT_LABELS = {"missing": "chưa dịch", "stale": "đã cũ (trang gốc sửa sau khi dịch)", "unreviewed": "chưa kiểm tra"}


def status_report(content: Content) -> list[str]:
    """Lines of the translation report, per language (Vietnamese, for the campaign office)."""
    lines = []
    for language, states in translation_states(content).items():
        done = sum(1 for state in states if state.state in ("reviewed", "unreviewed"))
        lines.append(f"{language}: {done}/{len(states)} trang đã dịch")
        for state_name, label in REPORT_LABELS.items():
            pages = [state.src_uri for state in states if state.state == state_name]
            if pages:
                lines.append(f"  {label} ({len(pages)}): " + ", ".join(pages))
    return lines
