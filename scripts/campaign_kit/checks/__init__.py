"""The editors' contribution gate: every check a page must pass before it is published.

`campaign_kit.project.load` runs the gate on the loaded content, then checks links
against the site plan, so the site build, `make check` and CI see the same problems.
Example pages (`sample: true`) are checked like any other: editors copy them.
"""

from .gate import run_gate

__all__ = ["run_gate"]
