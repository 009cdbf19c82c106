"""Paths: no editor's file takes an address the build writes. Every generated page and reserved
folder is read from the site plan, and each is tried (one load for all: the gate reports every file)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE, kit_project
from corpus import by_file, reported

from campaign_kit.model.sections import is_known_place, page_url
from campaign_kit.siteplan.reserved import reserved_folders

PLAN = kit_project().plan
PAGE = "---\ntitle: Trang thử\n---\n\nNội dung.\n"


def _page_files() -> list[str]:
    """An editor's page at the address of every generated page a top-level or section file can take."""
    found = set()
    for site in PLAN.sites.values():
        for uri in site.generated:
            if is_known_place(uri) and not uri.startswith(tuple(f"{p}/" for p in PLAN.sites)):
                found.add(uri)
    return sorted(found)


GENERATED = _page_files()
# The cases, and a file under each reserved folder.
FOLDERS = sorted(reserved_folders(PLAN))
CASES = {
    **{f"docs/{uri}": "cùng địa chỉ" for uri in GENERATED},
    "docs/chinh-sach.md": "cùng địa chỉ “/chinh-sach/” với trang chinh-sach/index.md",
    "docs/en.md": "tệp nằm ở “en”, chỗ trang web tự đặt trang tiếng",
    "docs/en/anh.jpg": "tệp nằm ở “en”",
    "docs/en/gioi-thieu.md": "tệp nằm ở “en”",
    **{f"docs/{folder}/tep.pdf": f"tệp nằm ở “{folder}”" for folder in FOLDERS if "." not in folder},
}


def test_generated_pages_come_from_the_plan() -> None:
    assert {"tim-kiem.md", "tu-kiem-tra-ho-ngheo.md", "ban-dich.md"} <= set(GENERATED)
    assert {"en", "km", "assets", "q"} <= set(FOLDERS)


@pytest.fixture(scope="module")
def reported_by_file(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    docs = Path(shutil.copytree(FIXTURE / "docs", tmp_path_factory.mktemp("paths") / "docs"))
    for name in CASES:
        path = docs.parent / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE, encoding="utf-8") if path.suffix == ".md" else path.write_bytes(b"%PDF-1.4\n")
    return by_file(reported(docs))


@pytest.mark.parametrize(("name", "message"), sorted(CASES.items()))
def test_an_editor_file_at_a_reserved_address_is_refused(reported_by_file, name: str, message: str) -> None:
    messages = [problem.message for problem in reported_by_file[name]]
    assert any(message in text for text in messages), (name, messages)


def test_a_page_at_a_generated_address_is_named_with_the_address(reported_by_file) -> None:
    (problem,) = [p for p in reported_by_file["docs/tim-kiem.md"] if "cùng địa chỉ" in p.message]
    assert f"“/{page_url('tim-kiem.md')}”" in problem.message and problem.line == 1
