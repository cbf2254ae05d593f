"""Bulk timeline inserts for importers, and the incident lock that serialises writers.

Events are inserted with plain driver SQL in batches, skipping those whose (source, source id)
is already stored for the incident, so a large import never builds ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice

from sqlalchemy import ColumnElement, Connection, Dialect, Table, func, select, update
from sqlalchemy.orm import Session

from blameless.model import TimelineEvent
from blameless.store.tables import (
    IncidentRow,
    PostmortemRow,
    TimelineEventRow,
    source_key,
    table_of,
)

IMPORT_CACHE_KIB = 64 * 1024


def lock_incident(session: Session, which: ColumnElement[bool]) -> None:
    """Hold the write lock of the incident(s) matching `which` until the transaction ends.

    Take it before reading what a write depends on (the stored timeline, the version, the last
    position): a concurrent writer waits, then reads what this transaction wrote. PostgreSQL
    locks the rows (`SELECT ... FOR UPDATE`). SQLite has one writer at a time and reads
    outside a write transaction see no lock, so a write that changes nothing takes the
    database's write lock first, and every later read is inside the write transaction.
    """
    incidents = table_of(IncidentRow)
    if is_sqlite(session):
        session.execute(update(incidents).where(which).values(title=incidents.c.title))
    else:
        session.execute(select(incidents.c.pk).where(which).with_for_update())


def is_sqlite(session: Session) -> bool:
    """Whether the session is bound to SQLite (which locks the database, not rows)."""
    return session.get_bind().dialect.name == "sqlite"


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
    lock_incident(session, table_of(IncidentRow).c.pk == incident_pk)
    table = table_of(TimelineEventRow)
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
        postmortems = table_of(PostmortemRow)
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
