"""Reading and writing whole postmortems: the incident, the postmortem and their children.

Children (participants, sections, timeline, factors, action items) are written with Core
statements: a save updates only the rows whose content changed, so unchanged rows keep their
primary key and version, and a large timeline is never loaded as ORM objects.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from blameless.model import (
    ActionItem,
    ActionKind,
    ActionStatus,
    ContributingFactor,
    FactorCategory,
    Incident,
    IncidentStatus,
    Milestone,
    Participant,
    Postmortem,
    PostmortemStatus,
    Priority,
    Section,
    Severity,
    TimelineEvent,
)
from blameless.store.tables import (
    ActionItemRow,
    FactorRow,
    IncidentRow,
    ParticipantRow,
    PostmortemRow,
    RevisionRow,
    SectionRow,
    TimelineEventRow,
    source_key,
    table_of,
)
from blameless.store.timeline_rows import is_sqlite, lock_incident
from blameless.store.types import decode_json, encode_json

_BOOKKEEPING = frozenset(
    {"pk", "postmortem_pk", "incident_pk", "position", "version", "source_key"}
)
_INCIDENT_FIELDS = (
    "title",
    "severity",
    "status",
    "services",
    "started",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
    "impact",
)


def find_postmortem(
    session: Session, incident_id: str, *, lock: bool = False
) -> tuple[IncidentRow, PostmortemRow] | None:
    """The incident and postmortem rows for a public incident id, if stored.

    With `lock`, the incident is locked for writing first (see `lock_incident`).
    """
    query = (
        select(IncidentRow, PostmortemRow)
        .join(PostmortemRow, PostmortemRow.incident_pk == IncidentRow.pk)
        .where(IncidentRow.public_id == incident_id)
        # Fresh values even if the session read these rows earlier: the version check needs them.
        .execution_options(populate_existing=True)
    )
    if lock and is_sqlite(session):
        lock_incident(session, table_of(IncidentRow).c.public_id == incident_id)
    elif lock:
        query = query.with_for_update()
    found = session.execute(query).first()
    return (found[0], found[1]) if found else None


def all_postmortems(session: Session) -> list[tuple[IncidentRow, PostmortemRow]]:
    """Every stored postmortem with its incident, by incident id."""
    rows = session.execute(
        select(IncidentRow, PostmortemRow)
        .join(PostmortemRow, PostmortemRow.incident_pk == IncidentRow.pk)
        .order_by(IncidentRow.public_id)
    ).all()
    return [(incident, postmortem) for incident, postmortem in rows]


def insert_postmortem(session: Session, pm: Postmortem) -> tuple[IncidentRow, PostmortemRow]:
    """Store a new incident and its postmortem (the incident id must be free)."""
    incident = IncidentRow(public_id=pm.incident.id, **_incident_values(pm.incident))
    session.add(incident)
    session.flush()
    row = PostmortemRow(incident_pk=incident.pk, **_postmortem_values(pm))
    session.add(row)
    session.flush()
    _write_children(session, incident.pk, row.pk, pm)
    return incident, row


def update_postmortem(
    session: Session, incident: IncidentRow, row: PostmortemRow, pm: Postmortem
) -> None:
    """Overwrite a stored postmortem with `pm`; the postmortem row's version is checked and bumped.

    The postmortem row is flushed first: on PostgreSQL its row lock serialises concurrent savers,
    and a stale version raises `StaleDataError` before any child row is touched.
    """
    for name, value in _postmortem_values(pm).items():
        setattr(row, name, value)
    row.updated_at = func.now()
    session.flush()
    for name, value in _incident_values(pm.incident).items():
        if getattr(incident, name) != value:
            setattr(incident, name, value)
    session.flush()
    _write_children(session, incident.pk, row.pk, pm)


def add_revision(session: Session, row: PostmortemRow, markdown: str, actor: str | None) -> None:
    """Append a revision snapshot (revision rows are never updated or deleted)."""
    session.add(
        RevisionRow(postmortem_pk=row.pk, revision=row.revision, markdown=markdown, actor=actor)
    )


def load_postmortem(session: Session, incident: IncidentRow, row: PostmortemRow) -> Postmortem:
    """The domain object for stored rows."""
    values = {name: getattr(incident, name) for name in _INCIDENT_FIELDS}
    values["severity"] = Severity(incident.severity) if incident.severity else None
    values["status"] = IncidentStatus(incident.status)
    children = {
        table: _child_values(session, table, row.pk, incident.pk)
        for table in (ParticipantRow, SectionRow, TimelineEventRow, FactorRow, ActionItemRow)
    }
    return Postmortem(
        incident=Incident(id=incident.public_id, **values),
        status=PostmortemStatus(row.status),
        authors=list(row.authors),
        reviewers=list(row.reviewers),
        revision=row.revision,
        participants=[Participant(**v) for v in children[ParticipantRow]],
        sections=[Section(**v) for v in children[SectionRow]],
        timeline=[_event(v) for v in children[TimelineEventRow]],
        factors=[_factor(v) for v in children[FactorRow]],
        action_items=[_action(v) for v in children[ActionItemRow]],
        extra=decode_json(row.extra),
        preamble=row.preamble,
    )


def _incident_values(incident: Incident) -> dict[str, Any]:
    values = {name: getattr(incident, name) for name in _INCIDENT_FIELDS}
    values["severity"] = incident.severity.value if incident.severity else None
    values["status"] = incident.status.value
    values["services"] = list(incident.services)
    return values


def _postmortem_values(pm: Postmortem) -> dict[str, Any]:
    return {
        "status": pm.status.value,
        "authors": list(pm.authors),
        "reviewers": list(pm.reviewers),
        "revision": pm.revision,
        "preamble": pm.preamble,
        "extra": encode_json(pm.extra),
    }


def _event_values(event: TimelineEvent) -> dict[str, Any]:
    # Not `asdict`: it deep-copies every timestamp, which costs more than parsing an import.
    return {
        "timestamp": event.timestamp,
        "text": event.text,
        "actor": event.actor,
        "source": event.source,
        "source_id": event.source_id,
        "source_key": source_key(event.source, event.source_id),
        "kind": event.kind,
        "link": event.link,
        "milestone": event.milestone.value if event.milestone else None,
    }


def _factor_values(factor: ContributingFactor) -> dict[str, Any]:
    return {**asdict(factor), "category": factor.category.value}


def _action_values(item: ActionItem) -> dict[str, Any]:
    values = asdict(item)
    for name in ("kind", "priority", "status"):
        enum_value = getattr(item, name)
        values[name] = enum_value.value if enum_value is not None else None
    return values


def _event(values: dict[str, Any]) -> TimelineEvent:
    milestone = values.pop("milestone")
    return TimelineEvent(**values, milestone=Milestone(milestone) if milestone else None)


def _factor(values: dict[str, Any]) -> ContributingFactor:
    return ContributingFactor(
        category=FactorCategory(values["category"]),
        description=values["description"],
        linked_events=list(values["linked_events"]),
    )


def _action(values: dict[str, Any]) -> ActionItem:
    kind, priority = values.pop("kind"), values.pop("priority")
    return ActionItem(
        **{**values, "status": ActionStatus(values["status"])},
        kind=ActionKind(kind) if kind else None,
        priority=Priority(priority) if priority else None,
    )


def _write_children(session: Session, incident_pk: int, postmortem_pk: int, pm: Postmortem) -> None:
    by_postmortem = (
        (ParticipantRow, [asdict(p) for p in pm.participants]),
        (SectionRow, [asdict(s) for s in pm.sections]),
        (FactorRow, [_factor_values(f) for f in pm.factors]),
        (ActionItemRow, [_action_values(a) for a in pm.action_items]),
    )
    for entity, wanted in by_postmortem:
        _sync_children(session, table_of(entity), "postmortem_pk", postmortem_pk, wanted)
    timeline = [_event_values(e) for e in pm.timeline]
    _sync_children(session, table_of(TimelineEventRow), "incident_pk", incident_pk, timeline)


def _value_columns(table: Table) -> list[Any]:
    return [column for column in table.c if column.name not in _BOOKKEEPING]


def _child_values(
    session: Session, entity: type[Any], postmortem_pk: int, incident_pk: int
) -> list[dict[str, Any]]:
    table = table_of(entity)
    parent = "incident_pk" if entity is TimelineEventRow else "postmortem_pk"
    owner = incident_pk if entity is TimelineEventRow else postmortem_pk
    query = (
        select(*_value_columns(table))
        .where(table.c[parent] == owner)
        .order_by(table.c.position, table.c.pk)
    )
    return [dict(row._mapping) for row in session.execute(query)]


def _sync_children(
    session: Session, table: Table, parent: str, parent_pk: int, wanted: list[dict[str, Any]]
) -> None:
    """Make the ordered children of one parent equal `wanted`, touching only changed rows."""
    columns = _value_columns(table)
    existing = session.execute(
        select(table.c.pk, table.c.position, *columns)
        .where(table.c[parent] == parent_pk)
        .order_by(table.c.position, table.c.pk)
    ).all()
    surplus = [row.pk for row in existing[len(wanted) :]]
    if surplus:
        session.execute(delete(table).where(table.c.pk.in_(surplus)))
    changed = [
        (row.pk, {**values, "position": position})
        for position, (row, values) in enumerate(zip(existing, wanted, strict=False))
        if row.position != position or any(row._mapping[c.name] != values[c.name] for c in columns)
    ]
    if changed and "source_key" in table.c:
        # Clear the de-duplication key first, so that reordered events never collide mid-way.
        cleared = [pk for pk, _ in changed]
        session.execute(update(table).where(table.c.pk.in_(cleared)).values(source_key=None))
    for pk, values in changed:
        session.execute(
            update(table).where(table.c.pk == pk).values(**values, version=table.c.version + 1)
        )
    added = [
        {**values, parent: parent_pk, "position": position}
        for position, values in enumerate(wanted)
        if position >= len(existing)
    ]
    if added:
        session.execute(insert(table), added)
