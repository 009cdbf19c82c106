"""Sveltia CMS, pinned and vendored: the files of one npm release of `@sveltia/cms` under
`cms/vendor/`, each with its SHA-256 (the build needs no network and loads nothing from a CDN).

    python -m campaign_kit.cms.vendor            # check the vendored files against their hashes
    python -m campaign_kit.cms.vendor --fetch    # fetch the pinned release with npm, check its
                                                 # integrity, and copy the files again

To upgrade: set VERSION and INTEGRITY (`npm view @sveltia/cms@<version> dist.integrity`), run
`make cms-vendor`, put the new hashes below, then `make test` (the admin page's tests, and
cms/admin.py LOCAL_COPIES if the script's CDN addresses moved).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@sveltia/cms"
VERSION = "0.221.1"
INTEGRITY = "sha512-J+Qoik9kGMk2L7vNpOQrnDmFRi+NB6vwJ0f657YtsxWH0P8WYSYRRSRC2pQ/jGGbVlM//Pg/WIgmkpswqoo3gQ=="
VENDOR = Path(__file__).resolve().parent / "vendor"
# vendored name → (path in the npm package, SHA-256)
FILES = {
    "sveltia-cms.js": ("dist/sveltia-cms.js", "2fc783907e1a4a70783f155cc28435c70b8f79792f2aab75e787984e84aa413a"),
    "LICENSE.txt": ("LICENSE.txt", "dcbe3c626d85741f6fabefed0b34d07a2e92c032f63aa21c0279062363859c32"),
    "locales/vi.json": ("locales/vi.json", "bbc93a09ad9e22a45d67bca239ad5ffa209ac617eb8a42c875858638e26953ea"),
    "fonts/source-sans-3.woff2": (
        "npm/assets/source-sans-3-latin-wght-normal-BqRLTx4X.woff2",
        "7a19a7027e125257d310c6dbd78ae3a30b5ea1e3794d60b12bb28227a003bfda",
    ),
    "fonts/source-sans-3.LICENSE.txt": (
        "npm/assets/source-sans-3.LICENSE.txt",
        "18aabf190848725e2576eefb5c29ba06aac1029d02132252a7f312eac2e50cf3",
    ),
    "fonts/noto-mono.woff2": (
        "npm/assets/noto-mono-latin-400-normal-DiC8lJru.woff2",
        "2787a2983d94072a2c6262b1992a2642519800a889bd90ca1042d04a89852d58",
    ),
    "fonts/noto-mono.LICENSE.txt": (
        "npm/assets/noto-mono.LICENSE.txt",
        "0dab92d0544f7b233403f14b84a663bdbfa746982eda629e7f4f9ffe1b036feb",
    ),
    "fonts/material-symbols-outlined.woff2": (
        "npm/assets/material-symbols-outlined-latin-wght-normal-_Z1IJPLg.woff2",
        "98db9feefa170bf76e9c19d19af6dd62054165efc89c4b506c361e069719e884",
    ),
    "fonts/material-symbols-outlined.LICENSE.txt": (
        "npm/assets/material-symbols-outlined.LICENSE.txt",
        "18aabf190848725e2576eefb5c29ba06aac1029d02132252a7f312eac2e50cf3",
    ),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendored_problems(folder: Path = VENDOR) -> list[str]:
    """Vendored files missing or changed since they were fetched from the pinned release."""
    problems = []
    for name, (_origin, digest) in FILES.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif sha256(path) != digest:
            problems.append(f"{name}: not the file of {PACKAGE}@{VERSION} (SHA-256 differs)")
    return problems


def fetch(folder: Path = VENDOR) -> None:
    """Fetch the pinned release with npm, refuse it unless its integrity is the pinned one, copy the files."""
    with tempfile.TemporaryDirectory() as work:
        done = subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{VERSION}", "--json", "--pack-destination", work],
            check=True,
            capture_output=True,
            text=True,
        )
        (packed,) = json.loads(done.stdout)
        if packed["integrity"] != INTEGRITY:
            raise SystemExit(f"{PACKAGE}@{VERSION}: integrity {packed['integrity']} is not the pinned {INTEGRITY}")
        with tarfile.open(Path(work) / packed["filename"]) as archive:
            archive.extractall(work, filter="data")
        for name, (origin, _digest) in FILES.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(work) / "package" / origin, folder / name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fetch", action="store_true", help="fetch the pinned release with npm and copy its files")
    args = parser.parse_args(argv)
    if args.fetch:
        fetch()
    problems = vendored_problems()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
