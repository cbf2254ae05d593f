"""CSV and JSON Lines with a column mapping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from blameless.errors import InputError
from blameless.model import Milestone, TimelineEvent
from blameless.timeline import ImportContext, ImportOptions, read_events

Reader = Callable[..., list[TimelineEvent]]
MAPPING = {"timestamp": "time", "actor": "who", "text": "what"}


def test_csv_with_mapping(read: Reader, fixtures: Path) -> None:
    events = read("csv", fixtures / "notes.csv", mapping=MAPPING)
    assert [(e.timestamp.hour, e.actor, e.kind, e.source) for e in events] == [
        (14, "Alex Kim", "comms", "csv"),
        (14, "Lucía Fernández", "comms", "csv"),
        (15, "Alex Kim", "comms", "csv"),
    ]
    assert len({e.source_id for e in events}) == 3
    assert events[0].text == (
        "Status page: EU invoicing and card payments unavailable, investigating"
    )
    assert events[2].text == (
        'Finance confirmed the 14 captured payments are reconciled, "no double charges"'
    )


def test_naive_times_read_in_the_given_zone(read: Reader, fixtures: Path) -> None:
    events = read("csv", fixtures / "notes.csv", mapping=MAPPING, tz=ZoneInfo("Europe/Paris"))
    assert events[0].timestamp == datetime(2026, 3, 4, 13, 11, 30, tzinfo=UTC)
    assert events[2].timestamp == datetime(2026, 3, 4, 15, 45, tzinfo=UTC)  # had an offset


def test_csv_missing_column_and_value(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("when,text\n2026-03-04T14:00:00Z,x\n")
    with pytest.raises(InputError, match=r"no column for required field\(s\): timestamp"):
        read("csv", path)
    path.write_text("timestamp,text\n2026-03-04T14:00:00Z,\n2026-03-04T14:01:00Z,ok\n")
    with pytest.raises(InputError, match="missing required field 'text'") as caught:
        read("csv", path)
    assert caught.value.line == 2
    assert [e.text for e in read("csv", path, skip_invalid=True)] == ["ok"]


def test_jsonl_defaults_and_milestones(read: Reader, fixtures: Path, tmp_path: Path) -> None:
    events = read("jsonl", fixtures / "notes.jsonl")
    assert [(e.timestamp, e.actor, e.kind) for e in events] == [
        (datetime(2026, 3, 4, 14, 41, tzinfo=UTC), "Alex Kim", "comms"),
        (datetime(2026, 3, 4, 16, 5, tzinfo=UTC), "Kenji Watanabe", None),
    ]
    path = tmp_path / "m.jsonl"
    path.write_text(
        '{"time": "2026-03-04 14:40 UTC", "message": "mitigated", "milestone": "Mitigated",'
        ' "source": "statuspage", "id": "sp-1"}\n{"time": "x", "message": "y"}\n'
    )
    with pytest.raises(InputError, match="not an ISO 8601 timestamp") as caught:
        read("jsonl", path)
    assert caught.value.line == 2
    event = read("jsonl", path, skip_invalid=True)[0]
    assert (event.milestone, event.source, event.source_id) == (
        Milestone.MITIGATED,
        "statuspage",
        "sp-1",
    )


def test_unknown_milestone_and_mapping_field(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text('{"timestamp": 1772636400, "text": "x", "milestone": "fixed"}\n')
    with pytest.raises(InputError, match="unknown milestone 'fixed'"):
        read("jsonl", path)
    with pytest.raises(InputError, match="unknown field in column mapping: when"):
        read("jsonl", path, mapping={"when": "t"})


def test_csv_and_jsonl_with_a_byte_order_mark(read: Reader, tmp_path: Path) -> None:
    # Excel's "CSV UTF-8" starts the file with U+FEFF.
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbfTimestamp,Text\r\n2026-03-04 14:00 UTC,Paged\r\n")
    assert [(e.timestamp.hour, e.text) for e in read("csv", path)] == [(14, "Paged")]
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"timestamp": 1772636400, "text": "x"}\n')
    assert [e.text for e in read("jsonl", path)] == ["x"]


def test_csv_unterminated_quote_is_an_invalid_record(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "open.csv"
    path.write_text(
        "timestamp,text\n"
        "2026-03-04 14:00 UTC,Paged\n"
        '2026-03-04 14:01 UTC,"Acked\n'
        "2026-03-04 14:02 UTC,Mitigated\n"
    )
    with pytest.raises(InputError, match="unterminated quoted field") as caught:
        read("csv", path)
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    context = ImportContext(ImportOptions(skip_invalid=True))
    events = list(read_events("csv", path, context))
    # Only the line that opens the quote is lost: reading goes on at the next line.
    assert [e.text for e in events] == ["Paged", "Mitigated"]
    assert (context.stats.invalid, context.stats.errors[0].line) == (1, 3)
    assert "only this line is skipped" in str(context.stats.errors[0])


def test_csv_two_unterminated_quotes_resynchronise_twice(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "open.csv"
    path.write_text(
        'timestamp,text\n2026-03-04 14:00 UTC,"a\n2026-03-04 14:01 UTC,b\n'
        '2026-03-04 14:02 UTC,"c\n2026-03-04 14:03 UTC,"d\ne"\n'
    )
    context = ImportContext(ImportOptions(skip_invalid=True))
    assert [e.text for e in read_events("csv", path, context)] == ["b", "d e"]
    assert [error.line for error in context.stats.errors] == [2, 4]


def test_csv_stray_quote_skips_one_record(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_text(
        'timestamp,text\n2026-03-04 14:00 UTC,"Paged" twice\n2026-03-04 14:02 UTC,Mitigated\n'
    )
    with pytest.raises(InputError, match="invalid CSV: ',' expected after") as caught:
        read("csv", path)
    assert caught.value.line == 2
    assert [e.text for e in read("csv", path, skip_invalid=True)] == ["Mitigated"]


def test_csv_quoted_multi_line_field_at_the_end(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('timestamp,text\n2026-03-04 14:00 UTC,"two\nlines"\n')
    assert [e.text for e in read("csv", path)] == ["two lines"]


def test_csv_rows_on_other_lines_keep_their_ids(read: Reader, tmp_path: Path) -> None:
    # A refreshed export: a new row on line 2 pushes the old rows down a line.
    old, new = tmp_path / "old" / "export.csv", tmp_path / "new" / "export.csv"
    for path in (old, new):
        path.parent.mkdir()
    old.write_text("time,text\n2026-03-04 14:00 UTC,Paged\n")
    new.write_text("time,text\n2026-03-04 13:59 UTC,Alert\n2026-03-04 14:00 UTC,Paged\n")
    before, after = read("csv", old), read("csv", new)
    assert before[0].source_id == after[1].source_id
    assert after[0].source_id != before[0].source_id


def test_csv_mapped_column_missing_is_named(read: Reader, tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("time,what\n2026-03-04 14:00 UTC,Paged\n")
    with pytest.raises(InputError, match="no column 'nope' \\(--map timestamp=nope\\)") as caught:
        read("csv", path, mapping={"timestamp": "nope", "text": "what"})
    assert "its columns: 'time', 'what'" in str(caught.value)
    with pytest.raises(InputError, match=r"required field\(s\): text .*'time', 'what'"):
        read("csv", path)
