"""Whole-postmortem reads and writes, child-row syncing and bulk timeline inserts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from blameless.model import Postmortem, TimelineEvent
from blameless.store import repositories
from blameless.store.tables import ActionItemRow, TimelineEventRow


def _store(session: Session, pm: Postmortem) -> Postmortem:
    repositories.insert_postmortem(session, pm)
    session.commit()
    session.expunge_all()
    found = repositories.find_postmortem(session, pm.incident.id)
    assert found is not None
    return repositories.load_postmortem(session, *found)


def test_a_postmortem_reads_back_equal(session: Session, sample_postmortem: Postmortem) -> None:
    assert _store(session, sample_postmortem) == sample_postmortem


def test_update_touches_only_changed_children(
    session: Session, sample_postmortem: Postmortem
) -> None:
    _store(session, sample_postmortem)
    before = {r.pk: r.version for r in session.scalars(select(ActionItemRow))}
    edited = replace(sample_postmortem, revision=2)
    edited.action_items = [
        sample_postmortem.action_items[0],
        replace(sample_postmortem.action_items[1], text="Refuse namespaces without a label."),
    ]
    found = repositories.find_postmortem(session, "INC-2026-001")
    assert found is not None
    repositories.update_postmortem(session, *found, edited)
    session.commit()
    after = {r.pk: r.version for r in session.scalars(select(ActionItemRow).order_by("position"))}
    first, second = sorted(before)
    assert after == {first: before[first], second: before[second] + 1}
    assert repositories.load_postmortem(session, *found) == edited


def test_reordered_and_removed_events_keep_the_dedup_key_consistent(
    session: Session, sample_postmortem: Postmortem
) -> None:
    t0 = datetime(2026, 3, 4, 13, 0, tzinfo=UTC)
    events = [
        TimelineEvent(t0 + timedelta(minutes=i), f"e{i}", source="s", source_id=str(i))
        for i in range(4)
    ]
    _store(session, replace(sample_postmortem, timeline=events))
    edited = replace(sample_postmortem, timeline=[events[2], events[0], events[1]], revision=2)
    found = repositories.find_postmortem(session, "INC-2026-001")
    assert found is not None
    repositories.update_postmortem(session, *found, edited)
    session.commit()
    assert repositories.load_postmortem(session, *found).timeline == edited.timeline


def test_bulk_timeline_insert_appends_and_skips_duplicates(
    session: Session, sample_postmortem: Postmortem
) -> None:
    incident, _ = repositories.insert_postmortem(session, sample_postmortem)
    t0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    events = [
        TimelineEvent(t0 + timedelta(seconds=i), f"m{i}", source="slack", source_id=str(i))
        for i in range(2500)
    ]
    added = repositories.add_timeline_events(session, incident.pk, iter(events), batch_size=1000)
    assert added == 2500
    again = repositories.add_timeline_events(
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
    found = repositories.find_postmortem(session, "INC-2026-001")
    assert found is not None
    timeline = repositories.load_postmortem(session, *found).timeline
    assert timeline[:2] == sample_postmortem.timeline
    assert timeline[2].text == "m0" and timeline[-1].text == "new"


def test_events_without_a_source_id_are_never_duplicates(
    session: Session, sample_postmortem: Postmortem
) -> None:
    incident, _ = repositories.insert_postmortem(session, sample_postmortem)
    t0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    events = [
        TimelineEvent(t0, "noted by hand", source="notes"),
        TimelineEvent(t0, "no source", source_id="1"),
    ]
    assert repositories.add_timeline_events(session, incident.pk, events) == 2
    assert repositories.add_timeline_events(session, incident.pk, events) == 2


def test_duplicates_within_one_import_are_stored_once(
    session: Session, sample_postmortem: Postmortem
) -> None:
    incident, _ = repositories.insert_postmortem(session, sample_postmortem)
    t0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    event = TimelineEvent(t0, "patch deployments", source="k8s-audit", source_id="a1")
    assert repositories.add_timeline_events(session, incident.pk, [event, event], batch_size=1) == 1
    # The same id from another source is another event.
    other = replace(event, source="git")
    assert repositories.add_timeline_events(session, incident.pk, [other]) == 1


def test_a_saved_postmortem_and_an_import_share_the_dedup_key(
    session: Session, sample_postmortem: Postmortem
) -> None:
    t0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    written = TimelineEvent(t0, "deploy", source="git", source_id="abc123")
    _store(session, replace(sample_postmortem, timeline=[written]))
    found = repositories.find_postmortem(session, "INC-2026-001")
    assert found is not None
    assert repositories.add_timeline_events(session, found[0].pk, [written]) == 0


def test_the_import_page_cache_is_restored_on_sqlite(
    session: Session, sample_postmortem: Postmortem
) -> None:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        pytest.skip("a SQLite pragma")
    incident, _ = repositories.insert_postmortem(session, sample_postmortem)
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    events = [TimelineEvent(datetime(2026, 3, 4, tzinfo=UTC), "e", source="s", source_id="1")]
    repositories.add_timeline_events(session, incident.pk, events)
    assert (
        connection.exec_driver_sql("PRAGMA cache_size").scalar()
        == before
        != (-repositories.IMPORT_CACHE_KIB)
    )
