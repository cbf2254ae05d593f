"""Files on disk: reading a text file as UTF-8, and finding the Markdown files below folders.

Every command that reads postmortems or lints Markdown uses these, so all agree on what a
folder holds and on the messages for files that cannot be read.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable
from pathlib import Path

from blameless.errors import InputError

MARKDOWN_SUFFIXES = (".md", ".markdown")
"""What a folder is searched for: other files (`.txt`...) are read only when named."""
SKIPPED_FOLDERS = frozenset({".venv", "venv", "node_modules", "__pycache__", "site-packages"})
"""Folders never searched (nor any hidden folder): environments and vendored code."""
NOT_POSTMORTEMS = frozenset({"readme.md", "changelog.md", "contributing.md", "license.md"})
"""Files that live next to postmortems in a folder but are not postmortems."""


def read_bytes(path: Path) -> bytes:
    """A file's bytes; `InputError` naming the file when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=path) from None
    except OSError as problem:
        raise InputError(f"cannot read file: {problem.strerror}", path=path) from None


def decode(data: bytes, path: Path | str | None = None) -> str:
    """UTF-8 text without a leading byte-order mark; `InputError` with the line otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data.count(b"\n", 0, problem.start) + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{data[problem.start]:02x} cannot be decoded)",
            path=path,
            line=line,
        ) from None


def read_text(path: Path) -> str:
    """A file's text as UTF-8 (a leading byte-order mark is dropped); `InputError` otherwise."""
    return decode(read_bytes(path), path)


def has_bom(data: bytes) -> bool:
    """Whether `data` starts with the UTF-8 byte-order mark (kept when a file is rewritten)."""
    return data.startswith(codecs.BOM_UTF8)


def write_text(path: Path, text: str, *, bom: bool = False) -> None:
    """Write `text` as UTF-8 exactly (line endings as they are); `InputError` on failure."""
    data = text.encode("utf-8")
    try:
        path.write_bytes(codecs.BOM_UTF8 + data if bom else data)
    except OSError as problem:
        raise InputError(f"cannot write file: {problem.strerror}", path=path) from None


def markdown_files(folder: Path, *, postmortems_only: bool = False) -> list[Path]:
    """The Markdown files below `folder`, sorted, skipping hidden and vendored folders.

    With `postmortems_only`, README, CHANGELOG, CONTRIBUTING and LICENSE files are left out.
    """
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS]
        found.extend(
            Path(root, name)
            for name in names
            if name.lower().endswith(MARKDOWN_SUFFIXES)
            and not name.startswith(".")
            and not (postmortems_only and name.casefold() in NOT_POSTMORTEMS)
        )
    return sorted(found)


def collect_files(paths: Iterable[Path], *, postmortems_only: bool = False) -> list[Path]:
    """The files named, plus the Markdown files below the folders named, without repeats.

    `InputError` for a path that does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(markdown_files(path, postmortems_only=postmortems_only))
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or folder", path=path)
    return list(dict.fromkeys(found))
