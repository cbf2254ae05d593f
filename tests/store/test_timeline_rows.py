"""Bulk timeline inserts for importers (`blameless.store.timeline_rows`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from blameless.model import Postmortem, TimelineEvent
from blameless.store import postmortem_rows, timeline_rows
from blameless.store.tables import TimelineEventRow


def test_bulk_timeline_insert_appends_and_skips_duplicates(
    session: Session, sample_postmortem: Postmortem
) -> None:
    incident, _ = postmortem_rows.insert_postmortem(session, sample_postmortem)
    t0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    events = [
        TimelineEvent(t0 + timedelta(seconds=i), f"m{i}", source="slack", source_id=str(i))
        for i in range(2500)
    ]
    added = timeline_rows.add_timeline_events(session, incident.pk, iter(events), batch_size=1000)
    assert added == 2500
    again = timeline_rows.add_timeline_events(
        session,
        incident.pk,
        [*events[2000:], TimelineEvent(t0, "new", source="slack", source_id="new")],
    )
    assert again == 1
    session.commit()
    positions = session.scalars(
        select(TimelineEventRow.position)
        .where(TimelineEventRow.incident_pk == incident.pk)
        .order_by(TimelineEventRow.position)
    ).all()
    assert len(positions) == len(set(positions)) == 2 + 2500 + 1
    found = postmortem_rows.find_postmortem(session, "INC-2026-001")
    assert found is not None
    timeline = postmortem_rows.load_postmortem(session, *found).timeline
    assert timeline[:2] == sample_postmortem.timeline
    assert timeline[2].text == "m0" and timeline[-1].text == "new"


def test_events_without_a_source_id_are_never_duplicates(
    session: Session, sample_postmortem: Postmortem
) -> None:
    incident, _ = postmortem_rows.insert_postmortem(session, sample_postmortem)
    t0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    events = [
        TimelineEvent(t0, "noted by hand", source="notes"),
        TimelineEvent(t0, "no source", source_id="1"),
    ]
    assert timeline_rows.add_timeline_events(session, incident.pk, events) == 2
    assert timeline_rows.add_timeline_events(session, incident.pk, events) == 2


def test_duplicates_within_one_import_are_stored_once(
    session: Session, sample_postmortem: Postmortem
) -> None:
    incident, _ = postmortem_rows.insert_postmortem(session, sample_postmortem)
    t0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    event = TimelineEvent(t0, "patch deployments", source="k8s-audit", source_id="a1")
    assert (
        timeline_rows.add_timeline_events(session, incident.pk, [event, event], batch_size=1) == 1
    )
    # The same id from another source is another event.
    other = replace(event, source="git")
    assert timeline_rows.add_timeline_events(session, incident.pk, [other]) == 1


def test_the_import_page_cache_is_restored_on_sqlite(
    session: Session, sample_postmortem: Postmortem
) -> None:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        pytest.skip("a SQLite pragma")
    incident, _ = postmortem_rows.insert_postmortem(session, sample_postmortem)
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    events = [TimelineEvent(datetime(2026, 3, 4, tzinfo=UTC), "e", source="s", source_id="1")]
    timeline_rows.add_timeline_events(session, incident.pk, events)
    assert (
        connection.exec_driver_sql("PRAGMA cache_size").scalar()
        == before
        != (-timeline_rows.IMPORT_CACHE_KIB)
    )
