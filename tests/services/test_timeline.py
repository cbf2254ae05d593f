"""Timeline services on SQLite and PostgreSQL: import, re-import, failures, show, write back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from blameless.errors import InputError, NotFoundError
from blameless.markdown import default_template, read_postmortem, render_postmortem
from blameless.model import Milestone, Postmortem
from blameless.services.postmortems import get_postmortem, import_postmortems
from blameless.services.timeline import get_timeline, import_timeline, write_timeline
from blameless.timeline import ImportOptions

FIXTURES = Path(__file__).resolve().parents[2] / "examples" / "traces" / "INC-2026-001"
INCIDENT = "INC-2026-001"


def _create(session: Session) -> None:
    import_timeline(
        session,
        INCIDENT,
        source="pagerduty",
        path=FIXTURES / "pagerduty.json",
        create_title="Production billing namespace deleted during staging cleanup",
    )
    session.commit()


def test_import_is_idempotent(session: Session) -> None:
    _create(session)
    again = import_timeline(session, INCIDENT, source="pagerduty", path=FIXTURES / "pagerduty.json")
    assert (again.read, again.inserted, again.duplicates) == (5, 0, 5)
    audit = import_timeline(
        session, INCIDENT, source="k8s-audit", path=FIXTURES / "k8s-audit.jsonl"
    )
    assert (audit.read, audit.inserted, audit.filtered) == (13, 13, 8)  # reads are filtered
    session.commit()
    assert len(get_timeline(session, INCIDENT).events) == 18


def test_unknown_incident_needs_a_title(session: Session) -> None:
    with pytest.raises(NotFoundError, match="no incident INC-2026-001 in the database"):
        import_timeline(session, INCIDENT, source="git", path=FIXTURES / "git-log.txt")


def test_malformed_record_writes_nothing(session: Session, tmp_path: Path) -> None:
    _create(session)
    lines = (FIXTURES / "k8s-audit.jsonl").read_text().splitlines()
    bad = tmp_path / "audit.jsonl"
    bad.write_text("\n".join([*lines[:3], '{"kind": "Event"', *lines[3:]]) + "\n")
    with pytest.raises(InputError) as caught:
        import_timeline(session, INCIDENT, source="k8s-audit", path=bad)
    assert caught.value.line == 4
    session.rollback()
    assert {e.source for e in get_timeline(session, INCIDENT).events} == {"pagerduty"}
    report = import_timeline(
        session, INCIDENT, source="k8s-audit", path=bad, options=ImportOptions(skip_invalid=True)
    )
    assert (report.inserted, report.invalid, report.errors[0].line) == (13, 1, 4)


def test_view_merges_and_infers(session: Session) -> None:
    _create(session)
    for source, name in [("alertmanager", "alertmanager.jsonl"), ("k8s-audit", "k8s-audit.jsonl")]:
        import_timeline(session, INCIDENT, source=source, path=FIXTURES / name)
    view = get_timeline(session, INCIDENT)
    assert [e.timestamp for e in view.events] == sorted(e.timestamp for e in view.events)
    assert view.events[0].kind == "k8s-delete"
    at = {m: (t.timestamp, t.origin, t.event_index) for m, t in view.milestones.items()}
    assert at == {
        # The namespace controller's clean-up after the delete is the last change: a candidate.
        Milestone.STARTED: (datetime(2026, 3, 4, 13, 59, 3, 397511, tzinfo=UTC), "inferred", 3),
        Milestone.DETECTED: (datetime(2026, 3, 4, 14, 1, 0, 412000, tzinfo=UTC), "inferred", 4),
        Milestone.ACKNOWLEDGED: (datetime(2026, 3, 4, 14, 3, tzinfo=UTC), "inferred", 8),
        Milestone.MITIGATED: (datetime(2026, 3, 4, 14, 40, 12, 412000, tzinfo=UTC), "inferred", 20),
        Milestone.RESOLVED: (datetime(2026, 3, 4, 15, 10, tzinfo=UTC), "inferred", 22),
    }
    assert view.milestones[Milestone.STARTED].reason.startswith("last change before detection")
    assert view.durations.time_to_acknowledge == timedelta(seconds=119, microseconds=588000)
    assert view.issues == []


def test_front_matter_overrides_and_write_back(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    sample_postmortem.timeline = []
    file = tmp_path / "INC-2026-001.md"
    file.write_text(render_postmortem(sample_postmortem), encoding="utf-8")
    import_postmortems(session, [file])
    import_timeline(session, INCIDENT, source="pagerduty", path=FIXTURES / "pagerduty.json")
    import_timeline(session, INCIDENT, source="alertmanager", path=FIXTURES / "alertmanager.jsonl")
    view = get_timeline(session, INCIDENT)
    assert view.milestones[Milestone.DETECTED].origin == "front matter"
    assert view.milestones[Milestone.ACKNOWLEDGED].origin == "inferred"

    assert write_timeline(session, INCIDENT, file) == 9
    text = file.read_text(encoding="utf-8")
    assert "\nMore later.\n" in text and "\nThe namespace was deleted.\n" in text
    written = read_postmortem(file)
    assert [e.source_id for e in written.timeline][:2] == [
        "8e3f1c0a5b7d2e94@2026-03-04T14:01:00.412000+00:00/firing",
        "R1TRG8Q2EU5127BLNG0000000A",
    ]
    # The front matter sets detected, so only the other milestones get markers.
    marked = {e.milestone for e in written.timeline if e.milestone}
    assert marked == {Milestone.ACKNOWLEDGED, Milestone.MITIGATED}
    assert written.incident == sample_postmortem.incident


def test_write_refuses_another_incident(session: Session, tmp_path: Path) -> None:
    _create(session)
    pm, _ = get_postmortem(session, INCIDENT)
    pm.incident.id = "INC-2026-002"
    file = tmp_path / "other.md"
    file.write_text(render_postmortem(pm), encoding="utf-8")
    with pytest.raises(InputError, match="the file is incident INC-2026-002, not INC-2026-001"):
        write_timeline(session, INCIDENT, file)


def test_view_json_ready(session: Session) -> None:
    from blameless.timeline.render import timeline_data

    _create(session)
    view = get_timeline(session, INCIDENT)
    data = timeline_data(INCIDENT, view.events, view.milestones, view.durations, view.issues)
    assert json.loads(json.dumps(data))["milestones"]["resolved"]["timestamp"] == (
        "2026-03-04T15:10:00Z"
    )


def test_write_keeps_manual_markers_and_one_line_items(
    session: Session, sample_postmortem: Postmortem, tmp_path: Path
) -> None:
    file = tmp_path / "INC-2026-001.md"
    file.write_text(render_postmortem(sample_postmortem), encoding="utf-8")
    import_postmortems(session, [file])
    import_timeline(
        session,
        INCIDENT,
        source="shell",
        path=FIXTURES / "bash_history",
        options=ImportOptions(actor="Ramesh Iyer"),
    )
    write_timeline(session, INCIDENT, file)
    written = read_postmortem(file)  # a multi-line command would break the item list
    markers = [(e.text, e.milestone) for e in written.timeline if e.milestone]
    assert markers == [
        ("Ran the cleanup script.", Milestone.STARTED),
        ("HighErrorRate fired.", Milestone.DETECTED),
    ]
    assert len(written.timeline) == 2 + 12
    loop = next(e for e in written.timeline if e.text.startswith("$ for ns"))
    assert (loop.actor, loop.text) == (
        "Ramesh Iyer",
        '$ for ns in catalog checkout; do kubectl get namespace "$ns" -o jsonpath='
        "'{.metadata.name} {.metadata.annotations.last-deploy}{\"\\n\"}' done",
    )


def test_nul_characters_are_skipped_not_sent_to_the_database(
    session: Session, tmp_path: Path
) -> None:
    _create(session)
    notes = tmp_path / "notes.jsonl"
    notes.write_text(
        '{"timestamp": 1772636400, "text": "ok"}\n'
        '{"timestamp": 1772636460, "text": "bad\\u0000byte", "actor": "x"}\n'
    )
    with pytest.raises(InputError, match="NUL character") as caught:
        import_timeline(session, INCIDENT, source="jsonl", path=notes)
    assert caught.value.line == 2
    session.rollback()
    report = import_timeline(
        session, INCIDENT, source="jsonl", path=notes, options=ImportOptions(skip_invalid=True)
    )
    session.commit()  # PostgreSQL refuses a NUL in text: nothing of it may reach the database
    assert (report.inserted, report.invalid) == (1, 1)
    assert [e.text for e in get_timeline(session, INCIDENT).events if e.source == "jsonl"] == ["ok"]


def test_write_changes_only_the_timeline_items(session: Session, tmp_path: Path) -> None:
    """A `blameless new` file keeps its empty front-matter keys and every byte of prose."""
    file = tmp_path / "INC-2026-001.md"
    text = default_template(incident_id=INCIDENT, title="Billing namespace deleted")
    text = text.replace("## Impact\n", "## Impact\n\nEU  invoicing  down;   see *PD*.\n")
    file.write_text(text, encoding="utf-8")
    import_postmortems(session, [file])
    import_timeline(session, INCIDENT, source="pagerduty", path=FIXTURES / "pagerduty.json")
    assert write_timeline(session, INCIDENT, file) == 5
    written = file.read_text(encoding="utf-8")
    items = [line for line in written.splitlines() if line.startswith("- 2026-03-04 ")]
    assert len(items) == 5
    assert written.replace("\n".join(items) + "\n\n", "", 1) == text
    assert "\nstarted:\ndetected:\nacknowledged:\n" in written


def test_same_named_histories_both_import_and_reimport_is_idempotent(
    session: Session, tmp_path: Path
) -> None:
    _create(session)
    for user, command in (("alice", "kubectl get ns"), ("bob", "git log")):
        path = tmp_path / user / ".bash_history"
        path.parent.mkdir()
        path.write_text(f"#1772632680\n{command}\n#1772632690\nls\n")
        options = ImportOptions(actor=user)
        first = import_timeline(session, INCIDENT, source="shell", path=path, options=options)
        assert (first.read, first.inserted, first.duplicates) == (2, 2, 0)
        again = import_timeline(session, INCIDENT, source="shell", path=path, options=options)
        assert (again.inserted, again.duplicates) == (0, 2)
    session.commit()
    shell = [e for e in get_timeline(session, INCIDENT).events if e.source == "shell"]
    assert sorted((e.actor, e.text) for e in shell) == [
        ("alice", "$ kubectl get ns"),
        ("alice", "$ ls"),
        ("bob", "$ git log"),
        ("bob", "$ ls"),
    ]


def test_overlapping_csv_export_adds_only_the_new_rows(session: Session, tmp_path: Path) -> None:
    _create(session)
    path = tmp_path / "export.csv"
    path.write_text("time,text\n2026-03-04 14:00 UTC,Paged\n")
    assert import_timeline(session, INCIDENT, source="csv", path=path).inserted == 1
    # The refreshed export has a new row on line 2 and the old one on line 3.
    path.write_text("time,text\n2026-03-04 13:59 UTC,Alert\n2026-03-04 14:00 UTC,Paged\n")
    report = import_timeline(session, INCIDENT, source="csv", path=path)
    assert (report.read, report.inserted, report.duplicates) == (2, 1, 1)
    session.commit()
    texts = [e.text for e in get_timeline(session, INCIDENT).events if e.source == "csv"]
    assert texts == ["Alert", "Paged"]
