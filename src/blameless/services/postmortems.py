"""Postmortem use cases: import and export Markdown files, get and save with optimistic locking.

Every function takes the session first and leaves commit or rollback to the caller. A content
change bumps the postmortem's revision and appends a revision row with the rendered Markdown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from blameless.errors import ConflictError, FormatError, InputError, NotFoundError
from blameless.ids import postmortem_filename
from blameless.markdown import parse_postmortem, read_postmortem, render_postmortem
from blameless.model import Postmortem, TimelineEvent
from blameless.store import repositories
from blameless.store.migrate import current_revision, ensure_migrated
from blameless.store.tables import IncidentRow, PostmortemRow, RevisionRow
from blameless.timeline.merge import merge_events

Progress = Callable[[Path], None]
NOT_POSTMORTEMS = frozenset({"readme.md", "changelog.md", "contributing.md", "license.md"})
"""Files that live next to postmortems in a folder but are not postmortems."""


@dataclass
class ImportReport:
    """Incident ids of the postmortems an import created, updated or found unchanged."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Revision:
    """One stored snapshot of a postmortem."""

    revision: int
    created_at: datetime
    actor: str | None
    markdown: str


def collect_markdown_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, plus every `*.md` under the folders named.

    In folders, hidden paths and README/CHANGELOG/CONTRIBUTING/LICENSE files are skipped.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*.md")
                    if p.is_file()
                    and not _hidden(p.relative_to(path))
                    and p.name.casefold() not in NOT_POSTMORTEMS
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("no such file or folder", path=path)
    return list(dict.fromkeys(found))


def import_postmortems(
    session: Session,
    paths: Sequence[Path],
    *,
    actor: str | None = None,
    on_progress: Progress | None = None,
    replace_timeline: bool = False,
) -> ImportReport:
    """Store the postmortems in `paths` (files or folders of `*.md`).

    Every file is read before anything is written: one `FormatError` aborts the import with the
    database untouched. A known incident id updates the stored postmortem when its content
    changed (its revision goes up by one, or to the file's revision if that is higher).

    A file's timeline replaces the stored one. When that would delete events imported from a
    source (`blameless timeline import`) that the file does not list, the import is refused
    with a `ConflictError`, unless `replace_timeline` is set.
    """
    ensure_migrated(session)
    files = collect_markdown_files(paths)
    parsed: dict[str, tuple[Path, Postmortem]] = {}
    for path in files:
        pm = read_postmortem(path)
        if pm.incident.id in parsed:
            first = parsed[pm.incident.id][0]
            raise FormatError(f"incident {pm.incident.id} is also defined in {first}", path=path)
        _check_unique_event_ids(pm, path=path)
        parsed[pm.incident.id] = (path, pm)
        if on_progress:
            on_progress(path)
    updates: dict[str, tuple[IncidentRow, PostmortemRow, Postmortem]] = {}
    refusals: list[tuple[str, Counter[str], Path]] = []
    known: set[str] = set()
    for incident_id, (path, pm) in parsed.items():
        found = repositories.find_postmortem(session, incident_id)
        if found is None:
            continue
        known.add(incident_id)
        if _same_as_last_revision(session, found[1], pm):
            continue  # the file has not changed since it was stored: nothing to do
        stored = repositories.load_postmortem(session, *found)
        updates[incident_id] = (*found, stored)
        lost = lost_imported_events(stored.timeline, pm.timeline)
        if lost and not replace_timeline:
            refusals.append((incident_id, lost, path))
    if refusals:
        raise _timeline_loss(*refusals[0], more=len(refusals) - 1)
    report = ImportReport()
    for incident_id, (_, pm) in parsed.items():
        if incident_id not in updates and incident_id in known:
            report.unchanged.append(incident_id)
        elif incident_id not in updates:
            _create(session, pm, actor=actor)
            report.created.append(incident_id)
        elif _apply(session, *updates[incident_id], pm, actor=actor, revision=pm.revision):
            report.updated.append(incident_id)
        else:
            report.unchanged.append(incident_id)
    return report


def lost_imported_events(
    stored: Sequence[TimelineEvent], wanted: Sequence[TimelineEvent]
) -> Counter[str]:
    """Per source, how many stored imported events `wanted` would delete.

    An imported event has a source and a source id. Events that merging drops as repeats of
    another event (what `blameless timeline write` leaves out) are not counted: their content
    is still in the timeline.
    """
    listed = {(e.source, e.source_id) for e in wanted if e.source and e.source_id}
    return Counter(
        e.source
        for e in merge_events([stored])
        if e.source and e.source_id and (e.source, e.source_id) not in listed
    )


def export_postmortems(
    session: Session, directory: Path, *, on_progress: Progress | None = None
) -> list[Path]:
    """Write every stored postmortem to `directory` as `<id>-<slug>.md`; returns the files."""
    ensure_migrated(session)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise InputError(f"cannot create the folder: {problem.strerror}", path=directory) from None
    written: list[Path] = []
    for incident, row in repositories.all_postmortems(session):
        pm = repositories.load_postmortem(session, incident, row)
        target = directory / export_filename(pm)
        try:
            target.write_text(render_postmortem(pm), encoding="utf-8", newline="")
        except OSError as problem:
            raise InputError(f"cannot write: {problem.strerror}", path=target) from None
        written.append(target)
        if on_progress:
            on_progress(target)
    return written


def export_filename(pm: Postmortem) -> str:
    """`<incident id>-<title slug>.md`, safe on every file system (the name `new` gives)."""
    return postmortem_filename(pm.incident.id, pm.incident.title)


def count_postmortems(session: Session) -> int:
    """How many postmortems are stored."""
    ensure_migrated(session)
    return session.scalar(select(func.count()).select_from(PostmortemRow)) or 0


def incident_ids(session: Session) -> list[str]:
    """Every stored incident id; none for a database never migrated (nothing stored yet)."""
    if current_revision(session.connection()) is None:
        return []
    ensure_migrated(session)
    return list(session.scalars(select(IncidentRow.public_id).order_by(IncidentRow.public_id)))


def get_postmortem(session: Session, incident_id: str) -> tuple[Postmortem, int]:
    """The stored postmortem and its version (pass the version back to `save_postmortem`)."""
    ensure_migrated(session)
    incident, row = _require(session, incident_id)
    return repositories.load_postmortem(session, incident, row), row.version


def save_postmortem(
    session: Session,
    pm: Postmortem,
    *,
    expected_version: int,
    actor: str | None = None,
    replace_timeline: bool = False,
) -> int:
    """Store an edited postmortem read at `expected_version`; returns the new version.

    Raises `ConflictError` when someone else saved in between, whether seen before writing or
    by the database at write time, and when the save would delete events imported from a
    source that `pm` does not list (imported since it was read), unless `replace_timeline`.
    Saving unchanged content writes nothing.
    """
    ensure_migrated(session)
    _check_unique_event_ids(pm, path=None)
    incident, row = _require(session, pm.incident.id)
    if row.version != expected_version:
        raise _conflict(pm.incident.id)
    stored = repositories.load_postmortem(session, incident, row)
    lost = lost_imported_events(stored.timeline, pm.timeline)
    if lost and not replace_timeline:
        raise _timeline_loss(pm.incident.id, lost, None)
    try:
        _apply(session, incident, row, stored, pm, actor=actor, revision=0)
    except StaleDataError:
        raise _conflict(pm.incident.id) from None
    return row.version


def _same_as_last_revision(session: Session, row: PostmortemRow, pm: Postmortem) -> bool:
    """Whether `pm` is the content of the latest stored revision (its file did not change).

    Such a file is left alone even when events were imported into the timeline since: an
    unchanged file has nothing to say about them.
    """
    markdown = session.scalar(
        select(RevisionRow.markdown)
        .where(RevisionRow.postmortem_pk == row.pk)
        .order_by(RevisionRow.revision.desc())
        .limit(1)
    )
    if markdown is None:
        return False
    return replace(parse_postmortem(markdown), revision=pm.revision) == pm


def list_revisions(session: Session, incident_id: str) -> list[Revision]:
    """Every stored revision of a postmortem, oldest first."""
    ensure_migrated(session)
    _, row = _require(session, incident_id)
    rows = session.scalars(
        select(RevisionRow)
        .where(RevisionRow.postmortem_pk == row.pk)
        .order_by(RevisionRow.revision)
    )
    return [Revision(r.revision, r.created_at, r.actor, r.markdown) for r in rows]


def _create(session: Session, pm: Postmortem, *, actor: str | None) -> None:
    _, row = repositories.insert_postmortem(session, pm)
    repositories.add_revision(session, row, render_postmortem(pm), actor)
    session.flush()


def _apply(
    session: Session,
    incident: IncidentRow,
    row: PostmortemRow,
    stored: Postmortem,
    pm: Postmortem,
    *,
    actor: str | None,
    revision: int,
) -> bool:
    """Write `pm` over the `stored` rows if its content differs; returns whether it did."""
    if replace(stored, revision=0) == replace(pm, revision=0):
        return False
    new = replace(pm, revision=max(row.revision + 1, revision))
    repositories.update_postmortem(session, incident, row, new)
    repositories.add_revision(session, row, render_postmortem(new), actor)
    session.flush()
    return True


def _require(session: Session, incident_id: str) -> tuple[IncidentRow, PostmortemRow]:
    found = repositories.find_postmortem(session, incident_id)
    if found is None:
        raise NotFoundError(f"no postmortem for incident {incident_id}")
    return found


def _conflict(incident_id: str) -> ConflictError:
    return ConflictError(
        f"postmortem {incident_id} was changed by someone else since you read it: "
        "reload it and apply your edit again"
    )


def _timeline_loss(
    incident_id: str, lost: Counter[str], path: Path | None, *, more: int = 0
) -> ConflictError:
    count = sum(lost.values())
    by_source = ", ".join(f"{source}: {n}" for source, n in sorted(lost.items()))
    events = f"{count} timeline event{'s' if count != 1 else ''}"
    if path is None:
        return ConflictError(
            f"saving postmortem {incident_id} would delete {events} imported from sources "
            f"({by_source}) that it does not list: reload it to include them, or save with "
            "replace_timeline to delete them"
        )
    return ConflictError(
        f"importing this file would delete {events} of {incident_id} imported from sources "
        f"({by_source}) that the file does not list: run `blameless timeline write "
        f"{incident_id} {path}` first, or pass `--replace-timeline` to delete them"
        + (
            f" ({more} more file{'s' if more != 1 else ''} would lose imported events)"
            if more
            else ""
        ),
        path=path,
    )


def _check_unique_event_ids(pm: Postmortem, *, path: Path | None) -> None:
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


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
