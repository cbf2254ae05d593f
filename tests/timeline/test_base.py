"""Records every importer refuses the same way: a NUL character cannot be stored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.model import TimelineEvent
from blameless.timeline import ImportContext, ImportOptions, read_events

Writer = Callable[[Path], Path]


def _jsonl(path: Path) -> Path:
    target = path / "notes.jsonl"
    target.write_text(
        '{"timestamp": 1772636400, "text": "ok"}\n'
        '{"timestamp": 1772636460, "text": "bad\\u0000byte"}\n'
        '{"timestamp": 1772636520, "text": "fine"}\n'
    )
    return target


def _csv(path: Path) -> Path:
    target = path / "notes.csv"
    target.write_bytes(b"timestamp,text\n1772636400,ok\n1772636460,bad\x00byte\n1772636520,fine\n")
    return target


def _pagerduty(path: Path) -> Path:
    target = path / "pd.json"
    entries = [
        f'{{"id": "E{n}", "type": "annotate_log_entry", "created_at": "2026-03-04T14:0{n}:00Z",'
        f' "summary": "{text}"}}'
        for n, text in enumerate(["ok", "bad\\u0000byte", "fine"])
    ]
    target.write_text('{"log_entries": [\n' + ",\n".join(entries) + "\n]}\n")
    return target


def _shell(path: Path) -> Path:
    target = path / "history"
    target.write_bytes(b"#1772636400\nls\n#1772636460\necho bad\x00byte\n#1772636520\npwd\n")
    return target


@pytest.mark.parametrize(
    ("source", "write", "line", "kept"),
    [
        ("jsonl", _jsonl, 2, 2),
        ("csv", _csv, 3, 2),
        ("pagerduty", _pagerduty, 3, 2),
        ("shell", _shell, 4, 2),
    ],
)
def test_nul_character_is_an_invalid_record(
    source: str, write: Writer, line: int, kept: int, tmp_path: Path
) -> None:
    path = write(tmp_path)
    with pytest.raises(InputError, match="NUL character") as caught:
        list(read_events(source, path, ImportContext()))
    assert (caught.value.path, caught.value.line) == (str(path), line)
    context = ImportContext(ImportOptions(skip_invalid=True))
    events: list[TimelineEvent] = list(read_events(source, path, context))
    assert len(events) == kept
    assert all("\x00" not in e.text for e in events)
    assert (context.stats.invalid, context.stats.events) == (1, kept)
