"""Slack export: names, mentions, threads, bots, edits, joins, channels, zip archives."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from blameless.errors import InputError
from blameless.model import TimelineEvent
from blameless.timeline.slack import resolve_mentions

Reader = Callable[..., list[TimelineEvent]]


def test_messages_resolve_users_and_mentions(read: Reader, fixtures: Path) -> None:
    events = read("slack", fixtures / "slack", channels=frozenset({"incident-checkout"}))
    by_id = {e.source_id: e for e in events}
    ic = by_id["C06INC0001/1772633100.000400"]
    assert ic.actor == "Sam Okafor"  # empty display name falls back to the real name
    assert ic.text == (
        "#incident-checkout: @Priya Natarajan I'm IC. @here the namespace checkout-prod "
        "does not exist any more"
    )
    assert ic.timestamp == datetime(2026, 3, 4, 14, 5, 0, 400, tzinfo=UTC)
    assert ic.source == "slack"


def test_thread_reply_points_to_parent(read: Reader, fixtures: Path) -> None:
    events = read("slack", fixtures / "slack", link_base="https://acme.slack.com/")
    reply = next(e for e in events if e.kind == "reply")
    assert reply.actor == "Priya Natarajan"
    assert reply.link == (
        "https://acme.slack.com/archives/C06INC0001/p1772633172000500"
        "?thread_ts=1772633100.000400&cid=C06INC0001"
    )


def test_bot_messages_are_marked_and_links_unwrapped(read: Reader, fixtures: Path) -> None:
    bot = next(e for e in read("slack", fixtures / "slack") if e.kind == "bot")
    assert bot.actor == "PagerDuty"
    assert bot.text.endswith("Triggered: HighErrorRate checkout (5xx > 20%) #4242")


def test_joins_skipped_by_default_and_kept_on_request(read: Reader, fixtures: Path) -> None:
    default = read("slack", fixtures / "slack")
    assert not any("has joined" in e.text for e in default)
    kept = read("slack", fixtures / "slack", include_joins=True)
    assert len(kept) == len(default) + 2


def test_channel_selection_and_unknown_channel(read: Reader, fixtures: Path) -> None:
    events = read("slack", fixtures / "slack", channels=frozenset({"general"}))
    assert [e.text for e in events] == ["#general: lunch anyone?"]
    with pytest.raises(InputError, match="no such channel in the export: random"):
        read("slack", fixtures / "slack", channels=frozenset({"random"}))


def test_time_window(read: Reader, fixtures: Path) -> None:
    since = datetime(2026, 3, 4, 14, 4, tzinfo=UTC)
    until = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)
    events = read("slack", fixtures / "slack", since=since, until=until)
    assert [e.kind for e in events] == ["message", "reply"]


@pytest.mark.parametrize("prefix", ["", "acme Slack export Mar 4 2026/"])
def test_zip_export_same_as_folder(
    read: Reader, fixtures: Path, tmp_path: Path, prefix: str, zip_folder: Callable[..., Path]
) -> None:
    archive = zip_folder(fixtures / "slack", tmp_path / "export.zip", prefix)
    assert read("slack", archive) == read("slack", fixtures / "slack")


def test_message_changed_replaces_text(read: Reader, fixtures: Path, tmp_path: Path) -> None:
    export = tmp_path / "slack"
    shutil.copytree(fixtures / "slack", export)
    day = export / "general" / "2026-03-04.json"
    messages = json.loads(day.read_text())
    messages.append(
        {
            "type": "message",
            "subtype": "message_changed",
            "ts": "1772632520.000900",
            "message": {
                "type": "message",
                "user": "U02ABCD12",
                "text": "lunch at 1?",
                "ts": "1772632510.000100",
                "edited": {"user": "U02ABCD12", "ts": "1772632520.000000"},
            },
        }
    )
    day.write_text(json.dumps(messages))
    events = read("slack", export, channels=frozenset({"general"}))
    assert [e.text for e in events] == ["#general: lunch at 1?"]


def test_malformed_message_names_member_and_line(
    read: Reader, fixtures: Path, tmp_path: Path
) -> None:
    export = tmp_path / "slack"
    shutil.copytree(fixtures / "slack", export)
    (export / "general" / "2026-03-04.json").write_text('[\n  {"type": "message"},\n  3\n]\n')
    with pytest.raises(InputError) as caught:
        read("slack", export)
    assert caught.value.path == str(export / "general" / "2026-03-04.json")
    assert caught.value.line == 2
    assert "missing required field 'ts'" in caught.value.message
    assert len(read("slack", export, skip_invalid=True)) == 5


def test_not_an_export(read: Reader, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="not a Slack export"):
        read("slack", tmp_path)
    with pytest.raises(InputError, match="not a Slack export folder or zip"):
        read("slack", tmp_path / "notes.txt")
    with pytest.raises(InputError, match="no such file or folder"):
        read("slack", tmp_path / "missing")


def test_resolve_mentions_without_known_user() -> None:
    assert resolve_mentions("<@U999|bob> see <#C1|ops> &amp; <https://x.io>", {}) == (
        "@bob see #ops & https://x.io"
    )
