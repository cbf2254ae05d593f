"""Shared plumbing of the importers: options, the import context, time parsing, record access.

Every importer is a generator `read(path, context) -> Iterator[TimelineEvent]`. It reports
malformed records through `ImportContext.reject`, which either raises the `InputError` (the
default: the caller writes nothing) or counts it and lets the importer go on (`skip_invalid`).

Time zones: every event leaves an importer timezone-aware and in UTC. A timestamp that carries
an offset (`Z`, `+02:00`, epoch seconds) is converted; a naive one (no zone, as in many CSV
exports and `git log` dumps without `%z`) is read in `ImportOptions.tz` (default UTC).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from blameless.errors import InputError
from blameless.model import TimelineEvent

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes read so far, total bytes) while an importer reads its input."""

MAX_REPORTED_ERRORS = 20
NUL_MESSAGE = "the record contains a NUL character (\\u0000), which cannot be stored"


@dataclass(frozen=True)
class ImportOptions:
    """What to import and how. Source-specific options are ignored by the other sources."""

    tz: tzinfo = UTC
    since: datetime | None = None
    until: datetime | None = None
    skip_invalid: bool = False
    actor: str | None = None
    """Actor of events whose source names none (shell history)."""
    channels: frozenset[str] = frozenset()
    """Slack: channel names to import (empty: all)."""
    include_joins: bool = False
    """Slack: keep channel join/leave messages."""
    all_verbs: bool = False
    """Kubernetes audit: keep read verbs (get/list/watch) and every stage, not just mutations."""
    mapping: Mapping[str, str] = field(default_factory=dict)
    """CSV / JSON Lines: event field -> column name (see `blameless.timeline.tabular`)."""
    link_base: str | None = None
    """Slack: workspace URL (https://acme.slack.com) to turn message ids into permalinks."""


@dataclass
class ImportStats:
    """What happened during one import: events produced, records skipped and why."""

    events: int = 0
    invalid: int = 0
    filtered: int = 0
    errors: list[InputError] = field(default_factory=list)


class ImportContext:
    """Options, statistics and progress reporting for one run of one importer."""

    def __init__(
        self, options: ImportOptions | None = None, progress: ProgressCallback | None = None
    ) -> None:
        self.options = options or ImportOptions()
        self.stats = ImportStats()
        self._progress = progress

    def reject(self, error: InputError) -> None:
        """A malformed record: raise, or count it and keep going with `skip_invalid`."""
        if not self.options.skip_invalid:
            raise error
        self.stats.invalid += 1
        if len(self.stats.errors) < MAX_REPORTED_ERRORS:
            self.stats.errors.append(error)

    def progress(self, done: int, total: int) -> None:
        """Report bytes read; a no-op without a progress callback."""
        if self._progress is not None:
            self._progress(done, total)

    def admit(self, event: TimelineEvent, where: Path | str, line: int | None) -> bool:
        """Whether to keep an event: storable (else rejected as malformed) and in the window."""
        if has_nul(event):
            self.reject(input_error(NUL_MESSAGE, where, line))
            return False
        return self.in_window(event.timestamp)

    def in_window(self, when: datetime) -> bool:
        """Whether a timestamp falls in the `since`/`until` window; counts the misses."""
        opts = self.options
        if (opts.since is not None and when < opts.since) or (
            opts.until is not None and when > opts.until
        ):
            self.stats.filtered += 1
            return False
        return True


def has_nul(event: TimelineEvent) -> bool:
    """Whether a text field of the event holds a NUL character (PostgreSQL cannot store one)."""
    fields = (event.text, event.actor, event.source, event.source_id, event.kind, event.link)
    return any(value is not None and "\x00" in value for value in fields)


class ContentIds:
    """Source ids for events whose input has none, derived from what the event says.

    The id is a short hash of the time, actor, text and source: not of the file name or line,
    so two files with the same name (`alice/.bash_history`, `bob/.bash_history`) or a
    refreshed export with rows on other lines never clash, while importing the same rows
    again finds them stored. The n-th repeat of the same content in one input gets `-n`
    (the same command typed twice in one second).
    """

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def assign(self, event: TimelineEvent) -> TimelineEvent:
        """The event with its content id as `source_id`."""
        key = "\x1f".join(
            (event.timestamp.isoformat(), event.actor or "", event.text, event.source or "")
        )
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        count = self._seen.get(digest, 0) + 1
        self._seen[digest] = count
        event.source_id = digest if count == 1 else f"{digest}-{count}"
        return event


class RecordError(ValueError):
    """A record lacks a field or has a bad value; the importer turns it into `InputError`."""


_ISO_FRACTION = re.compile(r"(\.\d{1,6})\d*")


def parse_iso(value: object, tz: tzinfo = UTC, *, what: str = "timestamp") -> datetime:
    """An ISO 8601 timestamp as the tools write it (`Z`, offsets, nanoseconds) in UTC.

    A naive timestamp is read in `tz`.
    """
    if not isinstance(value, str) or not value:
        raise RecordError(f"{what} must be an ISO 8601 string, got {value!r}")
    try:
        # Python 3.11 reads `Z` and cuts digits beyond microseconds: the fast path of imports.
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = _parse_iso_leniently(value, what)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    elif parsed.tzinfo is UTC:
        return parsed
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise RecordError(f"{what} is out of range: {value!r}") from None


def _parse_iso_leniently(value: str, what: str) -> datetime:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    text = _ISO_FRACTION.sub(r"\1", text, count=1)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise RecordError(f"{what} is not an ISO 8601 timestamp: {value!r}") from None


def parse_epoch(value: object, *, what: str = "timestamp") -> datetime:
    """Seconds since the Unix epoch (an int, float or numeric string) in UTC."""
    if isinstance(value, bool):
        raise RecordError(f"{what} must be epoch seconds, got {value!r}")
    try:
        seconds = float(value)  # type: ignore[arg-type]
        return datetime.fromtimestamp(seconds, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        raise RecordError(f"{what} must be epoch seconds, got {value!r}") from None


def parse_any_time(value: object, tz: tzinfo = UTC, *, what: str = "timestamp") -> datetime:
    """Epoch seconds, ISO 8601 or `YYYY-MM-DD HH:MM[:SS] UTC`, in UTC (naive read in `tz`)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse_epoch(value, what=what)
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return parse_epoch(text, what=what)
        if text.upper().endswith(" UTC"):
            return parse_iso(text[:-4].strip(), UTC, what=what)
        return parse_iso(text, tz, what=what)
    raise RecordError(f"{what} must be a timestamp, got {value!r}")


def require(record: Mapping[str, Any], key: str, kind: type | tuple[type, ...] = str) -> Any:
    """`record[key]`, which must exist and have the given type."""
    if key not in record or record[key] is None:
        raise RecordError(f"missing required field {key!r}")
    value = record[key]
    if not isinstance(value, kind):
        raise RecordError(f"field {key!r} has the wrong type ({type(value).__name__})")
    return value


def optional(record: Mapping[str, Any], key: str, kind: type | tuple[type, ...] = str) -> Any:
    """`record[key]` if present and of the given type, else None (wrong types are ignored)."""
    value = record.get(key)
    return value if isinstance(value, kind) else None


def as_mapping(value: object, what: str = "record") -> Mapping[str, Any]:
    """A JSON object, or a `RecordError` naming what was expected."""
    if not isinstance(value, dict):
        raise RecordError(f"{what} must be a JSON object, got {type(value).__name__}")
    return value


def input_error(message: str, path: Path | str, line: int | None = None) -> InputError:
    """The one error type importers raise, naming the file (or archive member) and line."""
    return InputError(message, path=path, line=line)


def check_file(path: Path) -> int:
    """The size of a readable input file, or an `InputError`."""
    try:
        if path.is_dir():
            raise input_error("expected a file, got a folder", path)
        return path.stat().st_size
    except OSError as problem:
        raise input_error(f"cannot read input: {problem.strerror}", path) from None
