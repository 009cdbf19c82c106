"""Files written whole or not at all: a build killed half-way, or two builds sharing a
cache (tests run in parallel), never leave a truncated file where a good one is expected."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

WEB_FILE_MODE = 0o644  # outputs are web assets: readable by the web server, whatever mkstemp chose


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, WEB_FILE_MODE)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
