"""Timeline use cases: import a source into an incident, show the merged timeline, write it back.

Every function takes the session first and leaves commit or rollback to the caller: an import
that meets a malformed record raises before the caller commits, so nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from blameless.errors import ConflictError, InputError, NotFoundError
from blameless.files import decode, has_bom, read_bytes, write_text
from blameless.markdown import parse_postmortem
from blameless.markdown.timestamps import format_timeline_timestamp
from blameless.model import (
    Incident,
    Milestone,
    Participant,
    Postmortem,
    TimelineEvent,
)
from blameless.store import postmortem_rows, timeline_rows
from blameless.store.migrate import ensure_migrated
from blameless.store.tables import IncidentRow, PostmortemRow
from blameless.timeline.base import ImportContext, ImportOptions, ProgressCallback
from blameless.timeline.checks import DEFAULT_MAX_GAP, TimelineIssue, find_inconsistencies
from blameless.timeline.merge import MergeOptions, merge_events
from blameless.timeline.milestones import (
    Durations,
    MilestoneTime,
    compute_durations,
    resolve_milestones,
)
from blameless.timeline.registry import importer_names, one_line, read_events
from blameless.timeline.splice import item_line, splice_timeline, unstored_events

DEFAULT_BATCH_SIZE = 5000


@dataclass
class TimelineImportReport:
    """Counts of one import: events read, inserted, already stored, invalid (skipped), filtered."""

    read: int
    inserted: int
    duplicates: int
    invalid: int
    filtered: int
    errors: list[InputError] = field(default_factory=list)


@dataclass
class TimelineView:
    """An incident's merged timeline with its milestones, durations and inconsistencies."""

    incident: Incident
    participants: list[Participant]
    events: list[TimelineEvent]
    milestones: dict[Milestone, MilestoneTime]
    durations: Durations
    issues: list[TimelineIssue]


def import_timeline(
    session: Session,
    incident_id: str,
    *,
    source: str,
    path: Path,
    options: ImportOptions | None = None,
    progress: ProgressCallback | None = None,
    create_title: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> TimelineImportReport:
    """Stream the events of `path` through the `source` importer into the incident's timeline.

    Events already stored (same source and source id) are skipped. An unknown incident is an
    error unless `create_title` is given, which creates it with an empty postmortem.
    """
    ensure_migrated(session)
    incident_pk = _incident_pk(session, incident_id, create_title)
    context = ImportContext(options, progress)
    events = read_events(source, path, context)
    inserted = timeline_rows.add_timeline_events(
        session, incident_pk, events, batch_size=batch_size
    )
    stats = context.stats
    return TimelineImportReport(
        read=stats.events,
        inserted=inserted,
        duplicates=stats.events - inserted,
        invalid=stats.invalid,
        filtered=stats.filtered,
        errors=list(stats.errors),
    )


def get_timeline(
    session: Session,
    incident_id: str,
    *,
    merge: MergeOptions | None = None,
    max_gap: timedelta | None = DEFAULT_MAX_GAP,
) -> TimelineView:
    """The incident's stored events merged (sorted, de-duplicated, filtered) and analysed.

    A source filter naming neither a source of the incident's events nor an importer is an
    `InputError` (a typo would otherwise show an empty timeline).
    """
    return _view(_stored(session, incident_id), merge, max_gap)


def _stored(session: Session, incident_id: str) -> Postmortem:
    ensure_migrated(session)
    incident_row, postmortem_row = _require(session, incident_id)
    return postmortem_rows.load_postmortem(session, incident_row, postmortem_row)


def _view(pm: Postmortem, merge: MergeOptions | None, max_gap: timedelta | None) -> TimelineView:
    if merge is not None:
        _check_sources(merge.sources, pm.timeline, pm.incident.id)
    events = merge_events([pm.timeline], merge)
    milestones = resolve_milestones(events, pm.incident)
    return TimelineView(
        incident=pm.incident,
        participants=pm.participants,
        events=events,
        milestones=milestones,
        durations=compute_durations(milestones),
        issues=find_inconsistencies(events, pm.incident, max_gap=max_gap),
    )


def write_timeline(
    session: Session,
    incident_id: str,
    file: Path,
    *,
    merge: MergeOptions | None = None,
    force: bool = False,
) -> int:
    """Replace the timeline items of a postmortem file with the stored timeline.

    Only the item lines of the Timeline section change: the front matter and all prose (also
    around the items) keep their exact bytes. Markers already in the timeline are kept; an
    inferred milestone gets a `[milestone: …]` marker on its event unless the front matter or
    a marker already sets it. Returns the number of events written.

    A `ConflictError`, and nothing written, when the file lists events (or edited texts or
    markers) that are not stored, or that the `merge` filters (sources, since, until) leave
    out, which replacing the items would lose — unless `force`.
    """
    data = read_bytes(file)
    text = decode(data, file)
    pm = parse_postmortem(text, path=str(file))
    if pm.incident.id != incident_id:
        raise InputError(f"the file is incident {pm.incident.id}, not {incident_id}", path=file)
    stored = _stored(session, incident_id)
    view = _view(stored, merge, None)
    # Texts stored by older imports may span lines; a timeline item cannot.
    events = [replace(e, text=one_line(e.text)) for e in view.events]
    marked = {e.milestone for e in events if e.milestone is not None}
    for milestone, when in resolve_milestones(view.events).items():
        if (
            when.event_index is not None
            and milestone not in marked
            and pm.incident.milestone(milestone) is None
        ):
            events[when.event_index - 1].milestone = milestone
    lines = [item_line(event) for event in events]
    lost = unstored_events(pm.timeline, stored.timeline, lines)
    if lost and not force:
        listed = {(e.source, e.source_id) for e in pm.timeline}
        # `blameless import` refuses to drop imported events the file does not list yet.
        unlisted = any(
            e.source and e.source_id and (e.source, e.source_id) not in listed
            for e in stored.timeline
        )
        raise _unstored_error(file, incident_id, lost, replace_first=unlisted)
    if merge is not None and (merge.sources or merge.since or merge.until) and not force:
        # Stored but filtered out: the events of other sources or times the file lists.
        selected = merge_events([stored.timeline], replace(merge, text_window=None))
        left_out = unstored_events(pm.timeline, selected, lines)
        if left_out:
            raise _filtered_out_error(file, left_out)
    write_text(file, splice_timeline(text, lines), bom=has_bom(data))
    return len(events)


def _unstored_error(
    file: Path, incident_id: str, lost: list[TimelineEvent], *, replace_first: bool
) -> ConflictError:
    one = len(lost) == 1
    first = lost[0]
    text = first.text if len(first.text) <= 40 else first.text[:39] + "…"
    fix = f"run `blameless import {file}` first"
    if replace_first:
        fix = f"run `blameless import {file} --replace-timeline` first and import the sources again"
    return ConflictError(
        f"the file lists {len(lost)} timeline event{'' if one else 's'} that "
        f"{'is' if one else 'are'} not stored for {incident_id} (added or edited in the file; "
        f"first: {format_timeline_timestamp(first.timestamp)} — {text}), which writing would "
        f"lose: {fix}, or pass --force to overwrite {'it' if one else 'them'}",
        path=file,
    )


def _filtered_out_error(file: Path, left_out: list[TimelineEvent]) -> ConflictError:
    one = len(left_out) == 1
    first = left_out[0]
    text = first.text if len(first.text) <= 40 else first.text[:39] + "…"
    return ConflictError(
        f"the file lists {len(left_out)} timeline event{'' if one else 's'} that --source, "
        f"--since or --until leave{'s' if one else ''} out (first: "
        f"{format_timeline_timestamp(first.timestamp)} — {text}), which writing would remove "
        f"from the file: write without these filters, or pass --force to remove "
        f"{'it' if one else 'them'}",
        path=file,
    )


def _check_sources(wanted: frozenset[str], events: list[TimelineEvent], incident_id: str) -> None:
    stored = {e.source for e in events if e.source}
    unknown = sorted(wanted - stored - set(importer_names()))
    if unknown:
        raise InputError(
            f"--source {unknown[0]}: no event of {incident_id} has this source and no importer "
            f"has this name (its sources: {', '.join(sorted(stored)) or 'none'})"
        )


def _require(session: Session, incident_id: str) -> tuple[IncidentRow, PostmortemRow]:
    found = postmortem_rows.find_postmortem(session, incident_id)
    if found is None:
        raise NotFoundError(f"no incident {incident_id} in the database")
    return found


def _incident_pk(session: Session, incident_id: str, create_title: str | None) -> int:
    found = postmortem_rows.find_postmortem(session, incident_id)
    if found is not None:
        return found[0].pk
    if create_title is None:
        raise NotFoundError(
            f"no incident {incident_id} in the database: import its postmortem first "
            "(blameless import FILE) or pass --title to create it"
        )
    incident, _ = postmortem_rows.insert_postmortem(
        session, Postmortem(incident=Incident(id=incident_id, title=create_title))
    )
    return incident.pk
