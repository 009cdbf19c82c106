"""The one fold rule: Python's fold() and the FOLD_JS the site's scripts run agree on a class of
strings (Vietnamese with and without marks, NFC and NFD, Khmer with zero-width spaces, digits,
punctuation), and every script that compares what a reader types carries it."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from campaign_kit.fold import FOLD_JS, fold

ALPHABET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ"
    "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "ÁÀẢÃẠĐÉÈÍÓÒỐỒỚỜÚÙỨỪÝ"
    "កខគឃងចឆជញដណតថទធនបផពភមយរលវសហឡអ ាិីឹឺុូួើឿៀេែៃោៅំះ្់"
    "\u200b\u200c\u00ad0123456789០១២៣ \t,.;:-–/()?!\"'’“”"
)


def samples(count: int = 3000) -> list[str]:
    chance = random.Random(21)
    texts = ["".join(chance.choice(ALPHABET) for _ in range(chance.randint(0, 24))) for _ in range(count)]
    return texts + [unicodedata.normalize("NFD", text) for text in texts[:500]]


def test_python_and_the_scripts_fold_alike(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the fold rule's script is tested with node")
    texts = samples()
    (tmp_path / "in.json").write_text(json.dumps(texts), encoding="utf-8")
    script = FOLD_JS + (
        'const texts = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));\n'
        "process.stdout.write(JSON.stringify(texts.map(fold)));\n"
    )
    (tmp_path / "fold.cjs").write_text(script, encoding="utf-8")
    run = subprocess.run([node, str(tmp_path / "fold.cjs"), str(tmp_path / "in.json")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    folded = json.loads(run.stdout)
    assert len(folded) == len(texts)
    for text, theirs in zip(texts, folded, strict=True):
        assert theirs == fold(text), text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("TP. Cồn Sen, Sông Mây", "tp con sen song may"),
        ("ĐỒNG CỎ", "dong co"),
        ("Đường  thủy\u00a0nội địa", "duong thuy noi dia"),
        (unicodedata.normalize("NFD", "Sóc Bưng"), "soc bung"),
        ("ប័ណ្ណ\u200bធានា", "ប័ណ្ណធានា"),  # Khmer keeps its letters; the zero-width space joins
        ("bảo hiểm y-tế?", "bao hiem y te"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_every_comparing_script_carries_the_rule(kit_site: Path) -> None:
    for script in ("assets/javascripts/finder.js", "assets/javascripts/search.js"):
        text = (kit_site / script).read_text(encoding="utf-8")
        assert FOLD_JS in text and text.count("function fold(") == 1, script
