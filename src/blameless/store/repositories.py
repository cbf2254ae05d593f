"""Reading and writing whole postmortems, and bulk timeline inserts for importers.

Children (participants, sections, timeline, factors, action items) are written with Core
statements: a save updates only the rows whose content changed, so unchanged rows keep their
primary key and version, and a large timeline is never loaded as ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from itertools import islice
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Dialect,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
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
)
from blameless.store.types import decode_json, encode_json

_BOOKKEEPING = frozenset(
    {"pk", "postmortem_pk", "incident_pk", "position", "version", "source_key"}
)
IMPORT_CACHE_KIB = 64 * 1024
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
    if lock and _is_sqlite(session):
        lock_incident(session, _table(IncidentRow).c.public_id == incident_id)
    elif lock:
        query = query.with_for_update()
    found = session.execute(query).first()
    return (found[0], found[1]) if found else None


def lock_incident(session: Session, which: ColumnElement[bool]) -> None:
    """Hold the write lock of the incident(s) matching `which` until the transaction ends.

    Take it before reading what a write depends on (the stored timeline, the version, the last
    position): a concurrent writer waits, then reads what this transaction wrote. PostgreSQL
    locks the rows (`SELECT ... FOR UPDATE`). SQLite has one writer at a time and reads
    outside a write transaction see no lock, so a write that changes nothing takes the
    database's write lock first, and every later read is inside the write transaction.
    """
    incidents = _table(IncidentRow)
    if _is_sqlite(session):
        session.execute(update(incidents).where(which).values(title=incidents.c.title))
    else:
        session.execute(select(incidents.c.pk).where(which).with_for_update())


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


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


def add_timeline_events(
    session: Session,
    incident_pk: int,
    events: Iterable[TimelineEvent],
    *,
    batch_size: int = 5000,
) -> int:
    """Append events after the incident's last position in batched executemany inserts.

    The incident is locked first, so that concurrent imports number their events one after
    the other; when events are added, the postmortem's version goes up (an edit read before
    them is then a conflict). An event whose (source, source id) is already stored for the
    incident is skipped. Rows are built as tuples one batch at a time and handed to the driver
    as they are, so memory stays flat and the per-row cost is small for any number of events.
    Returns the rows inserted.
    """
    lock_incident(session, _table(IncidentRow).c.pk == incident_pk)
    table = _table(TimelineEventRow)
    mine = table.c.incident_pk == incident_pk
    before = session.scalar(select(func.count()).where(mine)) or 0
    last = session.scalar(select(func.coalesce(func.max(table.c.position), -1)).where(mine))
    connection = session.connection()
    dialect = connection.dialect
    statement = _insert_ignoring_conflicts(dialect, table, _IMPORT_COLUMNS)
    stamp = table.c.timestamp.type.dialect_impl(dialect).bind_processor(dialect)
    assert stamp is not None, "UTCDateTime always converts its values"
    numbered = enumerate(events, start=(last if last is not None else -1) + 1)
    with _import_page_cache(connection):
        while rows := [
            (
                incident_pk,
                position,
                stamp(event.timestamp),
                event.text,
                event.actor,
                event.source,
                event.source_id,
                source_key(event.source, event.source_id),
                event.kind,
                event.link,
                event.milestone.value if event.milestone else None,
            )
            for position, event in islice(numbered, batch_size)
        ]:
            connection.exec_driver_sql(statement, rows)
    after = session.scalar(select(func.count()).where(mine)) or 0
    if after > before:
        # A save based on a read from before these events is then a conflict, not a silent loss.
        postmortems = _table(PostmortemRow)
        session.execute(
            update(postmortems)
            .where(postmortems.c.incident_pk == incident_pk)
            .values(version=postmortems.c.version + 1)
        )
    return after - before


# The order of the tuples built by `add_timeline_events`.
_IMPORT_COLUMNS = (
    "incident_pk",
    "position",
    "timestamp",
    "text",
    "actor",
    "source",
    "source_id",
    "source_key",
    "kind",
    "link",
    "milestone",
)


def _insert_ignoring_conflicts(dialect: Dialect, table: Table, columns: Sequence[str]) -> str:
    """`INSERT ... ON CONFLICT DO NOTHING` in the driver's own placeholder style.

    Plain SQL on purpose: SQLAlchemy's per-row parameter handling cost more than SQLite's
    insert itself on million-row imports.
    """
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    return (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([marker] * len(columns))}) ON CONFLICT DO NOTHING"
    )


@contextmanager
def _import_page_cache(connection: Connection) -> Iterator[None]:
    """A page cache of `IMPORT_CACHE_KIB` on SQLite while a bulk insert runs, then the old one.

    With SQLite's default 2 MB cache, each insert at a random place in the unique index read
    and wrote back pages that had been evicted; 64 MB holds the index of several million events.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous or 0)}")


def _table(entity: type[Any]) -> Table:
    table: Table = entity.__table__
    return table


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
        _sync_children(session, _table(entity), "postmortem_pk", postmortem_pk, wanted)
    timeline = [_event_values(e) for e in pm.timeline]
    _sync_children(session, _table(TimelineEventRow), "incident_pk", incident_pk, timeline)


def _value_columns(table: Table) -> list[Any]:
    return [column for column in table.c if column.name not in _BOOKKEEPING]


def _child_values(
    session: Session, entity: type[Any], postmortem_pk: int, incident_pk: int
) -> list[dict[str, Any]]:
    table = _table(entity)
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
