"""Postmortem services on real SQLite and PostgreSQL: import, export, get, save, revisions."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from blameless.errors import ConflictError, FormatError, InputError, NotFoundError, StorageError
from blameless.markdown import read_postmortem, render_postmortem
from blameless.model import Incident, Postmortem, TimelineEvent
from blameless.services.postmortem_files import export_postmortems
from blameless.services.postmortems import (
    count_postmortems,
    get_postmortem,
    import_postmortems,
    list_revisions,
    lost_imported_events,
    save_postmortem,
)
from blameless.store import postmortem_rows, timeline_rows
from blameless.store.engine import create_database_engine, session_factory


def _write(folder: Path, pm: Postmortem, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{pm.incident.id}.md")
    path.write_text(render_postmortem(pm), encoding="utf-8")
    return path


def _edited(pm: Postmortem, text: str) -> Postmortem:
    return replace(pm, sections=[replace(pm.sections[0], body=f"\n{text}\n"), *pm.sections[1:]])


def test_import_creates_then_reports_unchanged(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    path = _write(tmp_path / "in", sample_postmortem)
    assert import_postmortems(session, [path]).created == ["INC-2026-001"]
    session.commit()
    report = import_postmortems(session, [tmp_path / "in"])
    assert (report.created, report.updated, report.unchanged) == ([], [], ["INC-2026-001"])
    assert [r.revision for r in list_revisions(session, "INC-2026-001")] == [1]


def test_import_of_changed_content_adds_a_revision(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    import_postmortems(session, [_write(tmp_path, sample_postmortem)], actor="alex")
    edited = _edited(sample_postmortem, "Rewritten summary.")
    report = import_postmortems(session, [_write(tmp_path, edited)], actor="sam")
    assert report.updated == ["INC-2026-001"]
    stored, _ = get_postmortem(session, "INC-2026-001")
    assert stored == replace(edited, revision=2)
    revisions = list_revisions(session, "INC-2026-001")
    assert [(r.revision, r.actor) for r in revisions] == [(1, "alex"), (2, "sam")]
    assert "Rewritten summary." in revisions[1].markdown
    assert "Rewritten summary." not in revisions[0].markdown
    assert revisions[0].created_at.tzinfo is not None


def test_one_malformed_file_aborts_the_import_with_nothing_written(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    _write(tmp_path, sample_postmortem, "a.md")
    (tmp_path / "b.md").write_text("---\nid: INC-2\ntitle: [unclosed\n---\n", encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        import_postmortems(session, [tmp_path])
    assert raised.value.path is not None and raised.value.path.endswith("b.md")
    assert raised.value.line is not None
    assert count_postmortems(session) == 0


def test_the_same_incident_in_two_files_is_refused(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    _write(tmp_path, sample_postmortem, "a.md")
    _write(tmp_path, sample_postmortem, "b.md")
    with pytest.raises(FormatError, match=r"INC-2026-001 is also defined in .*a\.md"):
        import_postmortems(session, [tmp_path])


def test_folders_skip_readme_and_hidden_files(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    _write(tmp_path / "pm", sample_postmortem)
    (tmp_path / "pm" / "README.md").write_text("# Our postmortems\n", encoding="utf-8")
    (tmp_path / "pm" / ".drafts").mkdir()
    (tmp_path / "pm" / ".drafts" / "x.md").write_text("not a postmortem\n", encoding="utf-8")
    assert import_postmortems(session, [tmp_path / "pm"]).created == ["INC-2026-001"]


def test_a_missing_path_is_an_input_error(session: Session, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        import_postmortems(session, [tmp_path / "nope"])


def test_import_export_import_is_lossless(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    import_postmortems(session, [_write(tmp_path / "in", sample_postmortem)])
    written = export_postmortems(session, tmp_path / "out" / "nested").written
    assert [p.name for p in written] == [
        "INC-2026-001-production-namespace-deleted-during-staging-cleanup.md"
    ]
    assert read_postmortem(written[0]) == sample_postmortem
    assert import_postmortems(session, written).unchanged == ["INC-2026-001"]
    assert get_postmortem(session, "INC-2026-001")[0] == sample_postmortem


def test_save_bumps_version_and_revision_only_when_content_changes(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    import_postmortems(session, [_write(tmp_path, sample_postmortem)])
    pm, version = get_postmortem(session, "INC-2026-001")
    assert save_postmortem(session, pm, expected_version=version) == version
    new_version = save_postmortem(session, _edited(pm, "New."), expected_version=version)
    assert new_version > version
    assert get_postmortem(session, "INC-2026-001")[0].revision == 2
    with pytest.raises(ConflictError, match="changed by someone else"):
        save_postmortem(session, _edited(pm, "Stale."), expected_version=version)


def test_unknown_incidents_are_not_found(session: Session) -> None:
    with pytest.raises(NotFoundError, match="INC-9"):
        get_postmortem(session, "INC-9")


def test_services_refuse_an_uninitialised_database(empty_db_url: str) -> None:
    engine = create_database_engine(empty_db_url)
    try:
        with session_factory(engine)() as session, pytest.raises(StorageError, match="db upgrade"):
            count_postmortems(session)
    finally:
        engine.dispose()


def _seed(engine: Engine, pm: Postmortem, tmp_path: Path) -> None:
    with session_factory(engine)() as session, session.begin():
        import_postmortems(session, [_write(tmp_path, pm)])


def test_the_second_of_two_concurrent_editors_gets_a_conflict(
    engine: Engine, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    _seed(engine, sample_postmortem, tmp_path)
    make = session_factory(engine)
    with make() as first, make() as second:
        mine, version = get_postmortem(first, "INC-2026-001")
        theirs, same_version = get_postmortem(second, "INC-2026-001")
        assert version == same_version
        save_postmortem(first, _edited(mine, "First writer."), expected_version=version)
        first.commit()
        with pytest.raises(ConflictError):
            save_postmortem(second, _edited(theirs, "Second writer."), expected_version=version)
        second.rollback()
    with make() as check:
        stored, _ = get_postmortem(check, "INC-2026-001")
    assert stored.sections[0].body == "\nFirst writer.\n"


def test_a_write_racing_past_the_version_check_is_still_a_conflict(
    engine: Engine, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    _seed(engine, sample_postmortem, tmp_path)
    make = session_factory(engine)
    outcome: list[BaseException] = []
    with make() as first, make() as second:
        pm, version = get_postmortem(first, "INC-2026-001")
        first.commit()
        save_postmortem(first, _edited(pm, "First writer."), expected_version=version)

        def second_writer() -> None:
            try:
                save_postmortem(second, _edited(pm, "Second writer."), expected_version=version)
                second.commit()
            except BaseException as problem:  # handed to the main thread to assert on
                outcome.append(problem)
                second.rollback()

        # The first writer holds its uncommitted update, so the second passes the version
        # check and then waits on the database lock until the first commits.
        racer = threading.Thread(target=second_writer)
        racer.start()
        time.sleep(0.3)
        first.commit()
        racer.join(timeout=20)
    assert len(outcome) == 1 and isinstance(outcome[0], ConflictError), outcome
    with make() as check:
        assert get_postmortem(check, "INC-2026-001")[0].sections[0].body == "\nFirst writer.\n"


def _with_imported_events(session: Session, pm: Postmortem, tmp_path: Path) -> Path:
    """Store `pm` from a file, then import two PagerDuty-style events into its timeline."""
    path = _write(tmp_path, pm)
    import_postmortems(session, [path])
    found = postmortem_rows.find_postmortem(session, pm.incident.id)
    assert found is not None
    t0 = pm.incident.started or datetime(2026, 3, 4, tzinfo=UTC)
    events = [
        TimelineEvent(t0 + timedelta(minutes=i), f"page {i}", source="pagerduty", source_id=f"p{i}")
        for i in (1, 2)
    ]
    timeline_rows.add_timeline_events(session, found[0].pk, events)
    session.commit()
    return path


def test_import_refuses_to_delete_events_imported_from_sources(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    path = _with_imported_events(session, sample_postmortem, tmp_path)
    _write(tmp_path, _edited(sample_postmortem, "Rewritten summary."))
    with pytest.raises(ConflictError) as refused:
        import_postmortems(session, [path])
    assert refused.value.path == str(path)
    assert refused.value.message == (
        "importing this file would delete 2 timeline events of INC-2026-001 imported from "
        "sources (pagerduty: 2) that the file does not list: run `blameless timeline write "
        f"INC-2026-001 {path}` first, or pass `--replace-timeline` to delete them"
    )
    stored, _ = get_postmortem(session, "INC-2026-001")
    assert [e.source_id for e in stored.timeline] == [None, "a-1", "p1", "p2"]


def test_reimporting_an_unchanged_file_keeps_events_imported_since(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    path = _with_imported_events(session, sample_postmortem, tmp_path)
    report = import_postmortems(session, [path])
    assert (report.created, report.updated, report.unchanged) == ([], [], ["INC-2026-001"])
    stored, _ = get_postmortem(session, "INC-2026-001")
    assert [e.source_id for e in stored.timeline] == [None, "a-1", "p1", "p2"]


def test_import_keeps_imported_events_the_file_lists_and_replaces_on_request(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    path = _with_imported_events(session, sample_postmortem, tmp_path)
    stored, _ = get_postmortem(session, "INC-2026-001")
    listed = replace(sample_postmortem, timeline=stored.timeline[:3])  # leaves out p2
    _write(tmp_path, _edited(listed, "Rewritten summary."))
    with pytest.raises(ConflictError, match=r"delete 1 timeline event of INC-2026-001"):
        import_postmortems(session, [path])
    _write(tmp_path, _edited(replace(listed, timeline=stored.timeline), "Rewritten summary."))
    assert import_postmortems(session, [path]).updated == ["INC-2026-001"]
    _write(tmp_path, _edited(replace(listed, revision=2), "Rewritten summary."))
    assert import_postmortems(session, [path], replace_timeline=True).updated == ["INC-2026-001"]
    stored, _ = get_postmortem(session, "INC-2026-001")
    assert [e.source_id for e in stored.timeline] == [None, "a-1", "p1"]


def test_a_refused_file_writes_nothing_of_the_others(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    first = _with_imported_events(session, sample_postmortem, tmp_path / "a")
    second = _write(tmp_path / "a", Postmortem(incident=Incident(id="INC-2026-002", title="Two")))
    _write(tmp_path / "a", _edited(sample_postmortem, "Rewritten summary."))
    with pytest.raises(ConflictError):
        import_postmortems(session, [first, second])
    session.rollback()
    assert count_postmortems(session) == 1


def test_a_timeline_import_makes_an_older_read_a_conflict(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    import_postmortems(session, [_write(tmp_path, sample_postmortem)])
    session.commit()
    pm, version = get_postmortem(session, "INC-2026-001")
    found = postmortem_rows.find_postmortem(session, "INC-2026-001")
    assert found is not None
    late = TimelineEvent(
        datetime(2026, 3, 4, 14, 30, tzinfo=UTC), "Late message", source="slack", source_id="s1"
    )
    timeline_rows.add_timeline_events(session, found[0].pk, [late])
    session.commit()
    with pytest.raises(ConflictError, match="changed by someone else"):
        save_postmortem(session, _edited(pm, "Rewritten summary."), expected_version=version)
    session.rollback()
    assert timeline_rows.add_timeline_events(session, found[0].pk, [late]) == 0
    session.commit()
    assert get_postmortem(session, "INC-2026-001")[1] == version + 1  # nothing added: no bump


def test_save_refuses_to_delete_events_imported_from_sources(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    _with_imported_events(session, sample_postmortem, tmp_path)
    pm, version = get_postmortem(session, "INC-2026-001")
    edited = _edited(replace(pm, timeline=sample_postmortem.timeline), "Rewritten summary.")
    with pytest.raises(ConflictError, match=r"delete 2 timeline events .*\(pagerduty: 2\)"):
        save_postmortem(session, edited, expected_version=version)
    new_version = save_postmortem(session, edited, expected_version=version, replace_timeline=True)
    assert new_version > version
    assert get_postmortem(session, "INC-2026-001")[0].timeline == sample_postmortem.timeline


def test_events_that_merging_drops_as_repeats_are_no_loss() -> None:
    t0 = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)
    pasted = [
        TimelineEvent(t0, "Restoring from backup", source="slack", source_id="s1"),
        TimelineEvent(
            t0 + timedelta(seconds=30), "Restoring from backup", source="pd", source_id="p1"
        ),
    ]
    assert lost_imported_events(pasted, pasted[:1]) == {}
    assert lost_imported_events(pasted, []) == {"slack": 1}
