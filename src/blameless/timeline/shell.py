"""Shell history with timestamps.

bash with `HISTTIMEFORMAT` writes `#<epoch>` before each command (several lines follow it for
multi-line commands with `lithist`); zsh's extended history writes `: <epoch>:<secs>;command`.
Commands with no timestamp cannot be placed in time and are counted as filtered. The actor is
`ImportOptions.actor` (shell history does not say who typed). History has no ids of its own, so
the source id is a hash of the event's content (`ContentIds`); errors name the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from blameless.errors import InputError
from blameless.model import TimelineEvent
from blameless.timeline.base import (
    ContentIds,
    ImportContext,
    RecordError,
    input_error,
    parse_epoch,
)
from blameless.timeline.records import decode_line, iter_lines

SOURCE = "shell"
_BASH_STAMP = re.compile(r"^#(\d{9,11})\s*$")
_ZSH_ENTRY = re.compile(r"^: (\d{9,11}):\d+;(.*)$", re.DOTALL)


def read(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events, one per timestamped command, from a bash or zsh history file."""
    ids = ContentIds()
    stamp: datetime | None = None
    pending: tuple[int, list[str]] | None = None
    for number, raw in iter_lines(path, context):
        try:
            text = decode_line(raw, path, number).rstrip("\r\n")
        except InputError as problem:
            context.reject(problem)
            continue
        bash = _BASH_STAMP.match(text)
        zsh = _ZSH_ENTRY.match(text)
        if bash or zsh:
            if pending and stamp:
                yield from _emit(stamp, pending, path, context, ids)
            pending = None
            try:
                stamp = parse_epoch((bash or zsh).group(1))  # type: ignore[union-attr]
            except RecordError as problem:
                context.reject(input_error(str(problem), path, number))
                stamp = None
                continue
            if zsh:
                pending = (number, [zsh.group(2)])
            continue
        if stamp is None:
            context.stats.filtered += 1
        elif pending is None:
            pending = (number, [text])
        else:
            pending[1].append(text)
    if pending and stamp:
        yield from _emit(stamp, pending, path, context, ids)


def _emit(
    stamp: datetime,
    pending: tuple[int, list[str]],
    path: Path,
    context: ImportContext,
    ids: ContentIds,
) -> Iterator[TimelineEvent]:
    number, lines = pending
    command = "\n".join(lines).strip()
    if not command:
        return
    event = ids.assign(
        TimelineEvent(
            timestamp=stamp,
            text=f"$ {command}",
            actor=context.options.actor,
            source=SOURCE,
            kind="command",
        )
    )
    if context.admit(event, path, number):
        yield event
