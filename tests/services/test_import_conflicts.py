"""Imports that must not overwrite someone else's work, and writers racing on one incident.

Every test runs on SQLite and PostgreSQL; the races use two sessions on two connections.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from blameless.errors import ConflictError, FormatError, InputError
from blameless.markdown import render_postmortem
from blameless.model import Postmortem, TimelineEvent
from blameless.services.postmortem_files import export_postmortems
from blameless.services.postmortems import (
    get_postmortem,
    import_postmortems,
    list_revisions,
    save_postmortem,
)
from blameless.store import postmortem_rows, timeline_rows
from blameless.store.engine import session_factory
from blameless.store.tables import TimelineEventRow

T0 = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def _write(path: Path, pm: Postmortem) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_postmortem(pm), encoding="utf-8")
    return path


def _section(pm: Postmortem, index: int, text: str) -> Postmortem:
    sections = list(pm.sections)
    sections[index] = replace(sections[index], body=f"\n{text}\n")
    return replace(pm, sections=sections)


def _events(prefix: str, count: int) -> list[TimelineEvent]:
    return [
        TimelineEvent(T0 + timedelta(seconds=i), f"{prefix}{i}", source=prefix, source_id=str(i))
        for i in range(count)
    ]


def test_a_file_exported_before_someone_elses_change_is_refused(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    import_postmortems(session, [_write(tmp_path / "in.md", sample_postmortem)])
    (a,) = export_postmortems(session, tmp_path / "a").written
    (b,) = export_postmortems(session, tmp_path / "b").written
    _write(a, _section(sample_postmortem, 0, "Alice's summary."))
    _write(b, _section(sample_postmortem, 2, "Bob's analysis."))
    report = import_postmortems(session, [a])
    assert (report.updated, report.revisions) == (["INC-2026-001"], {a: 2})
    with pytest.raises(ConflictError) as refused:
        import_postmortems(session, [b])
    assert str(refused.value) == (
        f"{b}: this file is revision 1 of INC-2026-001, but the database has revision 2, saved "
        "since the file was exported: export it again and redo your edit there, or pass "
        "--force to overwrite revision 2"
    )
    assert [r.revision for r in list_revisions(session, "INC-2026-001")] == [1, 2]
    assert get_postmortem(session, "INC-2026-001")[0].sections[0].body == "\nAlice's summary.\n"
    assert import_postmortems(session, [b], force=True).updated == ["INC-2026-001"]
    stored, _ = get_postmortem(session, "INC-2026-001")
    assert (stored.revision, stored.sections[2].body) == (3, "\nBob's analysis.\n")


def test_an_old_file_that_changes_nothing_is_not_refused(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    path = _write(tmp_path / "pm.md", sample_postmortem)
    import_postmortems(session, [path])
    import_postmortems(session, [_write(tmp_path / "new.md", _section(sample_postmortem, 0, "x"))])
    _write(path, replace(_section(sample_postmortem, 0, "x"), revision=1))
    assert import_postmortems(session, [path]).unchanged == ["INC-2026-001"]


def test_a_stored_id_with_another_title_is_refused(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    import_postmortems(session, [_write(tmp_path / "one.md", sample_postmortem)])
    other = replace(
        sample_postmortem, incident=replace(sample_postmortem.incident, title="Search is slow")
    )
    path = _write(tmp_path / "two.md", other)
    with pytest.raises(ConflictError) as refused:
        import_postmortems(session, [path])
    assert str(refused.value) == (
        f"{path}: INC-2026-001 is already 'Production namespace deleted during staging "
        "cleanup' in the database; this file calls it 'Search is slow': give the file a new "
        "id (`blameless new` picks a free one), or pass --force to retitle the stored incident"
    )
    assert len(list_revisions(session, "INC-2026-001")) == 1
    assert import_postmortems(session, [path], force=True).updated == ["INC-2026-001"]
    assert get_postmortem(session, "INC-2026-001")[0].incident.title == "Search is slow"


def test_several_refusals_are_counted_and_nothing_is_written(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    second = replace(sample_postmortem, incident=replace(sample_postmortem.incident, id="INC-2"))
    import_postmortems(
        session, [_write(tmp_path / "1.md", sample_postmortem), _write(tmp_path / "2.md", second)]
    )
    import_postmortems(session, [_write(tmp_path / "1.md", _section(sample_postmortem, 0, "a"))])
    import_postmortems(session, [_write(tmp_path / "2.md", _section(second, 0, "a"))])
    _write(tmp_path / "1.md", _section(sample_postmortem, 0, "b"))
    _write(tmp_path / "2.md", _section(second, 0, "b"))
    with pytest.raises(ConflictError, match=r"\(1 more refusal in this import\)$"):
        import_postmortems(session, [tmp_path / "1.md", tmp_path / "2.md"])
    assert [len(list_revisions(session, i)) for i in ("INC-2026-001", "INC-2")] == [2, 2]


def test_a_nul_character_is_refused_with_file_and_line(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    path = _write(tmp_path / "pm.md", _section(sample_postmortem, 0, "bad\0byte"))
    line = path.read_text().splitlines().index("bad\0byte") + 1
    with pytest.raises(FormatError) as refused:
        import_postmortems(session, [path])
    assert (refused.value.path, refused.value.line) == (str(path), line)
    assert "NUL character" in refused.value.message
    assert export_postmortems(session, tmp_path / "out").written == []


def test_save_refuses_a_nul_character_naming_where(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    import_postmortems(session, [_write(tmp_path / "pm.md", sample_postmortem)])
    pm, version = get_postmortem(session, "INC-2026-001")
    bad = replace(pm, timeline=[pm.timeline[0], replace(pm.timeline[1], actor="x\0")])
    with pytest.raises(InputError, match=r"^timeline event 2 contains a NUL character"):
        save_postmortem(session, bad, expected_version=version)


def _race(
    engine: Engine, first: Callable[[Session], object], second: Callable[[Session], object]
) -> BaseException | None:
    """What `second` raises (or None) when it starts while `first` holds its transaction open.

    `first` commits after a while, so `second` either waits for it or races past it.
    """
    make = session_factory(engine)
    outcome: list[BaseException | None] = []
    with make() as one, make() as two:
        first(one)

        def run_second() -> None:
            try:
                second(two)
                two.commit()
                outcome.append(None)
            except BaseException as problem:  # handed to the main thread to assert on
                outcome.append(problem)
                two.rollback()

        racer = threading.Thread(target=run_second)
        racer.start()
        time.sleep(0.3)  # without the lock, `second` reads now what `first` has not committed
        one.commit()
        racer.join(timeout=20)
    assert len(outcome) == 1
    return outcome[0]


def _seed(engine: Engine, pm: Postmortem, path: Path) -> int:
    with session_factory(engine)() as session, session.begin():
        import_postmortems(session, [_write(path, pm)])
        found = postmortem_rows.find_postmortem(session, pm.incident.id)
        assert found is not None
        return found[0].pk


def test_concurrent_timeline_imports_number_events_one_after_the_other(
    engine: Engine, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    pk = _seed(engine, sample_postmortem, tmp_path / "pm.md")
    problem = _race(
        engine,
        lambda s: timeline_rows.add_timeline_events(s, pk, _events("slack", 50)),
        lambda s: timeline_rows.add_timeline_events(s, pk, _events("pagerduty", 50)),
    )
    assert problem is None
    with session_factory(engine)() as session:
        positions = session.scalars(
            select(TimelineEventRow.position).where(TimelineEventRow.incident_pk == pk)
        ).all()
    assert sorted(positions) == list(range(2 + 100))


def test_an_import_racing_a_timeline_import_does_not_delete_its_events(
    engine: Engine, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    path = tmp_path / "pm.md"
    pk = _seed(engine, sample_postmortem, path)
    _write(path, _section(sample_postmortem, 0, "Edited while events arrive."))
    problem = _race(
        engine,
        lambda s: timeline_rows.add_timeline_events(s, pk, _events("slack", 3)),
        lambda s: import_postmortems(s, [path]),
    )
    assert isinstance(problem, ConflictError), problem
    assert "would delete 3 timeline events" in problem.message
    with session_factory(engine)() as session:
        stored, _ = get_postmortem(session, "INC-2026-001")
    assert len(stored.timeline) == 2 + 3


def test_a_save_racing_a_timeline_import_is_a_conflict(
    engine: Engine, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    pk = _seed(engine, sample_postmortem, tmp_path / "pm.md")
    with session_factory(engine)() as reader:
        pm, version = get_postmortem(reader, "INC-2026-001")
    problem = _race(
        engine,
        lambda s: timeline_rows.add_timeline_events(s, pk, _events("slack", 3)),
        lambda s: save_postmortem(s, _section(pm, 0, "Mine."), expected_version=version),
    )
    assert isinstance(problem, ConflictError), problem
    assert "changed by someone else" in problem.message
