"""git history: a repository (runs `git log`) or a saved `git log` dump.

The dump is what `git log` prints in its default (`medium`) or `fuller` format, with or
without `--decorate`, with dates in the default, `--date=iso` or `--date=iso-strict` style;
`--stat` lines are ignored. Each commit becomes an event (kind `commit`, or `merge` for a commit
with several parents) at its commit date (author date when the dump has no commit date), by its
author; each tag in a decoration becomes a `tag` event. The commit hash is the source id.
For a repository, `git log --all --pretty=fuller --date=iso-strict --decorate=short` is run.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from blameless.model import TimelineEvent
from blameless.timeline.base import (
    NUL_MESSAGE,
    ImportContext,
    RecordError,
    has_nul,
    input_error,
    parse_iso,
)
from blameless.timeline.records import iter_lines

SOURCE = "git"
_COMMIT = re.compile(r"^commit ([0-9a-f]{7,64})(?: \((.*)\))?\s*$")
_HEADER = re.compile(r"^(Merge|Author|AuthorDate|Commit|CommitDate|Date):\s*(.*)$")
_PERSON = re.compile(r"^(.*?)\s*<[^>]*>\s*$")


@dataclass
class _Commit:
    sha: str
    line: int
    decorations: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    message: list[str] = field(default_factory=list)


def read(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events from a git repository folder or a `git log` dump file."""
    if path.is_dir():
        yield from _parse(_run_git(path, context), str(path), context)
    else:
        lines = ((n, raw.decode("utf-8", "replace")) for n, raw in iter_lines(path, context))
        yield from _parse(lines, str(path), context)


def _run_git(repo: Path, context: ImportContext) -> Iterator[tuple[int, str]]:
    command = ["git", "-C", str(repo), "log", "--all", "--pretty=fuller", "--date=iso-strict"]
    command.append("--decorate=short")
    if context.options.since:
        command.append(f"--since={context.options.since.isoformat()}")
    if context.options.until:
        command.append(f"--until={context.options.until.isoformat()}")
    # stderr goes to a file: a pipe left unread while stdout is read can fill up and block git.
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL
            )
        except OSError as problem:
            raise input_error(f"cannot run git: {problem.strerror}", repo) from None
        assert process.stdout is not None
        with process:
            for number, raw in enumerate(process.stdout, start=1):
                yield number, raw.decode("utf-8", "replace")
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
            first = message.splitlines()[0] if message else f"exit code {process.returncode}"
            raise input_error(f"git log failed: {first}", repo)


def _parse(
    lines: Iterable[tuple[int, str]], where: str, context: ImportContext
) -> Iterator[TimelineEvent]:
    current: _Commit | None = None
    for number, raw in lines:
        text = raw.rstrip("\r\n")
        start = _COMMIT.match(text)
        if start:
            if current:
                yield from _emit(current, where, context)
            current = _Commit(start.group(1), number, start.group(2) or "")
            continue
        if current is None:
            if text.strip():
                context.reject(input_error("expected a 'commit <hash>' line", where, number))
            continue
        header = _HEADER.match(text)
        if header and not current.message:
            current.headers[header.group(1)] = header.group(2)
        elif text.startswith("    "):
            current.message.append(text[4:])
    if current:
        yield from _emit(current, where, context)


def _emit(commit: _Commit, where: str, context: ImportContext) -> Iterator[TimelineEvent]:
    try:
        when = commit.headers.get("CommitDate") or commit.headers.get("Date")
        if when is None:
            raise RecordError(f"commit {commit.sha[:12]} has no Date or CommitDate line")
        timestamp = parse_git_date(when, context)
        author = commit.headers.get("Author")
        if author is None:
            raise RecordError(f"commit {commit.sha[:12]} has no Author line")
    except RecordError as problem:
        context.reject(input_error(str(problem), where, commit.line))
        return
    if not context.in_window(timestamp):
        return
    person = _PERSON.match(author)
    actor = person.group(1) if person else author
    subject = next((m.strip() for m in commit.message if m.strip()), "(no message)")
    merge = "Merge" in commit.headers
    events = [
        TimelineEvent(
            timestamp=timestamp,
            text=f"{'Merged' if merge else 'Committed'} {commit.sha[:10]}: {subject}",
            actor=actor,
            source=SOURCE,
            source_id=commit.sha,
            kind="merge" if merge else "commit",
        )
    ]
    for decoration in commit.decorations.split(","):
        decoration = decoration.strip()
        if decoration.startswith("tag: "):
            tag = decoration[5:]
            events.append(
                TimelineEvent(
                    timestamp=timestamp,
                    text=f"Tagged {tag} at {commit.sha[:10]}",
                    actor=actor,
                    source=SOURCE,
                    source_id=f"tag:{tag}",
                    kind="tag",
                )
            )
    if any(has_nul(event) for event in events):
        context.reject(input_error(NUL_MESSAGE, where, commit.line))
        return
    yield from events


def parse_git_date(value: str, context: ImportContext) -> datetime:
    """A date as `git log` prints it (default, `iso` or `iso-strict` style), in UTC."""
    text = value.strip()
    for layout in ("%a %b %d %H:%M:%S %Y %z", "%Y-%m-%d %H:%M:%S %z"):
        try:
            return datetime.strptime(text, layout).astimezone(UTC)
        except ValueError:
            continue
        except OverflowError:
            raise RecordError(f"date is out of range: {value!r}") from None
    return parse_iso(text, context.options.tz, what="date")
