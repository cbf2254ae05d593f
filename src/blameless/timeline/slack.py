"""Slack workspace export: `users.json`, `channels.json`, `<channel>/<YYYY-MM-DD>.json`.

The export is a folder or a `.zip`. User ids and `<@U…>` mentions become display names; a
thread reply keeps its parent in `link` (`?thread_ts=`) and has kind `reply`; bot messages have
kind `bot`. Edits are respected: an exported message already holds its edited text, and a
`message_changed` record replaces the text of the message it edits. Joins and leaves are
skipped unless `include_joins`. Each day file (one day of one channel) is read whole; channels
are selected with `ImportOptions.channels`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path, PurePosixPath
from typing import IO, Any

from blameless.model import TimelineEvent
from blameless.timeline.base import (
    NUL_MESSAGE,
    ImportContext,
    RecordError,
    as_mapping,
    input_error,
    optional,
    parse_epoch,
    require,
)
from blameless.timeline.records import iter_json_stream

SOURCE = "slack"
_DAY_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_CHANNEL_REF = re.compile(r"<#(C[A-Z0-9]+)(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!(here|channel|everyone)(?:\|[^>]*)?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
_JOIN_SUBTYPES = {"channel_join", "channel_leave", "group_join", "group_leave"}
_IGNORED_SUBTYPES = {"message_deleted", "channel_topic", "channel_purpose", "pinned_item"}


class _Export:
    """Uniform access to the members of an export folder or zip archive."""

    def __init__(self, path: Path, stack: ExitStack) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        if path.is_dir():
            names = [p.relative_to(path).as_posix() for p in path.rglob("*.json")]
        elif path.is_file():
            try:
                self._zip = stack.enter_context(zipfile.ZipFile(path))
            except (zipfile.BadZipFile, OSError) as problem:
                raise input_error(f"not a Slack export folder or zip: {problem}", path) from None
            names = [n for n in self._zip.namelist() if n.endswith(".json")]
        else:
            raise input_error("no such file or folder", path)
        # Archives made by zipping the export folder put everything under one top folder.
        prefix = ""
        if "users.json" not in names:
            nested = [n for n in names if PurePosixPath(n).name == "users.json"]
            if nested:
                prefix = nested[0][: -len("users.json")]
        self._prefix = prefix
        self.names = sorted(n[len(prefix) :] for n in names if n.startswith(prefix))

    def where(self, name: str) -> str:
        return f"{self.path}:{name}" if self._zip else str(self.path / name)

    def open(self, name: str) -> tuple[IO[bytes], int]:
        full = self._prefix + name
        try:
            if self._zip is not None:
                return self._zip.open(full), self._zip.getinfo(full).file_size
            file = self.path / full
            return file.open("rb"), file.stat().st_size
        except (OSError, KeyError, zipfile.BadZipFile, RuntimeError) as problem:
            raise input_error(f"cannot read export member: {problem}", self.where(name)) from None

    def read_list(self, name: str, context: ImportContext) -> Iterator[tuple[int, Any]]:
        handle, size = self.open(name)
        with handle:
            yield from iter_json_stream(handle, self.where(name), context, size)


def read(path: Path, context: ImportContext) -> Iterator[TimelineEvent]:
    """Events from a Slack export folder or zip, day by day, channel by channel."""
    with ExitStack() as stack:
        export = _Export(path, stack)
        if "users.json" not in export.names and not any("/" in n for n in export.names):
            raise input_error("not a Slack export: no users.json and no channel folders", path)
        users = _user_names(export, context)
        channels = _channel_ids(export, context)
        wanted = context.options.channels
        days = [n for n in export.names if "/" in n and _DAY_FILE.match(n.rsplit("/", 1)[1])]
        unknown = wanted - {n.split("/", 1)[0] for n in days}
        if unknown:
            raise input_error(f"no such channel in the export: {', '.join(sorted(unknown))}", path)
        for name in days:
            channel = name.split("/", 1)[0]
            if wanted and channel not in wanted:
                continue
            yield from _read_day(export, name, channel, channels.get(channel), users, context)


def _user_names(export: _Export, context: ImportContext) -> dict[str, str]:
    if "users.json" not in export.names:
        return {}
    names: dict[str, str] = {}
    for line, value in export.read_list("users.json", context):
        try:
            user = as_mapping(value, "user")
            profile = optional(user, "profile", dict) or {}
            user_id = require(user, "id")
            names[user_id] = (
                optional(profile, "display_name")
                or optional(profile, "real_name")
                or optional(user, "real_name")
                or optional(user, "name")
                or user_id
            )
        except RecordError as problem:
            context.reject(input_error(str(problem), export.where("users.json"), line))
    return names


def _channel_ids(export: _Export, context: ImportContext) -> dict[str, str]:
    ids: dict[str, str] = {}
    for listing in ("channels.json", "groups.json"):
        if listing not in export.names:
            continue
        for line, value in export.read_list(listing, context):
            try:
                channel = as_mapping(value, "channel")
                ids[require(channel, "name")] = require(channel, "id")
            except RecordError as problem:
                context.reject(input_error(str(problem), export.where(listing), line))
    return ids


def _read_day(
    export: _Export,
    name: str,
    channel: str,
    channel_id: str | None,
    users: Mapping[str, str],
    context: ImportContext,
) -> Iterator[TimelineEvent]:
    where = export.where(name)
    by_ts: dict[str, TimelineEvent] = {}
    for line, value in export.read_list(name, context):
        try:
            message = as_mapping(value, "message")
            subtype = optional(message, "subtype")
            if subtype == "message_changed":
                _apply_edit(message, by_ts, channel, users)
                continue
            if subtype in _IGNORED_SUBTYPES or (
                subtype in _JOIN_SUBTYPES and not context.options.include_joins
            ):
                context.stats.filtered += 1
                continue
            event = _event(message, channel, channel_id, users, context.options.link_base)
        except RecordError as problem:
            context.reject(input_error(str(problem), where, line))
            continue
        if context.admit(event, where, line):
            by_ts[message["ts"]] = event
    yield from by_ts.values()


def _event(
    message: Mapping[str, Any],
    channel: str,
    channel_id: str | None,
    users: Mapping[str, str],
    link_base: str | None,
) -> TimelineEvent:
    ts = require(message, "ts")
    timestamp = parse_epoch(ts, what="ts")
    thread_ts = optional(message, "thread_ts")
    is_reply = thread_ts is not None and thread_ts != ts
    bot = optional(message, "subtype") == "bot_message" or "bot_id" in message
    user = optional(message, "user")
    bot_profile = optional(message, "bot_profile", dict) or {}
    actor = (
        users.get(user, user)
        if user
        else optional(message, "username") or optional(bot_profile, "name")
    )
    kind = "bot" if bot else "reply" if is_reply else "message"
    text = resolve_mentions(optional(message, "text") or "", users)
    if not text:
        files = optional(message, "files", list) or []
        titles = [f.get("title") or f.get("name") for f in files if isinstance(f, dict)]
        text = "shared " + ", ".join(t for t in titles if isinstance(t, str)) if titles else ""
    link_id = channel_id or channel
    link = f"archives/{link_id}/p{ts.replace('.', '')}"
    if is_reply:
        link += f"?thread_ts={thread_ts}&cid={link_id}"
    if link_base:
        link = f"{link_base.rstrip('/')}/{link}"
    return TimelineEvent(
        timestamp=timestamp,
        text=f"#{channel}: {text}",
        actor=actor,
        source=SOURCE,
        source_id=f"{link_id}/{ts}",
        kind=kind,
        link=link,
    )


def _apply_edit(
    message: Mapping[str, Any],
    by_ts: dict[str, TimelineEvent],
    channel: str,
    users: Mapping[str, str],
) -> None:
    edited = as_mapping(require(message, "message", dict), "message")
    target = by_ts.get(str(edited.get("ts")))
    if target is not None:
        text = f"#{channel}: {resolve_mentions(optional(edited, 'text') or '', users)}"
        if "\x00" in text:
            raise RecordError(NUL_MESSAGE)
        target.text = text


def resolve_mentions(text: str, users: Mapping[str, str]) -> str:
    """Slack markup as plain text: `<@U…>` → `@Name`, `<#C…|name>` → `#name`, links unwrapped."""
    text = _MENTION.sub(lambda m: "@" + (users.get(m.group(1)) or m.group(2) or m.group(1)), text)
    text = _CHANNEL_REF.sub(lambda m: "#" + (m.group(2) or m.group(1)), text)
    text = _SPECIAL.sub(lambda m: "@" + m.group(1), text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
