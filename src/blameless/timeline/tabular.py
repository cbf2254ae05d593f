"""CSV and JSON Lines with a column mapping, for every other source.

Each row (or JSON object) is one event. Columns are found by name, case-insensitively:

| field | default column names | required |
| --- | --- | --- |
| `timestamp` | timestamp, time, date | yes |
| `text` | text, message, description | yes |
| `actor` | actor, user, author | no |
| `source` | source | no (default: `csv` / `jsonl`) |
| `kind` | kind, type | no |
| `id` | id, source_id | no (default: `<file name>:<line>`) |
| `link` | link, url | no |
| `milestone` | milestone | no (started, detected, acknowledged, mitigated, resolved) |

`ImportOptions.mapping` ({field: column}) overrides the defaults (`--map timestamp=created`).
Timestamps are epoch seconds, ISO 8601, or `YYYY-MM-DD HH:MM[:SS] UTC`; naive ones are read in
`ImportOptions.tz`. Other columns are ignored.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from blameless.errors import InputError
from blameless.model import Milestone, TimelineEvent
from blameless.timeline.base import (
    ImportContext,
    RecordError,
    as_mapping,
    input_error,
    parse_any_time,
)
from blameless.timeline.records import decode_line, iter_json_lines, iter_lines

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "timestamp": ("timestamp", "time", "date"),
    "text": ("text", "message", "description"),
    "actor": ("actor", "user", "author"),
    "source": ("source",),
    "kind": ("kind", "type"),
    "id": ("id", "source_id"),
    "link": ("link", "url"),
    "milestone": ("milestone",),
}
REQUIRED = ("timestamp", "text")


def check_mapping(mapping: Mapping[str, str]) -> None:
    """Refuse a mapping that names an unknown event field."""
    unknown = set(mapping) - set(DEFAULT_COLUMNS)
    if unknown:
        raise InputError(
            f"unknown field in column mapping: {', '.join(sorted(unknown))} "
            f"(fields: {', '.join(DEFAULT_COLUMNS)})"
        )


def _columns(mapping: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    check_mapping(mapping)
    columns = dict(DEFAULT_COLUMNS)
    for name, column in mapping.items():
        columns[name] = (column,)
    return {name: tuple(c.casefold() for c in names) for name, names in columns.items()}


def read_csv(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events from a CSV file with a header row (a UTF-8 byte-order mark is allowed)."""
    columns = _columns(context.options.mapping)
    # strict: an unterminated quote is an error at the end of the file, not rows merged silently.
    reader = csv.reader(_csv_lines(path, context), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as problem:
        raise _csv_error(problem, path, 1) from None
    if header is None:
        return
    index = {name.strip().casefold(): i for i, name in enumerate(header)}
    positions = {
        field: next((index[c] for c in names if c in index), None)
        for field, names in columns.items()
    }
    missing = [f for f in REQUIRED if positions[f] is None]
    if missing:
        raise input_error(f"no column for required field(s): {', '.join(missing)}", path, 1)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as problem:
            context.reject(_csv_error(problem, path, start))
            continue
        if not any(cell.strip() for cell in row):
            continue
        record = {f: row[i] for f, i in positions.items() if i is not None and i < len(row)}
        event = _build(record, path, reader.line_num, "csv", context)
        if event is not None:
            yield event


def _csv_lines(path: Path, context: ImportContext) -> Iterator[str]:
    for number, raw in iter_lines(path, context):
        text = decode_line(raw, path, number)
        # Excel's "CSV UTF-8" starts with a byte-order mark, which would hide the first column.
        yield text.removeprefix("\ufeff") if number == 1 else text


def _csv_error(problem: csv.Error, path: Path, start: int) -> InputError:
    message = str(problem)
    if message == "unexpected end of data":
        message = (
            "unterminated quoted field: a '\"' opened in this record is never closed, "
            "so it runs to the end of the file"
        )
    return input_error(f"invalid CSV: {message}", path, start)


def read_jsonl(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events from a JSON Lines file, one object per line."""
    columns = _columns(context.options.mapping)
    for number, value in iter_json_lines(path, context):
        try:
            row = as_mapping(value, "line")
        except RecordError as problem:
            context.reject(input_error(str(problem), path, number))
            continue
        folded = {str(k).casefold(): v for k, v in row.items()}
        record = {
            field: next((folded[c] for c in names if folded.get(c) is not None), None)
            for field, names in columns.items()
        }
        event = _build(record, path, number, "jsonl", context)
        if event is not None:
            yield event


def _build(
    record: Mapping[str, Any], path: Path, line: int, default_source: str, context: ImportContext
) -> TimelineEvent | None:
    try:
        for name in REQUIRED:
            if record.get(name) in (None, ""):
                raise RecordError(f"missing required field {name!r}")
        timestamp = parse_any_time(record["timestamp"], context.options.tz)
        milestone = _text(record.get("milestone"))
        event = TimelineEvent(
            timestamp=timestamp,
            text=str(record["text"]).strip(),
            actor=_text(record.get("actor")),
            source=_text(record.get("source")) or default_source,
            source_id=_text(record.get("id")) or f"{path.name}:{line}",
            kind=_text(record.get("kind")),
            link=_text(record.get("link")),
            milestone=Milestone(milestone.casefold()) if milestone else None,
        )
    except RecordError as problem:
        context.reject(input_error(str(problem), path, line))
        return None
    except ValueError:
        context.reject(input_error(f"unknown milestone {record.get('milestone')!r}", path, line))
        return None
    return event if context.admit(event, path, line) else None


def _text(value: object) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None
