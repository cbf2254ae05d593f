"""Whole-postmortem reads and writes and child-row syncing (`blameless.store.postmortem_rows`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from blameless.model import Postmortem, TimelineEvent
from blameless.store import postmortem_rows, timeline_rows
from blameless.store.tables import ActionItemRow


def _store(session: Session, pm: Postmortem) -> Postmortem:
    postmortem_rows.insert_postmortem(session, pm)
    session.commit()
    session.expunge_all()
    found = postmortem_rows.find_postmortem(session, pm.incident.id)
    assert found is not None
    return postmortem_rows.load_postmortem(session, *found)


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
    found = postmortem_rows.find_postmortem(session, "INC-2026-001")
    assert found is not None
    postmortem_rows.update_postmortem(session, *found, edited)
    session.commit()
    after = {r.pk: r.version for r in session.scalars(select(ActionItemRow).order_by("position"))}
    first, second = sorted(before)
    assert after == {first: before[first], second: before[second] + 1}
    assert postmortem_rows.load_postmortem(session, *found) == edited


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
    found = postmortem_rows.find_postmortem(session, "INC-2026-001")
    assert found is not None
    postmortem_rows.update_postmortem(session, *found, edited)
    session.commit()
    assert postmortem_rows.load_postmortem(session, *found).timeline == edited.timeline


def test_a_saved_postmortem_and_an_import_share_the_dedup_key(
    session: Session, sample_postmortem: Postmortem
) -> None:
    t0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    written = TimelineEvent(t0, "deploy", source="git", source_id="abc123")
    _store(session, replace(sample_postmortem, timeline=[written]))
    found = postmortem_rows.find_postmortem(session, "INC-2026-001")
    assert found is not None
    assert timeline_rows.add_timeline_events(session, found[0].pk, [written]) == 0
