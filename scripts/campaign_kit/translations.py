"""Translation status: per language, the pages missing, stale (source changed since) and unreviewed.

python -m campaign_kit.translations [--project .]      (make translations)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .model.campaign import load_campaign
from .model.content import load_content
from .model.errors import ContentError
from .model.translations import translation_states

LABELS = {"missing": "chưa dịch", "stale": "đã cũ (trang gốc sửa sau khi dịch)", "unreviewed": "chưa kiểm tra"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path.cwd())
    project = parser.parse_args(argv).project.resolve()
    try:
        content = load_content(load_campaign(project / "campaign"), project / "docs")
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    for language, states in translation_states(content).items():
        done = sum(1 for state in states if state.state in ("reviewed", "unreviewed"))
        print(f"{language}: {done}/{len(states)} trang đã dịch")
        for state_name, label in LABELS.items():
            pages = [state.src_uri for state in states if state.state == state_name]
            if pages:
                print(f"  {label} ({len(pages)}): " + ", ".join(pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
