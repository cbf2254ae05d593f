"""Postmortem use cases: import Markdown files, get and save with optimistic locking, revisions.

Every function takes the session first and leaves commit or rollback to the caller. A content
change bumps the postmortem's revision and appends a revision row with the rendered Markdown.
Writers lock the incident before reading what their write depends on
(`postmortem_rows.find_postmortem(..., lock=True)`), so concurrent writers take turns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from blameless.errors import ConflictError, InputError, NotFoundError
from blameless.files import collect_files
from blameless.markdown import parse_postmortem, render_postmortem
from blameless.model import Postmortem, TimelineEvent
from blameless.services.postmortem_files import (
    Progress,
    check_unique_event_ids,
    read_postmortem_files,
)
from blameless.store import postmortem_rows
from blameless.store.migrate import current_revision, ensure_migrated
from blameless.store.tables import IncidentRow, PostmortemRow, RevisionRow
from blameless.timeline.merge import merge_events


@dataclass
class ImportReport:
    """Incident ids of the postmortems an import created, updated or found unchanged.

    `revisions` holds the files whose stored revision is now another than their `revision:`
    (see `postmortem_files.record_revision`).
    """

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    revisions: dict[Path, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Revision:
    """One stored snapshot of a postmortem."""

    revision: int
    created_at: datetime
    actor: str | None
    markdown: str


def import_postmortems(
    session: Session,
    paths: Sequence[Path],
    *,
    actor: str | None = None,
    on_progress: Progress | None = None,
    replace_timeline: bool = False,
    force: bool = False,
) -> ImportReport:
    """Store the postmortems in `paths` (files or folders of `*.md`).

    Every file is read and checked before anything is written: one `FormatError` or
    `ConflictError` aborts the import with the database untouched. A known incident id updates
    the stored postmortem when its content changed (its revision goes up by one, or to the
    file's revision if that is higher).

    Refused with a `ConflictError` unless `force`: a file whose incident id is stored under
    another title (another incident), and a changed file whose `revision:` is lower than the
    stored one (exported before someone else's change, which it would undo). Refused unless
    `replace_timeline`: a file whose timeline would delete events imported from a source
    (`blameless timeline import`) that it does not list.
    """
    ensure_migrated(session)
    parsed = read_postmortem_files(
        collect_files(paths, postmortems_only=True), on_progress=on_progress
    )
    updates: dict[str, tuple[IncidentRow, PostmortemRow, Postmortem]] = {}
    refusals: list[ConflictError] = []
    known: set[str] = set()
    for incident_id in sorted(parsed):  # one lock order for every writer: no deadlock
        path, pm = parsed[incident_id]
        found = postmortem_rows.find_postmortem(session, incident_id, lock=True)
        if found is None:
            continue
        known.add(incident_id)
        incident, row = found
        if _same_as_last_revision(session, row, pm):
            continue  # the file has not changed since it was stored: nothing to do
        if incident.title != pm.incident.title and not force:
            refusals.append(_other_incident(incident_id, incident.title, pm, path))
            continue
        stored = postmortem_rows.load_postmortem(session, incident, row)
        if _content(stored) == _content(pm):
            continue
        updates[incident_id] = (incident, row, stored)
        if pm.revision < row.revision and not force:
            refusals.append(_stale_file(incident_id, pm.revision, row.revision, path))
        lost = lost_imported_events(stored.timeline, pm.timeline)
        if lost and not replace_timeline:
            refusals.append(_timeline_loss(incident_id, lost, path))
    if refusals:
        raise _first_of(refusals)
    report = ImportReport()
    for incident_id, (path, pm) in parsed.items():
        if incident_id in updates:
            row = _apply(session, *updates[incident_id], pm, actor=actor, revision=pm.revision)
            report.updated.append(incident_id)
            if row.revision != pm.revision:
                report.revisions[path] = row.revision
        elif incident_id in known:
            report.unchanged.append(incident_id)
        else:
            _create(session, pm, actor=actor)
            report.created.append(incident_id)
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
    return postmortem_rows.load_postmortem(session, incident, row), row.version


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
    check_unique_event_ids(pm, path=None)
    _check_no_nul(pm)
    incident, row = _require(session, pm.incident.id, lock=True)
    if row.version != expected_version:
        raise _conflict(pm.incident.id)
    stored = postmortem_rows.load_postmortem(session, incident, row)
    lost = lost_imported_events(stored.timeline, pm.timeline)
    if lost and not replace_timeline:
        raise _timeline_loss(pm.incident.id, lost, None)
    if _content(stored) == _content(pm):
        return row.version
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
    try:
        _, row = postmortem_rows.insert_postmortem(session, pm)
    except IntegrityError:
        raise ConflictError(
            f"{pm.incident.id} was stored by someone else during this import: import again"
        ) from None
    postmortem_rows.add_revision(session, row, render_postmortem(pm), actor)
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
) -> PostmortemRow:
    """Write `pm` over the `stored` rows as the next revision (or `revision`, if higher)."""
    new = replace(pm, revision=max(row.revision + 1, revision))
    postmortem_rows.update_postmortem(session, incident, row, new)
    postmortem_rows.add_revision(session, row, render_postmortem(new), actor)
    session.flush()
    return row


def _content(pm: Postmortem) -> Postmortem:
    """What a postmortem says, without its revision number."""
    return replace(pm, revision=0)


def _require(
    session: Session, incident_id: str, *, lock: bool = False
) -> tuple[IncidentRow, PostmortemRow]:
    found = postmortem_rows.find_postmortem(session, incident_id, lock=lock)
    if found is None:
        raise NotFoundError(f"no postmortem for incident {incident_id}")
    return found


def _conflict(incident_id: str) -> ConflictError:
    return ConflictError(
        f"postmortem {incident_id} was changed by someone else since you read it: "
        "reload it and apply your edit again"
    )


def _timeline_loss(incident_id: str, lost: Counter[str], path: Path | None) -> ConflictError:
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
        f"{incident_id} {path}` first, or pass `--replace-timeline` to delete them",
        path=path,
    )


def _other_incident(incident_id: str, stored: str, pm: Postmortem, path: Path) -> ConflictError:
    return ConflictError(
        f"{incident_id} is already '{stored}' in the database; this file calls it "
        f"'{pm.incident.title}': give the file a new id (`blameless new` picks a free one), "
        "or pass --force to retitle the stored incident",
        path=path,
    )


def _stale_file(incident_id: str, file_revision: int, stored: int, path: Path) -> ConflictError:
    return ConflictError(
        f"this file is revision {file_revision} of {incident_id}, but the database has "
        f"revision {stored}, saved since the file was exported: export it again and redo your "
        f"edit there, or pass --force to overwrite revision {stored}",
        path=path,
    )


def _first_of(refusals: list[ConflictError]) -> ConflictError:
    """The first refusal, saying how many more there are."""
    first = refusals[0]
    if len(refusals) == 1:
        return first
    more = len(refusals) - 1
    return ConflictError(
        f"{first.message} ({more} more refusal{'s' if more != 1 else ''} in this import)",
        path=first.path,
    )


def _check_no_nul(pm: Postmortem) -> None:
    """A NUL character cannot be stored in PostgreSQL text; refuse it on every database alike."""
    for part in fields(pm):
        value = getattr(pm, part.name)
        place = _PLACES.get(part.name, part.name.replace("_", " "))
        items = value if isinstance(value, list) else [value]
        for number, item in enumerate(items, start=1):
            if any("\0" in text for text in _texts(item)):
                where = f"{place} {number}" if isinstance(value, list) else place
                raise InputError(f"{where} contains a NUL character, which cannot be stored")


def _texts(value: object) -> Iterator[str]:
    """Every string inside a value (dataclasses, lists and dicts are searched)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif is_dataclass(value):
        for part in fields(value):
            yield from _texts(getattr(value, part.name))


_PLACES = {
    "timeline": "timeline event",
    "sections": "section",
    "factors": "contributing factor",
    "action_items": "action item",
    "participants": "participant",
    "authors": "author",
    "reviewers": "reviewer",
    "extra": "front matter",
}
