"""CSV and JSON Lines with a column mapping, for every other source.

Each row (or JSON object) is one event. Columns are found by name, case-insensitively:

| field | default column names | required |
| --- | --- | --- |
| `timestamp` | timestamp, time, date | yes |
| `text` | text, message, description | yes |
| `actor` | actor, user, author | no |
| `source` | source | no (default: `csv` / `jsonl`) |
| `kind` | kind, type | no |
| `id` | id, source_id | no (default: a hash of time, actor, text and source) |
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
    ContentIds,
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
    mapping = context.options.mapping
    columns = _columns(mapping)
    rows = _csv_records(path, context)
    try:
        _, _, header = next(rows)
    except StopIteration:
        return
    index = {name.strip().casefold(): i for i, name in enumerate(header)}
    positions = {
        field: next((index[c] for c in names if c in index), None)
        for field, names in columns.items()
    }
    _check_header(positions, mapping, header, path)
    ids = ContentIds()
    for start, _end, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        record = {f: row[i] for f, i in positions.items() if i is not None and i < len(row)}
        event = _build(record, path, start, "csv", context, ids)
        if event is not None:
            yield event


def _check_header(
    positions: Mapping[str, int | None], mapping: Mapping[str, str], header: list[str], path: Path
) -> None:
    """Refuse a header without a mapped column, or without the required fields, naming both."""
    found = ", ".join(repr(name.strip()) for name in header) or "none"
    unmapped = [
        f"{column!r} (--map {f}={column})" for f, column in mapping.items() if positions[f] is None
    ]
    if unmapped:
        raise input_error(
            f"no column {', '.join(unmapped)} in the header (its columns: {found})", path, 1
        )
    missing = [f for f in REQUIRED if positions[f] is None]
    if missing:
        raise input_error(
            f"no column for required field(s): {', '.join(missing)} (the header's columns: "
            f"{found}; name them with --map FIELD=COLUMN)",
            path,
            1,
        )


def _csv_records(path: Path, context: ImportContext) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of each CSV record, the header included.

    A malformed record is rejected at its first line. When it swallowed later lines (a quote
    never closed runs to the end of the file or past the field size limit), reading starts
    again at the line after its first one, so `--skip-invalid` loses that record only.
    """
    offset = 0
    while True:
        # strict: an unterminated quote is an error, not rows merged silently.
        reader = csv.reader(_csv_lines(path, context, offset), strict=True)
        while True:
            start = offset + reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as problem:
                swallowed = offset + reader.line_num > start
                context.reject(_csv_error(problem, path, start, resync=swallowed))
                if swallowed:
                    offset = start
                    break
                continue
            yield start, offset + reader.line_num, row


def _csv_lines(path: Path, context: ImportContext, offset: int = 0) -> Iterator[str]:
    """The lines of a CSV file after the first `offset` ones, as text."""
    for number, raw in iter_lines(path, context):
        if number <= offset:
            continue
        text = decode_line(raw, path, number)
        # Excel's "CSV UTF-8" starts with a byte-order mark, which would hide the first column.
        yield text.removeprefix("\ufeff") if number == 1 else text


def _csv_error(problem: csv.Error, path: Path, start: int, *, resync: bool) -> InputError:
    message = str(problem)
    if message == "unexpected end of data":
        message = (
            "unterminated quoted field: a '\"' opened in this record is never closed, "
            "so it runs to the end of the file"
        )
    elif message.startswith("field larger than field limit"):
        message = f"unterminated quoted field or a field over the size limit ({message})"
    if resync:
        message += "; with --skip-invalid only this line is skipped, reading goes on at the next"
    return input_error(f"invalid CSV: {message}", path, start)


def read_jsonl(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events from a JSON Lines file, one object per line."""
    columns = _columns(context.options.mapping)
    ids = ContentIds()
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
        event = _build(record, path, number, "jsonl", context, ids)
        if event is not None:
            yield event


def _build(
    record: Mapping[str, Any],
    path: Path,
    line: int,
    default_source: str,
    context: ImportContext,
    ids: ContentIds,
) -> TimelineEvent | None:
    """The event of one row; without an id column, its id is a hash of its content."""
    mapping = context.options.mapping
    try:
        for name in REQUIRED:
            if record.get(name) in (None, ""):
                column = f" (column {mapping[name]!r} of --map)" if name in mapping else ""
                raise RecordError(f"missing required field {name!r}{column}")
        timestamp = parse_any_time(record["timestamp"], context.options.tz)
        milestone = _text(record.get("milestone"))
        event = TimelineEvent(
            timestamp=timestamp,
            text=str(record["text"]).strip(),
            actor=_text(record.get("actor")),
            source=_text(record.get("source")) or default_source,
            source_id=_text(record.get("id")),
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
    if event.source_id is None:
        ids.assign(event)
    return event if context.admit(event, path, line) else None


def _text(value: object) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None
