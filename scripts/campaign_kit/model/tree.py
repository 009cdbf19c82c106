"""The files of a content folder, found without following a symbolic link.

A link under docs/ or campaign/ could publish any file of the build machine
(/etc/passwd, .git/config, /proc/self/environ): links are listed so the gate can
refuse them, and nothing reads through one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Tree:
    files: list[Path] = field(default_factory=list)  # regular files, sorted
    links: list[Path] = field(default_factory=list)  # symbolic links (to files or folders, broken or not)


def walk(folder: Path) -> Tree:
    tree = Tree()
    for here, folders, names in os.walk(folder, followlinks=False):
        base = Path(here)
        for name in [*folders, *names]:
            path = base / name
            if path.is_symlink():
                tree.links.append(path)
            elif name in names and path.is_file():
                tree.files.append(path)
    tree.files.sort()
    tree.links.sort()
    return tree


def reached_through_link(path: Path, root: Path) -> bool:
    """Whether `path`, or a folder between `root` and it, is a symbolic link."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return True
    return any((root.joinpath(*parts[: end + 1])).is_symlink() for end in range(len(parts)))
