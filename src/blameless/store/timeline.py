"""Bulk timeline inserts for importers: the fast path over the `timeline_events` table.

`repositories.add_timeline_events` converts each event with `dataclasses.asdict`, which deep-
copies every timestamp and costs more than parsing the input; this module builds the row dicts
shallowly. Same semantics: events are appended after the last position, and an event whose
(source, source id) is already stored for the incident is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from blameless.model import TimelineEvent
from blameless.store.tables import TimelineEventRow

_TABLE: Table = TimelineEventRow.__table__  # type: ignore[assignment]


def bulk_add_events(
    session: Session, incident_pk: int, events: Iterable[TimelineEvent], *, batch_size: int = 5000
) -> int:
    """Append events in batched executemany inserts, skipping stored (source, source id) pairs.

    Returns the number of rows inserted. Memory holds one batch at a time.
    """
    mine = _TABLE.c.incident_pk == incident_pk
    before = session.scalar(select(func.count()).where(mine)) or 0
    last = session.scalar(select(func.coalesce(func.max(_TABLE.c.position), -1)).where(mine))
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(_TABLE).on_conflict_do_nothing()
    numbered = enumerate(events, start=(last if last is not None else -1) + 1)
    while rows := [
        _row(event, incident_pk, position) for position, event in islice(numbered, batch_size)
    ]:
        session.execute(statement, rows)
    after = session.scalar(select(func.count()).where(mine)) or 0
    return after - before


def _row(event: TimelineEvent, incident_pk: int, position: int) -> dict[str, Any]:
    return {
        "incident_pk": incident_pk,
        "position": position,
        "timestamp": event.timestamp,
        "text": event.text,
        "actor": event.actor,
        "source": event.source,
        "source_id": event.source_id,
        "kind": event.kind,
        "link": event.link,
        "milestone": event.milestone.value if event.milestone else None,
    }
