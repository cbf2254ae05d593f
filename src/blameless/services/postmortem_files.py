"""Postmortem files on disk: finding and reading them for an import, writing them on export.

Reading checks what the database cannot hold (a NUL character) and what would make an import
ambiguous (one incident in two files), naming the file and line. Export replaces older files
of the same incident, and an import records a stored postmortem's new revision in its file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from blameless.errors import FormatError, InputError
from blameless.ids import check_incident_id, front_matter_id, postmortem_filename
from blameless.markdown import read_postmortem, render_postmortem
from blameless.model import Postmortem
from blameless.store import postmortem_rows
from blameless.store.migrate import ensure_migrated

Progress = Callable[[Path], None]
NOT_POSTMORTEMS = frozenset({"readme.md", "changelog.md", "contributing.md", "license.md"})
"""Files that live next to postmortems in a folder but are not postmortems."""
_FRONT_MATTER_END = re.compile(r"\r?\n---[ \t]*(?:\r?\n|$)")
_REVISION_LINE = re.compile(r"^revision:[^\r\n]*", re.MULTILINE)


@dataclass
class ExportReport:
    """The files an export wrote, and the older files of the same incidents it removed."""

    written: list[Path] = field(default_factory=list)
    replaced: dict[Path, Path] = field(default_factory=dict)
    """Removed file -> the file written for the same incident."""


def read_postmortem_files(
    files: Iterable[Path], *, on_progress: Progress | None = None
) -> dict[str, tuple[Path, Postmortem]]:
    """Every file parsed, by incident id; `FormatError` for the first that cannot be stored."""
    parsed: dict[str, tuple[Path, Postmortem]] = {}
    for path in files:
        pm = read_postmortem(path)
        _check_id(pm.incident.id, path)
        _refuse_nul(path)
        check_unique_event_ids(pm, path=path)
        if pm.incident.id in parsed:
            first = parsed[pm.incident.id][0]
            raise FormatError(f"incident {pm.incident.id} is also defined in {first}", path=path)
        parsed[pm.incident.id] = (path, pm)
        if on_progress:
            on_progress(path)
    return parsed


def _check_id(incident_id: str, path: Path) -> None:
    """Refuse an id that `blameless new --id` would refuse: ids name files and URLs."""
    try:
        check_incident_id(incident_id)
    except InputError as problem:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        line = next((n for n, text in enumerate(lines, 1) if text.startswith("id:")), None)
        raise FormatError(f"front matter 'id': {problem.message}", path=path, line=line) from None


def check_unique_event_ids(pm: Postmortem, *, path: Path | None) -> None:
    """Refuse two timeline events with the same source and source id (`FormatError` in a file)."""
    seen: dict[tuple[str, str], int] = {}
    for number, event in enumerate(pm.timeline, start=1):
        if event.source is None or event.source_id is None:
            continue
        key = (event.source, event.source_id)
        if key in seen:
            message = (
                f"timeline events {seen[key]} and {number} have the same "
                f"[source: {key[0]}] [id: {key[1]}]"
            )
            if path is None:
                raise InputError(message)
            raise FormatError(message, path=path)
        seen[key] = number


def _refuse_nul(path: Path) -> None:
    """A NUL character cannot be stored in PostgreSQL text; refuse it on every database alike."""
    data = path.read_bytes()
    where = data.find(b"\0")
    if where >= 0:
        raise FormatError(
            "contains a NUL character (byte 0), which the database cannot store: remove it",
            path=path,
            line=data.count(b"\n", 0, where) + 1,
        )


def export_postmortems(
    session: Session, directory: Path, *, on_progress: Progress | None = None
) -> ExportReport:
    """Write every stored postmortem to `directory` as `<id>-<slug>.md`.

    A `*.md` file of the folder whose front matter has the same incident id under another name
    (written before a title change) is removed once the new file is written: re-importing the
    folder must not find one incident twice.
    """
    ensure_migrated(session)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise InputError(f"cannot create the folder: {problem.strerror}", path=directory) from None
    present: dict[str, list[Path]] = {}
    for path in sorted(directory.glob("*.md")):
        incident_id = front_matter_id(path) if path.is_file() else None
        if incident_id:
            present.setdefault(incident_id, []).append(path)
    report = ExportReport()
    for incident, row in postmortem_rows.all_postmortems(session):
        pm = postmortem_rows.load_postmortem(session, incident, row)
        target = directory / export_filename(pm)
        _write(target, render_postmortem(pm))
        for older in present.get(pm.incident.id, []):
            if not os.path.samefile(older, target):
                _remove(older)
                report.replaced[older] = target
        report.written.append(target)
        if on_progress:
            on_progress(target)
    return report


def export_filename(pm: Postmortem) -> str:
    """`<incident id>-<title slug>.md`, safe on every file system (the name `new` gives)."""
    return postmortem_filename(pm.incident.id, pm.incident.title)


def record_revision(path: Path, revision: int) -> None:
    """Set the `revision:` of a file's front matter, leaving every other byte as it is.

    After an import stored the file's content as a new revision, the file says so: its next
    edit is then based on that revision, not on a stale one.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as problem:
        raise InputError(f"cannot record revision {revision}: {problem}", path=path) from None
    end = _FRONT_MATTER_END.search(text, 3) if text.lstrip("\ufeff").startswith("---") else None
    if end is None:
        raise InputError(f"cannot record revision {revision}: no front matter", path=path)
    front, rest = text[: end.start()], text[end.start() :]
    if _REVISION_LINE.search(front):
        front = _REVISION_LINE.sub(f"revision: {revision}", front, count=1)
    else:
        newline = "\r\n" if "\r\n" in front else "\n"
        front += f"{newline}revision: {revision}"
    _write(path, front + rest)


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as problem:
        raise InputError(f"cannot write: {problem.strerror}", path=path) from None


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError as problem:
        raise InputError(f"cannot remove the older file: {problem.strerror}", path=path) from None
